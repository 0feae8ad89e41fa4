import { ValidationError } from '../errors.js';
import type { ReportPeriod, ReportType } from '../model/report.js';
import { addDays, daysBetween, firstOfMonth, isLocalDay, isoWeekday, isTimeZone, localDayOf, startOfLocalDay, utcDayOf } from './zoned-time.js';

/** The zone reports are read in when the tenant names none (the product's home market). */
export const DEFAULT_REPORT_TIME_ZONE = 'Asia/Shanghai';

/** Days a customer report looks back, today included. */
export const CUSTOMER_REPORT_DAYS = 30;

export interface ReportPeriodRequest {
  readonly type: ReportType;
  /** When the report runs; "previous day / week / month" is counted from its local day. */
  readonly asOf: Date;
  /** The tenant's IANA zone. @default DEFAULT_REPORT_TIME_ZONE */
  readonly timeZone?: string;
  /**
   * A local day (`yyyy-mm-dd`) or an ISO 8601 instant inside the wanted period: daily → that day,
   * weekly → its Monday–Sunday week, monthly → its calendar month, customer → 30 days from it.
   * @default - the period before `asOf` (customer: the 30 days ending with `asOf`'s day)
   */
  readonly periodStart?: string;
}

/** A report period with the days it covers: `[start, end)` in UTC, day boundaries in `timeZone`. */
export interface ResolvedReportPeriod extends ReportPeriod {
  readonly type: ReportType;
  /** The tenant-local days of the period, oldest first (the chart's rows). */
  readonly days: readonly string[];
  /**
   * The UTC days `[start, end)` touches: the store's day feed is keyed by UTC day, so a local
   * day east or west of UTC spans two of them. Query these, then keep records inside `[start, end)`.
   */
  readonly feedDays: readonly string[];
}

/**
 * The period a report covers, in the tenant's zone. Daily is the previous local day (run at 09:00
 * it is yesterday), weekly the previous Monday–Sunday week, monthly the previous calendar month and
 * customer the last 30 local days up to and including today. Pure: `asOf` is passed in.
 *
 * @example
 * resolveReportPeriod({ type: 'daily', asOf: new Date('2024-06-16T01:00:00Z'), timeZone: 'Asia/Shanghai' });
 * // → { start: '2024-06-14T16:00:00.000Z', end: '2024-06-15T16:00:00.000Z', days: ['2024-06-15'], … }
 */
export function resolveReportPeriod(request: ReportPeriodRequest): ResolvedReportPeriod {
  const timeZone = request.timeZone ?? DEFAULT_REPORT_TIME_ZONE;
  if (!isTimeZone(timeZone)) {
    throw new ValidationError(`unknown time zone: ${timeZone}`, [{ path: 'timeZone', message: 'an IANA time zone such as Asia/Shanghai' }]);
  }
  const anchor = request.periodStart === undefined ? undefined : anchorDay(request.periodStart, timeZone);
  const today = localDayOf(request.asOf, timeZone);
  const [first, endDay] = periodDays(request.type, today, anchor);

  const start = startOfLocalDay(first, timeZone);
  const end = startOfLocalDay(endDay, timeZone);
  return {
    type: request.type,
    timeZone,
    start: start.toISOString(),
    end: end.toISOString(),
    days: daysBetween(first, endDay),
    feedDays: daysBetween(utcDayOf(start), addDays(utcDayOf(end.getTime() - 1), 1)),
  };
}

/** First local day and the (exclusive) day after the last, per report type. */
function periodDays(type: ReportType, today: string, anchor: string | undefined): [string, string] {
  switch (type) {
    case 'daily': {
      const day = anchor ?? addDays(today, -1);
      return [day, addDays(day, 1)];
    }
    case 'weekly': {
      const inWeek = anchor ?? addDays(today, -7);
      const monday = addDays(inWeek, 1 - isoWeekday(inWeek));
      return [monday, addDays(monday, 7)];
    }
    case 'monthly': {
      const month = anchor === undefined ? firstOfMonth(today, -1) : firstOfMonth(anchor);
      return [month, firstOfMonth(month, 1)];
    }
    case 'customer': {
      const first = anchor ?? addDays(today, 1 - CUSTOMER_REPORT_DAYS);
      return [first, addDays(first, CUSTOMER_REPORT_DAYS)];
    }
  }
}

/** `periodStart` as a local day: a day is taken as written, an instant is read in the zone. */
function anchorDay(periodStart: string, timeZone: string): string {
  if (isLocalDay(periodStart)) return periodStart;
  // An instant must say which offset it is in; a bare local time would be ambiguous.
  const instant = /(Z|[+-]\d{2}:?\d{2})$/i.test(periodStart) ? Date.parse(periodStart) : Number.NaN;
  if (Number.isNaN(instant)) {
    throw new ValidationError('periodStart is neither a day nor an instant', [
      { path: 'periodStart', message: 'a day (yyyy-mm-dd) or an ISO 8601 instant with offset' },
    ]);
  }
  return localDayOf(instant, timeZone);
}
