import { describe, expect, it } from 'vitest';
import { formatTime } from '../../web/src/time/format.js';
import { addDays, dayInZone, dayLabel, groupByDay, startOfDayInZone } from '../../web/src/time/zoned-day.js';

const SHANGHAI = 'Asia/Shanghai';

describe("the console's days follow the tenant's zone, not the browser's", () => {
  // Two records a minute apart around midnight in Shanghai (15:59 and 16:01 UTC on the 15th).
  const records = [{ occurredAt: '2024-06-15T16:01:00Z', id: 'after' }, { occurredAt: '2024-06-15T15:59:00Z', id: 'before' }];
  const now = Date.parse('2024-06-16T03:00:00Z'); // 11:00 on the 16th in Shanghai

  it("splits records either side of the tenant zone's midnight into today and yesterday", () => {
    // Act
    const groups = groupByDay(records, SHANGHAI, now);
    // Assess
    expect(groups.map((g) => ({ day: g.day, label: g.label, ids: g.items.map((r) => r.id) }))).toEqual([
      { day: '2024-06-16', label: { kind: 'today' }, ids: ['after'] },
      { day: '2024-06-15', label: { kind: 'yesterday' }, ids: ['before'] },
    ]);
    expect(formatTime(records[0]!.occurredAt, 'zh-CN', SHANGHAI)).toBe('00:01');
  });

  it('keeps them on one day for a tenant in Los Angeles (where it is morning of the 15th)', () => {
    const groups = groupByDay(records, 'America/Los_Angeles', now);
    expect(groups).toHaveLength(1);
    expect(groups[0]).toMatchObject({ day: '2024-06-15', label: { kind: 'today' } });
  });

  it('labels older days with their date, and keeps one group for a day that continues on the next page', () => {
    const page1 = [{ occurredAt: '2024-06-10T02:00:00Z' }, { occurredAt: '2024-06-10T01:00:00Z' }];
    const page2 = [{ occurredAt: '2024-06-10T00:30:00Z' }, { occurredAt: '2024-06-09T10:00:00Z' }];
    const groups = groupByDay([...page1, ...page2], SHANGHAI, now);
    expect(groups.map((g) => [g.day, g.items.length, g.label.kind])).toEqual([
      ['2024-06-10', 3, 'date'],
      ['2024-06-09', 1, 'date'],
    ]);
  });

  it('reads local days and their starts in the zone, including a DST change at midnight', () => {
    expect(dayInZone('2024-06-15T16:00:00Z', SHANGHAI)).toBe('2024-06-16');
    expect(dayInZone('2024-06-15T15:59:59.999Z', SHANGHAI)).toBe('2024-06-15');
    expect(startOfDayInZone('2024-06-16', SHANGHAI)).toBe('2024-06-15T16:00:00.000Z');
    expect(startOfDayInZone('2024-03-10', 'America/New_York')).toBe('2024-03-10T05:00:00.000Z'); // DST starts at 02:00
    expect(startOfDayInZone('2024-11-03', 'America/New_York')).toBe('2024-11-03T04:00:00.000Z'); // DST ends at 02:00
    // Santiago skips from 00:00 to 01:00 on 8 Sep 2024: the day starts at 01:00 (−03:00).
    expect(startOfDayInZone('2024-09-08', 'America/Santiago')).toBe('2024-09-08T04:00:00.000Z');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(dayLabel('2024-06-14', now, SHANGHAI)).toEqual({ kind: 'date', day: '2024-06-14' });
  });
});
