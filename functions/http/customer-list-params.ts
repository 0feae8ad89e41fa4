import * as z from '../core/zod.js';

/**
 * Query string of `GET /v1/customers`: `q` (part of a name, a domain or an email address; absent or
 * blank — a cleared search box — = every customer), `limit`, `cursor`. Unknown parameters are rejected.
 */
export const CustomerListParams = z.strictObject({
  q: z.pipe(
    z.optional(z.string().check(z.trim(), z.maxLength(100))),
    z.transform((q) => (q === '' ? undefined : q)),
  ),
  limit: z._default(z.coerce.number().check(z.int(), z.gte(1), z.lte(100)), 20),
  cursor: z.optional(z.string().check(z.minLength(1), z.maxLength(8192))),
});
