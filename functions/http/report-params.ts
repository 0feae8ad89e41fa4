import * as z from '../core/zod.js';
import { REPORT_TYPES } from '../core/model/report.js';
import { PathId } from './path-id.js';

/** Body of `POST /v1/reports`. `periodStart`: a local day (`yyyy-mm-dd`) or an instant inside the wanted period. */
export const ReportRequestBody = z.strictObject({
  type: z.enum(REPORT_TYPES),
  customerId: z.optional(PathId),
  periodStart: z.optional(z.string().check(z.refine((value) => /^\d{4}-\d{2}-\d{2}$/.test(value) || !Number.isNaN(Date.parse(value)), 'a day yyyy-mm-dd or an ISO 8601 time'))),
});

/** Query string of `GET /v1/reports`. */
export const ReportListParams = z.strictObject({
  limit: z._default(z.coerce.number().check(z.int(), z.gte(1), z.lte(100)), 20),
  cursor: z.optional(z.string().check(z.minLength(1), z.maxLength(8192))),
});
