import * as z from '../zod.js';
import { DIRECTIONS, INTENT_CATEGORIES, RECORD_TYPES, SENTIMENTS, URGENCY_LEVELS } from '../model/record-types.js';

/**
 * Agent A10 — communication analysis. The output shape follows the seed's JSON (snake_case), and is
 * the one schema both analyzers answer in: the Bedrock adapter derives its forced tool's input
 * schema from it and validates the model's answer with it; the local analyzer builds it by rules.
 */
export const A10Output = z.strictObject({
  intent: z.strictObject({
    category: z.enum(INTENT_CATEGORIES),
    detail: z.string().check(z.minLength(1), z.maxLength(300)),
    confidence: z.number().check(z.gte(0), z.lte(1)),
  }),
  key_info: z.strictObject({
    products: z.array(z.string().check(z.minLength(1), z.maxLength(100))).check(z.maxLength(20)),
    price: z.nullable(z.string().check(z.minLength(1), z.maxLength(100))),
    quantity: z.nullable(z.string().check(z.minLength(1), z.maxLength(100))),
    timeline: z.nullable(z.string().check(z.minLength(1), z.maxLength(100))),
    competitors: z.array(z.string().check(z.minLength(1), z.maxLength(100))).check(z.maxLength(20)),
  }),
  sentiment: z.strictObject({
    overall: z.enum(SENTIMENTS),
    score: z.number().check(z.gte(-1), z.lte(1)),
    mood: z.string().check(z.minLength(1), z.maxLength(50)),
  }),
  urgency: z.strictObject({ level: z.enum(URGENCY_LEVELS), reason: z.string().check(z.minLength(1), z.maxLength(300)) }),
  follow_up: z.array(z.strictObject({ action: z.string().check(z.minLength(1), z.maxLength(300)) })).check(z.maxLength(5)),
  quality_score: z.number().check(z.int(), z.gte(1), z.lte(10)),
  suggestions: z.array(z.string().check(z.minLength(1), z.maxLength(300))).check(z.maxLength(5)),
});
export type A10Output = z.infer<typeof A10Output>;

export const RECORD_LANGUAGES = ['zh', 'en'] as const;
export type RecordLanguage = (typeof RECORD_LANGUAGES)[number];

/** What A10 is given about one record. `text` is already PII-redacted when it goes to a model. */
export const A10Input = z.object({
  recordId: z.string(),
  type: z.enum(RECORD_TYPES),
  direction: z.enum(DIRECTIONS),
  channel: z.string(),
  subject: z.optional(z.string()),
  text: z.string(),
  /** The dominant language of `text`; decides the prompt's language. */
  language: z.enum(RECORD_LANGUAGES),
  /** The tenant's known competitors (names as staff write them). */
  competitors: z.array(z.string()),
  occurredAt: z.string(),
  timeZone: z.string(),
});
export type A10Input = z.infer<typeof A10Input>;
