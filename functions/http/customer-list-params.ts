import * as z from 'zod';

/**
 * Query string of `GET /v1/customers`: `q` (part of a name, a domain or an email address; absent or
 * blank — a cleared search box — = every customer), `limit`, `cursor`. Unknown parameters are rejected.
 */
export const CustomerListParams = z
  .object({
    q: z
      .string()
      .trim()
      .max(100)
      .optional()
      .transform((q) => (q === '' ? undefined : q)),
    limit: z.coerce.number().int().min(1).max(100).default(20),
    cursor: z.string().min(1).max(8192).optional(),
  })
  .strict();
