/**
 * Calendar days in the tenant's IANA zone, not the browser's: a record at 23:30 Shanghai time
 * belongs to that Shanghai day for a manager in Frankfurt too, as it does in the reports.
 * Pure (Intl only), so it is unit-tested in Node.
 */

const dayFormats = new Map<string, Intl.DateTimeFormat>();

function dayFormat(timeZone: string): Intl.DateTimeFormat {
  let format = dayFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    dayFormats.set(timeZone, format);
  }
  return format;
}

/** The local day (`yyyy-mm-dd`) of an instant in `timeZone`. */
export function dayInZone(instant: string | number | Date, timeZone: string): string {
  const parts = dayFormat(timeZone).formatToParts(new Date(instant));
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/** `yyyy-mm-dd` plus `days` (negative: before), by the calendar. */
export function addDays(day: string, days: number): string {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, date + days)).toISOString().slice(0, 10);
}

/** The zone's offset from UTC in minutes at an instant (Shanghai: +480). */
function offsetMinutes(instant: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' }).formatToParts(new Date(instant));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return Math.round((asUtc - Math.floor(instant / 1000) * 1000) / 60_000);
}

/**
 * The instant a local day starts in `timeZone` (its midnight, or the first minute after a DST gap),
 * as UTC ISO 8601 — what the timeline's `from` / `to` filters take.
 */
export function startOfDayInZone(day: string, timeZone: string): string {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  const naive = Date.UTC(year, month - 1, date);
  // Two passes: the offset at the guess can differ from the offset at the answer around a DST change.
  let guess = naive - offsetMinutes(naive, timeZone) * 60_000;
  guess = naive - offsetMinutes(guess, timeZone) * 60_000;
  if (dayInZone(guess, timeZone) !== day) guess += 3_600_000; // midnight skipped by DST: 01:00 is the day's start
  return new Date(guess).toISOString();
}

export type DayLabel = { readonly kind: 'today' | 'yesterday' } | { readonly kind: 'date'; readonly day: string };

/** "Today", "yesterday" or the date, for a local day seen at `now` in the same zone. */
export function dayLabel(day: string, now: number, timeZone: string): DayLabel {
  const today = dayInZone(now, timeZone);
  if (day === today) return { kind: 'today' };
  if (day === addDays(today, -1)) return { kind: 'yesterday' };
  return { kind: 'date', day };
}

export interface DayGroup<T> {
  /** `yyyy-mm-dd` in the tenant zone. */
  readonly day: string;
  readonly label: DayLabel;
  readonly items: readonly T[];
}

/**
 * Groups items (already newest first, as the timeline API lists them) by their local day in
 * `timeZone`, keeping the order. A day that continues on the next page stays one group.
 */
export function groupByDay<T extends { readonly occurredAt: string }>(items: readonly T[], timeZone: string, now: number): DayGroup<T>[] {
  const groups: { day: string; label: DayLabel; items: T[] }[] = [];
  for (const item of items) {
    const day = dayInZone(item.occurredAt, timeZone);
    const last = groups[groups.length - 1];
    if (last?.day === day) last.items.push(item);
    else groups.push({ day, label: dayLabel(day, now, timeZone), items: [item] });
  }
  return groups;
}
