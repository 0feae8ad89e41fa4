import type { RecordSummary } from '../../core/agents/customer-agent-input.js';

const DAY_MS = 86_400_000;

/**
 * Whole days from `occurredAt` back from `asOf`, or null when either is not a date. The metrics'
 * windows are anchored at `asOf` ("last 30 days" is (asOf − 30 d, asOf]); the rules read the record
 * summaries and opportunity signals in the same windows.
 */
export function ageInDays(occurredAt: string, asOf: string): number | null {
  const age = (Date.parse(asOf) - Date.parse(occurredAt)) / DAY_MS;
  return Number.isFinite(age) ? age : null;
}

/** Whether the instant falls in the window (asOf − days, asOf]. */
export function withinDays(occurredAt: string, asOf: string, days: number): boolean {
  const age = ageInDays(occurredAt, asOf);
  return age !== null && age >= 0 && age < days;
}

/** The ids of `records`, once each, in order, at most `max`. */
export function recordIds(records: readonly Pick<RecordSummary, 'recordId'>[], max = 10): string[] {
  return [...new Set(records.map((record) => record.recordId))].slice(0, max);
}
