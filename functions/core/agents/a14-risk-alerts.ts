import * as z from '../zod.js';
import { AGENT_LEVELS, agentLabels, agentScore, agentTexts } from './agent-output-fields.js';

/** The kinds of customer risk A14 reports. */
export const RISK_TYPES = ['churn', 'order_decline', 'complaint_escalation', 'competitor_penetration', 'payment', 'quality', 'relationship'] as const;
export type RiskType = (typeof RISK_TYPES)[number];

/** One risk, with the computed figures that show it and what to do. */
export const RiskAlert = z.strictObject({
  type: z.enum(RISK_TYPES),
  level: z.enum(AGENT_LEVELS),
  score: agentScore(),
  /** Each quotes computed figures ("30-day communications 2 vs monthly baseline 8.0 (−75%)"). */
  indicators: agentTexts(5).check(z.minLength(1)),
  evidence_record_ids: agentLabels(10),
  recommended_actions: agentTexts(5),
});
export type RiskAlert = z.infer<typeof RiskAlert>;

/** Agent A14 — risk alerts: the customer's risks, worst first, and an overall score. The seed's shape (snake_case). */
export const A14Output = z.strictObject({
  risks: z.array(RiskAlert).check(z.maxLength(RISK_TYPES.length)),
  overall_risk_score: agentScore(),
});
export type A14Output = z.infer<typeof A14Output>;
