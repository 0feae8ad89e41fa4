import type { RiskType } from '../../core/agents/a14-risk-alerts.js';
import type { CustomerAgentInput, RecordSummary } from '../../core/agents/customer-agent-input.js';
import { A14_THRESHOLDS, clampScore } from './a14-risk-thresholds.js';
import { COUNT_NOUNS, communicationsVsBaseline, windowedCount } from './metric-phrases.js';
import { recordIds, withinDays } from './record-recency.js';
import { negativeRecordsPhrase, orderSignalsPhrase, overdueTasksPhrase, qualityRecordsPhrase, sentimentTrendPhrase, silentDaysPhrase, urgentComplaintsPhrase } from './a14-indicator-phrases.js';

/** What one rule found: the risk, its score, the computed figures that show it, and the records behind it. */
export interface RiskFinding {
  readonly type: RiskType;
  readonly score: number;
  readonly indicators: readonly string[];
  readonly evidence: readonly string[];
}

type RiskRule = (input: CustomerAgentInput) => RiskFinding | null;

// A short name for the thresholds the rules below compare against.
const T = A14_THRESHOLDS;

const QUALITY_CUES = /质量|品质|不良|缺陷|瑕疵|破损|色差|开裂|变形|不合格|quality|defect|damaged|faulty|crack|out of spec|non-?conform/i;

const fallingOff = ({ metrics }: CustomerAgentInput) => metrics.communications.trend === 'falling' || metrics.communications.trend === 'silent';
const recent = (input: CustomerAgentInput, days: number) => input.records.filter((record) => withinDays(record.occurredAt, input.metrics.asOf, days));
const withIntent = (records: readonly RecordSummary[], ...intents: string[]) => records.filter((record) => record.intent !== undefined && intents.includes(record.intent));

/**
 * churn — the customer is talking to us less: the communications trend is falling or silent, or the
 * last 30 days carry at most {@link A14_THRESHOLDS.churnChangeRatio} of the monthly baseline.
 * Score: the drop in percent, (1 − changeRatio) × 100, kept within 40–95; 60 without a baseline.
 */
const churn: RiskRule = (input) => {
  const { communications, daysSinceLastContact } = input.metrics;
  const dropped = communications.changeRatio !== null && communications.changeRatio <= T.churnChangeRatio;
  if (!fallingOff(input) && !dropped) return null;
  const score = communications.changeRatio === null ? 60 : clampScore((1 - communications.changeRatio) * 100, 40, 95);
  const silence = daysSinceLastContact !== null && daysSinceLastContact >= T.silentDays ? [silentDaysPhrase(daysSinceLastContact, input.language)] : [];
  // The latest records show where the conversation stopped.
  return { type: 'churn', score, indicators: [communicationsVsBaseline(communications, input.language), ...silence], evidence: recordIds(input.records, 3) };
};

/**
 * competitor_penetration — {@link A14_THRESHOLDS.competitorMentions30Days} or more competitor mentions in 30 days,
 * or competitors named at all while communications are falling or silent.
 * Score: 30 + 20 a mention in 30 days, +10 while falling off, at most 90.
 */
const competitorPenetration: RiskRule = (input) => {
  const { competitorMentions, competitors } = input.metrics.signals;
  const falling = fallingOff(input);
  if (competitorMentions.last30Days < T.competitorMentions30Days && !(competitors.length > 0 && falling)) return null;
  const names = competitors.slice(0, 3).join(input.language === 'zh' ? '、' : ', ');
  const mentions = windowedCount(competitorMentions, COUNT_NOUNS.competitorMentions, input.language);
  const indicators = [names ? `${mentions}${input.language === 'zh' ? '：' : ': '}${names}` : mentions];
  if (falling) indicators.push(communicationsVsBaseline(input.metrics.communications, input.language));
  const lowerNames = competitors.map((name) => name.toLowerCase());
  const naming = input.records.filter((record) => lowerNames.some((name) => record.summary.toLowerCase().includes(name)));
  const signals = input.metrics.opportunities.filter((signal) => signal.competitors.length > 0);
  return {
    type: 'competitor_penetration',
    score: clampScore(30 + 20 * competitorMentions.last30Days + (falling ? 10 : 0), 30, 90),
    indicators,
    evidence: recordIds([...naming, ...signals]),
  };
};

/**
 * complaint_escalation — at least {@link A14_THRESHOLDS.complaints30Days} complaint in 30 days; from
 * {@link A14_THRESHOLDS.complaintsEscalated30Days} on it is an escalation.
 * Score: 50 for one complaint, 75 (+5 each beyond two) for an escalation, +15 when a recent complaint
 * record is marked high urgency, at most 95.
 */
const complaintEscalation: RiskRule = (input) => {
  const { complaints } = input.metrics.signals;
  if (complaints.last30Days < T.complaints30Days) return null;
  const urgent = withIntent(recent(input, 30), 'complaint').filter((record) => record.urgency === 'high');
  const escalated = complaints.last30Days >= T.complaintsEscalated30Days;
  const base = escalated ? 75 + 5 * (complaints.last30Days - T.complaintsEscalated30Days) : 50;
  const indicators = [windowedCount(complaints, COUNT_NOUNS.complaints, input.language)];
  if (urgent.length > 0) indicators.push(urgentComplaintsPhrase(urgent.length, input.language));
  return { type: 'complaint_escalation', score: clampScore(base + (urgent.length > 0 ? 15 : 0), 0, 95), indicators, evidence: recordIds(withIntent(input.records, 'complaint')) };
};

/**
 * payment — at least {@link A14_THRESHOLDS.paymentDelays30Days} payment delay in 30 days, or
 * {@link A14_THRESHOLDS.paymentDelaysPrior90Days} in the 90 days before. Score: 40 + 20 a recent delay + 5 an
 * earlier one, within 40–90.
 */
const payment: RiskRule = (input) => {
  const { paymentDelays } = input.metrics.signals;
  if (paymentDelays.last30Days < T.paymentDelays30Days && paymentDelays.prior90Days < T.paymentDelaysPrior90Days) return null;
  return {
    type: 'payment',
    score: clampScore(40 + 20 * paymentDelays.last30Days + 5 * paymentDelays.prior90Days, 40, 90),
    indicators: [windowedCount(paymentDelays, COUNT_NOUNS.paymentDelays, input.language)],
    evidence: recordIds(withIntent(input.records, 'payment')),
  };
};

/**
 * relationship — the tone or the care is slipping. Points: no contact for {@link A14_THRESHOLDS.silentDays}+ days
 * 40 (twice that: 60); sentiment trend worsening 20; {@link A14_THRESHOLDS.negativeRecords30Days}+ negative records in
 * 30 days 15; {@link A14_THRESHOLDS.overdueTasks}+ overdue follow-ups 10. Raised when any applies; at most 90.
 */
const relationship: RiskRule = (input) => {
  const { daysSinceLastContact, sentiment, tasks } = input.metrics;
  const parts: Array<readonly [number, string]> = [];
  if (daysSinceLastContact !== null && daysSinceLastContact >= T.silentDays) {
    parts.push([daysSinceLastContact >= 2 * T.silentDays ? 60 : 40, silentDaysPhrase(daysSinceLastContact, input.language)]);
  }
  if (sentiment.trend === 'worsening') parts.push([20, sentimentTrendPhrase(sentiment, input.language)]);
  if (sentiment.negativeLast30Days >= T.negativeRecords30Days) parts.push([15, negativeRecordsPhrase(sentiment.negativeLast30Days, input.language)]);
  if (tasks.overdue >= T.overdueTasks) parts.push([10, overdueTasksPhrase(tasks.overdue, input.language)]);
  if (parts.length === 0) return null;
  const score = clampScore(parts.reduce((sum, [points]) => sum + points, 0), 0, 90);
  return { type: 'relationship', score, indicators: parts.map(([, text]) => text), evidence: recordIds(input.records.filter((record) => record.sentiment === 'negative')) };
};

/**
 * order_decline — buying dried up. Either the explicit buying signals (products, quantities, prices):
 * at most {@link A14_THRESHOLDS.orderSignalRatio} of the 60 days before's monthly rate in the last 30
 * days, when those 60 days held {@link A14_THRESHOLDS.orderSignalsPrior60Days}+ signals (the signals
 * list holds the newest 20 of 90 days, so a long list can only understate the earlier rate, never raise
 * a false decline); or the order-related records (`signals.orderActivity`) fell to the same share of
 * their monthly baseline from {@link A14_THRESHOLDS.orderActivityPrior90Days}+ in the prior 90 days.
 * Score: the larger drop in percent, within 40–85.
 */
const orderDecline: RiskRule = (input) => {
  const { opportunities, asOf, signals } = input.metrics;
  const drops: number[] = [];
  const indicators: string[] = [];
  const last30 = opportunities.filter((signal) => withinDays(signal.occurredAt, asOf, 30));
  const prior60 = opportunities.filter((signal) => !withinDays(signal.occurredAt, asOf, 30) && withinDays(signal.occurredAt, asOf, 90));
  const signalsMonthly = prior60.length / 2;
  if (prior60.length >= T.orderSignalsPrior60Days && last30.length <= T.orderSignalRatio * signalsMonthly) {
    drops.push(1 - last30.length / signalsMonthly);
    indicators.push(orderSignalsPhrase(last30.length, prior60.length, input.language));
  }
  const activity = signals.orderActivity;
  const activityMonthly = activity.prior90Days / 3;
  if (activity.prior90Days >= T.orderActivityPrior90Days && activity.last30Days <= T.orderSignalRatio * activityMonthly) {
    drops.push(1 - activity.last30Days / activityMonthly);
    indicators.push(windowedCount(activity, COUNT_NOUNS.orderActivity, input.language));
  }
  if (drops.length === 0) return null;
  const orderRecords = withIntent(input.records, 'order', 'payment', 'delivery', 'after_sales');
  return { type: 'order_decline', score: clampScore(Math.max(...drops) * 100, 40, 85), indicators, evidence: recordIds([...prior60, ...orderRecords]) };
};

/**
 * quality — at least {@link A14_THRESHOLDS.qualityRecords30Days} complaint or after-sales record of the last 30 days
 * whose summary names a quality problem (质量, 不良, defect, damaged…). Score: 40 + 15 a record, at most 85.
 */
const quality: RiskRule = (input) => {
  const matches = withIntent(recent(input, 30), 'complaint', 'after_sales').filter((record) => QUALITY_CUES.test(record.summary));
  if (matches.length < T.qualityRecords30Days) return null;
  return { type: 'quality', score: clampScore(40 + 15 * matches.length, 40, 85), indicators: [qualityRecordsPhrase(matches.length, input.language)], evidence: recordIds(matches) };
};

/** The local A14 rules, one per risk type. */
export const RISK_RULES = {
  churn,
  order_decline: orderDecline,
  complaint_escalation: complaintEscalation,
  competitor_penetration: competitorPenetration,
  payment,
  quality,
  relationship,
} as const satisfies Record<RiskType, RiskRule>;
