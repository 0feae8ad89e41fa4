import * as z from 'zod';

export const TASK_STATUSES = ['open', 'in_progress', 'done', 'cancelled'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

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
  priority: z.enum(['high', 'medium', 'low']),
  createdAt: z.string(),
  updatedAt: z.string(),
  completedAt: z.string().optional(),
  /** Who changed the task last (the `sub` of their token), and their note on it. */
  updatedBy: z.string().optional(),
  note: z.string().max(2000).optional(),
});
export type Task = z.infer<typeof Task>;
