import { instantOfWallClock, wallClockOf } from '../time/wall-clock.js';
import type { URGENCY_LEVELS } from './record-types.js';

/** How soon a follow-up is due; the analysis's urgency level. */
export type FollowUpUrgency = (typeof URGENCY_LEVELS)[number];

/** The tenant zone when settings name none (`TenantSettings.timezone` defaults to it). */
export const DEFAULT_TENANT_ZONE = 'Asia/Shanghai';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
/** Business days added per urgency; `high` is counted in hours instead. */
const BUSINESS_DAYS: Readonly<Record<Exclude<FollowUpUrgency, 'high'>, number>> = { medium: 1, low: 3 };
const HIGH_URGENCY_HOURS = 4;
/** Where the count starts when the follow-up arises at a weekend: Monday at this local hour. */
const WORKDAY_START_HOUR = 9;

const isWeekday = (wallMs: number) => {
  const weekday = new Date(wallMs).getUTCDay();
  return weekday !== 0 && weekday !== 6;
};

/**
 * Whether `date` falls on Monday to Friday in `timeZone`.
 * Chinese public holidays and their make-up working days (调休) are not modelled: only the weekday counts.
 *
 * @throws RangeError when `timeZone` is not an IANA zone name.
 * @example isBusinessDay(new Date('2024-06-15T02:00:00Z'), 'Asia/Shanghai') // false: Saturday 10:00 in Shanghai
 */
export function isBusinessDay(date: Date, timeZone: string = DEFAULT_TENANT_ZONE): boolean {
  return isWeekday(wallClockOf(date.getTime(), timeZone));
}

/**
 * When a follow-up is due, as ISO 8601 UTC:
 * - `high`: four hours after `from`, whatever the day;
 * - `medium`: one business day later, `low`: three business days later, at the same local time of
 *   day in `timeZone` (so across a daylight-saving change the UTC time moves, the local time does not).
 *   Business days are Monday to Friday in `timeZone`. A follow-up arising on a Saturday or Sunday is
 *   counted from Monday 09:00 local: Saturday + `medium` is Tuesday 09:00.
 *
 * Chinese public holidays and make-up working days (调休) are not modelled: a follow-up may fall due on
 * a holiday. A local time that the zone skips on the due day moves forward by the skipped hour.
 *
 * @throws RangeError when `timeZone` is not an IANA zone name.
 * @example followUpDueAt('medium', new Date('2024-06-14T07:00:00Z'), 'Asia/Shanghai')
 * // '2024-06-17T07:00:00.000Z': Friday 15:00 → Monday 15:00 in Shanghai
 */
export function followUpDueAt(urgency: FollowUpUrgency, from: Date, timeZone: string = DEFAULT_TENANT_ZONE): string {
  if (urgency === 'high') return new Date(from.getTime() + HIGH_URGENCY_HOURS * HOUR_MS).toISOString();
  let wall = wallClockOf(from.getTime(), timeZone);
  if (!isWeekday(wall)) {
    while (!isWeekday(wall)) wall += DAY_MS;
    const monday = new Date(wall);
    wall = Date.UTC(monday.getUTCFullYear(), monday.getUTCMonth(), monday.getUTCDate(), WORKDAY_START_HOUR);
  }
  for (let remaining = BUSINESS_DAYS[urgency]; remaining > 0; ) {
    wall += DAY_MS;
    if (isWeekday(wall)) remaining -= 1;
  }
  return new Date(instantOfWallClock(wall, timeZone)).toISOString();
}
