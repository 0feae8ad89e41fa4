import type { CommunicationRecord } from '../model/communication-record.js';
import { carriesCustomerWords } from './customer-communication.js';
import type { CustomerMetrics } from './customer-metrics.js';
import { METRIC_WINDOWS, metricWindowOf, occurredAtMs } from './metric-windows.js';

export type SentimentTrend = CustomerMetrics['sentiment'];

/** Means at least this far apart (on the −1…1 scale) make a trend; closer is `stable`. */
export const SENTIMENT_TREND_DELTA = 0.2;
/** Means are rounded to 2 decimals, so a difference meant as 0.2 may compute as 0.19999…; this absorbs it. */
const DELTA_EPSILON = 1e-9;

/** Summed in sorted order: floating-point addition is not associative, and input order must not matter. */
const mean = (values: readonly number[]) =>
  values.length === 0 ? null : [...values].sort((a, b) => a - b).reduce((sum, value) => sum + value, 0) / values.length;
/** To 2 decimals; `|| 0` turns a rounded −0 into 0. */
const rounded = (value: number | null) => (value === null ? null : Math.round(value * 100) / 100 || 0);

/**
 * Mean analysis sentiment score of the last 30 days against the 90 days before, from the records that
 * carry the customer's words (our own outbound mail is cheerful by design and would mask theirs).
 * Records without an analysed sentiment are left out. `improving` / `worsening` when the means differ
 * by 0.2 or more, `unknown` when either window has no score.
 *
 * @example sentimentTrend(records, asOf) // { averageLast30Days: -0.4, averagePrior90Days: 0.3, trend: 'worsening', negativeLast30Days: 2 }
 */
export function sentimentTrend(records: readonly CommunicationRecord[], asOf: Date): SentimentTrend {
  const last30: number[] = [];
  const prior90: number[] = [];
  let negativeLast30Days = 0;
  for (const record of records) {
    const sentiment = record.analysis.sentiment;
    const window = metricWindowOf(occurredAtMs(record), asOf);
    if (sentiment === undefined || window === undefined || !carriesCustomerWords(record)) continue;
    if (window === METRIC_WINDOWS.last30) {
      last30.push(sentiment.score);
      if (sentiment.overall === 'negative') negativeLast30Days += 1;
    } else prior90.push(sentiment.score);
  }
  const averageLast30Days = rounded(mean(last30));
  const averagePrior90Days = rounded(mean(prior90));
  return { averageLast30Days, averagePrior90Days, trend: trendOf(averageLast30Days, averagePrior90Days), negativeLast30Days };
}

function trendOf(recent: number | null, baseline: number | null): SentimentTrend['trend'] {
  if (recent === null || baseline === null) return 'unknown';
  const change = recent - baseline;
  if (change >= SENTIMENT_TREND_DELTA - DELTA_EPSILON) return 'improving';
  if (change <= -SENTIMENT_TREND_DELTA + DELTA_EPSILON) return 'worsening';
  return 'stable';
}
