import type { HubDependencies } from '../dependencies.js';
import { NotFoundError, ValidationError } from '../errors.js';
import type { Changed } from '../model/changed.js';
import type { Task, TaskStatus } from '../model/task.js';
import type { TaskChange } from '../model/task-change.js';
import type { Page } from '../ports/page.js';
import { customerExists } from './customer-exists.js';

/** Whose tasks: a customer's (optionally only one assignee's of them), or one assignee's across customers. */
export interface TaskQuery {
  readonly tenantId: string;
  readonly customerId?: string;
  readonly assignee?: string;
  readonly statuses?: readonly TaskStatus[];
  readonly limit: number;
  readonly cursor?: string;
}

/**
 * A page of follow-up tasks. With a customer: that customer's tasks, due soonest first, narrowed to
 * an assignee when one is given (an unknown customer is a `NotFoundError`, checked on empty first
 * pages only). Without: the assignee's tasks by status, then due soonest first. Neither is a
 * `ValidationError` naming `assignee`.
 */
export async function listTasks(deps: HubDependencies, query: TaskQuery): Promise<Page<Task>> {
  const { tenantId, customerId, assignee, statuses } = query;
  const page = { limit: query.limit, cursor: query.cursor };
  if (customerId === undefined) {
    if (assignee === undefined) throw new ValidationError('give assignee or customerId', [{ path: 'assignee', message: 'required: assignee or customerId' }]);
    return deps.workItems.listTasksByAssignee(tenantId, assignee, statuses, page);
  }
  const tasks = await deps.workItems.listTasksByCustomer(tenantId, customerId, page, { statuses, assignee });
  if (tasks.items.length > 0 || query.cursor !== undefined) return tasks;
  if (!(await customerExists(deps, tenantId, customerId))) throw new NotFoundError(`customer ${customerId} not found`);
  return tasks;
}

export interface TaskUpdate extends Omit<TaskChange, 'by' | 'at'> {
  readonly tenantId: string;
  readonly taskId: string;
  /** The `sub` of the caller's token: recorded as `updatedBy`. */
  readonly principal: string;
}

/**
 * Changes a task's status (along `TASK_TRANSITIONS`; `completedAt` set on done), assignee, due time
 * or note. Repeating the same change returns the task unchanged; a forbidden status move is an
 * `InvalidTransitionError`; an unknown task (or another tenant's) a `NotFoundError`. Returns the
 * task before (for the audit log) and after.
 *
 * @example
 * const { before, after } = await updateTask(deps, { tenantId: 'T001', taskId: 't-1', principal: 'u1', status: 'done' });
 */
export async function updateTask(deps: HubDependencies, command: TaskUpdate): Promise<Changed<Task>> {
  const { tenantId, taskId, principal, ...fields } = command;
  const before = await deps.workItems.getTask(tenantId, taskId);
  const after = await deps.workItems.updateTask(tenantId, taskId, { ...fields, by: principal, at: deps.clock.now().toISOString() });
  if (!after) throw new NotFoundError(`task ${taskId} not found`);
  return { before, after };
}
