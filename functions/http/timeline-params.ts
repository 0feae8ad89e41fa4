import * as z from '../core/zod.js';
import { INTENT_CATEGORIES, RECORD_TYPES, SENTIMENTS, URGENCY_LEVELS } from '../core/model/record-types.js';

/** `a,b,c` → ['a','b','c'], each checked against the allowed values. */
export const csvOf = <T extends readonly [string, ...string[]]>(values: T) =>
  z.pipe(
    z.pipe(z.string(), z.transform((text) => text.split(',').map((part) => part.trim()).filter(Boolean))),
    z.array(z.enum(values)).check(z.maxLength(values.length)),
  );

/** An ISO 8601 date-time with offset, normalised to UTC (`…Z`). */
export const isoTime = z.pipe(
  z.string().check(z.iso.datetime({ offset: true, message: 'an ISO 8601 date-time with offset' })),
  z.transform((value) => new Date(value).toISOString()),
);

/** Query string of `GET /v1/customers/{customerId}/timeline`. Unknown parameters are rejected. */
export const TimelineParams = z
  .strictObject({
    types: z.optional(csvOf(RECORD_TYPES)),
    intent: z.optional(csvOf(INTENT_CATEGORIES)),
    sentiment: z.optional(csvOf(SENTIMENTS)),
    urgency: z.optional(csvOf(URGENCY_LEVELS)),
    from: z.optional(isoTime),
    to: z.optional(isoTime),
    limit: z._default(z.coerce.number().check(z.int(), z.gte(1), z.lte(100)), 20),
    cursor: z.optional(z.string().check(z.minLength(1), z.maxLength(8192))),
  })
  .check(z.refine((p) => p.from === undefined || p.to === undefined || p.from <= p.to, { message: 'from must not be after to', path: ['from'] }));

