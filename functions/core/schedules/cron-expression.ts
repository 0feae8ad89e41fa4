import { instantOfWallClock, wallClockOf } from '../time/wall-clock.js';

/**
 * EventBridge Scheduler's `cron(minutes hours day-of-month month day-of-week year)` expressions,
 * evaluated in an IANA time zone — so the embedded runtime fires the very expressions the CDK stack
 * deploys. Supported: `*`, `?`, numbers, ranges `a-b`, lists `a,b`, steps `a/n` and `*\/n`, month
 * names JAN–DEC and weekday names SUN–SAT (1 = Sunday, as in EventBridge). Not supported (refused
 * with an error naming them): `L`, `W` and `#`.
 */
export interface CronExpression {
  readonly minutes: ReadonlySet<number>;
  readonly hours: ReadonlySet<number>;
  /** `null` = `?` (not restricted by this field). */
  readonly daysOfMonth: ReadonlySet<number> | null;
  readonly months: ReadonlySet<number>;
  /** EventBridge weekdays, 1 = Sunday … 7 = Saturday; `null` = `?`. */
  readonly daysOfWeek: ReadonlySet<number> | null;
  readonly years: ReadonlySet<number> | null;
}

export class CronExpressionError extends Error {
  override readonly name = 'CronExpressionError';
}

const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];
const WEEKDAYS = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'];
const DAY_MS = 86_400_000;
/** How far ahead a next fire time is searched: a yearly expression fires within this. */
const SEARCH_DAYS = 366 * 5;

function parseValue(text: string, names: readonly string[], offset: number): number {
  const named = names.indexOf(text.toUpperCase());
  if (named >= 0) return named + offset;
  if (!/^\d+$/.test(text)) throw new CronExpressionError(`"${text}" is not a number${names.length ? ` or one of ${names.join(',')}` : ''}`);
  return Number(text);
}

function parseField(field: string, min: number, max: number, names: readonly string[] = [], offset = 0): Set<number> {
  const values = new Set<number>();
  for (const part of field.split(',')) {
    if (/[LW#]/i.test(part.replace(/[A-Z]{3}/gi, (name) => (names.includes(name.toUpperCase()) ? '0' : name)))) {
      throw new CronExpressionError(`"${part}": L, W and # are not supported`);
    }
    const [range, stepText] = part.split('/');
    const step = stepText === undefined ? 1 : Number(stepText);
    if (!Number.isInteger(step) || step < 1) throw new CronExpressionError(`"${part}": the step must be a positive whole number`);
    let from: number;
    let to: number;
    if (range === '*') [from, to] = [min, max];
    else if (range!.includes('-')) {
      const [a, b] = range!.split('-');
      [from, to] = [parseValue(a!, names, offset), parseValue(b!, names, offset)];
    } else {
      from = parseValue(range!, names, offset);
      to = stepText === undefined ? from : max;
    }
    if (from < min || to > max || from > to) throw new CronExpressionError(`"${part}" is outside ${min}–${max}`);
    for (let value = from; value <= to; value += step) values.add(value);
  }
  return values;
}

/**
 * Parses `cron(…)` as EventBridge Scheduler writes it.
 * @throws CronExpressionError naming the field that is wrong.
 * @example parseCronExpression('cron(0 9 ? * MON *)') // Mondays 09:00
 */
export function parseCronExpression(expression: string): CronExpression {
  const inner = /^cron\((.+)\)$/.exec(expression.trim())?.[1];
  const fields = inner?.trim().split(/\s+/);
  if (!fields || fields.length !== 6) throw new CronExpressionError(`"${expression}" is not cron(minutes hours day-of-month month day-of-week year)`);
  const [minutes, hours, dom, month, dow, year] = fields as [string, string, string, string, string, string];
  if ((dom === '?') === (dow === '?')) throw new CronExpressionError(`"${expression}": exactly one of day-of-month and day-of-week must be ?`);
  return {
    minutes: parseField(minutes, 0, 59),
    hours: parseField(hours, 0, 23),
    daysOfMonth: dom === '?' ? null : parseField(dom, 1, 31),
    months: parseField(month, 1, 12, MONTHS, 1),
    daysOfWeek: dow === '?' ? null : parseField(dow, 1, 7, WEEKDAYS, 1),
    years: year === '*' ? null : parseField(year, 1970, 2199),
  };
}

function dayMatches(cron: CronExpression, wallDayMs: number): boolean {
  const date = new Date(wallDayMs);
  if (!cron.months.has(date.getUTCMonth() + 1)) return false;
  if (cron.years && !cron.years.has(date.getUTCFullYear())) return false;
  if (cron.daysOfMonth && !cron.daysOfMonth.has(date.getUTCDate())) return false;
  if (cron.daysOfWeek && !cron.daysOfWeek.has(date.getUTCDay() + 1)) return false;
  return true;
}

/**
 * The first instant strictly after `after` at which the expression fires in `timeZone`, or `null`
 * when it never fires again within five years. A local time skipped by a daylight-saving change
 * fires at the same distance past the change; a local time that happens twice fires once, at the
 * first.
 *
 * @example nextCronFire(parseCronExpression('cron(0 9 1 * ? *)'), new Date('2026-11-22T00:00:00Z'), 'Asia/Shanghai')
 * // 2026-12-01T01:00:00.000Z (09:00 in Shanghai)
 */
export function nextCronFire(cron: CronExpression, after: Date, timeZone: string): Date | null {
  const afterMs = after.getTime();
  const startWall = wallClockOf(afterMs, timeZone);
  const firstDay = startWall - (((startWall % DAY_MS) + DAY_MS) % DAY_MS);
  const hours = [...cron.hours].sort((a, b) => a - b);
  const minutes = [...cron.minutes].sort((a, b) => a - b);
  for (let day = 0; day < SEARCH_DAYS; day++) {
    const dayMs = firstDay + day * DAY_MS;
    if (!dayMatches(cron, dayMs)) continue;
    for (const hour of hours) {
      for (const minute of minutes) {
        const instant = instantOfWallClock(dayMs + hour * 3_600_000 + minute * 60_000, timeZone);
        if (instant > afterMs) return new Date(instant);
      }
    }
  }
  return null;
}
