import type { CustomerMetrics, LifecycleStage } from './customer-metrics.js';
import { DAY_MS, LAST_WINDOW_DAYS } from './metric-windows.js';

/** Below this health score a customer is at risk whatever else is true. */
export const AT_RISK_SCORE = 50;
/** A first contact younger than this makes a `new` customer (or a prospect, without orders). */
export const NEW_CUSTOMER_DAYS = 90;
/** Opportunities "increase" with at least this many in the last 30 days … */
export const MIN_RECENT_OPPORTUNITIES = 2;
/** … more than the monthly average of the 60 days before (the rest of the 90-day opportunity window). */
const EARLIER_OPPORTUNITY_MONTHS = 2;

export interface StageDecision {
  stage: LifecycleStage;
  /** One line per rule that decided the stage. */
  reasons: string[];
}

/**
 * The lifecycle stage. Rules in order, the first that holds decides:
 *
 * | # | stage      | when                                                                                          |
 * |---|------------|-----------------------------------------------------------------------------------------------|
 * | 1 | `prospect` | no customer communication on record                                                          |
 * | 2 | `at-risk`  | score < 50; or trend `falling`/`silent` with complaints or competitor mentions in 120 days    |
 * | 3 | `prospect` | no order activity in 120 days, and the first contact is under 90 days old or there is no opportunity signal |
 * | 4 | `new`      | the first contact is under 90 days old                                                        |
 * | 5 | `growing`  | trend `rising`; or opportunities increasing (≥ 2 in the last 30 days, more than the monthly average of the 60 days before) |
 * | 6 | `mature`   | otherwise: in contact for 90 days or more, neither rising nor at risk                          |
 *
 * At-risk comes before prospect and new on purpose: a lead who complains or drifts away needs the
 * same attention as a customer who does. "Order activity" is a record with intent order, payment,
 * delivery or after-sales — only the 120-day window is seen, so a customer whose last order is older
 * and who has no live opportunity reads as a prospect again.
 *
 * @example lifecycleStage(metrics, 41) // { stage: 'at-risk', reasons: ['health score 41 is below 50', …] }
 */
export function lifecycleStage(metrics: CustomerMetrics, score: number): StageDecision {
  if (metrics.firstContactAt === null) return { stage: 'prospect', reasons: ['no customer communication on record'] };

  const atRisk = atRiskReasons(metrics, score);
  if (atRisk.length > 0) return { stage: 'at-risk', reasons: atRisk };

  const ageDays = Math.floor((Date.parse(metrics.asOf) - Date.parse(metrics.firstContactAt)) / DAY_MS);
  const isYoung = ageDays < NEW_CUSTOMER_DAYS;
  const { orderActivity } = metrics.signals;
  if (orderActivity.last30Days + orderActivity.prior90Days === 0) {
    const noOrders = 'no order, payment, delivery or after-sales communication in 120 days';
    if (isYoung) return { stage: 'prospect', reasons: [noOrders, `first contact ${ageDays} days ago, under ${NEW_CUSTOMER_DAYS}`] };
    if (metrics.opportunities.length === 0) return { stage: 'prospect', reasons: [noOrders, 'no buying signal in the last 90 days'] };
  }

  if (isYoung) return { stage: 'new', reasons: [`first contact ${ageDays} days ago, under ${NEW_CUSTOMER_DAYS}`] };

  const growing = growingReasons(metrics);
  if (growing.length > 0) return { stage: 'growing', reasons: growing };

  const { trend, changeRatio } = metrics.communications;
  const ratio = changeRatio === null ? '' : ` (${changeRatio} × baseline)`;
  return { stage: 'mature', reasons: [`in contact for ${ageDays} days, communication ${trend}${ratio} without problem signals`] };
}

function atRiskReasons(metrics: CustomerMetrics, score: number): string[] {
  const reasons: string[] = [];
  if (score < AT_RISK_SCORE) reasons.push(`health score ${score} is below ${AT_RISK_SCORE}`);
  const { trend, changeRatio } = metrics.communications;
  if (trend !== 'falling' && trend !== 'silent') return reasons;
  const { complaints, competitorMentions } = metrics.signals;
  const drift = trend === 'silent' ? 'no communication in the last 30 days' : `communication falling to ${changeRatio} × baseline`;
  const complaintCount = complaints.last30Days + complaints.prior90Days;
  const mentionCount = competitorMentions.last30Days + competitorMentions.prior90Days;
  if (complaintCount > 0) reasons.push(`${drift}, with ${complaintCount} complaint(s) in 120 days`);
  if (mentionCount > 0) reasons.push(`${drift}, with ${mentionCount} competitor mention(s) in 120 days`);
  return reasons;
}

function growingReasons(metrics: CustomerMetrics): string[] {
  const reasons: string[] = [];
  if (metrics.communications.trend === 'rising') {
    const ratio = metrics.communications.changeRatio;
    reasons.push(ratio === null ? 'communication resumed after a quiet baseline' : `communication rising to ${ratio} × baseline`);
  }
  const recentSince = Date.parse(metrics.asOf) - LAST_WINDOW_DAYS * DAY_MS;
  const recent = metrics.opportunities.filter((signal) => Date.parse(signal.occurredAt) > recentSince).length;
  const earlierMonthly = (metrics.opportunities.length - recent) / EARLIER_OPPORTUNITY_MONTHS;
  if (recent >= MIN_RECENT_OPPORTUNITIES && recent > earlierMonthly) {
    reasons.push(`${recent} buying signals in the last 30 days, up from ${earlierMonthly} a month before`);
  }
  return reasons;
}
