import { describe, expect, it } from 'vitest';
import { sentimentTrend } from '../../functions/core/insight/sentiment-trend.js';
import { AS_OF, aRecord, daysAgo } from './record-builder.js';

describe('sentimentTrend', () => {
  it('compares the mean score of the last 30 days with the prior 90 and counts recent negatives', () => {
    // Prepare: recent mean −0.4, baseline mean 0.3.
    const records = [
      aRecord({ at: daysAgo(2), sentiment: -0.6 }),
      aRecord({ at: daysAgo(9), sentiment: -0.2 }),
      aRecord({ at: daysAgo(40), sentiment: 0.2 }),
      aRecord({ at: daysAgo(80), sentiment: 0.4 }),
    ];

    // Act
    const sentiment = sentimentTrend(records, AS_OF);

    // Assess
    expect(sentiment).toEqual({ averageLast30Days: -0.4, averagePrior90Days: 0.3, trend: 'worsening', negativeLast30Days: 2 });
  });

  it('calls a difference of exactly 0.2 a trend and anything less stable', () => {
    // Prepare: 0.3 − 0.1 is 0.19999… in floating point, and must still count as 0.2.
    const improving = [aRecord({ at: daysAgo(1), sentiment: 0.3 }), aRecord({ at: daysAgo(50), sentiment: 0.1 })];
    const stable = [aRecord({ at: daysAgo(1), sentiment: 0.29 }), aRecord({ at: daysAgo(50), sentiment: 0.1 })];

    // Act / Assess
    expect(sentimentTrend(improving, AS_OF).trend).toBe('improving');
    expect(sentimentTrend(stable, AS_OF).trend).toBe('stable');
  });

  it('is unknown when either window has no analysed sentiment', () => {
    // Prepare: the baseline record was never analysed.
    const records = [aRecord({ at: daysAgo(1), sentiment: 0.5 }), aRecord({ at: daysAgo(50), unanalysed: true })];

    // Act
    const sentiment = sentimentTrend(records, AS_OF);

    // Assess
    expect(sentiment).toEqual({ averageLast30Days: 0.5, averagePrior90Days: null, trend: 'unknown', negativeLast30Days: 0 });
    expect(sentimentTrend([], AS_OF)).toEqual({ averageLast30Days: null, averagePrior90Days: null, trend: 'unknown', negativeLast30Days: 0 });
  });

  it('reads only records with the customer’s words: inbound, and conversations either way', () => {
    // Prepare: our cheerful outbound email must not mask the customer's mood; an outbound call has both sides.
    const records = [
      aRecord({ at: daysAgo(1), direction: 'inbound', sentiment: -0.8 }),
      aRecord({ at: daysAgo(2), direction: 'outbound', type: 'email', sentiment: 0.9 }),
      aRecord({ at: daysAgo(3), direction: 'outbound', type: 'phone', sentiment: -0.4 }),
      aRecord({ at: daysAgo(4), direction: 'internal', type: 'meeting', sentiment: 0.9 }),
    ];

    // Act
    const sentiment = sentimentTrend(records, AS_OF);

    // Assess
    expect(sentiment).toMatchObject({ averageLast30Days: -0.6, negativeLast30Days: 2 });
  });
});
