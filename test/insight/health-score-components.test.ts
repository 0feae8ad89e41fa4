import { describe, expect, it } from 'vitest';
import { healthScoreComponents } from '../../functions/core/insight/health-score-components.js';
import { metricsWith, opportunityAt } from './metrics-fixture.js';

describe('healthScoreComponents', () => {
  it('gives a steady, healthy customer 93 points: everything earned, nothing deducted', () => {
    // Act
    const components = healthScoreComponents(metricsWith());

    // Assess
    expect(components).toEqual({
      recency: 20,
      frequency: 30,
      sentiment: 13,
      responsiveness: 10,
      engagement: 10,
      buyingSignals: 10,
      complaints: 0,
      paymentDelays: 0,
      competitorPressure: 0,
      overdueTasks: 0,
    });
  });

  it.each([
    [0, 20],
    [7, 20],
    [8, 16],
    [14, 16],
    [15, 10],
    [30, 10],
    [31, 4],
    [60, 4],
    [61, 0],
    [null, 0],
  ])('recency: %s days since the last contact → %i', (days, points) => {
    expect(healthScoreComponents(metricsWith({ daysSinceLastContact: days })).recency).toBe(points);
  });

  it.each([
    [{ changeRatio: 0.25, trend: 'falling' as const }, 8],
    [{ changeRatio: 0.5, trend: 'falling' as const }, 15],
    [{ changeRatio: 1.7, trend: 'rising' as const }, 30],
    [{ changeRatio: null, trend: 'new' as const, prior90Days: 0 }, 18],
    [{ changeRatio: null, trend: 'rising' as const, prior90Days: 0 }, 30],
    [{ changeRatio: 0, trend: 'silent' as const, last30Days: 0 }, 0],
    [{ changeRatio: null, trend: 'silent' as const, last30Days: 0, prior90Days: 0 }, 0],
  ])('frequency: %o → %i', (communications, points) => {
    expect(healthScoreComponents(metricsWith({ communications })).frequency).toBe(points);
  });

  it.each([
    [{ averageLast30Days: -1 }, 0],
    [{ averageLast30Days: 1 }, 20],
    [{ averageLast30Days: null, averagePrior90Days: 0.5, trend: 'unknown' as const }, 15],
    [{ averageLast30Days: null, averagePrior90Days: null, trend: 'unknown' as const }, 10],
    [{ averageLast30Days: -0.4, averagePrior90Days: 0.3, trend: 'worsening' as const }, 1],
    [{ averageLast30Days: -0.8, averagePrior90Days: 0.3, trend: 'worsening' as const }, 0],
  ])('sentiment: %o → %i', (sentiment, points) => {
    expect(healthScoreComponents(metricsWith({ sentiment })).sentiment).toBe(points);
  });

  it.each([
    [60, 10],
    [61, 8],
    [240, 8],
    [1_440, 5],
    [4_320, 2],
    [4_321, 0],
    [null, 5],
  ])('responsiveness: median reply of %s minutes → %i', (medianMinutes, points) => {
    expect(healthScoreComponents(metricsWith({ responseTime: { medianMinutes, samples: medianMinutes === null ? 0 : 3 } })).responsiveness).toBe(points);
  });

  it('engagement needs an inbound record in the last 30 days; buying signals earn 5 each up to 10', () => {
    expect(healthScoreComponents(metricsWith({ communications: { inboundLast30Days: 0 } })).engagement).toBe(0);
    expect(healthScoreComponents(metricsWith({ opportunities: [] })).buyingSignals).toBe(0);
    expect(healthScoreComponents(metricsWith({ opportunities: [opportunityAt(5)] })).buyingSignals).toBe(5);
    expect(healthScoreComponents(metricsWith({ opportunities: [5, 6, 7].map(opportunityAt) })).buyingSignals).toBe(10);
  });

  it('deducts for problems of the last 30 days, each deduction capped', () => {
    // Prepare
    const windowed = (last30Days: number) => ({ last30Days, prior90Days: 9 });
    const some = metricsWith({
      signals: { complaints: windowed(1), paymentDelays: windowed(1), competitorMentions: windowed(1), priceObjections: windowed(1) },
      tasks: { open: 3, overdue: 2 },
    });
    const many = metricsWith({
      signals: { complaints: windowed(5), paymentDelays: windowed(3), competitorMentions: windowed(2), priceObjections: windowed(2) },
      tasks: { open: 9, overdue: 9 },
    });
    const onlyBaseline = metricsWith({ signals: { complaints: windowed(0), competitorMentions: windowed(0) } });

    // Act
    const [someParts, manyParts, baselineParts] = [some, many, onlyBaseline].map(healthScoreComponents);

    // Assess
    expect(someParts).toMatchObject({ complaints: -8, paymentDelays: -8, competitorPressure: -9, overdueTasks: -6 });
    expect(manyParts).toMatchObject({ complaints: -16, paymentDelays: -16, competitorPressure: -18, overdueTasks: -9 });
    expect(baselineParts).toMatchObject({ complaints: 0, competitorPressure: 0 });
  });
});
