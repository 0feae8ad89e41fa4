/** ISO weekday numbers (1 = Monday … 7 = Sunday) by the short English names `Intl` prints. */
const ISO_WEEKDAYS: Readonly<Record<string, number>> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (formatter === undefined) {
    // `hourCycle: 'h23'`, not `hour12: false`: the latter prints midnight as "24" in some ICU versions.
    formatter = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', hour: 'numeric', weekday: 'short' });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

export interface ZonedHourAndWeekday {
  /** Hour of the day on the local clock, 0–23. */
  hour: number;
  /** ISO weekday on the local calendar, 1 = Monday … 7 = Sunday. */
  isoWeekday: number;
}

/**
 * The local hour and ISO weekday of an instant in an IANA time zone, daylight saving included.
 *
 * @throws RangeError when `timeZone` is not an IANA zone name.
 * @example zonedHourAndWeekday(Date.parse('2024-06-14T16:30:00Z'), 'Asia/Shanghai') // { hour: 0, isoWeekday: 6 }: Saturday 00:30
 */
export function zonedHourAndWeekday(instantMs: number, timeZone: string): ZonedHourAndWeekday {
  const parts = formatterFor(timeZone).formatToParts(instantMs);
  const hour = Number(parts.find((part) => part.type === 'hour')?.value);
  const isoWeekday = ISO_WEEKDAYS[parts.find((part) => part.type === 'weekday')?.value ?? ''];
  if (!Number.isInteger(hour) || isoWeekday === undefined) throw new RangeError(`cannot read the local time of ${instantMs} in ${timeZone}`);
  // Belt and braces for runtimes that ignore hourCycle: 24 means midnight.
  return { hour: hour % 24, isoWeekday };
}
