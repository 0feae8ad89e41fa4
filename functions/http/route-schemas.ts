import * as z from '../core/zod.js';
import { CommunicationInput } from '../core/model/communication-input.js';
import { CommunicationRecord } from '../core/model/communication-record.js';
import { Customer, CustomerInput, CustomerSummary } from '../core/model/customer.js';
import { Insight } from '../core/model/insight.js';
import { Report } from '../core/model/report.js';
import { Task } from '../core/model/task.js';
import { UploadRequest } from '../core/use-cases/create-upload.js';
import { CallerProfile } from '../core/use-cases/describe-caller.js';
import { ReportWithDocuments } from '../core/use-cases/read-reports.js';
import { AuditListParams } from './audit-params.js';
import { CustomerListParams } from './customer-list-params.js';
import { ReportListParams, ReportRequestBody } from './report-params.js';
import type { RouteId } from './routes.js';
import { TimelineParams } from './timeline-params.js';
import { InsightListParams, InsightPatch, NewTaskBody, TaskListParams, TaskPatch } from './work-item-params.js';

/** A list response: `{ items, nextCursor }` (`null` = no more). */
export const pageOf = <T extends z.ZodMiniType>(item: T) => z.object({ items: z.array(item), nextCursor: z.nullable(z.string()) });

/** The one error body. */
export const ErrorBody = z.object({
  error: z.object({ code: z.string(), message: z.string(), details: z.array(z.object({ path: z.string(), message: z.string() })) }),
});

/** What `POST /v1/tasks` answers: 201 `{ task }`, or 200 `{ task, duplicate: true }` for an idempotency key seen before. */
export const CreatedTask = z.object({ task: Task, duplicate: z.optional(z.literal(true)) });

/** The zod schemas of one route's query string, body and answers by status — the handlers parse with the same ones. */
export interface RouteSchemas {
  readonly query?: z.ZodMiniObject;
  readonly body?: z.ZodMiniType;
  readonly responses?: Readonly<Record<number, z.ZodMiniType>>;
}

/**
 * The schemas the OpenAPI document (openapi.ts) shows per route. A route missing here is still
 * listed with its path, parameters, scopes and error answers.
 */
export const ROUTE_SCHEMAS: Partial<Record<RouteId, RouteSchemas>> = {
  'create-communication': { body: CommunicationInput, responses: { 201: z.object({ recordId: z.string() }), 200: z.object({ recordId: z.string(), duplicate: z.literal(true) }) } },
  'get-timeline': { query: TimelineParams, responses: { 200: pageOf(CommunicationRecord) } },
  'list-customers': { query: CustomerListParams, responses: { 200: pageOf(CustomerSummary) } },
  'put-customer': { body: CustomerInput, responses: { 201: Customer, 200: Customer } },
  'list-customer-insights': { query: InsightListParams, responses: { 200: pageOf(Insight) } },
  'update-insight': { body: InsightPatch, responses: { 200: Insight } },
  'list-tasks': { query: TaskListParams, responses: { 200: pageOf(Task) } },
  'create-task': { body: NewTaskBody, responses: { 201: CreatedTask, 200: CreatedTask } },
  'update-task': { body: TaskPatch, responses: { 200: Task } },
  'create-upload': { body: UploadRequest },
  'create-report': { body: ReportRequestBody },
  'get-report': { responses: { 200: ReportWithDocuments } },
  'list-reports': { query: ReportListParams, responses: { 200: pageOf(Report) } },
  'get-caller': { responses: { 200: CallerProfile } },
  'list-audit': { query: AuditListParams },
};
