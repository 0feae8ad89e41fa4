import * as z from '../zod.js';
import { LIFECYCLE_STAGES } from '../insight/customer-metrics.js';
import { RECORD_TYPES } from '../model/record-types.js';
import { AGENT_LEVELS, agentLabel, agentScore, agentText, agentTexts } from './agent-output-fields.js';

/** How the relationship health score reads, best first. */
export const HEALTH_LEVELS = ['excellent', 'good', 'fair', 'poor'] as const;
export type HealthLevel = (typeof HEALTH_LEVELS)[number];

/** The lowest score of each level; a score belongs to the first level whose floor it reaches. */
export const HEALTH_LEVEL_FLOORS = { excellent: 80, good: 60, fair: 40, poor: 0 } as const satisfies Record<HealthLevel, number>;

/** The level a health score reads as (80+ excellent, 60+ good, 40+ fair, else poor). */
export function healthLevelFor(score: number): HealthLevel {
  return HEALTH_LEVELS.find((level) => score >= HEALTH_LEVEL_FLOORS[level]) ?? 'poor';
}

/**
 * Agent A11 — customer insight: the relationship as a whole. The seed's shape (snake_case). Its
 * score, level, stage and preferred channel are the computed ones (`CustomerHealth`,
 * `CustomerMetrics`); the agent writes the reading of them.
 */
export const A11Output = z.strictObject({
  relationship_health: z.strictObject({ score: agentScore(), level: z.enum(HEALTH_LEVELS), summary: agentText() }),
  communication_pattern: z.strictObject({
    frequency: agentText(),
    preferred_channel: z.nullable(z.enum(RECORD_TYPES)),
    preferred_times: agentText(),
    response_speed: agentText(),
  }),
  decision_style: agentText(),
  satisfaction: z.strictObject({ level: z.enum(AGENT_LEVELS), drivers: agentTexts(5) }),
  loyalty: z.strictObject({ level: z.enum(AGENT_LEVELS), evidence: agentTexts(5) }),
  lifecycle_stage: z.enum(LIFECYCLE_STAGES),
  key_contacts: z.array(z.strictObject({ name: agentLabel(), role: agentLabel(), influence: z.enum(AGENT_LEVELS) })).check(z.maxLength(5)),
  needs_map: z.array(z.strictObject({ need: agentText(), priority: z.enum(AGENT_LEVELS), evidence: agentText() })).check(z.maxLength(5)),
  risks: agentTexts(5),
  opportunities: agentTexts(5),
});
export type A11Output = z.infer<typeof A11Output>;
