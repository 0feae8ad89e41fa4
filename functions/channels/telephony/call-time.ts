/** Unix seconds outside 2000–2100 are refused: the usual mistake is milliseconds, which land far beyond. */
export const MIN_UNIX_SECONDS = 946_684_800;
export const MAX_UNIX_SECONDS = 4_102_444_800;

/** A call time as providers send it: ISO 8601 with an offset, or unix seconds. */
export type CallTimeValue = string | number;

/** Epoch milliseconds of a call time. */
export function callTimeMillis(value: CallTimeValue): number {
  return typeof value === 'number' ? value * 1000 : Date.parse(value);
}

/** Building an Intl formatter costs far more than using one: one per zone (tenants share a handful). */
const offsetFormatters = new Map<string, Intl.DateTimeFormat>();

/** `GMT+08:00` / `GMT` (Intl `longOffset`) → `+08:00` / `+00:00`; `null` for an unknown zone. */
function zoneOffset(date: Date, timezone: string): string | null {
  try {
    let formatter = offsetFormatters.get(timezone);
    if (formatter === undefined) {
      formatter = new Intl.DateTimeFormat('en-US', { timeZone: timezone, timeZoneName: 'longOffset' });
      offsetFormatters.set(timezone, formatter);
    }
    const name = formatter.formatToParts(date).find((part) => part.type === 'timeZoneName')?.value;
    if (name === 'GMT') return '+00:00';
    const match = /^GMT([+-]\d{2}:\d{2})$/.exec(name ?? '');
    return match?.[1] ?? null;
  } catch {
    return null;
  }
}

/**
 * An instant as ISO 8601 with the tenant's offset (`2024-06-15T10:30:00+08:00`), so records keep
 * the local wall time people saw; UTC (`Z`) when the zone is unknown.
 *
 * @example formatInZone(new Date('2024-06-15T02:30:00Z'), 'Asia/Shanghai') // '2024-06-15T10:30:00+08:00'
 */
export function formatInZone(date: Date, timezone: string): string {
  const offset = zoneOffset(date, timezone);
  if (offset === null) return date.toISOString();
  const sign = offset.startsWith('-') ? -1 : 1;
  const minutes = sign * (Number(offset.slice(1, 3)) * 60 + Number(offset.slice(4, 6)));
  const local = new Date(date.getTime() + minutes * 60_000).toISOString();
  const wall = date.getUTCMilliseconds() === 0 ? local.slice(0, 19) : local.slice(0, 23);
  return `${wall}${offset}`;
}

/**
 * A call time as canonical ISO: an ISO input is kept as sent (its offset says where the provider
 * lives); unix seconds are rendered in the tenant's zone.
 */
export function callTimeIso(value: CallTimeValue, timezone: string): string {
  return typeof value === 'number' ? formatInZone(new Date(value * 1000), timezone) : value;
}
