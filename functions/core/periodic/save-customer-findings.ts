import { createHash } from 'node:crypto';
import * as z from '../zod.js';
import { A11Output } from '../agents/a11-customer-insight.js';
import { A12Output } from '../agents/a12-opportunity-mining.js';
import { A13Output } from '../agents/a13-marketing-suggestions.js';
import { A14Output } from '../agents/a14-risk-alerts.js';
import { CustomerAgentInput } from '../agents/customer-agent-input.js';
import type { Insight } from '../model/insight.js';
import type { PeriodicRunDependencies } from './periodic-run-dependencies.js';
import { CustomerRunItem } from './periodic-run-input.js';
import { recordRiskAlerts, type RiskAlertOutcome } from './risk-alerts.js';

const agentResult = <T extends z.ZodMiniType>(output: T) =>
  z.object({ output, model: z.string(), modelCalls: z.number().check(z.int()), fallbackReason: z.optional(z.string()), corrections: z.optional(z.array(z.string())) });

/** The state of one customer's child execution when it reaches "Save the customer's findings". */
export const CustomerFindingsState = z.extend(CustomerRunItem, {
  metrics: z.object({ active: z.literal(true), input: CustomerAgentInput, assessedThrough: z.optional(z.string()) }),
  findings: z.optional(z.object({ insight: agentResult(A11Output), opportunities: agentResult(A12Output), risks: agentResult(A14Output) })),
  marketing: z.optional(agentResult(A13Output)),
  risks: z.optional(agentResult(A14Output)),
});
export type CustomerFindingsState = z.infer<typeof CustomerFindingsState>;

/** What a report reads of each customer: kept beside the report as `customers/<customerId>.json`. */
export interface CustomerSectionFile {
  readonly input: CustomerAgentInput;
  readonly insight?: z.infer<typeof A11Output>;
  readonly opportunities?: z.infer<typeof A12Output>;
  readonly marketing?: z.infer<typeof A13Output>;
  readonly risks: z.infer<typeof A14Output>;
  readonly alerts: RiskAlertOutcome;
  /** Which model (or `local`, `local-fallback`) answered each agent. */
  readonly models: Record<string, string>;
}

export const customerSectionFileName = (customerId: string) => `customers/${customerId}.json`;

/** ISO week of an instant (`2026W47`): A11/A13 findings are one item per customer and week, refreshed by daily runs. */
function isoWeekOf(iso: string): string {
  const date = new Date(iso.slice(0, 10));
  const weekday = date.getUTCDay() || 7;
  date.setUTCDate(date.getUTCDate() + 4 - weekday);
  const yearStart = Date.UTC(date.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((date.getTime() - yearStart) / 86_400_000 + 1) / 7);
  return `${date.getUTCFullYear()}W${String(week).padStart(2, '0')}`;
}

const digest = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 12);

/** Puts an insight once, or rewrites its content while it is new or read (never under someone who handled it). */
async function upsertInsight(deps: PeriodicRunDependencies, insight: Insight): Promise<void> {
  const stored = await deps.workItems.putInsight(insight);
  if (stored.createdAt !== insight.createdAt) {
    const { title, detail, data, importance, confidence, relatedRecordIds } = insight;
    await deps.workItems.refreshInsight(insight.tenantId, insight.insightId, { title, detail, data, importance, confidence, relatedRecordIds }, insight.updatedAt);
  }
}

/**
 * Step "Save the customer's findings": A14's risks become alerts (raised once per episode), A12's
 * opportunities become `opportunity` insights (one per opportunity, refreshed while open), A11 and
 * A13 one `insight` and one `marketing` item per customer and week; for a report run, the customer's
 * section is kept beside the report for the report step. Every write is keyed, so a retry repeats
 * nothing.
 */
export async function saveCustomerFindings(deps: PeriodicRunDependencies, rawState: unknown): Promise<{ customerId: string; alerts: RiskAlertOutcome; opportunities: number }> {
  const state = CustomerFindingsState.parse(rawState);
  const { tenantId, customerId } = state;
  const at = deps.clock.now().toISOString();
  const risks = state.findings?.risks ?? state.risks;
  if (!risks) throw new Error('no A14 answer in the state: the run reached the save step without the risk agent');
  const checkedThrough = state.metrics.assessedThrough;
  const alerts = await recordRiskAlerts(deps, { tenantId, customerId, at, model: risks.model, ...(checkedThrough ? { checkedThrough } : {}) }, risks.output.risks);

  const base = { tenantId, customerId, status: 'new' as const, createdAt: at, updatedAt: at };
  const week = isoWeekOf(state.asOf);
  const opportunities = state.findings?.opportunities.output.opportunities ?? [];
  for (const opportunity of opportunities) {
    await upsertInsight(deps, {
      ...base,
      insightId: `OPP-${customerId}-${digest(`${opportunity.title}|${[...opportunity.products].sort().join(',')}`)}`,
      type: 'opportunity',
      title: opportunity.title,
      detail: [...opportunity.next_actions].join('\n') || opportunity.title,
      confidence: opportunity.probability,
      importance: opportunity.probability >= 0.6 ? 'high' : opportunity.probability >= 0.3 ? 'medium' : 'low',
      relatedRecordIds: opportunity.evidence_record_ids,
      data: {
        kind: 'opportunity',
        ...opportunity,
        // Reports read a plain amount and its currency.
        ...(opportunity.estimated_value ? { estimated_value: opportunity.estimated_value.amount, currency: opportunity.estimated_value.currency } : {}),
        model: state.findings!.opportunities.model,
      },
    });
  }
  if (state.findings) {
    const insight = state.findings.insight.output;
    await upsertInsight(deps, {
      ...base,
      insightId: `INSIGHT-${customerId}-${week}`,
      type: 'insight',
      title: insight.relationship_health.summary,
      detail: [insight.decision_style, ...insight.needs_map.map((need) => `${need.need} (${need.priority})`)].join('\n'),
      confidence: 0.7,
      importance: insight.relationship_health.level === 'poor' ? 'high' : 'medium',
      relatedRecordIds: [],
      data: { kind: 'customer-insight', ...insight, model: state.findings.insight.model },
    });
  }
  if (state.marketing) {
    const marketing = state.marketing.output;
    await upsertInsight(deps, {
      ...base,
      insightId: `MARKETING-${customerId}-${week}`,
      type: 'marketing',
      title: `${marketing.segment}: ${marketing.key_messages[0] ?? marketing.channel_strategy}`.slice(0, 500),
      detail: [marketing.channel_strategy, ...marketing.content_suggestions].join('\n'),
      confidence: 0.6,
      importance: 'low',
      relatedRecordIds: [],
      data: { kind: 'marketing', ...marketing, model: state.marketing.model },
    });
  }
  if (state.reportId) {
    const section: CustomerSectionFile = {
      input: state.metrics.input,
      ...(state.findings ? { insight: state.findings.insight.output, opportunities: state.findings.opportunities.output } : {}),
      ...(state.marketing ? { marketing: state.marketing.output } : {}),
      risks: risks.output,
      alerts,
      models: {
        risks: risks.model,
        ...(state.findings ? { insight: state.findings.insight.model, opportunities: state.findings.opportunities.model } : {}),
        ...(state.marketing ? { marketing: state.marketing.model } : {}),
      },
    };
    await deps.blobs.putReportFile(tenantId, state.reportId, customerSectionFileName(customerId), JSON.stringify(section), 'application/json; charset=utf-8');
  }
  return { customerId, alerts, opportunities: opportunities.length };
}
