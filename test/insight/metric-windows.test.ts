import { describe, expect, it } from 'vitest';
import { countByWindow, metricWindowOf } from '../../functions/core/insight/metric-windows.js';
import { AS_OF, aRecord, daysAgo } from './record-builder.js';

describe('metricWindowOf', () => {
  it('puts asOf itself in the last 30 days and exactly 30 days before it in the baseline', () => {
    expect(metricWindowOf(AS_OF.getTime(), AS_OF)).toBe('last30');
    expect(metricWindowOf(Date.parse(daysAgo(29.999)), AS_OF)).toBe('last30');
    expect(metricWindowOf(Date.parse(daysAgo(30)), AS_OF)).toBe('prior90');
    expect(metricWindowOf(Date.parse(daysAgo(119.999)), AS_OF)).toBe('prior90');
  });

  it('leaves out the future, 120 days ago and before, and unreadable times', () => {
    expect(metricWindowOf(AS_OF.getTime() + 1, AS_OF)).toBeUndefined();
    expect(metricWindowOf(Date.parse(daysAgo(120)), AS_OF)).toBeUndefined();
    expect(metricWindowOf(Number.NaN, AS_OF)).toBeUndefined();
  });
});

describe('countByWindow', () => {
  it('counts matching records per window', () => {
    // Prepare
    const records = [
      aRecord({ at: daysAgo(1), intent: 'complaint' }),
      aRecord({ at: daysAgo(2), intent: 'inquiry' }),
      aRecord({ at: daysAgo(45), intent: 'complaint' }),
      aRecord({ at: daysAgo(200), intent: 'complaint' }),
    ];

    // Act
    const counts = countByWindow(records, AS_OF, (record) => record.analysis.intent?.category === 'complaint');

    // Assess
    expect(counts).toEqual({ last30Days: 1, prior90Days: 1 });
  });
});
