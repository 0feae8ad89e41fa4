import { describe, expect, it } from 'vitest';
import { CronExpressionError, nextCronFire, parseCronExpression } from '../../functions/core/schedules/cron-expression.js';
import { REPORT_SCHEDULES } from '../../functions/core/schedules/report-schedules.js';

const next = (expression: string, after: string, zone: string) => nextCronFire(parseCronExpression(expression), new Date(after), zone)?.toISOString();
const schedule = (name: string) => REPORT_SCHEDULES.find((s) => s.name === name)!.expression;

describe('EventBridge Scheduler cron expressions in a time zone', () => {
  it('fires the daily report at 09:00 Shanghai time (01:00 UTC), the next day once it has passed', () => {
    expect(next(schedule('daily-report'), '2026-11-22T00:30:00Z', 'Asia/Shanghai')).toBe('2026-11-22T01:00:00.000Z');
    expect(next(schedule('daily-report'), '2026-11-22T01:00:00Z', 'Asia/Shanghai')).toBe('2026-11-23T01:00:00.000Z');
  });

  it('fires the weekly report on Mondays (EventBridge weekday names) and the monthly one on the 1st', () => {
    // 2026-11-22 is a Sunday; the next Monday is the 23rd.
    expect(next(schedule('weekly-report'), '2026-11-22T09:00:00Z', 'Asia/Shanghai')).toBe('2026-11-23T01:00:00.000Z');
    expect(next(schedule('monthly-report'), '2026-11-22T09:00:00Z', 'Asia/Shanghai')).toBe('2026-12-01T01:00:00.000Z');
    expect(next(schedule('monthly-report'), '2026-12-31T23:00:00Z', 'Asia/Shanghai')).toBe('2027-01-01T01:00:00.000Z');
  });

  it('fires the risk check every five minutes', () => {
    expect(next(schedule('risk-check'), '2026-11-22T09:02:10Z', 'Asia/Shanghai')).toBe('2026-11-22T09:05:00.000Z');
    expect(next(schedule('risk-check'), '2026-11-22T09:55:00Z', 'Asia/Shanghai')).toBe('2026-11-22T10:00:00.000Z');
  });

  it('keeps 09:00 local across a daylight-saving change', () => {
    // Berlin leaves summer time on 2026-10-25: 09:00 is 07:00 UTC before and 08:00 UTC after.
    expect(next('cron(0 9 * * ? *)', '2026-10-24T12:00:00Z', 'Europe/Berlin')).toBe('2026-10-25T08:00:00.000Z');
    expect(next('cron(0 9 * * ? *)', '2026-10-23T12:00:00Z', 'Europe/Berlin')).toBe('2026-10-24T07:00:00.000Z');
    // New York skips 02:00–03:00 on 2026-03-08: a 02:30 job runs at 03:30 local that day.
    expect(next('cron(30 2 * * ? *)', '2026-03-08T05:00:00Z', 'America/New_York')).toBe('2026-03-08T07:30:00.000Z');
  });

  it('reads ranges, lists and steps', () => {
    expect(next('cron(15,45 8-17/3 ? * MON-FRI *)', '2026-11-20T12:00:00Z', 'UTC')).toBe('2026-11-20T14:15:00.000Z');
    expect(next('cron(0 0 29 FEB ? 2028)', '2026-01-01T00:00:00Z', 'UTC')).toBe('2028-02-29T00:00:00.000Z');
  });

  it('refuses what it cannot evaluate, naming the problem', () => {
    expect(() => parseCronExpression('rate(5 minutes)')).toThrow(CronExpressionError);
    expect(() => parseCronExpression('cron(0 9 * * * *)')).toThrow(/exactly one of day-of-month and day-of-week/);
    expect(() => parseCronExpression('cron(0 9 L * ? *)')).toThrow(/not supported/);
    expect(() => parseCronExpression('cron(0 25 * * ? *)')).toThrow(/outside 0–23/);
  });
});
