import { describe, expect, it } from 'vitest';
import { DAY_TOUCH_INTERVAL_MS } from '../../functions/core/ports/record-store.js';
import { daysToSweep } from '../../functions/core/use-cases/sweep-retention.js';

describe('which days a retention sweep walks', () => {
  const sweptAt = Date.parse('2025-03-01T03:00:00Z');
  const minutes = (n: number) => n * 60_000;
  const days = [
    { day: '2024-10-05', touchedAt: sweptAt - minutes(60 * 24) },
    { day: '2024-12-01', touchedAt: sweptAt + minutes(90) },
    { day: '2025-01-10', touchedAt: sweptAt - DAY_TOUCH_INTERVAL_MS },
    { day: '2025-01-30', touchedAt: 0 },
    { day: '2025-01-31', touchedAt: 0 },
  ];

  it('walks every day with records on the first sweep', () => {
    expect(daysToSweep(days, null)).toEqual(days.map((d) => d.day));
  });

  it('then walks from where the last sweep stopped, plus older days written to since it began (a day’s note may lag a store)', () => {
    expect(daysToSweep(days, { clearedBefore: '2025-01-30', sweptAt })).toEqual(['2024-12-01', '2025-01-10', '2025-01-30', '2025-01-31']);
  });
});
