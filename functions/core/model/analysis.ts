import { z } from 'zod';
import { INTENT_CATEGORIES, SENTIMENTS, URGENCY_LEVELS } from './record-types.js';

/**
 * The AI analysis block of a record (agent A10): intent, key information, sentiment, urgency and
 * follow-up, as in the seed table's analysis columns.
 */
export const Analysis = z.object({
  status: z.enum(['pending', 'completed', 'failed', 'skipped']),
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
  followUp: z
    .object({
      required: z.boolean(),
      action: z.string().max(1000).optional(),
      dueAt: z.string().datetime({ offset: true }).optional(),
      assignee: z.string().max(128).optional(),
    })
    .optional(),
  insights: z.array(z.string().max(1000)).max(50).default([]),
  suggestions: z.array(z.string().max(1000)).max(50).default([]),
  tags: z.array(z.string().max(100)).max(50).default([]),
  model: z.string().max(200).optional(),
  analyzedAt: z.string().datetime({ offset: true }).optional(),
  failureReason: z.string().max(2000).optional(),
});
export type Analysis = z.infer<typeof Analysis>;
