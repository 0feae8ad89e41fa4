import * as z from '../core/zod.js';
import { INSIGHT_STATUSES, INSIGHT_TYPES } from '../core/model/insight.js';
import { TASK_PRIORITIES, TASK_STATUSES } from '../core/model/task.js';
import { PathId } from './path-id.js';
import { csvOf, isoTime } from './timeline-params.js';

const Limit = z._default(z.coerce.number().check(z.int(), z.gte(1), z.lte(100)), 20);
const Cursor = z.optional(z.string().check(z.minLength(1), z.maxLength(8192)));
const Note = z.string().check(z.trim(), z.minLength(1), z.maxLength(2000));

/** The assignee value that stands for the caller: the `sub` of their token. */
export const ME = 'me';

/** A person's id as tasks carry it (a token `sub`, an email, `unassigned`), or `me`. */
const Assignee = z.string().check(z.trim(), z.minLength(1), z.maxLength(200), z.regex(/^\P{Cc}+$/u, 'no control characters'));

/** `me` → the caller; any other assignee as given. */
export const assigneeOf = (assignee: string, principal: string): string => (assignee === ME ? principal : assignee);

/** Query string of `GET /v1/customers/{customerId}/insights`; each filter a comma-separated list. Unknown parameters are rejected. */
export const InsightListParams = z.strictObject({ type: z.optional(csvOf(INSIGHT_TYPES)), status: z.optional(csvOf(INSIGHT_STATUSES)), limit: Limit, cursor: Cursor });

/** Body of `PATCH /v1/insights/{insightId}`: the status to move to (never back to `new`) and an optional note. */
export const InsightPatch = z.strictObject({ status: z.enum(['read', 'acted', 'dismissed']), note: z.optional(Note) });

/**
 * Query string of `GET /v1/tasks`: `assignee` (an id or `me`), `customerId`, or both (the customer's
 * tasks of that assignee); `status` a comma-separated list.
 */
export const TaskListParams = z
  .strictObject({ assignee: z.optional(Assignee), customerId: z.optional(PathId), status: z.optional(csvOf(TASK_STATUSES)), limit: Limit, cursor: Cursor })
  .check(
    z.refine((params) => params.assignee !== undefined || params.customerId !== undefined, {
      message: 'required: assignee (an id, or me) or customerId, or both',
      path: ['assignee'],
    }),
  );

/** Body of `PATCH /v1/tasks/{taskId}`: any of status, assignee (an id or `me`), dueAt, note — at least one. */
export const TaskPatch = z
  .strictObject({ status: z.optional(z.enum(TASK_STATUSES)), assignee: z.optional(Assignee), dueAt: z.optional(isoTime), note: z.optional(Note) })
  .check(z.refine((body) => Object.values(body).some((value) => value !== undefined), { message: 'give at least one of status, assignee, dueAt, note' }));

/** Body of `POST /v1/tasks` (strict: an unknown field is a 400 naming it). */
export const NewTaskBody = z.strictObject({
  customerId: PathId,
  title: z.string().check(z.trim(), z.minLength(1), z.maxLength(500)),
  detail: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(5000))),
  priority: z._default(z.enum(TASK_PRIORITIES), 'medium'),
  /** Absent = due as an analysis follow-up of this priority would be (high 4 h, medium 1, low 3 business days). */
  dueAt: z.optional(isoTime),
  /** An id, or `me`; absent = the customer's owner, else the caller. */
  assignee: z.optional(Assignee),
  source: z.optional(z.strictObject({ reportId: z.optional(PathId), insightId: z.optional(PathId), recordId: z.optional(PathId) })),
  /** The same key from the same tenant returns the task it created first (200, `duplicate: true`); for a different task, 409. */
  idempotencyKey: z.optional(z.string().check(z.minLength(1), z.maxLength(200))),
});
