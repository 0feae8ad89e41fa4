/**
 * How long a deletion may keep going. Deleting a large customer or a year of records takes longer
 * than one API call (API Gateway gives up after 30 s) or one Lambda run (15 minutes) may last, so the
 * work checks its budget between items and stops cleanly; every step is idempotent, so the next call
 * (the client's repeated DELETE, tomorrow's sweep) resumes where this one stopped.
 */
export interface ErasureBudget {
  /** Wall-clock epoch milliseconds after which no new item is started; absent = no limit. */
  readonly deadline?: number;
}

/** `true` once the budget is spent (wall-clock time: how long the work ran, not the domain's clock). */
export function budgetSpent(budget: ErasureBudget): boolean {
  return budget.deadline !== undefined && Date.now() >= budget.deadline;
}

/**
 * Runs `work` over `items`, `concurrency` at a time, until done or the budget is spent; returns the
 * results of the items that ran (in order) and whether every item ran.
 *
 * @example
 * const { results, complete } = await withinBudget(recordIds, 8, { deadline: Date.now() + 5_000 }, (id) => eraseRecord(deps, tenantId, id, options));
 */
export async function withinBudget<T, R>(items: readonly T[], concurrency: number, budget: ErasureBudget, work: (item: T) => Promise<R>): Promise<{ results: R[]; complete: boolean }> {
  const results: R[] = [];
  for (let i = 0; i < items.length; i += concurrency) {
    if (budgetSpent(budget)) return { results, complete: false };
    results.push(...(await Promise.all(items.slice(i, i + concurrency).map(work))));
  }
  return { results, complete: true };
}
