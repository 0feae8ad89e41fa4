import * as z from '../zod.js';
import { PII_KIND_NAMES } from './pii-kinds.js';
import { INTENT_CATEGORIES, SENTIMENTS, URGENCY_LEVELS } from './record-types.js';

export const ANALYSIS_STATUSES = ['pending', 'completed', 'failed', 'skipped'] as const;

/**
 * What was sent to the model for a record. When masking changed the text, the exact (redacted) input
 * is kept in the blob store; otherwise it is the record's own subject and body, and only its digest
 * is kept (an S3 PUT per record would cost more than the rest of the analysis' storage).
 */
export const ModelInputRecord = z.object({
  /** Blob key of the exact input sent, when it differs from the stored text. */
  blobKey: z.optional(z.string()),
  /** SHA-256 (hex) of the input sent. */
  sha256: z.string(),
  /** Placeholders put in, by kind (`{ MOBILE: 2 }`). */
  redactions: z.partialRecord(z.enum(PII_KIND_NAMES), z.number().check(z.int(), z.nonnegative())),
  /** Prompt size estimated before the call (the model's own count is in `usage`). */
  estimatedInputTokens: z.number().check(z.int(), z.nonnegative()),
});
export type ModelInputRecord = z.infer<typeof ModelInputRecord>;

export const FollowUpItem = z.object({
  action: z.string().check(z.maxLength(1000)),
  /** The task it became. */
  taskId: z.optional(z.string()),
  dueAt: z.optional(z.string()),
  assignee: z.optional(z.string().check(z.maxLength(200))),
});
export type FollowUpItem = z.infer<typeof FollowUpItem>;

/**
 * The AI analysis block of a record (agent A10): intent, key information, sentiment, urgency and
 * follow-up, as in the seed table's analysis columns, plus how the answer was obtained.
 */
export const Analysis = z.object({
  status: z.enum(ANALYSIS_STATUSES),
  intent: z.optional(z.object({ category: z.enum(INTENT_CATEGORIES), detail: z.optional(z.string().check(z.maxLength(500))), confidence: z.number().check(z.gte(0), z.lte(1)) })),
  keyInfo: z.optional(
    z.object({
      products: z._default(z.array(z.string().check(z.maxLength(200))).check(z.maxLength(50)), []),
      price: z.optional(z.string().check(z.maxLength(200))),
      quantity: z.optional(z.string().check(z.maxLength(200))),
      timeline: z.optional(z.string().check(z.maxLength(200))),
      competitors: z._default(z.array(z.string().check(z.maxLength(200))).check(z.maxLength(50)), []),
    }),
  ),
  sentiment: z.optional(z.object({ overall: z.enum(SENTIMENTS), score: z.number().check(z.gte(-1), z.lte(1)), mood: z.optional(z.string().check(z.maxLength(100))) })),
  urgency: z.optional(z.object({ level: z.enum(URGENCY_LEVELS), reason: z.optional(z.string().check(z.maxLength(500))) })),
  followUps: z._default(z.array(FollowUpItem).check(z.maxLength(20)), []),
  qualityScore: z.optional(z.number().check(z.int(), z.gte(1), z.lte(10))),
  insights: z._default(z.array(z.string().check(z.maxLength(1000))).check(z.maxLength(50)), []),
  suggestions: z._default(z.array(z.string().check(z.maxLength(1000))).check(z.maxLength(50)), []),
  tags: z._default(z.array(z.string().check(z.maxLength(100))).check(z.maxLength(50)), []),
  /** Bedrock model id, `local`, or `local-fallback` when the model's answer could not be used. */
  model: z.optional(z.string().check(z.maxLength(200))),
  fallbackReason: z.optional(z.string().check(z.maxLength(2000))),
  /** Why no model was asked although one is configured (short text; local rules confident under the tiered policy). */
  modelSkipped: z.optional(z.string().check(z.maxLength(500))),
  modelCalls: z.optional(z.number().check(z.int(), z.nonnegative())),
  usage: z.optional(z.object({ inputTokens: z.number().check(z.int()), outputTokens: z.number().check(z.int()) })),
  modelInput: z.optional(ModelInputRecord),
  /** The local analyzer's fired rules, so its judgement can be explained. */
  explanation: z.optional(z.array(z.string().check(z.maxLength(500))).check(z.maxLength(50))),
  /** The urgent alert this record raised (at most one). */
  alertInsightId: z.optional(z.string()),
  analyzedAt: z.optional(z.string().check(z.iso.datetime({ offset: true }))),
  failureReason: z.optional(z.string().check(z.maxLength(2000))),
  /** Which workflow run wrote this block (`first`, or the replay's id). */
  run: z.optional(z.string().check(z.maxLength(100))),
});
export type Analysis = z.infer<typeof Analysis>;
