import { isStatusChange } from './status-transition.js';
import { TASK_TRANSITIONS, type Task, type TaskStatus } from './task.js';

/** A person's change to a task: any of status, assignee, due time and note, by whom and when. */
export interface TaskChange {
  readonly status?: TaskStatus;
  readonly assignee?: string;
  /** ISO 8601, UTC. */
  readonly dueAt?: string;
  readonly note?: string;
  /** The `sub` of the caller's token. */
  readonly by: string;
  readonly at: string;
}

/**
 * The task after `change`, or `current` itself (same object) when the change alters nothing — so a
 * repeated request is idempotent. The status moves along `TASK_TRANSITIONS` (else
 * `InvalidTransitionError`); `completedAt` is set on becoming done and dropped on reopening.
 *
 * @example
 * const next = applyTaskChange(task, { status: 'done', by: 'li', at: '2024-06-04T00:00:00.000Z' });
 * if (next !== task) await save(next); // next.completedAt === '2024-06-04T00:00:00.000Z'
 */
export function applyTaskChange(current: Task, change: TaskChange): Task {
  const status = change.status ?? current.status;
  const statusChanged = isStatusChange(`task ${current.taskId}`, TASK_TRANSITIONS, current.status, status);
  const assignee = change.assignee ?? current.assignee;
  const dueAt = change.dueAt ?? current.dueAt;
  const note = change.note ?? current.note;
  if (!statusChanged && assignee === current.assignee && dueAt === current.dueAt && note === current.note) return current;

  const { completedAt: _previous, ...rest } = current;
  const completedAt = status !== 'done' ? undefined : statusChanged ? change.at : current.completedAt;
  return {
    ...rest,
    status,
    assignee,
    dueAt,
    ...(note === undefined ? {} : { note }),
    ...(completedAt === undefined ? {} : { completedAt }),
    updatedAt: change.at,
    updatedBy: change.by,
  };
}
