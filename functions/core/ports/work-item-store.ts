import type { Insight, InsightStatus } from '../model/insight.js';
import type { Task, TaskStatus } from '../model/task.js';
import type { Page, PageRequest } from './page.js';

export interface StatusChange<S> {
  readonly to: S;
  readonly by: string;
  readonly at: string;
  readonly note?: string;
}

/** Insights (A11–A14 findings) and follow-up tasks with their status state machines. */
export interface WorkItemStore {
  /** Idempotent by id: a second put of the same id returns the stored item. */
  putInsight(insight: Insight): Promise<Insight>;
  getInsight(tenantId: string, insightId: string): Promise<Insight | null>;
  listInsights(tenantId: string, customerId: string, page: PageRequest): Promise<Page<Insight>>;
  /** Throws `InvalidTransitionError` when the current status may not move to `change.to`. */
  changeInsightStatus(tenantId: string, insightId: string, change: StatusChange<InsightStatus>): Promise<Insight | null>;

  /** Marks an insight's notification as sent; `false` when it was claimed before (at most one email). */
  claimNotification(tenantId: string, insightId: string, at: string): Promise<boolean>;
  /** Undoes a claim whose email could not be sent, so a retry may send it. */
  releaseNotification(tenantId: string, insightId: string): Promise<void>;

  putTask(task: Task): Promise<Task>;
  getTask(tenantId: string, taskId: string): Promise<Task | null>;
  listTasksByAssignee(tenantId: string, assignee: string, status: TaskStatus | undefined, page: PageRequest): Promise<Page<Task>>;
  listTasksByCustomer(tenantId: string, customerId: string, page: PageRequest): Promise<Page<Task>>;
  changeTaskStatus(tenantId: string, taskId: string, change: StatusChange<TaskStatus>): Promise<Task | null>;
}
