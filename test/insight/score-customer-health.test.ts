import { describe, expect, it } from 'vitest';
import { lifecycleStage } from '../../functions/core/insight/lifecycle-stage.js';
import { scoreCustomerHealth } from '../../functions/core/insight/score-customer-health.js';
import { daysAgo } from './record-builder.js';
import { metricsWith, opportunityAt } from './metrics-fixture.js';

const noOrders = { orderActivity: { last30Days: 0, prior90Days: 0 } };

describe('scoreCustomerHealth', () => {
  it('sums the components into the score and calls a steady long-standing customer mature', () => {
    // Act
    const health = scoreCustomerHealth(metricsWith());

    // Assess
    expect(health.score).toBe(93);
    expect(Object.values(health.components).reduce((sum, points) => sum + points, 0)).toBe(93);
    expect(health.stage).toBe('mature');
    expect(health.reasons).toEqual(['in contact for 200 days, communication stable (1 × baseline) without problem signals']);
  });

  it('clamps at 0 when the deductions outweigh everything earned', () => {
    // Prepare
    const hopeless = metricsWith({
      daysSinceLastContact: 90,
      communications: { last30Days: 0, inboundLast30Days: 0, outboundLast30Days: 0, changeRatio: 0, trend: 'silent' },
      sentiment: { averageLast30Days: -1, trend: 'worsening' },
      responseTime: { medianMinutes: 10_000, samples: 4 },
      opportunities: [],
      signals: { complaints: { last30Days: 4, prior90Days: 0 }, paymentDelays: { last30Days: 2, prior90Days: 0 } },
      tasks: { open: 5, overdue: 5 },
    });

    // Act
    const health = scoreCustomerHealth(hopeless);

    // Assess
    expect(health.score).toBe(0);
    expect(health.stage).toBe('at-risk');
  });
});

describe('lifecycleStage', () => {
  it('1. prospect: no customer communication on record', () => {
    const metrics = metricsWith({ firstContactAt: null, lastContactAt: null, daysSinceLastContact: null });

    expect(lifecycleStage(metrics, 15)).toEqual({ stage: 'prospect', reasons: ['no customer communication on record'] });
  });

  it('2. at-risk: a score under 50, whatever else holds', () => {
    expect(lifecycleStage(metricsWith(), 49)).toEqual({ stage: 'at-risk', reasons: ['health score 49 is below 50'] });
    expect(lifecycleStage(metricsWith(), 50).stage).toBe('mature');
  });

  it('2. at-risk: falling contact with complaints, even with a fair score', () => {
    // Prepare
    const metrics = metricsWith({
      communications: { last30Days: 3, changeRatio: 0.375, trend: 'falling' },
      signals: { complaints: { last30Days: 0, prior90Days: 2 } },
    });

    // Act
    const decision = lifecycleStage(metrics, 70);

    // Assess
    expect(decision).toEqual({ stage: 'at-risk', reasons: ['communication falling to 0.375 × baseline, with 2 complaint(s) in 120 days'] });
  });

  it('2. at-risk: silence after competitor mentions, one reason per rule that fired', () => {
    // Prepare
    const metrics = metricsWith({
      communications: { last30Days: 0, inboundLast30Days: 0, outboundLast30Days: 0, changeRatio: 0, trend: 'silent' },
      signals: { competitorMentions: { last30Days: 0, prior90Days: 1 } },
    });

    // Act
    const decision = lifecycleStage(metrics, 45);

    // Assess
    expect(decision).toEqual({
      stage: 'at-risk',
      reasons: ['health score 45 is below 50', 'no communication in the last 30 days, with 1 competitor mention(s) in 120 days'],
    });
  });

  it('falling contact without problem signals and a fair score stays mature, and says so', () => {
    const metrics = metricsWith({ communications: { last30Days: 4, changeRatio: 0.5, trend: 'falling' } });

    expect(lifecycleStage(metrics, 70)).toEqual({
      stage: 'mature',
      reasons: ['in contact for 200 days, communication falling (0.5 × baseline) without problem signals'],
    });
  });

  it('3. prospect: never ordered and first contact under 90 days ago', () => {
    const metrics = metricsWith({ firstContactAt: daysAgo(40), signals: noOrders });

    expect(lifecycleStage(metrics, 70)).toEqual({
      stage: 'prospect',
      reasons: ['no order, payment, delivery or after-sales communication in 120 days', 'first contact 40 days ago, under 90'],
    });
  });

  it('3. prospect: never ordered in 120 days and no buying signal, however old the contact', () => {
    const metrics = metricsWith({ signals: noOrders, opportunities: [] });

    expect(lifecycleStage(metrics, 70)).toEqual({
      stage: 'prospect',
      reasons: ['no order, payment, delivery or after-sales communication in 120 days', 'no buying signal in the last 90 days'],
    });
  });

  it('an old contact without orders but with a live opportunity is not a prospect', () => {
    expect(lifecycleStage(metricsWith({ signals: noOrders }), 70).stage).toBe('mature');
  });

  it('4. new: has ordered, first contact under 90 days ago', () => {
    const metrics = metricsWith({ firstContactAt: daysAgo(89.5), communications: { trend: 'rising', changeRatio: 2 } });

    expect(lifecycleStage(metrics, 80)).toEqual({ stage: 'new', reasons: ['first contact 89 days ago, under 90'] });
  });

  it('5. growing: contact rising', () => {
    const metrics = metricsWith({ communications: { last30Days: 12, changeRatio: 1.5, trend: 'rising' } });

    expect(lifecycleStage(metrics, 90)).toEqual({ stage: 'growing', reasons: ['communication rising to 1.5 × baseline'] });
  });

  it('5. growing: buying signals increasing — at least 2 in the last 30 days, above the earlier monthly average', () => {
    // Prepare: 3 recent against 2 in the 60 days before (1 a month); then 2 recent against 4 earlier (2 a month).
    const increasing = metricsWith({ opportunities: [2, 10, 20, 40, 70].map(opportunityAt) });
    const level = metricsWith({ opportunities: [2, 10, 40, 50, 60, 70].map(opportunityAt) });

    // Act / Assess
    expect(lifecycleStage(increasing, 90)).toEqual({ stage: 'growing', reasons: ['3 buying signals in the last 30 days, up from 1 a month before'] });
    expect(lifecycleStage(level, 90).stage).toBe('mature');
  });
});
