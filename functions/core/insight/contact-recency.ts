import type { CommunicationRecord } from '../model/communication-record.js';
import { isCustomerCommunication } from './customer-communication.js';
import { DAY_MS, occurredAtMs } from './metric-windows.js';

export interface ContactRecency {
  /** Earliest customer communication up to `asOf` (ISO 8601 UTC), or `null` without one. */
  firstContactAt: string | null;
  lastContactAt: string | null;
  /** Whole days (24 h periods, rounded down) from the last contact to `asOf`. */
  daysSinceLastContact: number | null;
}

/**
 * First and last customer communication up to `asOf`, and the whole days since the last one.
 * Unlike the other metrics this looks past the 120-day windows when older records are given: the
 * first contact is an all-time fact, and reading it from 120 days alone would make every long-standing
 * customer look new.
 *
 * @example
 * contactRecency(records, new Date('2024-06-15T12:00:00Z'))
 * // { firstContactAt: '2024-03-02T01:00:00.000Z', lastContactAt: '2024-06-13T08:00:00.000Z', daysSinceLastContact: 2 }
 */
export function contactRecency(records: readonly CommunicationRecord[], asOf: Date): ContactRecency {
  const asOfMs = asOf.getTime();
  let first = Number.POSITIVE_INFINITY;
  let last = Number.NEGATIVE_INFINITY;
  for (const record of records) {
    const at = occurredAtMs(record);
    if (!isCustomerCommunication(record) || !(at <= asOfMs)) continue;
    first = Math.min(first, at);
    last = Math.max(last, at);
  }
  if (last === Number.NEGATIVE_INFINITY) return { firstContactAt: null, lastContactAt: null, daysSinceLastContact: null };
  return {
    firstContactAt: new Date(first).toISOString(),
    lastContactAt: new Date(last).toISOString(),
    daysSinceLastContact: Math.floor((asOfMs - last) / DAY_MS),
  };
}
