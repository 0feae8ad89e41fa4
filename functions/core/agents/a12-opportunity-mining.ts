import * as z from '../zod.js';
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
export const EstimatedValue = z.strictObject({ amount: z.number().check(z.nonnegative()), currency: z.string().check(z.regex(/^[A-Z]{3}$/, 'an ISO 4217 code such as CNY')) });

/** One sales opportunity, with the records it rests on. */
export const MinedOpportunity = z.strictObject({
  title: agentText(),
  products: agentLabels(10),
  /** As the records say it ("约50吨", "2 containers"); null when none is said. */
  quantity: z.nullable(agentLabel()),
  estimated_value: z.nullable(EstimatedValue),
  probability: z.number().check(z.gte(0), z.lte(1)),
  stage: z.enum(OPPORTUNITY_STAGES),
  competitors: agentLabels(10),
  next_actions: agentTexts(5),
  evidence_record_ids: agentLabels(10),
});
export type MinedOpportunity = z.infer<typeof MinedOpportunity>;

/** Agent A12 — opportunity mining: open opportunities, and what else to offer. The seed's shape (snake_case). */
export const A12Output = z.strictObject({
  opportunities: z.array(MinedOpportunity).check(z.maxLength(OPPORTUNITIES_MAX)),
  cross_sell: agentTexts(5),
  up_sell: agentTexts(5),
});
export type A12Output = z.infer<typeof A12Output>;
