import * as z from '../zod.js';

/**
 * The bounded building blocks of the customer agents' outputs (A11–A14). Factories rather than shared
 * instances, so each field is its own schema and the generated JSON Schema inlines it (no `$ref`
 * the model would have to follow).
 */

/** A sentence the reader sees: a summary, an action, an indicator. */
export const agentText = () => z.string().check(z.minLength(1), z.maxLength(300));

/** A short label: a name, a role, a product, a cadence. */
export const agentLabel = () => z.string().check(z.minLength(1), z.maxLength(100));

/** A bounded list of sentences. */
export const agentTexts = (max: number) => z.array(agentText()).check(z.maxLength(max));

/** A bounded list of labels. */
export const agentLabels = (max: number) => z.array(agentLabel()).check(z.maxLength(max));

/** The three-step scale the agents grade influence, priority, satisfaction and risk on. */
export const AGENT_LEVELS = ['high', 'medium', 'low'] as const;
export type AgentLevel = (typeof AGENT_LEVELS)[number];

/** A 0–100 whole-number score. */
export const agentScore = () => z.number().check(z.int(), z.gte(0), z.lte(100));
