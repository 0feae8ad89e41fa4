import * as z from 'zod';
import { agentLabel, agentLabels, agentText, agentTexts } from './agent-output-fields.js';

/** Where an opportunity stands in the sales funnel, earliest first. */
export const OPPORTUNITY_STAGES = ['lead', 'qualified', 'proposal', 'negotiation', 'won', 'lost'] as const;
export type OpportunityStage = (typeof OPPORTUNITY_STAGES)[number];

/** The most opportunities one answer lists. */
export const OPPORTUNITIES_MAX = 5;

/**
 * An estimate of an opportunity's value. Only ever a figure the records quote (a price, or a price
 * times a quantity of one signal); `null` when they quote none.
 */
export const EstimatedValue = z.object({ amount: z.number().nonnegative(), currency: z.string().regex(/^[A-Z]{3}$/, 'an ISO 4217 code such as CNY') }).strict();

/** One sales opportunity, with the records it rests on. */
export const MinedOpportunity = z
  .object({
    title: agentText(),
    products: agentLabels(10),
    /** As the records say it ("约50吨", "2 containers"); null when none is said. */
    quantity: agentLabel().nullable(),
    estimated_value: EstimatedValue.nullable(),
    probability: z.number().min(0).max(1),
    stage: z.enum(OPPORTUNITY_STAGES),
    competitors: agentLabels(10),
    next_actions: agentTexts(5),
    evidence_record_ids: agentLabels(10),
  })
  .strict();
export type MinedOpportunity = z.infer<typeof MinedOpportunity>;

/** Agent A12 — opportunity mining: open opportunities, and what else to offer. The seed's shape (snake_case). */
export const A12Output = z
  .object({
    opportunities: z.array(MinedOpportunity).max(OPPORTUNITIES_MAX),
    cross_sell: agentTexts(5),
    up_sell: agentTexts(5),
  })
  .strict();
export type A12Output = z.infer<typeof A12Output>;
