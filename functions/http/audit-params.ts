import * as z from 'zod';
import { isoTime } from './timeline-params.js';

/**
 * Query string of `GET /v1/audit`: `from` (inclusive) and `to` (exclusive) as ISO 8601 times with
 * offset, `principal` (a token subject) and `action` (a route or job id) as exact matches. Unknown
 * parameters are rejected.
 */
export const AuditListParams = z
  .object({
    from: isoTime.optional(),
    to: isoTime.optional(),
    principal: z.string().trim().min(1).max(200).regex(/^\P{Cc}+$/u, 'no control characters').optional(),
    action: z.string().min(1).max(64).regex(/^[a-z0-9-]+$/, 'a route or job id: lower-case letters, digits and -').optional(),
    limit: z.coerce.number().int().min(1).max(100).default(50),
    cursor: z.string().min(1).max(8192).optional(),
  })
  .strict()
  .refine((p) => p.from === undefined || p.to === undefined || p.from <= p.to, { message: 'from must not be after to', path: ['from'] });
