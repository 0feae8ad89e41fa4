import * as z from '../core/zod.js';
import { isoTime } from './timeline-params.js';

/**
 * Query string of `GET /v1/audit`: `from` (inclusive) and `to` (exclusive) as ISO 8601 times with
 * offset, `principal` (a token subject) and `action` (a route or job id) as exact matches. Unknown
 * parameters are rejected.
 */
export const AuditListParams = z
  .strictObject({
    from: z.optional(isoTime),
    to: z.optional(isoTime),
    principal: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(200), z.regex(/^\P{Cc}+$/u, 'no control characters'))),
    action: z.optional(z.string().check(z.minLength(1), z.maxLength(64), z.regex(/^[a-z0-9-]+$/, 'a route or job id: lower-case letters, digits and -'))),
    limit: z._default(z.coerce.number().check(z.int(), z.gte(1), z.lte(100)), 50),
    cursor: z.optional(z.string().check(z.minLength(1), z.maxLength(8192))),
  })
  .check(z.refine((p) => p.from === undefined || p.to === undefined || p.from <= p.to, { message: 'from must not be after to', path: ['from'] }));
