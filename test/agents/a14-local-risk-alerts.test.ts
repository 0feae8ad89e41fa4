import { describe, expect, it } from 'vitest';
import { localRiskAlerts } from '../../functions/analysis/agents/a14-local-risk-alerts.js';
import { A14_THRESHOLDS } from '../../functions/analysis/agents/a14-risk-thresholds.js';
import { A14Output } from '../../functions/core/agents/a14-risk-alerts.js';
import { fallingInput, steadyInput, withMetrics } from './agent-kit.js';

const riskOf = (output: A14Output, type: string) => output.risks.find((risk) => risk.type === type);

describe('local A14 on a customer going quiet with competitors named', () => {
  it('raises churn and competitor penetration whose indicators quote the computed 2 and 8', () => {
    // Prepare
    const input = fallingInput('en');

    // Act
    const output = localRiskAlerts(input);

    // Assess
    expect(A14Output.safeParse(output).success).toBe(true);
    expect(riskOf(output, 'churn')).toMatchObject({
      level: 'high',
      score: 75,
      indicators: ['30-day communications 2 vs monthly baseline 8.0 (−75%)'],
      evidence_record_ids: ['EMAIL-20240612-0003', 'PHONE-20240605-0002', 'WX-20240420-0011'],
    });
    expect(riskOf(output, 'competitor_penetration')).toMatchObject({
      level: 'high',
      score: 80,
      indicators: ['2 competitor mentions in 30 days (prior 90 days: 0): Kingfa, Covestro', '30-day communications 2 vs monthly baseline 8.0 (−75%)'],
      evidence_record_ids: ['EMAIL-20240612-0003'],
    });
    expect(output.risks.map((risk) => risk.score)).toEqual([...output.risks.map((risk) => risk.score)].sort((a, b) => b - a));
    // The worst (80) plus 5 for each of the two further risks (churn, relationship).
    expect(output.overall_risk_score).toBe(90);
  });

  it('writes the same indicators in Chinese for a Chinese tenant', () => {
    // Prepare
    const input = fallingInput('zh');

    // Act
    const output = localRiskAlerts(input);

    // Assess
    expect(riskOf(output, 'churn')?.indicators).toEqual(['近30天沟通2次，月均基线8.0次（−75%）']);
    expect(riskOf(output, 'competitor_penetration')?.indicators[0]).toBe('近30天提及竞争对手2次（此前90天：0次）：金发科技、普利特');
    expect(riskOf(output, 'churn')?.recommended_actions.every((action) => /\p{Script=Han}/u.test(action))).toBe(true);
  });

  it('gives the same answer every time (no clock, no randomness)', () => {
    // Prepare
    const input = fallingInput('en');

    // Act
    const [first, second] = [localRiskAlerts(input), localRiskAlerts(structuredClone(input))];

    // Assess
    expect(second).toEqual(first);
  });
});

describe('each local A14 rule', () => {
  it('raises nothing for a steady, happy customer (overall score 0)', () => {
    // Act
    const output = localRiskAlerts(steadyInput('en'));

    // Assess
    expect(output).toEqual({ risks: [], overall_risk_score: 0 });
  });

  it('raises churn at exactly the named change ratio, even with a stable trend label', () => {
    // Prepare
    const atThreshold = withMetrics(steadyInput('en'), (metrics) => ({
      ...metrics,
      communications: { ...metrics.communications, last30Days: 4, changeRatio: A14_THRESHOLDS.churnChangeRatio, trend: 'stable' },
    }));
    const above = withMetrics(atThreshold, (metrics) => ({ ...metrics, communications: { ...metrics.communications, changeRatio: 0.51 } }));

    // Act
    const [raised, quiet] = [localRiskAlerts(atThreshold), localRiskAlerts(above)];

    // Assess
    expect(riskOf(raised, 'churn')).toMatchObject({ score: 50, level: 'medium', indicators: ['30-day communications 4 vs monthly baseline 8.0 (−50%)'] });
    expect(riskOf(quiet, 'churn')).toBeUndefined();
  });

  it('escalates complaints from two in 30 days, higher with an urgent complaint record', () => {
    // Prepare
    const input = withMetrics(steadyInput('en'), (metrics) => ({ ...metrics, signals: { ...metrics.signals, complaints: { last30Days: 2, prior90Days: 1 } } }));
    const urgent = {
      ...input,
      records: [{ recordId: 'EMAIL-20240620-0001', occurredAt: '2024-06-20T01:00:00.000Z', type: 'email' as const, direction: 'inbound' as const, intent: 'complaint' as const, urgency: 'high' as const, summary: 'Line stopped: resin arrived damaged.' }],
    };

    // Act
    const output = localRiskAlerts(urgent);

    // Assess
    expect(riskOf(output, 'complaint_escalation')).toMatchObject({
      score: 90,
      level: 'high',
      indicators: ['2 complaints in 30 days (prior 90 days: 1)', '1 complaint record of the last 30 days marked high urgency'],
      evidence_record_ids: ['EMAIL-20240620-0001'],
    });
    expect(riskOf(output, 'quality')).toMatchObject({ score: 55, indicators: ['1 complaint or after-sales record in 30 days names a quality problem'] });
  });

  it('raises payment on a delay in 30 days', () => {
    // Prepare
    const input = withMetrics(steadyInput('en'), (metrics) => ({ ...metrics, signals: { ...metrics.signals, paymentDelays: { last30Days: 1, prior90Days: 1 } } }));

    // Act
    const output = localRiskAlerts(input);

    // Assess
    expect(riskOf(output, 'payment')).toMatchObject({ score: 65, level: 'medium', indicators: ['1 payment delay in 30 days (prior 90 days: 1)'] });
  });

  it('raises relationship on long silence, worsening sentiment and overdue follow-ups, adding their points', () => {
    // Prepare
    const input = withMetrics(steadyInput('zh'), (metrics) => ({
      ...metrics,
      daysSinceLastContact: 45,
      sentiment: { averageLast30Days: -0.4, averagePrior90Days: 0.2, trend: 'worsening', negativeLast30Days: 3 },
      tasks: { open: 4, overdue: 2 },
    }));

    // Act
    const output = localRiskAlerts(input);

    // Assess
    expect(riskOf(output, 'relationship')).toMatchObject({
      score: 85,
      level: 'high',
      indicators: ['已45天未联系', '近30天平均情绪−0.40，此前90天0.20（转差）', '近30天负面沟通3条', '逾期跟进任务2个'],
    });
  });

  it('raises order decline when the buying signals or the order-related records dry up', () => {
    // Prepare
    const signal = (recordId: string, occurredAt: string) => ({ recordId, occurredAt, products: ['PC 2405'], competitors: [] });
    const input = withMetrics(steadyInput('en'), (metrics) => ({
      ...metrics,
      signals: { ...metrics.signals, orderActivity: { last30Days: 1, prior90Days: 9 } },
      opportunities: [signal('EMAIL-20240510-0001', '2024-05-10T00:00:00.000Z'), signal('EMAIL-20240425-0001', '2024-04-25T00:00:00.000Z'), signal('EMAIL-20240415-0001', '2024-04-15T00:00:00.000Z')],
    }));

    // Act
    const output = localRiskAlerts(input);

    // Assess
    expect(riskOf(output, 'order_decline')).toMatchObject({
      score: 85,
      indicators: ['Opportunity signals 0 in 30 days vs 3 in the 60 days before', '1 order, payment, delivery or after-sales record in 30 days (prior 90 days: 9)'],
      evidence_record_ids: ['EMAIL-20240510-0001', 'EMAIL-20240425-0001', 'EMAIL-20240415-0001'],
    });
  });

  it('raises competitor penetration on named competitors while communications fall, even below two mentions', () => {
    // Prepare
    const input = withMetrics(fallingInput('en'), (metrics) => ({ ...metrics, signals: { ...metrics.signals, competitorMentions: { last30Days: 0, prior90Days: 3 } } }));

    // Act
    const output = localRiskAlerts(input);

    // Assess
    expect(riskOf(output, 'competitor_penetration')?.indicators[0]).toBe('0 competitor mentions in 30 days (prior 90 days: 3): Kingfa, Covestro');
  });
});
