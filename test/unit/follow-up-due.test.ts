import { describe, expect, it } from 'vitest';
import { followUpDueAt, isBusinessDay } from '../../functions/core/model/follow-up-due.js';

const SHANGHAI = 'Asia/Shanghai';
const NEW_YORK = 'America/New_York';

// Shanghai is UTC+8 all year (no daylight saving since 1991), so local times are easy to write as UTC.
const shanghai = (local: string) => new Date(`${local}+08:00`);

describe('followUpDueAt — business days in Asia/Shanghai', () => {
  it('medium on Friday 15:00 is due Monday 15:00', () => {
    // Prepare: 2024-06-14 is a Friday.
    const friday = shanghai('2024-06-14T15:00:00');

    // Act
    const due = followUpDueAt('medium', friday, SHANGHAI);

    // Assess
    expect(due).toBe(shanghai('2024-06-17T15:00:00').toISOString());
  });

  it('medium on Monday is due Tuesday at the same local time', () => {
    expect(followUpDueAt('medium', shanghai('2024-06-17T08:30:00'), SHANGHAI)).toBe(shanghai('2024-06-18T08:30:00').toISOString());
  });

  it('low on Wednesday is due the next Monday (Thursday, Friday, Monday)', () => {
    expect(followUpDueAt('low', shanghai('2024-06-12T10:15:00'), SHANGHAI)).toBe(shanghai('2024-06-17T10:15:00').toISOString());
  });

  it('on a weekend counts from Monday 09:00: Saturday + medium is Tuesday 09:00, Sunday + low is Thursday 09:00', () => {
    // Prepare: 2024-06-15 is a Saturday, 2024-06-16 a Sunday.
    const saturdayEvening = shanghai('2024-06-15T20:00:00');
    const sundayMorning = shanghai('2024-06-16T07:00:00');

    // Act
    const mediumDue = followUpDueAt('medium', saturdayEvening, SHANGHAI);
    const lowDue = followUpDueAt('low', sundayMorning, SHANGHAI);

    // Assess
    expect(mediumDue).toBe(shanghai('2024-06-18T09:00:00').toISOString());
    expect(lowDue).toBe(shanghai('2024-06-20T09:00:00').toISOString());
  });

  it('reads the weekday in the tenant zone, not in UTC', () => {
    // Prepare: Friday 23:30 UTC is already Saturday 07:30 in Shanghai.
    const fridayUtcSaturdayShanghai = new Date('2024-06-14T23:30:00Z');

    // Act
    const due = followUpDueAt('medium', fridayUtcSaturdayShanghai, SHANGHAI);

    // Assess
    expect(isBusinessDay(fridayUtcSaturdayShanghai, 'UTC')).toBe(true);
    expect(isBusinessDay(fridayUtcSaturdayShanghai, SHANGHAI)).toBe(false);
    expect(due).toBe(shanghai('2024-06-18T09:00:00').toISOString());
  });

  it('uses Asia/Shanghai when no zone is given', () => {
    expect(followUpDueAt('medium', shanghai('2024-06-14T15:00:00'))).toBe(shanghai('2024-06-17T15:00:00').toISOString());
    expect(isBusinessDay(shanghai('2024-06-15T10:00:00'))).toBe(false);
  });
});

describe('followUpDueAt — high urgency', () => {
  it('is four hours later, across midnight and into a weekend', () => {
    // Prepare: Friday 22:00 Shanghai.
    const fridayNight = shanghai('2024-06-14T22:00:00');

    // Act
    const due = followUpDueAt('high', fridayNight, SHANGHAI);

    // Assess
    expect(due).toBe('2024-06-14T18:00:00.000Z');
    expect(due).toBe(shanghai('2024-06-15T02:00:00').toISOString());
  });
});

describe('followUpDueAt — daylight saving in America/New_York', () => {
  it('keeps 10:00 local across the spring change (EST → EDT)', () => {
    // Prepare: Friday 2024-03-08 10:00 EST (UTC-5); clocks go forward on Sunday 2024-03-10.
    const friday = new Date('2024-03-08T15:00:00Z');

    // Act
    const due = followUpDueAt('medium', friday, NEW_YORK);

    // Assess: Monday 2024-03-11 10:00 EDT (UTC-4).
    expect(due).toBe('2024-03-11T14:00:00.000Z');
  });

  it('keeps 10:00 local across the autumn change (EDT → EST)', () => {
    // Friday 2024-11-01 10:00 EDT; clocks go back on Sunday 2024-11-03; Monday 10:00 is EST.
    expect(followUpDueAt('medium', new Date('2024-11-01T14:00:00Z'), NEW_YORK)).toBe('2024-11-04T15:00:00.000Z');
  });

  it('high urgency is four elapsed hours even over the skipped hour', () => {
    // Sunday 2024-03-10 00:30 EST (05:30 UTC) + 4 h = 09:30 UTC = 05:30 EDT: the local clock moved 5 hours.
    expect(followUpDueAt('high', new Date('2024-03-10T05:30:00Z'), NEW_YORK)).toBe('2024-03-10T09:30:00.000Z');
  });
});

// Egypt changes clocks on weekdays (IANA tz database, `africa`: from 2023 at 00:00 on the last Friday
// of April, back at 24:00 on the last Thursday of October), so a due time can fall in a gap or twice.
describe('followUpDueAt — local times the zone skips or repeats (Africa/Cairo)', () => {
  it('moves a due time inside the skipped hour forward by that hour', () => {
    // Prepare: Thursday 2024-04-25 00:30 EET; Friday 00:00–01:00 does not exist.
    const thursday = new Date('2024-04-24T22:30:00Z');

    // Act
    const due = followUpDueAt('medium', thursday, 'Africa/Cairo');

    // Assess: Friday 01:30 EEST (UTC+3).
    expect(due).toBe('2024-04-25T22:30:00.000Z');
  });

  it('picks the earlier of two instants when the local time happens twice', () => {
    // Wednesday 2024-10-30 23:30 EEST → Thursday 23:30, which is lived first in EEST, then in EET.
    expect(followUpDueAt('medium', new Date('2024-10-30T20:30:00Z'), 'Africa/Cairo')).toBe('2024-10-31T20:30:00.000Z');
  });
});
