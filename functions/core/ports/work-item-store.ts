import type { Insight, InsightStatus } from '../model/insight.js';
import type { Task, TaskStatus } from '../model/task.js';
import type { TaskChange } from '../model/task-change.js';
import type { Page, PageRequest } from './page.js';

export interface StatusChange<S> {
  readonly to: S;
  readonly by: string;
  readonly at: string;
  readonly note?: string;
}

/** Narrows a customer's insights: `IN` within a filter, `AND` across filters; absent or empty = all. */
export interface InsightFilter {
  readonly types?: readonly Insight['type'][];
  readonly statuses?: readonly InsightStatus[];
  /** Only insights that cite this record in `relatedRecordIds`. */
  readonly relatedRecordId?: string;
}

/** Narrows a customer's tasks; absent or empty = all. */
export interface TaskFilter {
  readonly statuses?: readonly TaskStatus[];
  readonly assignee?: string;
}

/** What a periodic agent run may rewrite of an insight it found again; status and handling stay. */
export type InsightContent = Pick<Insight, 'title' | 'detail' | 'data' | 'importance' | 'confidence' | 'relatedRecordIds'>;

/** Insights (A11–A14 findings) and follow-up tasks with their status state machines. */
export interface WorkItemStore {
  /** Idempotent by id: a second put of the same id returns the stored item. */
  putInsight(insight: Insight): Promise<Insight>;
  getInsight(tenantId: string, insightId: string): Promise<Insight | null>;
  /** A customer's insights, newest first (by `createdAt`). */
  listInsights(tenantId: string, customerId: string, page: PageRequest, filter?: InsightFilter): Promise<Page<Insight>>;
  /** Throws `InvalidTransitionError` when the current status may not move to `change.to`. */
  changeInsightStatus(tenantId: string, insightId: string, change: StatusChange<InsightStatus>): Promise<Insight | null>;
  /**
   * Rewrites an insight's content and `updatedAt` while it is still `new` or `read` (a conditional
   * update: a finding someone acted on or dismissed is never changed under them). Returns the stored
   * insight — unchanged when it was already handled — or `null` when there is none. Safe to retry.
   */
  refreshInsight(tenantId: string, insightId: string, content: InsightContent, at: string): Promise<Insight | null>;

  /** Marks an insight's notification as sent; `false` when it was claimed before (at most one email). */
  claimNotification(tenantId: string, insightId: string, at: string): Promise<boolean>;
  /** Undoes a claim whose email could not be sent, so a retry may send it. */
  releaseNotification(tenantId: string, insightId: string): Promise<void>;
  /**
   * Drops an erased record from an insight's evidence (`relatedRecordIds`, and `data.evidence_record_ids`
   * where a finding kept them), whatever the insight's status. Returns the insight as stored, or
   * `null` when there is none. Safe to repeat.
   */
  forgetRelatedRecord(tenantId: string, insightId: string, recordId: string, at: string): Promise<Insight | null>;
  /** Deletes an insight; `false` when there was none. */
  deleteInsight(tenantId: string, insightId: string): Promise<boolean>;

  /** Idempotent by id: a second put of the same id returns the stored task. */
  putTask(task: Task): Promise<Task>;
  /** `putTask` that also says whether this call created the task (`false`: the id was taken; `stored` is that task). */
  createTask(task: Task): Promise<{ stored: Task; created: boolean }>;
  getTask(tenantId: string, taskId: string): Promise<Task | null>;
  /** An assignee's tasks by status, then due soonest first; one status or several (`IN`). */
  listTasksByAssignee(tenantId: string, assignee: string, status: TaskStatus | readonly TaskStatus[] | undefined, page: PageRequest): Promise<Page<Task>>;
  /** A customer's tasks, due soonest first. */
  listTasksByCustomer(tenantId: string, customerId: string, page: PageRequest, filter?: TaskFilter): Promise<Page<Task>>;
  /**
   * Applies a person's change (status along `TASK_TRANSITIONS`, reassignment, due time, note) and
   * moves the task between the assignee and customer lists accordingly. Returns the task as stored
   * — unchanged when the change alters nothing — or `null` when there is none. Throws
   * `InvalidTransitionError` for a status the current one may not move to.
   */
  updateTask(tenantId: string, taskId: string, change: TaskChange): Promise<Task | null>;
  /** `updateTask` with a status only. */
  changeTaskStatus(tenantId: string, taskId: string, change: StatusChange<TaskStatus>): Promise<Task | null>;
  /** Deletes a task (from the assignee's and the customer's lists too); `false` when there was none. */
  deleteTask(tenantId: string, taskId: string): Promise<boolean>;
}
