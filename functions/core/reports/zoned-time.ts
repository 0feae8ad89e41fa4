/**
 * Local days of an IANA time zone for reports, on top of the shared wall-clock arithmetic (`Intl`
 * only, no date library). Local days are `yyyy-mm-dd` strings; instants are epoch milliseconds or
 * `Date`s. Day boundaries follow the zone's own rules, so a day may last 23 or 25 hours.
 */
import { instantOfWallClock, wallClockOf } from '../time/wall-clock.js';

const MS_PER_DAY = 86_400_000;
const LOCAL_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** `true` when `Intl` knows the zone (`Asia/Shanghai`, `UTC`, …). */
export function isTimeZone(timeZone: string): boolean {
  try {
    wallClockOf(0, timeZone);
    return true;
  } catch {
    return false;
  }
}

/** Epoch milliseconds of a calendar day's midnight read as if it were UTC (years below 100 stay as given). */
function utcMs(year: number, month: number, day: number): number {
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return date.getTime();
}

/** The local day (`yyyy-mm-dd`) an instant falls on in the zone. */
export function localDayOf(instant: Date | number, timeZone: string): string {
  const ms = typeof instant === 'number' ? instant : instant.getTime();
  return new Date(wallClockOf(ms, timeZone)).toISOString().slice(0, 10);
}

/** The UTC day (`yyyy-mm-dd`) of an instant. */
export function utcDayOf(instant: Date | number): string {
  return new Date(instant).toISOString().slice(0, 10);
}

/** `true` for a real calendar day written `yyyy-mm-dd` (`2023-02-29` is not one). */
export function isLocalDay(value: string): boolean {
  const match = LOCAL_DAY.exec(value);
  if (!match) return false;
  const ms = utcMs(Number(match[1]), Number(match[2]), Number(match[3]));
  return new Date(ms).toISOString().slice(0, 10) === value;
}

function dayMs(day: string): number {
  const match = LOCAL_DAY.exec(day);
  if (!match || !isLocalDay(day)) throw new RangeError(`not a day (yyyy-mm-dd): ${day}`);
  return utcMs(Number(match[1]), Number(match[2]), Number(match[3]));
}

/** The day `days` later (or earlier, when negative). */
export function addDays(day: string, days: number): string {
  return new Date(dayMs(day) + days * MS_PER_DAY).toISOString().slice(0, 10);
}

/** ISO weekday of a day: 1 = Monday … 7 = Sunday. */
export function isoWeekday(day: string): number {
  return ((new Date(dayMs(day)).getUTCDay() + 6) % 7) + 1;
}

/** The first day of the month `months` after the month of `day` (negative goes back). */
export function firstOfMonth(day: string, months = 0): string {
  const date = new Date(dayMs(day));
  const index = date.getUTCFullYear() * 12 + date.getUTCMonth() + months;
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  return new Date(utcMs(year, month, 1)).toISOString().slice(0, 10);
}

/** Every day from `first` up to but excluding `end`. */
export function daysBetween(first: string, end: string): string[] {
  const days: string[] = [];
  for (let day = first; day < end; day = addDays(day, 1)) days.push(day);
  return days;
}

/**
 * The instant a local day begins in the zone: its midnight, or where a change skips midnight the
 * first instant that exists (01:00 in Santiago on 2024-09-08); a day a zone skipped entirely
 * (Pacific/Apia, 2011-12-30) begins, and ends, when the next one begins.
 */
export function startOfLocalDay(day: string, timeZone: string): Date {
  return new Date(instantOfWallClock(dayMs(day), timeZone));
}
