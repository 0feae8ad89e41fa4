import type { CommunicationRecord } from '../model/communication-record.js';
import type { ReportPeriod } from '../model/report.js';
import type { RecordStore } from '../ports/record-store.js';
import { addDays, daysBetween, utcDayOf } from '../reports/zoned-time.js';

/** Records read per day-feed round trip. */
const FEED_PAGE = 500;

/**
 * Every record of a tenant in `[period.start, period.end)`: the day feed of each UTC day the period
 * touches (the feed is keyed by UTC day, a local day east or west of UTC spans two), every page,
 * then only the records inside the period — so a period's day boundaries are the tenant's.
 */
export async function recordsInPeriod(records: RecordStore, tenantId: string, period: ReportPeriod): Promise<CommunicationRecord[]> {
  const start = Date.parse(period.start);
  const end = Date.parse(period.end);
  const found: CommunicationRecord[] = [];
  for (const day of daysBetween(utcDayOf(start), addDays(utcDayOf(end - 1), 1))) {
    let cursor: string | undefined;
    do {
      const page = await records.queryDayFeed(tenantId, day, { limit: FEED_PAGE, cursor });
      for (const record of page.items) {
        const at = Date.parse(record.occurredAt);
        if (at >= start && at < end) found.push(record);
      }
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
  }
  return found;
}
