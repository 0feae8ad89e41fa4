import type { CommunicationRecord } from '../model/communication-record.js';
import type { CustomerMetrics } from './customer-metrics.js';
import { isWithinHistory, occurredAtMs } from './metric-windows.js';
import { RankedCounts } from './ranked-counts.js';
import { zonedHourAndWeekday } from './zoned-clock.js';

export type ContactTimes = CustomerMetrics['contactTimes'];

export const PREFERRED_HOURS_LIMIT = 3;
export const PREFERRED_WEEKDAYS_LIMIT = 2;

/**
 * When the customer reaches out: the hours of day (up to 3) and ISO weekdays (up to 2) with the most
 * inbound records over the 120-day window, read on the tenant's clock. Only inbound records count —
 * when we call or write says nothing about when the customer is available. Ties go to the hour or day
 * used most recently, then to the earlier one.
 *
 * @throws RangeError when `timeZone` is not an IANA zone name.
 * @example
 * preferredContactTimes(records, asOf, 'Asia/Shanghai') // { preferredHours: [10, 15, 9], preferredWeekdays: [2, 4] }
 */
export function preferredContactTimes(records: readonly CommunicationRecord[], asOf: Date, timeZone: string): ContactTimes {
  const hours = new RankedCounts<number>();
  const weekdays = new RankedCounts<number>();
  for (const record of records) {
    if (record.direction !== 'inbound' || !isWithinHistory(record, asOf)) continue;
    const at = occurredAtMs(record);
    const local = zonedHourAndWeekday(at, timeZone);
    hours.add(local.hour, at);
    weekdays.add(local.isoWeekday, at);
  }
  return { preferredHours: hours.ranked(PREFERRED_HOURS_LIMIT), preferredWeekdays: weekdays.ranked(PREFERRED_WEEKDAYS_LIMIT) };
}
