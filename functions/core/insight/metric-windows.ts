import type { CommunicationRecord } from '../model/communication-record.js';

/**
 * The time windows every customer metric is counted in, anchored at `asOf`:
 *
 * - `last30`: (asOf − 30 d, asOf]
 * - `prior90`: (asOf − 120 d, asOf − 30 d], the baseline
 *
 * Windows are elapsed time, not calendar days in a zone: "30 days" is 30 × 24 h before `asOf`.
 */
export const DAY_MS = 86_400_000;
export const LAST_WINDOW_DAYS = 30;
export const BASELINE_WINDOW_DAYS = 90;
/** Records older than this are outside every window. */
export const HISTORY_DAYS = LAST_WINDOW_DAYS + BASELINE_WINDOW_DAYS;

export const METRIC_WINDOWS = { last30: 'last30', prior90: 'prior90' } as const;
export type MetricWindow = (typeof METRIC_WINDOWS)[keyof typeof METRIC_WINDOWS];

/** Epoch milliseconds of a record's `occurredAt`; `NaN` when it does not parse (such a record is in no window). */
export const occurredAtMs = (record: Pick<CommunicationRecord, 'occurredAt'>): number => Date.parse(record.occurredAt);

/**
 * The window an instant falls in, or `undefined` when it is after `asOf` or 120 days or more before it.
 *
 * @example metricWindowOf(Date.parse('2024-06-10T00:00:00Z'), new Date('2024-06-15T00:00:00Z')) // 'last30'
 */
export function metricWindowOf(instantMs: number, asOf: Date): MetricWindow | undefined {
  const age = asOf.getTime() - instantMs;
  if (!(age >= 0)) return undefined; // also rejects NaN
  if (age < LAST_WINDOW_DAYS * DAY_MS) return METRIC_WINDOWS.last30;
  if (age < HISTORY_DAYS * DAY_MS) return METRIC_WINDOWS.prior90;
  return undefined;
}

/** Whether the record happened within the 120 days up to `asOf` (either window). */
export const isWithinHistory = (record: Pick<CommunicationRecord, 'occurredAt'>, asOf: Date): boolean =>
  metricWindowOf(occurredAtMs(record), asOf) !== undefined;

/** A count per window, the shape the metrics schema uses for signals. */
export interface WindowedCount {
  last30Days: number;
  prior90Days: number;
}

/**
 * Counts the records matching `predicate` in each window; records outside both are ignored.
 *
 * @example countByWindow(records, asOf, (r) => r.analysis.intent?.category === 'complaint') // { last30Days: 1, prior90Days: 0 }
 */
export function countByWindow<T extends Pick<CommunicationRecord, 'occurredAt'>>(
  records: readonly T[],
  asOf: Date,
  predicate: (record: T) => boolean,
): WindowedCount {
  const counts: WindowedCount = { last30Days: 0, prior90Days: 0 };
  for (const record of records) {
    const window = metricWindowOf(occurredAtMs(record), asOf);
    if (window === undefined || !predicate(record)) continue;
    if (window === METRIC_WINDOWS.last30) counts.last30Days += 1;
    else counts.prior90Days += 1;
  }
  return counts;
}
