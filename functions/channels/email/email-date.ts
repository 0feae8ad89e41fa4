const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** RFC 5322 §4.3 obsolete zone names; military letters are "-0000" (unknown) there, read as UTC here. */
const ZONES: Readonly<Record<string, number>> = {
  UT: 0, UTC: 0, GMT: 0, Z: 0,
  EST: -300, EDT: -240, CST: -360, CDT: -300, MST: -420, MDT: -360, PST: -480, PDT: -420,
};

const RFC5322_DATE =
  /^(?:[A-Za-z]+\s*,?\s*)?(\d{1,2})[\s-]+([A-Za-z]{3})[A-Za-z]*\.?[\s-]+(\d{2,4})\s+(\d{1,2}):(\d{1,2})(?::(\d{1,2}))?(?:\.\d+)?\s*([+-]\d{2}:?\d{2}|[A-Za-z]{1,5})?/;

const pad = (n: number, width = 2) => String(Math.abs(n)).padStart(width, '0');

/** RFC 5322 §4.3: a two-digit year below 50 is 20xx, otherwise 19xx; three digits add 1900. */
function fullYear(digits: string): number {
  const year = Number(digits);
  if (digits.length === 2) return year < 50 ? 2000 + year : 1900 + year;
  if (digits.length === 3) return 1900 + year;
  return year;
}

function zoneMinutes(zone: string | undefined): number {
  if (zone === undefined) return 0;
  const numeric = /^([+-])(\d{2}):?(\d{2})$/.exec(zone);
  if (numeric) return (numeric[1] === '-' ? -1 : 1) * (Number(numeric[2]) * 60 + Number(numeric[3]));
  return ZONES[zone.toUpperCase()] ?? 0;
}

/**
 * Reads an RFC 5322 `Date` header into ISO 8601 that keeps the sender's own offset
 * (`Thu, 18 Oct 2012 22:48:39 -0700` → `2012-10-18T22:48:39-07:00`), so the record knows the time
 * zone the mail was written in. Comments such as `(PDT)` and a missing day name are tolerated; other
 * formats go through `Date.parse` and come back in UTC. Returns `null` for what cannot be a date, so
 * the caller can say so instead of silently using "now" (mailparser does the latter).
 *
 * @example parseEmailDate('Mon, 6 Mar 2017 14:56:51 +0000 (GMT)') // '2017-03-06T14:56:51+00:00'
 */
export function parseEmailDate(value: string): string | null {
  const cleaned = value.replace(/\([^)]*\)/g, ' ').replace(/\s+/g, ' ').trim();
  const match = RFC5322_DATE.exec(cleaned);
  if (match) {
    const [, day, monthName, yearDigits, hour, minute, second, zone] = match;
    const month = MONTHS.indexOf((monthName as string).toLowerCase());
    const year = fullYear(yearDigits as string);
    const fields = [Number(day), Number(hour), Number(minute), Number(second ?? '0')] as const;
    const offset = zoneMinutes(zone);
    const local = new Date(Date.UTC(year, month, fields[0], fields[1], fields[2], fields[3]));
    const valid =
      month >= 0 && year >= 1000 && year <= 9999 && local.getUTCDate() === fields[0] && fields[1] < 24 && fields[2] < 60 && fields[3] < 61 && Math.abs(offset) < 24 * 60;
    if (valid) {
      const seconds = Math.min(fields[3], 59); // a leap second is not a valid ISO 8601 value for zod
      const sign = offset < 0 ? '-' : '+';
      return `${pad(year, 4)}-${pad(month + 1)}-${pad(fields[0])}T${pad(fields[1])}:${pad(fields[2])}:${pad(seconds)}${sign}${pad(Math.trunc(offset / 60))}:${pad(offset % 60)}`;
    }
  }
  // Without an explicit zone Date.parse would use the server's zone: better no date than a guessed one.
  if (!/(?:\d|\b)(?:Z|[+-]\d{2}:?\d{2}|GMT|UTC)\b/i.test(cleaned)) return null;
  const parsed = Date.parse(cleaned);
  if (Number.isNaN(parsed)) return null;
  const iso = new Date(parsed).toISOString();
  return /^\d{4}-/.test(iso) ? iso : null;
}
