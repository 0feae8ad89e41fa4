import { A14Output, RISK_TYPES } from '../../core/agents/a14-risk-alerts.js';
import type { CustomerAgentInput } from '../../core/agents/customer-agent-input.js';
import { clip } from '../schema-limits.js';
import { RISK_ACTIONS } from './a14-indicator-phrases.js';
import { RISK_RULES, type RiskFinding } from './a14-risk-rules.js';
import { OVERALL_EXTRA_RISK_POINTS, clampScore, riskLevelFor } from './a14-risk-thresholds.js';

// Longer ids cannot be evidence ids (the schema's label bound); real record ids are ~25 characters.
const ID_MAX = 100;
const isEvidenceId = (id: string) => id.length > 0 && id.length <= ID_MAX;

/**
 * Agent A14 by rules: every rule of {@link RISK_RULES} that fires becomes a risk, worst first, whose
 * indicators quote the computed figures in the input's language. The overall score is the worst risk's
 * score plus {@link OVERALL_EXTRA_RISK_POINTS} for each further risk (at most 100), 0 with no risk.
 * Deterministic: the same input always gives the same output.
 *
 * @example
 * const { risks } = localRiskAlerts(input);
 * risks[0]; // { type: 'churn', level: 'high', score: 75, indicators: ['30-day communications 2 vs monthly baseline 8.0 (−75%)'], … }
 */
export function localRiskAlerts(input: CustomerAgentInput): A14Output {
  const findings = RISK_TYPES.map((type) => RISK_RULES[type](input))
    .filter((finding): finding is RiskFinding => finding !== null)
    .sort((a, b) => b.score - a.score);
  const risks = findings.map((finding) => ({
    type: finding.type,
    level: riskLevelFor(finding.score),
    score: finding.score,
    indicators: finding.indicators.slice(0, 5).map((indicator) => clip(indicator, 300)),
    evidence_record_ids: finding.evidence.filter(isEvidenceId).slice(0, 10),
    recommended_actions: [...RISK_ACTIONS[input.language][finding.type]],
  }));
  const worst = risks[0]?.score ?? 0;
  const overall = risks.length === 0 ? 0 : clampScore(worst + OVERALL_EXTRA_RISK_POINTS * (risks.length - 1));
  return A14Output.parse({ risks, overall_risk_score: overall });
}
