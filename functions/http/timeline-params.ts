import * as z from 'zod';
import { INTENT_CATEGORIES, RECORD_TYPES, SENTIMENTS, URGENCY_LEVELS } from '../core/model/record-types.js';

/** `a,b,c` → ['a','b','c'], each checked against the allowed values. */
export const csvOf = <T extends readonly [string, ...string[]]>(values: T) =>
  z
    .string()
    .transform((text) => text.split(',').map((part) => part.trim()).filter(Boolean))
    .pipe(z.array(z.enum(values)).max(values.length));

/** An ISO 8601 date-time with offset, normalised to UTC (`…Z`). */
export const isoTime = z
  .string()
  .datetime({ offset: true, message: 'an ISO 8601 date-time with offset' })
  .transform((value) => new Date(value).toISOString());

/** Query string of `GET /v1/customers/{customerId}/timeline`. Unknown parameters are rejected. */
export const TimelineParams = z
  .object({
    types: csvOf(RECORD_TYPES).optional(),
    intent: csvOf(INTENT_CATEGORIES).optional(),
    sentiment: csvOf(SENTIMENTS).optional(),
    urgency: csvOf(URGENCY_LEVELS).optional(),
    from: isoTime.optional(),
    to: isoTime.optional(),
    limit: z.coerce.number().int().min(1).max(100).default(20),
    cursor: z.string().min(1).max(8192).optional(),
  })
  .strict()
  .refine((p) => p.from === undefined || p.to === undefined || p.from <= p.to, { message: 'from must not be after to', path: ['from'] });

/** Path parameter ids: the characters a key segment may hold. */
export const PathId = z.string().min(1).max(128).regex(/^[A-Za-z0-9._:-]+$/, 'letters, digits and . _ : -');
