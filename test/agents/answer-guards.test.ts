import { describe, expect, it } from 'vitest';
import { guardA11Answer } from '../../functions/analysis/agents/a11-answer-guard.js';
import { localCustomerInsight } from '../../functions/analysis/agents/a11-local-customer-insight.js';
import { guardA12Answer } from '../../functions/analysis/agents/a12-answer-guard.js';
import { localOpportunities } from '../../functions/analysis/agents/a12-local-opportunity-mining.js';
import { guardA13Answer } from '../../functions/analysis/agents/a13-answer-guard.js';
import { localMarketingSuggestions } from '../../functions/analysis/agents/a13-local-marketing-suggestions.js';
import { guardA14Answer } from '../../functions/analysis/agents/a14-answer-guard.js';
import type { A14Output } from '../../functions/core/agents/a14-risk-alerts.js';
import { fallingInput } from './agent-kit.js';

const actions = ['Call the buyer this week'];

describe('guardA14Answer', () => {
  it('keeps indicators that quote computed numbers, including the rules’ derived change', () => {
    // Prepare
    const answer: A14Output = {
      risks: [{ type: 'churn', level: 'high', score: 78, indicators: ['Only 2 communications in 30 days against a monthly baseline of 8.0 (−75%)'], evidence_record_ids: ['PHONE-20240605-0002'], recommended_actions: actions }],
      overall_risk_score: 80,
    };

    // Act
    const { output, corrections } = guardA14Answer(answer, fallingInput('en'));

    // Assess
    expect(output).toEqual(answer);
    expect(corrections).toEqual([]);
  });

  it('replaces an indicator with an invented number by the local rule’s indicator, and says so', () => {
    // Prepare
    const answer: A14Output = {
      risks: [
        {
          type: 'competitor_penetration',
          level: 'high',
          score: 85,
          indicators: ['Kingfa quoted 15% below our price', '2 competitor mentions in 30 days'],
          evidence_record_ids: ['EMAIL-20240612-0003', 'EMAIL-20990101-9999'],
          recommended_actions: actions,
        },
      ],
      overall_risk_score: 85,
    };

    // Act
    const { output, corrections } = guardA14Answer(answer, fallingInput('en'));

    // Assess
    expect(output.risks[0]?.indicators).toEqual(['2 competitor mentions in 30 days (prior 90 days: 0): Kingfa, Covestro', '2 competitor mentions in 30 days']);
    expect(output.risks[0]?.evidence_record_ids).toEqual(['EMAIL-20240612-0003']);
    expect(corrections).toEqual([
      'competitor_penetration: indicator "Kingfa quoted 15% below our price" quotes 15, not computed; replaced by "2 competitor mentions in 30 days (prior 90 days: 0): Kingfa, Covestro"',
      'competitor_penetration.evidence_record_ids: dropped unknown record ids EMAIL-20990101-9999',
    ]);
  });

  it('drops a risk whose only indicators are invented and that no rule supports', () => {
    // Prepare
    const answer: A14Output = {
      risks: [{ type: 'payment', level: 'medium', score: 55, indicators: ['Invoice 3 weeks overdue'], evidence_record_ids: [], recommended_actions: actions }],
      overall_risk_score: 55,
    };

    // Act
    const { output, corrections } = guardA14Answer(answer, fallingInput('en'));

    // Assess
    expect(output.risks).toEqual([]);
    expect(corrections).toEqual(['payment: indicator "Invoice 3 weeks overdue" quotes 3, not computed; dropped', 'payment: risk dropped, no indicator quotes computed figures']);
  });
});

describe('the other guards', () => {
  it('A13: overwrites best_contact with the computed contact times and channel', () => {
    // Prepare
    const input = fallingInput('en');
    const answer = { ...localMarketingSuggestions(input), best_contact: { weekdays: [1], hours: [9], channel: 'phone' as const } };

    // Act
    const { output, corrections } = guardA13Answer(answer, input);

    // Assess
    expect(output.best_contact).toEqual({ weekdays: [2, 4], hours: [10, 14], channel: 'email' });
    expect(corrections).toHaveLength(1);
  });

  it('A11: puts back the computed score, level, stage and channel, and replaces a pattern text with invented numbers', () => {
    // Prepare
    const input = fallingInput('en');
    const local = localCustomerInsight(input);
    const answer = {
      ...local,
      relationship_health: { score: 70, level: 'good' as const, summary: 'Solid but cooling' },
      communication_pattern: { ...local.communication_pattern, frequency: 'About 12 touches a month', preferred_channel: 'wechat' as const },
      lifecycle_stage: 'mature' as const,
    };

    // Act
    const { output, corrections } = guardA11Answer(answer, input);

    // Assess
    expect(output.relationship_health).toEqual({ score: 48, level: 'fair', summary: 'Solid but cooling' });
    expect(output.lifecycle_stage).toBe('at-risk');
    expect(output.communication_pattern).toEqual(local.communication_pattern);
    expect(corrections).toHaveLength(5);
  });

  it('A12: keeps a price × quantity estimate and a quoted quantity, drops an invented value and quantity', () => {
    // Prepare
    const input = fallingInput('en');
    const [base] = localOpportunities(input).opportunities;
    const answer = {
      opportunities: [
        { ...base!, quantity: '40 t', estimated_value: { amount: 500_000, currency: 'CNY' } },
        { ...base!, quantity: '80 t', estimated_value: { amount: 1_000_000, currency: 'CNY' } },
      ],
      cross_sell: [],
      up_sell: [],
    };

    // Act
    const { output, corrections } = guardA12Answer(answer, input);

    // Assess
    expect(output.opportunities.map(({ quantity, estimated_value }) => ({ quantity, estimated_value }))).toEqual([
      { quantity: '40 t', estimated_value: { amount: 500_000, currency: 'CNY' } },
      { quantity: null, estimated_value: null },
    ]);
    expect(corrections).toHaveLength(2);
  });
});
