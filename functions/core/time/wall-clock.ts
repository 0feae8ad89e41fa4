/**
 * Wall-clock arithmetic in a tenant's IANA time zone with nothing but `Intl`: an instant's local
 * date and time written as if it were UTC (so plain `Date` UTC methods do calendar maths on it),
 * and back. Used by follow-up due times, schedules and report periods.
 */

const DAY_MS = 86_400_000;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (formatter === undefined) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/**
 * The local wall-clock time of `instantMs` in `timeZone`, written as if it were UTC: the calendar
 * arithmetic below (add a day, read the weekday) then uses the plain UTC methods of `Date`.
 */
export function wallClockOf(instantMs: number, timeZone: string): number {
  const parts: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(instantMs)) parts[part.type] = Number(part.value);
  const { year = 1970, month = 1, day = 1, hour = 0, minute = 0, second = 0 } = parts;
  const millis = ((instantMs % 1000) + 1000) % 1000;
  return Date.UTC(year, month - 1, day, hour, minute, second, millis);
}

/**
 * The instant at which `timeZone` shows the wall-clock time `wallMs`. Zone offsets change at most
 * once within a day either side, so the offsets of those two days are the only candidates. A time
 * that happens twice (the autumn hour) resolves to the earlier instant; a time skipped by a spring
 * change resolves to the same distance past the change (02:30 becomes 03:30), as Temporal's
 * `disambiguation: 'compatible'` does.
 */
export function instantOfWallClock(wallMs: number, timeZone: string): number {
  const offsetBefore = wallClockOf(wallMs - DAY_MS, timeZone) - (wallMs - DAY_MS);
  const offsetAfter = wallClockOf(wallMs + DAY_MS, timeZone) - (wallMs + DAY_MS);
  const candidates = [wallMs - offsetBefore, wallMs - offsetAfter].filter((instant) => wallClockOf(instant, timeZone) === wallMs);
  return candidates.length > 0 ? Math.min(...candidates) : wallMs - offsetBefore;
}

