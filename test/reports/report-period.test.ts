import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../functions/core/errors.js';
import { REPORT_TYPES } from '../../functions/core/model/report.js';
import { resolveReportPeriod } from '../../functions/core/reports/report-period.js';
import { addDays, localDayOf } from '../../functions/core/reports/zoned-time.js';

const hours = (period: { start: string; end: string }) => (Date.parse(period.end) - Date.parse(period.start)) / 3_600_000;

describe('report periods in the tenant zone', () => {
  it('daily run at 09:00 Shanghai covers the previous local day, which spans two UTC feed days', () => {
    // Prepare
    const asOf = new Date('2024-06-16T09:00:00+08:00');

    // Act
    const period = resolveReportPeriod({ type: 'daily', asOf });

    // Assess
    expect(period).toEqual({
      type: 'daily',
      timeZone: 'Asia/Shanghai',
      start: '2024-06-14T16:00:00.000Z',
      end: '2024-06-15T16:00:00.000Z',
      days: ['2024-06-15'],
      feedDays: ['2024-06-14', '2024-06-15'],
    });
  });

  it('weekly covers the previous Monday–Sunday week, whichever day it runs', () => {
    // Prepare
    const monday = new Date('2024-06-17T09:00:00+08:00');
    const sunday = new Date('2024-06-16T23:30:00+08:00');

    // Act
    const fromMonday = resolveReportPeriod({ type: 'weekly', asOf: monday });
    const fromSunday = resolveReportPeriod({ type: 'weekly', asOf: sunday });

    // Assess
    expect(fromMonday.days).toEqual(['2024-06-10', '2024-06-11', '2024-06-12', '2024-06-13', '2024-06-14', '2024-06-15', '2024-06-16']);
    expect([fromMonday.start, fromMonday.end]).toEqual(['2024-06-09T16:00:00.000Z', '2024-06-16T16:00:00.000Z']);
    expect(fromSunday.days[0]).toBe('2024-06-03');
    expect(fromSunday.days.at(-1)).toBe('2024-06-09');
  });

  it('monthly covers the previous calendar month: leap February, plain February, across the year end', () => {
    // Prepare
    const march2024 = new Date('2024-03-01T09:00:00+08:00');
    const march2023 = new Date('2023-03-01T09:00:00+08:00');
    const january = new Date('2024-01-01T09:00:00+08:00');

    // Act
    const leap = resolveReportPeriod({ type: 'monthly', asOf: march2024 });
    const plain = resolveReportPeriod({ type: 'monthly', asOf: march2023 });
    const december = resolveReportPeriod({ type: 'monthly', asOf: january });

    // Assess
    expect([leap.days.length, leap.days[0], leap.days.at(-1)]).toEqual([29, '2024-02-01', '2024-02-29']);
    expect([leap.start, leap.end]).toEqual(['2024-01-31T16:00:00.000Z', '2024-02-29T16:00:00.000Z']);
    expect([plain.days.length, plain.days.at(-1)]).toEqual([28, '2023-02-28']);
    expect([december.days.length, december.days[0], december.days.at(-1)]).toEqual([31, '2023-12-01', '2023-12-31']);
    expect(december.end).toBe('2023-12-31T16:00:00.000Z');
  });

  it('customer covers the 30 local days up to and including today', () => {
    // Prepare
    const asOf = new Date('2024-03-01T09:00:00+08:00');

    // Act
    const period = resolveReportPeriod({ type: 'customer', asOf });

    // Assess
    expect([period.days.length, period.days[0], period.days.at(-1)]).toEqual([30, '2024-02-01', '2024-03-01']);
    expect(period.end).toBe('2024-03-01T16:00:00.000Z');
  });

  it('New York days around DST last 23 and 25 hours', () => {
    // Prepare
    const timeZone = 'America/New_York';

    // Act
    const spring = resolveReportPeriod({ type: 'daily', asOf: new Date('2024-03-11T09:00:00-04:00'), timeZone });
    const autumn = resolveReportPeriod({ type: 'daily', asOf: new Date('2024-11-04T09:00:00-05:00'), timeZone });

    // Assess
    expect([spring.days, spring.start, spring.end, hours(spring)]).toEqual([['2024-03-10'], '2024-03-10T05:00:00.000Z', '2024-03-11T04:00:00.000Z', 23]);
    expect([autumn.days, autumn.start, autumn.end, hours(autumn)]).toEqual([['2024-11-03'], '2024-11-03T04:00:00.000Z', '2024-11-04T05:00:00.000Z', 25]);
  });

  it('Berlin weeks and months that contain a DST change are an hour short or long', () => {
    // Prepare
    const timeZone = 'Europe/Berlin';

    // Act
    const week = resolveReportPeriod({ type: 'weekly', asOf: new Date('2024-04-01T09:00:00+02:00'), timeZone });
    const october = resolveReportPeriod({ type: 'monthly', asOf: new Date('2024-11-01T09:00:00+01:00'), timeZone });

    // Assess
    expect([week.days[0], week.days.at(-1), week.start, week.end, hours(week)]).toEqual([
      '2024-03-25',
      '2024-03-31',
      '2024-03-24T23:00:00.000Z',
      '2024-03-31T22:00:00.000Z',
      7 * 24 - 1,
    ]);
    expect([october.start, october.end, hours(october)]).toEqual(['2024-09-30T22:00:00.000Z', '2024-10-31T23:00:00.000Z', 31 * 24 + 1]);
  });

  it('a day whose midnight does not exist starts at the first instant that does (Santiago, 2024-09-08)', () => {
    // Prepare
    const asOf = new Date('2024-09-09T09:00:00-03:00');

    // Act
    const period = resolveReportPeriod({ type: 'daily', asOf, timeZone: 'America/Santiago' });

    // Assess
    expect([period.start, period.end, hours(period)]).toEqual(['2024-09-08T04:00:00.000Z', '2024-09-09T03:00:00.000Z', 23]);
  });

  it('periodStart picks the period containing it: a day as written, an instant read in the zone', () => {
    // Prepare
    const asOf = new Date('2024-07-01T09:00:00+08:00');

    // Act
    const week = resolveReportPeriod({ type: 'weekly', asOf, periodStart: '2024-06-12' });
    const month = resolveReportPeriod({ type: 'monthly', asOf, periodStart: '2024-02-15' });
    const day = resolveReportPeriod({ type: 'daily', asOf, periodStart: '2024-06-14T20:00:00Z' });
    const customer = resolveReportPeriod({ type: 'customer', asOf, periodStart: '2024-06-01' });

    // Assess
    expect([week.days[0], week.days.at(-1)]).toEqual(['2024-06-10', '2024-06-16']);
    expect([month.days[0], month.days.length]).toEqual(['2024-02-01', 29]);
    expect(day.days).toEqual(['2024-06-15']);
    expect([customer.days[0], customer.days.at(-1)]).toEqual(['2024-06-01', '2024-06-30']);
  });

  it('refuses an impossible periodStart, a local time without offset and an unknown zone', () => {
    // Prepare
    const asOf = new Date('2024-07-01T01:00:00Z');

    // Act
    const attempts = [
      () => resolveReportPeriod({ type: 'daily', asOf, periodStart: '2023-02-29' }),
      () => resolveReportPeriod({ type: 'daily', asOf, periodStart: '2024-06-14T20:00:00' }),
      () => resolveReportPeriod({ type: 'daily', asOf, timeZone: 'Mars/Olympus' }),
    ];

    // Assess
    for (const attempt of attempts) expect(attempt).toThrow(ValidationError);
  });

  it('every period starts and ends on local midnights and its days are exactly the days inside it', () => {
    // Prepare
    const zones = fc.constantFrom('Asia/Shanghai', 'America/New_York', 'Europe/Berlin', 'Australia/Lord_Howe', 'America/Santiago', 'UTC');
    const types = fc.constantFrom(...REPORT_TYPES);
    const instants = fc.integer({ min: Date.parse('2020-01-01T00:00:00Z'), max: Date.parse('2030-12-31T00:00:00Z') });

    // Act / Assess
    fc.assert(
      fc.property(zones, types, instants, (timeZone, type, ms) => {
        const period = resolveReportPeriod({ type, asOf: new Date(ms), timeZone });
        const start = Date.parse(period.start);
        const end = Date.parse(period.end);
        const first = period.days[0] ?? '';
        const last = period.days.at(-1) ?? '';
        expect(localDayOf(start, timeZone)).toBe(first);
        expect(localDayOf(start - 1, timeZone)).toBe(addDays(first, -1));
        expect(localDayOf(end - 1, timeZone)).toBe(last);
        expect(localDayOf(end, timeZone)).toBe(addDays(last, 1));
        // Scheduled periods are over when they run; a customer report includes today.
        if (type !== 'customer') expect(end).toBeLessThanOrEqual(ms);
        expect(period.feedDays[0]).toBe(period.start.slice(0, 10));
        expect(period.feedDays.at(-1)).toBe(new Date(end - 1).toISOString().slice(0, 10));
      }),
      { numRuns: 300 },
    );
  });
});
