import * as z from '../zod.js';
import { RECORD_TYPES } from '../model/record-types.js';
import { agentLabel, agentText, agentTexts } from './agent-output-fields.js';

/**
 * When and where to reach the customer. Always the computed contact times and preferred channel
 * (`CustomerMetrics.contactTimes`, `channels.preferred`): a model's answer is overwritten with them.
 */
export const BestContact = z.strictObject({
  /** ISO weekdays, 1 = Monday … 7 = Sunday, best first. */
  weekdays: z.array(z.number().check(z.int(), z.gte(1), z.lte(7))).check(z.maxLength(2)),
  /** Hours of day 0–23 in the tenant's zone, best first. */
  hours: z.array(z.number().check(z.int(), z.gte(0), z.lte(23))).check(z.maxLength(3)),
  channel: z.nullable(z.enum(RECORD_TYPES)),
});
export type BestContact = z.infer<typeof BestContact>;

/** Agent A13 — marketing suggestions: what to say, through which channel, how often. The seed's shape (snake_case). */
export const A13Output = z.strictObject({
  segment: agentLabel(),
  key_messages: agentTexts(5),
  content_suggestions: agentTexts(5),
  best_contact: BestContact,
  channel_strategy: agentText(),
  care_plan: z.strictObject({ actions: agentTexts(5), cadence: agentLabel() }),
  /** Steps to keep the customer; empty when nothing threatens the relationship. */
  retention_plan: agentTexts(5),
});
export type A13Output = z.infer<typeof A13Output>;
