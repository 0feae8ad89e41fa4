import type { CommunicationRecord } from '../model/communication-record.js';
import { contactRecency } from './contact-recency.js';
import type { CustomerMetrics } from './customer-metrics.js';
import { isCustomerCommunication } from './customer-communication.js';
import { BASELINE_WINDOW_DAYS, DAY_MS, LAST_WINDOW_DAYS, METRIC_WINDOWS, metricWindowOf, occurredAtMs } from './metric-windows.js';

/** Last 30 days at or below this share of the monthly baseline: `falling` (a drop of 40 % or more). */
export const FALLING_RATIO = 0.6;
/** Last 30 days at or above this multiple of the monthly baseline: `rising` (40 % more or above). */
export const RISING_RATIO = 1.4;
/** Ratios computed from counts land on the thresholds exactly; this absorbs floating-point error. */
const RATIO_EPSILON = 1e-9;

export type CommunicationVolume = CustomerMetrics['communications'];

const roundTo = (value: number, decimals: number) => Math.round(value * 10 ** decimals) / 10 ** decimals;

/**
 * Customer communications in the last 30 days against the 90 days before, expressed per 30 days,
 * and the trend. Rules, first match wins:
 *
 * | trend     | when                                                                                   |
 * |-----------|----------------------------------------------------------------------------------------|
 * | `silent`  | nothing in the last 30 days (whether or not there was a baseline)                        |
 * | `new`     | the first contact is within the last 30 days                                           |
 * | `rising`  | no baseline although the first contact is older (a customer coming back), or ratio ≥ 1.4 |
 * | `falling` | ratio ≤ 0.6                                                                            |
 * | `stable`  | otherwise                                                                              |
 *
 * `changeRatio` = last30Days / baselineMonthly, `null` without a baseline. Internal records do not count.
 *
 * @example
 * communicationVolume(records, asOf)
 * // { last30Days: 2, prior90Days: 24, baselineMonthly: 8, changeRatio: 0.25, trend: 'falling', inboundLast30Days: 2, outboundLast30Days: 0 }
 */
export function communicationVolume(records: readonly CommunicationRecord[], asOf: Date): CommunicationVolume {
  let last30Days = 0;
  let prior90Days = 0;
  let inboundLast30Days = 0;
  let outboundLast30Days = 0;
  for (const record of records) {
    if (!isCustomerCommunication(record)) continue;
    const window = metricWindowOf(occurredAtMs(record), asOf);
    if (window === METRIC_WINDOWS.prior90) prior90Days += 1;
    if (window !== METRIC_WINDOWS.last30) continue;
    last30Days += 1;
    if (record.direction === 'inbound') inboundLast30Days += 1;
    else outboundLast30Days += 1;
  }
  const baselineMonthly = prior90Days / (BASELINE_WINDOW_DAYS / LAST_WINDOW_DAYS);
  // One division from the counts (not last30 / rounded baseline), so 2 against 24 is exactly 0.25.
  const changeRatio = prior90Days === 0 ? null : (last30Days * BASELINE_WINDOW_DAYS) / (prior90Days * LAST_WINDOW_DAYS);
  const { firstContactAt } = contactRecency(records, asOf);
  const firstContactIsRecent = firstContactAt !== null && asOf.getTime() - Date.parse(firstContactAt) < LAST_WINDOW_DAYS * DAY_MS;
  return {
    last30Days,
    prior90Days,
    baselineMonthly: roundTo(baselineMonthly, 2),
    changeRatio: changeRatio === null ? null : roundTo(changeRatio, 3),
    trend: trendOf(last30Days, changeRatio, firstContactIsRecent),
    inboundLast30Days,
    outboundLast30Days,
  };
}

function trendOf(last30Days: number, changeRatio: number | null, firstContactIsRecent: boolean): CommunicationVolume['trend'] {
  if (last30Days === 0) return 'silent';
  if (firstContactIsRecent) return 'new';
  if (changeRatio === null) return 'rising';
  if (changeRatio <= FALLING_RATIO + RATIO_EPSILON) return 'falling';
  if (changeRatio >= RISING_RATIO - RATIO_EPSILON) return 'rising';
  return 'stable';
}
