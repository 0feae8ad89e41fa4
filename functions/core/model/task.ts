import * as z from '../zod.js';

export const TASK_STATUSES = ['open', 'in_progress', 'done', 'cancelled'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

export const TASK_PRIORITIES = ['high', 'medium', 'low'] as const;
export type TaskPriority = (typeof TASK_PRIORITIES)[number];

/** What a person created a task from (a report's action item, an insight, a record); ids only. */
export const TaskSource = z.strictObject({ reportId: z.optional(z.string()), insightId: z.optional(z.string()), recordId: z.optional(z.string()) });
export type TaskSource = z.infer<typeof TaskSource>;

/** Which status may follow which: work starts, ends done or cancelled, and a closed task may be reopened. */
export const TASK_TRANSITIONS: Readonly<Record<TaskStatus, readonly TaskStatus[]>> = {
  open: ['in_progress', 'done', 'cancelled'],
  in_progress: ['open', 'done', 'cancelled'],
  done: ['open'],
  cancelled: ['open'],
};

/** A follow-up task created from a record's analysis or by a person. */
export const Task = z.object({
  taskId: z.string(),
  tenantId: z.string(),
  customerId: z.nullable(z.string()),
  recordId: z.optional(z.string()),
  title: z.string().check(z.maxLength(500)),
  detail: z.optional(z.string().check(z.maxLength(5000))),
  assignee: z.string().check(z.maxLength(200)),
  dueAt: z.string(),
  status: z.enum(TASK_STATUSES),
  priority: z.enum(TASK_PRIORITIES),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** Who created it by hand (`POST /v1/tasks`, the `sub` of their token); absent for follow-ups of an analysis. */
  createdBy: z.optional(z.string()),
  source: z.optional(TaskSource),
  completedAt: z.optional(z.string()),
  /** Who changed the task last (the `sub` of their token), and their note on it. */
  updatedBy: z.optional(z.string()),
  note: z.optional(z.string().check(z.maxLength(2000))),
});
export type Task = z.infer<typeof Task>;
