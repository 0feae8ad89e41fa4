import { describe, expect, it } from 'vitest';
import { computeCustomerMetrics } from '../../functions/core/insight/compute-customer-metrics.js';
import { scoreCustomerHealth } from '../../functions/core/insight/score-customer-health.js';
import { syntheticHistory } from '../support/synthetic-history.js';
import { AS_OF, CUSTOMER_ID, TENANT_ID } from './record-builder.js';

const history = (seed: number) =>
  syntheticHistory({ tenantId: TENANT_ID, customerId: CUSTOMER_ID, asOf: AS_OF, monthlyCounts: [8, 8, 8, 2], competitorMentions: 2, seed });

describe('scenario: a customer drifting to a cheaper competitor', () => {
  it('falls from 8 contacts a month to 2, both about a cheaper competitor: falling, at risk, under 50', () => {
    // Prepare: shuffled, as a store query may return them.
    const records = [...history(7)].reverse();

    // Act
    const metrics = computeCustomerMetrics({ customerId: CUSTOMER_ID, records, tasks: [], asOf: AS_OF, timeZone: 'Asia/Shanghai' });
    const health = scoreCustomerHealth(metrics);

    // Assess
    expect(metrics.communications).toMatchObject({ last30Days: 2, prior90Days: 24, trend: 'falling' });
    expect(metrics.communications.changeRatio).toBeCloseTo(0.25, 2);
    expect(metrics.signals.competitorMentions.last30Days).toBe(2);
    expect(metrics.signals.competitors).toEqual(['华塑新材']);
    expect(metrics.signals.priceObjections.last30Days).toBeGreaterThanOrEqual(1);
    expect(metrics.sentiment.trend).toBe('worsening');
    expect(health.stage).toBe('at-risk');
    expect(health.score).toBeLessThan(50);
    expect(health.reasons).toContain('communication falling to 0.25 × baseline, with 2 competitor mention(s) in 120 days');
  });

  it('holds for other seeds too: the outcome comes from the pattern, not from one lucky draw', () => {
    for (const seed of [1, 2, 3, 4, 5, 6]) {
      const metrics = computeCustomerMetrics({ customerId: CUSTOMER_ID, records: history(seed), tasks: [], asOf: AS_OF, timeZone: 'Asia/Shanghai' });
      const health = scoreCustomerHealth(metrics);
      expect({ seed, trend: metrics.communications.trend, stage: health.stage, under50: health.score < 50 }).toEqual({
        seed,
        trend: 'falling',
        stage: 'at-risk',
        under50: true,
      });
    }
  });

  it('a steady customer with the same generator is healthy and not at risk', () => {
    // Prepare
    const records = syntheticHistory({ tenantId: TENANT_ID, customerId: CUSTOMER_ID, asOf: AS_OF, monthlyCounts: [8, 8, 8, 8], seed: 7 });

    // Act
    const metrics = computeCustomerMetrics({ customerId: CUSTOMER_ID, records, tasks: [], asOf: AS_OF, timeZone: 'Asia/Shanghai' });
    const health = scoreCustomerHealth(metrics);

    // Assess
    expect(metrics.communications.trend).toBe('stable');
    expect(metrics.signals.competitorMentions).toEqual({ last30Days: 0, prior90Days: 0 });
    expect(health.score).toBeGreaterThanOrEqual(70);
    expect(['mature', 'growing']).toContain(health.stage);
  });
});
