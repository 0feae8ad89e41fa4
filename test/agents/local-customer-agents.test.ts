import { describe, expect, it } from 'vitest';
import { localCustomerInsight } from '../../functions/analysis/agents/a11-local-customer-insight.js';
import { localOpportunities } from '../../functions/analysis/agents/a12-local-opportunity-mining.js';
import { localMarketingSuggestions } from '../../functions/analysis/agents/a13-local-marketing-suggestions.js';
import { localRiskAlerts } from '../../functions/analysis/agents/a14-local-risk-alerts.js';
import { createLocalCustomerAgents } from '../../functions/analysis/agents/local-customer-agents.js';
import { A11Output } from '../../functions/core/agents/a11-customer-insight.js';
import { A12Output } from '../../functions/core/agents/a12-opportunity-mining.js';
import { A13Output } from '../../functions/core/agents/a13-marketing-suggestions.js';
import { fallingInput, steadyInput, withMetrics } from './agent-kit.js';

describe('local A11 customer insight', () => {
  it('takes score and stage from the health, the pattern from the metrics, risks and opportunities from A14 and A12', () => {
    // Prepare
    const input = fallingInput('en');

    // Act
    const output = localCustomerInsight(input);

    // Assess
    expect(A11Output.safeParse(output).success).toBe(true);
    expect(output.relationship_health).toEqual({ score: 48, level: 'fair', summary: 'Health 48/100 (fair), at risk; 30-day communications 2 vs monthly baseline 8.0 (−75%)' });
    expect(output.lifecycle_stage).toBe('at-risk');
    expect(output.communication_pattern).toEqual({
      frequency: '30-day communications 2 vs monthly baseline 8.0 (−75%); trend falling',
      preferred_channel: 'email',
      preferred_times: 'Tue, Thu · 10:00, 14:00',
      response_speed: 'our median reply 42 min over 9 replies',
    });
    expect(output.decision_style).toBe('Price-sensitive, compares suppliers');
    expect(output.loyalty.level).toBe('low');
    expect(output.key_contacts).toEqual([]);
    expect(output.needs_map).toEqual([{ need: 'Pricing and availability', priority: 'medium', evidence: expect.stringMatching(/^2 records; latest: Asks for a quote/) }]);
    expect(output.risks).toContain('Churn risk: 30-day communications 2 vs monthly baseline 8.0 (−75%)');
    expect(output.opportunities).toEqual(['PCR-ABS 1000 — 50 t']);
  });

  it('reads a steady customer as satisfied and loyal, in Chinese for a Chinese tenant', () => {
    // Act
    const output = localCustomerInsight(steadyInput('zh'));

    // Assess
    expect(output.relationship_health.summary).toMatch(/^健康度82\/100（优秀），成熟期；近30天沟通9次/);
    expect(output.satisfaction.level).toBe('high');
    expect(output.loyalty.level).toBe('high');
    expect(output.risks).toEqual([]);
  });
});

describe('local A12 opportunity mining', () => {
  it('groups the signals by product, stages them by their newest signal and never estimates a value', () => {
    // Prepare
    const input = withMetrics(fallingInput('en'), (metrics) => ({
      ...metrics,
      opportunities: [
        { recordId: 'EMAIL-20240620-0001', occurredAt: '2024-06-20T00:00:00.000Z', products: ['PC 2405'], price: 'USD 2.1/kg', competitors: [], intent: 'inquiry' },
        ...metrics.opportunities,
        { recordId: 'VISIT-20240410-0001', occurredAt: '2024-04-10T00:00:00.000Z', products: ['pc 2405'], quantity: '10 t', competitors: ['Covestro'], intent: 'order' },
      ],
    }));

    // Act
    const output = localOpportunities(input);

    // Assess
    expect(A12Output.safeParse(output).success).toBe(true);
    expect(output.opportunities.map(({ title, stage, probability, evidence_record_ids, estimated_value }) => ({ title, stage, probability, evidence_record_ids, estimated_value }))).toEqual([
      { title: 'PC 2405 — 10 t', stage: 'proposal', probability: 0.32, evidence_record_ids: ['EMAIL-20240620-0001', 'VISIT-20240410-0001'], estimated_value: null },
      { title: 'PCR-ABS 1000 — 50 t', stage: 'qualified', probability: 0.2, evidence_record_ids: ['EMAIL-20240612-0003', 'WX-20240420-0011'], estimated_value: null },
    ]);
    expect(output.opportunities[0]?.competitors).toEqual(['Covestro']);
    expect(output.up_sell).toHaveLength(2);
  });

  it('finds nothing without signals', () => {
    // Act
    const output = localOpportunities(steadyInput('en'));

    // Assess
    expect(output).toEqual({ opportunities: [], cross_sell: [], up_sell: [] });
  });
});

describe('local A13 marketing suggestions', () => {
  it('takes the best contact from the computed contact times and channel, and plans retention from the risks', () => {
    // Prepare
    const input = fallingInput('en');

    // Act
    const output = localMarketingSuggestions(input);

    // Assess
    expect(A13Output.safeParse(output).success).toBe(true);
    expect(output.best_contact).toEqual({ weekdays: [2, 4], hours: [10, 14], channel: 'email' });
    expect(output.segment).toBe('Key account · at risk');
    expect(output.care_plan.cadence).toBe('weekly');
    expect(output.channel_strategy).toBe('Lead with email (54% of contacts); use the phone for urgent matters');
    const firstActions = localRiskAlerts(input).risks.map((risk) => risk.recommended_actions[0]);
    expect(output.retention_plan).toEqual(firstActions);
  });

  it('has no retention plan for a customer without risks', () => {
    // Act
    const output = localMarketingSuggestions(steadyInput('zh'));

    // Assess
    expect(output.retention_plan).toEqual([]);
    expect(output.segment).toBe('重点客户·成熟期');
  });
});

describe('createLocalCustomerAgents', () => {
  it('answers every agent by rules, marked local, without model calls', async () => {
    // Prepare
    const agents = createLocalCustomerAgents();
    const input = fallingInput('en');

    // Act
    const results = await Promise.all([agents.insight(input), agents.opportunities(input), agents.marketing(input), agents.risks(input)]);

    // Assess
    expect(results.map(({ model, modelCalls }) => ({ model, modelCalls }))).toEqual(Array(4).fill({ model: 'local', modelCalls: 0 }));
    expect(results[3]).toEqual({ output: localRiskAlerts(input), model: 'local', modelCalls: 0 });
  });
});
