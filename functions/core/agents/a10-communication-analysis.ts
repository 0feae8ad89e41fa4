import * as z from 'zod';
import { DIRECTIONS, INTENT_CATEGORIES, RECORD_TYPES, SENTIMENTS, URGENCY_LEVELS } from '../model/record-types.js';

/**
 * Agent A10 — communication analysis. The output shape follows the seed's JSON (snake_case), and is
 * the one schema both analyzers answer in: the Bedrock adapter derives its forced tool's input
 * schema from it and validates the model's answer with it; the local analyzer builds it by rules.
 */
export const A10Output = z
  .object({
    intent: z
      .object({
        category: z.enum(INTENT_CATEGORIES),
        detail: z.string().min(1).max(300),
        confidence: z.number().min(0).max(1),
      })
      .strict(),
    key_info: z
      .object({
        products: z.array(z.string().min(1).max(100)).max(20),
        price: z.string().min(1).max(100).nullable(),
        quantity: z.string().min(1).max(100).nullable(),
        timeline: z.string().min(1).max(100).nullable(),
        competitors: z.array(z.string().min(1).max(100)).max(20),
      })
      .strict(),
    sentiment: z
      .object({
        overall: z.enum(SENTIMENTS),
        score: z.number().min(-1).max(1),
        mood: z.string().min(1).max(50),
      })
      .strict(),
    urgency: z.object({ level: z.enum(URGENCY_LEVELS), reason: z.string().min(1).max(300) }).strict(),
    follow_up: z.array(z.object({ action: z.string().min(1).max(300) }).strict()).max(5),
    quality_score: z.number().int().min(1).max(10),
    suggestions: z.array(z.string().min(1).max(300)).max(5),
  })
  .strict();
export type A10Output = z.infer<typeof A10Output>;

export const RECORD_LANGUAGES = ['zh', 'en'] as const;
export type RecordLanguage = (typeof RECORD_LANGUAGES)[number];

/** What A10 is given about one record. `text` is already PII-redacted when it goes to a model. */
export const A10Input = z.object({
  recordId: z.string(),
  type: z.enum(RECORD_TYPES),
  direction: z.enum(DIRECTIONS),
  channel: z.string(),
  subject: z.string().optional(),
  text: z.string(),
  /** The dominant language of `text`; decides the prompt's language. */
  language: z.enum(RECORD_LANGUAGES),
  /** The tenant's known competitors (names as staff write them). */
  competitors: z.array(z.string()),
  occurredAt: z.string(),
  timeZone: z.string(),
});
export type A10Input = z.infer<typeof A10Input>;
