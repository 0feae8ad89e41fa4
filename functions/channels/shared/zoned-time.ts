import { PayloadError } from '../../core/channels/channel-adapter.js';

/**
 * Vendor clocks in epoch seconds or milliseconds, written as ISO 8601 with the offset of the tenant's
 * time zone (what `CommunicationInput.occurredAt` needs: the instant plus the zone it was lived in).
 */

/** Zone used when the tenant's zone is not a valid IANA name: the Chinese vendors' own zone. */
export const DEFAULT_VENDOR_ZONE = 'Asia/Shanghai';

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (formatter === undefined) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      timeZoneName: 'longOffset',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

function safeFormatter(timeZone: string): Intl.DateTimeFormat {
  try {
    return formatterFor(timeZone);
  } catch {
    return formatterFor(DEFAULT_VENDOR_ZONE);
  }
}

/**
 * `1348831860000, 'Asia/Shanghai'` → `2012-09-28T19:31:00+08:00`. Milliseconds are kept when present.
 * @throws PayloadError for a time before 1970 or after 9999: a vendor value, not a bug here.
 */
export function epochMsToZonedIso(epochMs: number, timeZone: string): string {
  if (!isRepresentableEpochMs(epochMs)) throw new PayloadError(`time ${epochMs} is outside the representable range`);
  const date = new Date(epochMs);
  const parts = Object.fromEntries(safeFormatter(timeZone).formatToParts(date).map((p) => [p.type, p.value]));
  const offset = /GMT([+-]\d{2}:\d{2})/.exec(parts.timeZoneName ?? '')?.[1] ?? '+00:00';
  const millis = date.getUTCMilliseconds();
  const fraction = millis === 0 ? '' : `.${String(millis).padStart(3, '0')}`;
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}:${parts.second}${fraction}${offset}`;
}

/** Whether `epochMs` is a vendor time ISO 8601 can carry: from 1970 to the end of year 9999. */
export function isRepresentableEpochMs(epochMs: number): boolean {
  return Number.isFinite(epochMs) && epochMs >= 0 && epochMs <= 253_402_300_799_999;
}

/** Same as {@link epochMsToZonedIso} for unix seconds (WeCom `CreateTime`, `send_time`). */
export function epochSecondsToZonedIso(epochSeconds: number, timeZone: string): string {
  return epochMsToZonedIso(epochSeconds * 1000, timeZone);
}
