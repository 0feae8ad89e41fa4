import * as z from 'zod';
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
export const A11Output = z
  .object({
    relationship_health: z.object({ score: agentScore(), level: z.enum(HEALTH_LEVELS), summary: agentText() }).strict(),
    communication_pattern: z
      .object({
        frequency: agentText(),
        preferred_channel: z.enum(RECORD_TYPES).nullable(),
        preferred_times: agentText(),
        response_speed: agentText(),
      })
      .strict(),
    decision_style: agentText(),
    satisfaction: z.object({ level: z.enum(AGENT_LEVELS), drivers: agentTexts(5) }).strict(),
    loyalty: z.object({ level: z.enum(AGENT_LEVELS), evidence: agentTexts(5) }).strict(),
    lifecycle_stage: z.enum(LIFECYCLE_STAGES),
    key_contacts: z.array(z.object({ name: agentLabel(), role: agentLabel(), influence: z.enum(AGENT_LEVELS) }).strict()).max(5),
    needs_map: z.array(z.object({ need: agentText(), priority: z.enum(AGENT_LEVELS), evidence: agentText() }).strict()).max(5),
    risks: agentTexts(5),
    opportunities: agentTexts(5),
  })
  .strict();
export type A11Output = z.infer<typeof A11Output>;
