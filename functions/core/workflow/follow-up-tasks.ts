import type { A10Output } from '../agents/a10-communication-analysis.js';
import type { FollowUpItem } from '../model/analysis.js';
import type { CommunicationRecord } from '../model/communication-record.js';
import { followUpDueAt } from '../model/follow-up-due.js';
import type { Task } from '../model/task.js';
import type { WorkItemStore } from '../ports/work-item-store.js';

/** Who gets a follow-up when the record has no customer, or the customer no owner. */
export const UNASSIGNED = 'unassigned';

/** A follow-up's task id: readable and derived from the record, so a retried step writes the same tasks. */
export const followUpTaskId = (recordId: string, index: number) => `TASK-${recordId}-${index + 1}`;

export interface FollowUpContext {
  readonly record: CommunicationRecord;
  readonly assignee: string;
  readonly timeZone: string;
  readonly now: Date;
}

/**
 * Turns A10's follow-up actions into tasks for the customer's owner, due by urgency (high 4 h,
 * medium 1 business day, low 3 business days in the tenant's time zone). Idempotent by task id.
 */
export async function createFollowUpTasks(store: WorkItemStore, output: A10Output, context: FollowUpContext): Promise<FollowUpItem[]> {
  const { record, assignee, timeZone, now } = context;
  const level = output.urgency.level;
  const dueAt = followUpDueAt(level, now, timeZone);
  const at = now.toISOString();
  return Promise.all(
    output.follow_up.map(async ({ action }, index) => {
      const task: Task = {
        taskId: followUpTaskId(record.recordId, index),
        tenantId: record.tenantId,
        customerId: record.customerId,
        recordId: record.recordId,
        title: action.slice(0, 500),
        detail: `${output.intent.detail} — ${output.urgency.reason}`.slice(0, 5000),
        assignee,
        dueAt,
        status: 'open',
        priority: level,
        createdAt: at,
        updatedAt: at,
      };
      const stored = await store.putTask(task);
      return { action, taskId: stored.taskId, dueAt: stored.dueAt, assignee: stored.assignee };
    }),
  );
}
