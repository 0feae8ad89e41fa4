import * as z from '../zod.js';

export const INSIGHT_TYPES = ['insight', 'opportunity', 'marketing', 'risk', 'report'] as const;
export const INSIGHT_STATUSES = ['new', 'read', 'acted', 'dismissed'] as const;
export type InsightStatus = (typeof INSIGHT_STATUSES)[number];

/** Which status may follow which: new → read → acted / dismissed (new may skip read). */
export const INSIGHT_TRANSITIONS: Readonly<Record<InsightStatus, readonly InsightStatus[]>> = {
  new: ['read', 'acted', 'dismissed'],
  read: ['acted', 'dismissed'],
  acted: [],
  dismissed: [],
};

/** A derived finding about a customer (agents A11–A14), with how it was handled. */
export const Insight = z.object({
  insightId: z.string(),
  tenantId: z.string(),
  customerId: z.string(),
  type: z.enum(INSIGHT_TYPES),
  title: z.string().check(z.maxLength(500)),
  detail: z.string().check(z.maxLength(10_000)),
  status: z.enum(INSIGHT_STATUSES),
  confidence: z.number().check(z.gte(0), z.lte(1)),
  importance: z.enum(['high', 'medium', 'low']),
  relatedRecordIds: z.array(z.string()),
  data: z._default(z.record(z.string(), z.unknown()), {}),
  handledBy: z.optional(z.string()),
  handledAt: z.optional(z.string()),
  handlingNote: z.optional(z.string().check(z.maxLength(2000))),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Insight = z.infer<typeof Insight>;
