import type { CustomerMetrics } from './customer-metrics.js';

/**
 * The health score's formula: six earned parts that add up to at most 100, and four deductions for
 * open problems. Every part is a whole number; the score is their sum clamped to 0–100.
 *
 * | component            | points    | rule                                                                                     |
 * |----------------------|-----------|------------------------------------------------------------------------------------------|
 * | `recency`            | 0 … 20    | days since last contact ≤ 7 → 20, ≤ 14 → 16, ≤ 30 → 10, ≤ 60 → 4, older or never → 0      |
 * | `frequency`          | 0 … 30    | 30 × min(changeRatio, 1), rounded; trend `new` → 18; no baseline but recent contact → 30; nothing → 0 |
 * | `sentiment`          | 0 … 20    | 10 + 10 × mean score (last 30 days, else the prior 90), rounded; no score → 10; trend `worsening` → −5, not below 0 |
 * | `responsiveness`     | 0 … 10    | median reply ≤ 1 h → 10, ≤ 4 h → 8, ≤ 24 h → 5, ≤ 72 h → 2, slower → 0; no reply pair yet → 5 |
 * | `engagement`         | 0 or 10   | the customer reached out (inbound) in the last 30 days → 10                              |
 * | `buyingSignals`      | 0 … 10    | 5 per opportunity signal of the last 90 days, at most 10                                  |
 * | `complaints`         | −16 … 0   | −8 per complaint in the last 30 days                                                     |
 * | `paymentDelays`      | −16 … 0   | −8 per payment delay in the last 30 days                                                 |
 * | `competitorPressure` | −18 … 0   | −6 per competitor mention and −3 per price objection in the last 30 days                 |
 * | `overdueTasks`       | −9 … 0    | −3 per overdue follow-up task                                                            |
 *
 * Frequency weighs most because a fading contact rate is the earliest sign of churn in B2B; the
 * deductions look at the last 30 days only, so a problem that has been dealt with stops costing.
 */
export const HEALTH_COMPONENTS = [
  'recency',
  'frequency',
  'sentiment',
  'responsiveness',
  'engagement',
  'buyingSignals',
  'complaints',
  'paymentDelays',
  'competitorPressure',
  'overdueTasks',
] as const;
export type HealthComponent = (typeof HEALTH_COMPONENTS)[number];

/** Points by the first threshold the value is at or under; `otherwise` beyond the last. */
const stepPoints = (value: number, steps: readonly (readonly [number, number])[], otherwise: number) =>
  steps.find(([limit]) => value <= limit)?.[1] ?? otherwise;

const RECENCY_STEPS = [[7, 20], [14, 16], [30, 10], [60, 4]] as const;
const FREQUENCY_POINTS = 30;
const NEW_CUSTOMER_FREQUENCY_POINTS = 18;
const SENTIMENT_NEUTRAL_POINTS = 10;
/** Points per unit of mean score either side of neutral: −1 → 0, +1 → 20. */
const SENTIMENT_POINTS_PER_UNIT = 10;
const SENTIMENT_WORSENING_PENALTY = 5;
/** Reply limits in minutes. */
const RESPONSIVENESS_STEPS = [[60, 10], [240, 8], [1_440, 5], [4_320, 2]] as const;
const RESPONSIVENESS_UNKNOWN_POINTS = 5;
const ENGAGEMENT_POINTS = 10;
const POINTS_PER_OPPORTUNITY = 5;
const BUYING_SIGNAL_CAP = 10;

/** Deductions: points per item in the last 30 days, and the most the component can take away. */
const COMPLAINT_DEDUCTION = { perItem: 8, cap: 16 } as const;
const PAYMENT_DELAY_DEDUCTION = { perItem: 8, cap: 16 } as const;
const COMPETITOR_MENTION_POINTS = 6;
const PRICE_OBJECTION_POINTS = 3;
const COMPETITOR_PRESSURE_CAP = 18;
const OVERDUE_TASK_DEDUCTION = { perItem: 3, cap: 9 } as const;

/** A deduction as a negative number (a plain 0, not −0, when nothing is deducted). */
const deduction = (points: number, cap: number) => (points === 0 ? 0 : -Math.min(points, cap));

/**
 * Each component's points for the metrics, per the table above.
 *
 * @example
 * healthScoreComponents(metrics)
 * // { recency: 20, frequency: 8, sentiment: 1, responsiveness: 10, engagement: 10, buyingSignals: 10,
 * //   complaints: 0, paymentDelays: 0, competitorPressure: -18, overdueTasks: 0 }
 */
export function healthScoreComponents(metrics: CustomerMetrics): Record<HealthComponent, number> {
  const { communications, sentiment, responseTime, signals, tasks } = metrics;
  return {
    recency: metrics.daysSinceLastContact === null ? 0 : stepPoints(metrics.daysSinceLastContact, RECENCY_STEPS, 0),
    frequency: frequencyPoints(communications),
    sentiment: sentimentPoints(sentiment),
    responsiveness:
      responseTime.medianMinutes === null ? RESPONSIVENESS_UNKNOWN_POINTS : stepPoints(responseTime.medianMinutes, RESPONSIVENESS_STEPS, 0),
    engagement: communications.inboundLast30Days > 0 ? ENGAGEMENT_POINTS : 0,
    buyingSignals: Math.min(metrics.opportunities.length * POINTS_PER_OPPORTUNITY, BUYING_SIGNAL_CAP),
    complaints: deduction(COMPLAINT_DEDUCTION.perItem * signals.complaints.last30Days, COMPLAINT_DEDUCTION.cap),
    paymentDelays: deduction(PAYMENT_DELAY_DEDUCTION.perItem * signals.paymentDelays.last30Days, PAYMENT_DELAY_DEDUCTION.cap),
    competitorPressure: deduction(
      COMPETITOR_MENTION_POINTS * signals.competitorMentions.last30Days + PRICE_OBJECTION_POINTS * signals.priceObjections.last30Days,
      COMPETITOR_PRESSURE_CAP,
    ),
    overdueTasks: deduction(OVERDUE_TASK_DEDUCTION.perItem * tasks.overdue, OVERDUE_TASK_DEDUCTION.cap),
  };
}

function frequencyPoints(communications: CustomerMetrics['communications']): number {
  if (communications.trend === 'new') return NEW_CUSTOMER_FREQUENCY_POINTS;
  if (communications.changeRatio === null) return communications.last30Days > 0 ? FREQUENCY_POINTS : 0;
  return Math.round(FREQUENCY_POINTS * Math.min(communications.changeRatio, 1));
}

function sentimentPoints(sentiment: CustomerMetrics['sentiment']): number {
  const mean = sentiment.averageLast30Days ?? sentiment.averagePrior90Days;
  const points = mean === null ? SENTIMENT_NEUTRAL_POINTS : Math.round(SENTIMENT_NEUTRAL_POINTS + SENTIMENT_POINTS_PER_UNIT * mean);
  return Math.max(points - (sentiment.trend === 'worsening' ? SENTIMENT_WORSENING_PENALTY : 0), 0);
}
