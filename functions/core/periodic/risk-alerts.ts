import type { RiskAlert } from '../agents/a14-risk-alerts.js';
import type { Insight } from '../model/insight.js';
import type { RiskEpisode } from '../ports/risk-episode-store.js';
import { RiskEpisodesChangedError } from '../ports/risk-episode-store.js';
import type { PeriodicRunDependencies } from './periodic-run-dependencies.js';

/** Saves lost to a concurrent run (the risk check and a report on the same customer) are redone this often. */
const SAVE_ATTEMPTS = 3;

export interface RiskAlertOutcome {
  /** Alerts raised by this run (a risk not open before). */
  readonly raised: string[];
  /** Open alerts whose figures this run rewrote (new or read ones; handled ones are left as they are). */
  readonly refreshed: string[];
  /** Episodes that ended: the risk is no longer found, so its next appearance raises a new alert. */
  readonly ended: string[];
}

const compactDay = (iso: string) => iso.slice(0, 10).replaceAll('-', '');

/** The alert of one risk episode: one per customer, risk type and the day the episode began. */
export const riskAlertId = (customerId: string, type: string, startedAt: string) => `RISK-${customerId}-${type}-${compactDay(startedAt)}`;

const IMPORTANCE: Readonly<Record<RiskAlert['level'], Insight['importance']>> = { high: 'high', medium: 'medium', low: 'low' };

function alertContent(risk: RiskAlert, model: string): Pick<Insight, 'title' | 'detail' | 'data' | 'importance' | 'confidence' | 'relatedRecordIds'> {
  return {
    title: `${risk.type} risk (${risk.level}, ${risk.score}/100): ${risk.indicators[0] ?? ''}`.slice(0, 500),
    detail: [...risk.indicators, ...risk.recommended_actions.map((action) => `→ ${action}`)].join('\n').slice(0, 10_000),
    data: { kind: 'customer-risk', riskType: risk.type, level: risk.level, score: risk.score, indicators: risk.indicators, recommendedActions: risk.recommended_actions, model },
    importance: IMPORTANCE[risk.level],
    confidence: Math.min(1, Math.max(0, risk.score / 100)),
    relatedRecordIds: risk.evidence_record_ids,
  };
}

/**
 * The watermark of an A14 assessment: the newest of the records it read, as `<occurredAt>#<recordId>`
 * (occurredAt in UTC ISO form, so the keys order by time); `undefined` for none.
 */
export function newestRecordKey(records: readonly { readonly occurredAt: string; readonly recordId: string }[]): string | undefined {
  return records.map((record) => `${record.occurredAt}#${record.recordId}`).sort().at(-1);
}

/** Whose alerts, when, by which model — and the newest record the assessment read ({@link newestRecordKey}). */
export interface RiskAlertScope {
  readonly tenantId: string;
  readonly customerId: string;
  readonly at: string;
  readonly model: string;
  readonly checkedThrough?: string;
}

/**
 * A14's risks become alerts that are raised once per episode: a risk not open before raises a new
 * alert; one already open has its figures refreshed (while nobody has acted on or dismissed it —
 * then it is left alone, and not raised again while the signal persists); an open risk A14 no longer
 * finds ends its episode. The episode list is saved with optimistic locking, and alert ids are
 * derived from the episode, so a retried or concurrent run never doubles an alert.
 */
export async function recordRiskAlerts(
  deps: Pick<PeriodicRunDependencies, 'workItems' | 'riskEpisodes'>,
  scope: RiskAlertScope,
  risks: readonly RiskAlert[],
): Promise<RiskAlertOutcome> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await recordOnce(deps, scope, risks);
    } catch (error) {
      if (!(error instanceof RiskEpisodesChangedError) || attempt >= SAVE_ATTEMPTS) throw error;
    }
  }
}

async function recordOnce(
  deps: Pick<PeriodicRunDependencies, 'workItems' | 'riskEpisodes'>,
  scope: RiskAlertScope,
  risks: readonly RiskAlert[],
): Promise<RiskAlertOutcome> {
  const { tenantId, customerId, at } = scope;
  const stored = await deps.riskEpisodes.getRiskEpisodes(tenantId, customerId);
  const episodes: Record<string, RiskEpisode> = {};
  const outcome: RiskAlertOutcome = { raised: [], refreshed: [], ended: [] };
  for (const risk of risks) {
    const open = stored.episodes[risk.type];
    const content = alertContent(risk, scope.model);
    if (open) {
      const refreshed = await deps.workItems.refreshInsight(tenantId, open.insightId, content, at);
      if (refreshed && refreshed.updatedAt === at) outcome.refreshed.push(open.insightId);
      episodes[risk.type] = { ...open, lastSeenAt: at };
      continue;
    }
    const insightId = riskAlertId(customerId, risk.type, at);
    await deps.workItems.putInsight({ insightId, tenantId, customerId, type: 'risk', status: 'new', ...content, createdAt: at, updatedAt: at });
    episodes[risk.type] = { insightId, startedAt: at, lastSeenAt: at };
    outcome.raised.push(insightId);
  }
  for (const [type, open] of Object.entries(stored.episodes)) if (!episodes[type]) outcome.ended.push(open.insightId);
  // The watermark only moves forward (a retried or slower run may have read less).
  const checkedThrough = [stored.checkedThrough, scope.checkedThrough].filter((key): key is string => key !== undefined).sort().at(-1);
  await deps.riskEpisodes.saveRiskEpisodes(tenantId, customerId, episodes, stored.version, checkedThrough);
  return outcome;
}
