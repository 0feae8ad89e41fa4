import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { guardA11Answer } from '../../functions/analysis/agents/a11-answer-guard.js';
import { localCustomerInsight } from '../../functions/analysis/agents/a11-local-customer-insight.js';
import { guardA12Answer } from '../../functions/analysis/agents/a12-answer-guard.js';
import { localOpportunities } from '../../functions/analysis/agents/a12-local-opportunity-mining.js';
import { localMarketingSuggestions } from '../../functions/analysis/agents/a13-local-marketing-suggestions.js';
import { guardA14Answer } from '../../functions/analysis/agents/a14-answer-guard.js';
import { localRiskAlerts } from '../../functions/analysis/agents/a14-local-risk-alerts.js';
import { A11Output } from '../../functions/core/agents/a11-customer-insight.js';
import { A12Output } from '../../functions/core/agents/a12-opportunity-mining.js';
import { A13Output } from '../../functions/core/agents/a13-marketing-suggestions.js';
import { A14Output } from '../../functions/core/agents/a14-risk-alerts.js';
import { computedNumbers, quotesOnly } from '../../functions/analysis/agents/computed-numbers.js';
import { anyInput } from './agent-kit.js';

describe('the local agents on any metrics the schema accepts', () => {
  it('always answer within their schemas', () => {
    fc.assert(
      fc.property(anyInput, (input) => {
        // Act
        const answers = [
          A11Output.safeParse(localCustomerInsight(input)),
          A12Output.safeParse(localOpportunities(input)),
          A13Output.safeParse(localMarketingSuggestions(input)),
          A14Output.safeParse(localRiskAlerts(input)),
        ];

        // Assess
        for (const answer of answers) expect(answer.error?.issues).toBeUndefined();
      }),
      { numRuns: 200 },
    );
  });

  it('A13 recommends exactly the computed contact times and channel', () => {
    fc.assert(
      fc.property(anyInput, (input) => {
        // Act
        const { best_contact } = localMarketingSuggestions(input);

        // Assess
        expect(best_contact).toEqual({ weekdays: input.metrics.contactTimes.preferredWeekdays, hours: input.metrics.contactTimes.preferredHours, channel: input.metrics.channels.preferred });
      }),
    );
  });

  it('pass their own guards unchanged: the rules quote only computed numbers and known records', () => {
    fc.assert(
      fc.property(anyInput, (input) => {
        // Act
        const guarded = [guardA11Answer(localCustomerInsight(input), input), guardA12Answer(localOpportunities(input), input), guardA14Answer(localRiskAlerts(input), input)];

        // Assess
        for (const { corrections } of guarded) expect(corrections).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });

  it('A14 never reports a risk without an indicator, and its overall score is at least its worst risk', () => {
    fc.assert(
      fc.property(anyInput, (input) => {
        // Act
        const { risks, overall_risk_score } = localRiskAlerts(input);

        // Assess
        for (const risk of risks) expect(risk.indicators.length).toBeGreaterThan(0);
        expect(overall_risk_score).toBeGreaterThanOrEqual(Math.max(0, ...risks.map((risk) => risk.score)));
        expect(new Set(risks.map((risk) => risk.type)).size).toBe(risks.length);
      }),
    );
  });

  it('A14 quotes the metrics themselves: apart from a derived percent change, a metric-only indicator holds only metrics numbers', () => {
    // Counts the rules make from records and signals (urgent complaints, quality records, signal windows) are excluded by type.
    const metricOnly = new Set(['churn', 'competitor_penetration', 'payment', 'relationship']);
    fc.assert(
      fc.property(anyInput, (input) => {
        // Prepare
        const metricsNumbers = computedNumbers([input.metrics, input.health]);

        // Act
        const indicators = localRiskAlerts(input).risks.filter((risk) => metricOnly.has(risk.type)).flatMap((risk) => risk.indicators);

        // Assess
        for (const indicator of indicators) expect(quotesOnly(indicator.replace(/[(（][−+]\d+%[)）]/g, ''), metricsNumbers), indicator).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
