import type { Task } from '../model/task.js';
import type { CustomerMetrics } from './customer-metrics.js';

export type TaskCounts = CustomerMetrics['tasks'];

const OPEN_STATUSES: ReadonlySet<Task['status']> = new Set(['open', 'in_progress']);

/**
 * Follow-up tasks still to do (`open` or `in_progress`) and those of them past their due time at
 * `asOf`. A task due exactly at `asOf` is not overdue yet; one whose `dueAt` does not parse is open
 * but never overdue.
 *
 * @example taskCounts(tasks, new Date('2024-06-15T00:00:00Z')) // { open: 3, overdue: 1 }
 */
export function taskCounts(tasks: readonly Pick<Task, 'status' | 'dueAt'>[], asOf: Date): TaskCounts {
  const open = tasks.filter((task) => OPEN_STATUSES.has(task.status));
  return { open: open.length, overdue: open.filter((task) => Date.parse(task.dueAt) < asOf.getTime()).length };
}
