import * as z from 'zod';

export const TASK_STATUSES = ['open', 'in_progress', 'done', 'cancelled'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

export const TASK_PRIORITIES = ['high', 'medium', 'low'] as const;
export type TaskPriority = (typeof TASK_PRIORITIES)[number];

/** What a person created a task from (a report's action item, an insight, a record); ids only. */
export const TaskSource = z
  .object({ reportId: z.string().optional(), insightId: z.string().optional(), recordId: z.string().optional() })
  .strict();
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
  customerId: z.string().nullable(),
  recordId: z.string().optional(),
  title: z.string().max(500),
  detail: z.string().max(5000).optional(),
  assignee: z.string().max(200),
  dueAt: z.string(),
  status: z.enum(TASK_STATUSES),
  priority: z.enum(TASK_PRIORITIES),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** Who created it by hand (`POST /v1/tasks`, the `sub` of their token); absent for follow-ups of an analysis. */
  createdBy: z.string().optional(),
  source: TaskSource.optional(),
  completedAt: z.string().optional(),
  /** Who changed the task last (the `sub` of their token), and their note on it. */
  updatedBy: z.string().optional(),
  note: z.string().max(2000).optional(),
});
export type Task = z.infer<typeof Task>;
