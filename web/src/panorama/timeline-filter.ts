import type { TimelineFilter } from '../api/api-client.js';
import { addDays, dayInZone, startOfDayInZone } from '../time/zoned-day.js';

/** What the filter bar holds. Ranges are whole local days in the tenant's zone. */
export interface FilterState {
  readonly range: 'all' | '7' | '30' | '90' | 'custom';
  /** `yyyy-mm-dd`, custom range only. */
  readonly fromDay: string;
  readonly toDay: string;
  /** A record type, or '' for every channel. */
  readonly channel: string;
  /** An intent category, or '' for every intent. */
  readonly intent: string;
}

export const NO_FILTER: FilterState = { range: 'all', fromDay: '', toDay: '', channel: '', intent: '' };

/**
 * The timeline API's query for a filter: "last 7 days" starts at the tenant's midnight 6 days
 * before today (today counts), a custom range runs from the start of its first day to the start of
 * the day after its last.
 */
export function timelineQueryOf(filter: FilterState, timeZone: string, now: number): TimelineFilter {
  let from: string | undefined;
  let to: string | undefined;
  if (filter.range === 'custom') {
    if (filter.fromDay) from = startOfDayInZone(filter.fromDay, timeZone);
    if (filter.toDay) to = startOfDayInZone(addDays(filter.toDay, 1), timeZone);
  } else if (filter.range !== 'all') {
    from = startOfDayInZone(addDays(dayInZone(now, timeZone), 1 - Number(filter.range)), timeZone);
  }
  return {
    ...(filter.channel ? { types: [filter.channel] } : {}),
    ...(filter.intent ? { intent: [filter.intent] } : {}),
    ...(from ? { from } : {}),
    ...(to ? { to } : {}),
  };
}

export const isFiltered = (filter: FilterState) => filter.range !== 'all' || filter.channel !== '' || filter.intent !== '';
