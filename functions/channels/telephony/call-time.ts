import { epochMsToZonedIso } from '../shared/zoned-time.js';
/** Unix seconds outside 2000–2100 are refused: the usual mistake is milliseconds, which land far beyond. */
export const MIN_UNIX_SECONDS = 946_684_800;
export const MAX_UNIX_SECONDS = 4_102_444_800;

/** A call time as providers send it: ISO 8601 with an offset, or unix seconds. */
export type CallTimeValue = string | number;

/** Epoch milliseconds of a call time. */
export function callTimeMillis(value: CallTimeValue): number {
  return typeof value === 'number' ? value * 1000 : Date.parse(value);
}

/**
 * An instant as ISO 8601 with the tenant's offset (`2024-06-15T10:30:00+08:00`), so records keep
 * the local wall time people saw (one implementation for every channel: shared/zoned-time.ts).
 *
 * @example formatInZone(new Date('2024-06-15T02:30:00Z'), 'Asia/Shanghai') // '2024-06-15T10:30:00+08:00'
 */
export function formatInZone(date: Date, timezone: string): string {
  return epochMsToZonedIso(date.getTime(), timezone);
}

/**
 * A call time as canonical ISO: an ISO input is kept as sent (its offset says where the provider
 * lives); unix seconds are rendered in the tenant's zone.
 */
export function callTimeIso(value: CallTimeValue, timezone: string): string {
  return typeof value === 'number' ? formatInZone(new Date(value * 1000), timezone) : value;
}
