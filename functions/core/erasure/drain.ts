import type { Page } from '../ports/page.js';
import { withinBudget, type ErasureBudget } from './erasure-budget.js';

/** Items removed at once. */
const CONCURRENCY = 8;

export interface DrainOutcome<R> {
  /** What `remove` returned for each item it ran on. */
  readonly removed: R[];
  /** `false` when the budget ran out first. */
  readonly complete: boolean;
}

/**
 * Removes every item of a paged list (a customer's timeline, insights, tasks). Pages are walked by
 * cursor — a removed item does not disturb the next page — and then again from the start until a
 * walk finds nothing it has not handled: items that arrived meanwhile are caught, while an index
 * that still lists a removed item for a moment (GSIs are eventually consistent) is not retried forever.
 *
 * @example
 * const { removed } = await drain((cursor) => deps.workItems.listTasksByCustomer(t, c, { limit: 100, cursor }), (task) => task.taskId, (task) => deps.workItems.deleteTask(t, task.taskId), budget);
 */
export async function drain<T, R>(
  list: (cursor: string | undefined) => Promise<Page<T>>,
  idOf: (item: T) => string,
  remove: (item: T) => Promise<R>,
  budget: ErasureBudget,
): Promise<DrainOutcome<R>> {
  const handled = new Set<string>();
  const removed: R[] = [];
  for (;;) {
    let fresh = 0;
    let cursor: string | undefined;
    do {
      const page = await list(cursor);
      const todo = page.items.filter((item) => !handled.has(idOf(item)));
      const ran = await withinBudget(todo, CONCURRENCY, budget, async (item) => {
        handled.add(idOf(item));
        return remove(item);
      });
      removed.push(...ran.results);
      if (!ran.complete) return { removed, complete: false };
      fresh += todo.length;
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    if (fresh === 0) return { removed, complete: true };
  }
}
