import * as z from 'zod';
import { REPORT_TYPES } from '../core/model/report.js';
import { PathId } from './timeline-params.js';

/** Body of `POST /v1/reports`. `periodStart`: a local day (`yyyy-mm-dd`) or an instant inside the wanted period. */
export const ReportRequestBody = z
  .object({
    type: z.enum(REPORT_TYPES),
    customerId: PathId.optional(),
    periodStart: z
      .string()
      .refine((value) => /^\d{4}-\d{2}-\d{2}$/.test(value) || !Number.isNaN(Date.parse(value)), 'a day yyyy-mm-dd or an ISO 8601 time')
      .optional(),
  })
  .strict();

/** Query string of `GET /v1/reports`. */
export const ReportListParams = z
  .object({ limit: z.coerce.number().int().min(1).max(100).default(20), cursor: z.string().min(1).max(8192).optional() })
  .strict();
