import * as z from 'zod';
import { INSIGHT_STATUSES, INSIGHT_TYPES } from '../core/model/insight.js';
import { TASK_PRIORITIES, TASK_STATUSES } from '../core/model/task.js';
import { csvOf, isoTime, PathId } from './timeline-params.js';

const Limit = z.coerce.number().int().min(1).max(100).default(20);
const Cursor = z.string().min(1).max(8192).optional();
const Note = z.string().trim().min(1).max(2000);

/** The assignee value that stands for the caller: the `sub` of their token. */
export const ME = 'me';

/** A person's id as tasks carry it (a token `sub`, an email, `unassigned`), or `me`. */
const Assignee = z.string().trim().min(1).max(200).regex(/^\P{Cc}+$/u, 'no control characters');

/** `me` → the caller; any other assignee as given. */
export const assigneeOf = (assignee: string, principal: string): string => (assignee === ME ? principal : assignee);

/** Query string of `GET /v1/customers/{customerId}/insights`; each filter a comma-separated list. Unknown parameters are rejected. */
export const InsightListParams = z
  .object({ type: csvOf(INSIGHT_TYPES).optional(), status: csvOf(INSIGHT_STATUSES).optional(), limit: Limit, cursor: Cursor })
  .strict();

/** Body of `PATCH /v1/insights/{insightId}`: the status to move to (never back to `new`) and an optional note. */
export const InsightPatch = z.object({ status: z.enum(['read', 'acted', 'dismissed']), note: Note.optional() }).strict();

/**
 * Query string of `GET /v1/tasks`: `assignee` (an id or `me`), `customerId`, or both (the customer's
 * tasks of that assignee); `status` a comma-separated list.
 */
export const TaskListParams = z
  .object({ assignee: Assignee.optional(), customerId: PathId.optional(), status: csvOf(TASK_STATUSES).optional(), limit: Limit, cursor: Cursor })
  .strict()
  .refine((params) => params.assignee !== undefined || params.customerId !== undefined, {
    message: 'required: assignee (an id, or me) or customerId, or both',
    path: ['assignee'],
  });

/** Body of `PATCH /v1/tasks/{taskId}`: any of status, assignee (an id or `me`), dueAt, note — at least one. */
export const TaskPatch = z
  .object({ status: z.enum(TASK_STATUSES).optional(), assignee: Assignee.optional(), dueAt: isoTime.optional(), note: Note.optional() })
  .strict()
  .refine((body) => Object.values(body).some((value) => value !== undefined), { message: 'give at least one of status, assignee, dueAt, note' });

/** Body of `POST /v1/tasks` (strict: an unknown field is a 400 naming it). */
export const NewTaskBody = z
  .object({
    customerId: PathId,
    title: z.string().trim().min(1).max(500),
    detail: z.string().trim().min(1).max(5000).optional(),
    priority: z.enum(TASK_PRIORITIES).default('medium'),
    /** Absent = due as an analysis follow-up of this priority would be (high 4 h, medium 1, low 3 business days). */
    dueAt: isoTime.optional(),
    /** An id, or `me`; absent = the customer's owner, else the caller. */
    assignee: Assignee.optional(),
    source: z.object({ reportId: PathId.optional(), insightId: PathId.optional(), recordId: PathId.optional() }).strict().optional(),
    /** The same key from the same tenant returns the task it created first (200, `duplicate: true`); for a different task, 409. */
    idempotencyKey: z.string().min(1).max(200).optional(),
  })
  .strict();
