import * as z from 'zod';

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
  title: z.string().max(500),
  detail: z.string().max(10_000),
  status: z.enum(INSIGHT_STATUSES),
  confidence: z.number().min(0).max(1),
  importance: z.enum(['high', 'medium', 'low']),
  relatedRecordIds: z.array(z.string()),
  data: z.record(z.string(), z.unknown()).default({}),
  handledBy: z.string().optional(),
  handledAt: z.string().optional(),
  handlingNote: z.string().max(2000).optional(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Insight = z.infer<typeof Insight>;
