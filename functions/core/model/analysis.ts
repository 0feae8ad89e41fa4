import * as z from 'zod';
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
  blobKey: z.string().optional(),
  /** SHA-256 (hex) of the input sent. */
  sha256: z.string(),
  /** Placeholders put in, by kind (`{ MOBILE: 2 }`). */
  redactions: z.partialRecord(z.enum(PII_KIND_NAMES), z.number().int().nonnegative()),
  /** Prompt size estimated before the call (the model's own count is in `usage`). */
  estimatedInputTokens: z.number().int().nonnegative(),
});
export type ModelInputRecord = z.infer<typeof ModelInputRecord>;

export const FollowUpItem = z.object({
  action: z.string().max(1000),
  /** The task it became. */
  taskId: z.string().optional(),
  dueAt: z.string().optional(),
  assignee: z.string().max(200).optional(),
});
export type FollowUpItem = z.infer<typeof FollowUpItem>;

/**
 * The AI analysis block of a record (agent A10): intent, key information, sentiment, urgency and
 * follow-up, as in the seed table's analysis columns, plus how the answer was obtained.
 */
export const Analysis = z.object({
  status: z.enum(ANALYSIS_STATUSES),
  intent: z
    .object({ category: z.enum(INTENT_CATEGORIES), detail: z.string().max(500).optional(), confidence: z.number().min(0).max(1) })
    .optional(),
  keyInfo: z
    .object({
      products: z.array(z.string().max(200)).max(50).default([]),
      price: z.string().max(200).optional(),
      quantity: z.string().max(200).optional(),
      timeline: z.string().max(200).optional(),
      competitors: z.array(z.string().max(200)).max(50).default([]),
    })
    .optional(),
  sentiment: z
    .object({ overall: z.enum(SENTIMENTS), score: z.number().min(-1).max(1), mood: z.string().max(100).optional() })
    .optional(),
  urgency: z.object({ level: z.enum(URGENCY_LEVELS), reason: z.string().max(500).optional() }).optional(),
  followUps: z.array(FollowUpItem).max(20).default([]),
  qualityScore: z.number().int().min(1).max(10).optional(),
  insights: z.array(z.string().max(1000)).max(50).default([]),
  suggestions: z.array(z.string().max(1000)).max(50).default([]),
  tags: z.array(z.string().max(100)).max(50).default([]),
  /** Bedrock model id, `local`, or `local-fallback` when the model's answer could not be used. */
  model: z.string().max(200).optional(),
  fallbackReason: z.string().max(2000).optional(),
  /** Why no model was asked although one is configured (short text; local rules confident under the tiered policy). */
  modelSkipped: z.string().max(500).optional(),
  modelCalls: z.number().int().nonnegative().optional(),
  usage: z.object({ inputTokens: z.number().int(), outputTokens: z.number().int() }).optional(),
  modelInput: ModelInputRecord.optional(),
  /** The local analyzer's fired rules, so its judgement can be explained. */
  explanation: z.array(z.string().max(500)).max(50).optional(),
  /** The urgent alert this record raised (at most one). */
  alertInsightId: z.string().optional(),
  analyzedAt: z.string().datetime({ offset: true }).optional(),
  failureReason: z.string().max(2000).optional(),
  /** Which workflow run wrote this block (`first`, or the replay's id). */
  run: z.string().max(100).optional(),
});
export type Analysis = z.infer<typeof Analysis>;
