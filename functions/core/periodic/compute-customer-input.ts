import { redactPii } from '../../analysis/pii-redaction.js';
import { RECORD_SUMMARIES_MAX, RECORD_SUMMARY_MAX, type CustomerAgentInput, type RecordSummary } from '../agents/customer-agent-input.js';
import { computeCustomerMetrics } from '../insight/compute-customer-metrics.js';
import { scoreCustomerHealth } from '../insight/score-customer-health.js';
import type { CommunicationRecord } from '../model/communication-record.js';
import type { PeriodicRunDependencies } from './periodic-run-dependencies.js';
import { CustomerRunItem } from './periodic-run-input.js';
import { loadCustomerWindow } from '../insight/load-customer-window.js';
import { newestRecordKey } from './risk-alerts.js';
import * as z from '../zod.js';

export interface CustomerInputOutcome {
  /**
   * `false` when there is nothing for the agents to read: no record in the window — or, for the
   * five-minute risk check, none newer than what the customer's last A14 assessment read (each new
   * record is otherwise seen by the three checks of its 15-minute look-back).
   */
  readonly active: boolean;
  /**
   * `true` when the run names an `activeSince` and the customer has no record from then on: the
   * state machine runs A14 alone for it (nothing new for A11–A13 since they last read its records).
   */
  readonly quiet: boolean;
  /** The newest analysed record the agents read (`<occurredAt>#<recordId>`): the A14 watermark the save step keeps. */
  readonly assessedThrough?: string;
  readonly input?: CustomerAgentInput;
  /** Store round trips made (the periodic bench checks they stay per page, not per record). */
  readonly reads: number;
}

/** A short, redacted line for the agents: subject or body start, personal data masked. */
function summaryOf(record: CommunicationRecord): RecordSummary {
  const text = [record.subject, record.content].filter(Boolean).join(' — ').replace(/\s+/g, ' ').trim();
  const masked = redactPii(text.slice(0, RECORD_SUMMARY_MAX * 2)).text.slice(0, RECORD_SUMMARY_MAX);
  const { analysis } = record;
  return {
    recordId: record.recordId,
    occurredAt: record.occurredAt,
    type: record.type,
    direction: record.direction,
    ...(analysis.intent ? { intent: analysis.intent.category } : {}),
    ...(analysis.sentiment ? { sentiment: analysis.sentiment.overall } : {}),
    ...(analysis.urgency ? { urgency: analysis.urgency.level } : {}),
    summary: masked,
  };
}

/**
 * Step "Compute the customer's metrics": the last 120 days of the timeline in one paged query, the
 * customer's tasks in another, then the computed metrics, the health score and redacted summaries
 * of the most recent records — everything the agents may quote, computed here and nowhere else.
 */
export async function computeCustomerInput(deps: PeriodicRunDependencies, rawItem: unknown): Promise<CustomerInputOutcome> {
  const item = z.pick(CustomerRunItem, { tenantId: true, customerId: true, asOf: true, type: true, activeSince: true }).parse(rawItem);
  const asOf = new Date(item.asOf);
  const window = await loadCustomerWindow(deps, item.tenantId, item.customerId, asOf);
  let reads = window.reads;
  const { records, tasks } = window;
  const external = records.filter((record) => record.direction !== 'internal');
  if (external.length === 0) return { active: false, quiet: true, reads };
  // What this assessment will have read: records still being analysed are not counted as seen.
  const assessedThrough = newestRecordKey(external.filter((record) => record.analysis.status !== 'pending'));
  if (item.type === 'risk-check') {
    const { checkedThrough } = await deps.riskEpisodes.getRiskEpisodes(item.tenantId, item.customerId);
    reads++;
    if (checkedThrough !== undefined && (assessedThrough === undefined || assessedThrough <= checkedThrough)) return { active: false, quiet: true, reads };
  }
  const since = item.activeSince;
  const quiet = typeof since === 'string' && !external.some((record) => Date.parse(record.occurredAt) >= Date.parse(since));
  const [customer, settings] = await Promise.all([deps.customers.getCustomer(item.tenantId, item.customerId), deps.tenants.getTenant(item.tenantId)]);
  reads++;
  const timeZone = settings?.timezone ?? 'Asia/Shanghai';
  const metrics = computeCustomerMetrics({ customerId: item.customerId, records, tasks, asOf, timeZone });
  const recent = [...external].sort((a, b) => b.occurredAt.localeCompare(a.occurredAt)).slice(0, RECORD_SUMMARIES_MAX);
  return {
    active: true,
    quiet,
    ...(assessedThrough ? { assessedThrough } : {}),
    reads,
    input: {
      customer: {
        customerId: item.customerId,
        name: customer?.name ?? item.customerId,
        ...(customer?.owner ? { owner: customer.owner } : {}),
        priority: customer?.priority ?? 'normal',
      },
      metrics,
      health: scoreCustomerHealth(metrics),
      records: recent.map(summaryOf),
      ...(typeof since === 'string' ? { newsSince: since } : {}),
      timeZone,
      language: settings?.language ?? 'zh',
    },
  };
}
