import type { CommunicationRecord } from '../model/communication-record.js';
import type { CustomerMetrics } from './customer-metrics.js';
import { isWithinHistory, occurredAtMs } from './metric-windows.js';

export type ResponseTime = CustomerMetrics['responseTime'];

const MINUTE_MS = 60_000;

/** The middle value of a non-empty list (the mean of the two middle ones for an even count). */
function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const upper = sorted[middle] ?? Number.NaN;
  return sorted.length % 2 === 1 ? upper : ((sorted[middle - 1] ?? Number.NaN) + upper) / 2;
}

/**
 * Median minutes from an inbound record to our next outbound one, over the 120-day window.
 *
 * Pairing: each inbound record pairs with the first outbound record strictly after it. Several
 * inbound records before one outbound all pair with that outbound, each with its own wait — a
 * customer who wrote three times before hearing back waited three times, and pairing only the last
 * message would hide the longest wait. Inbound records with no outbound after them yet are not
 * samples (their wait is still open), and neither is an outbound sent at the very same instant.
 * Internal records are neither question nor answer. The median is rounded to 0.1 minute.
 *
 * @example
 * // inbound 09:00, inbound 09:30, outbound 10:00 → waits 60 and 30 minutes
 * responseTime(records, asOf) // { medianMinutes: 45, samples: 2 }
 */
export function responseTime(records: readonly CommunicationRecord[], asOf: Date): ResponseTime {
  const timeline = records
    .filter((record) => record.direction !== 'internal' && isWithinHistory(record, asOf))
    .map((record) => ({ direction: record.direction, at: occurredAtMs(record) }))
    // Same-instant records: inbound first, so the "strictly after" rule below decides, not input order.
    .sort((a, b) => a.at - b.at || (a.direction === 'inbound' ? -1 : 0) - (b.direction === 'inbound' ? -1 : 0));

  const waits: number[] = [];
  let waiting: number[] = [];
  for (const { direction, at } of timeline) {
    if (direction === 'inbound') {
      waiting.push(at);
      continue;
    }
    const answered = waiting.filter((askedAt) => askedAt < at);
    for (const askedAt of answered) waits.push((at - askedAt) / MINUTE_MS);
    waiting = waiting.filter((askedAt) => askedAt >= at);
  }
  if (waits.length === 0) return { medianMinutes: null, samples: 0 };
  return { medianMinutes: Math.round(median(waits) * 10) / 10, samples: waits.length };
}
