import type { HubDependencies } from '../dependencies.js';
import { budgetSpent, type ErasureBudget } from './erasure-budget.js';
import { eraseBlobsOf } from './erase-record-blobs.js';

const PURGE_PAGE = 50;

/**
 * Deletes what refused redeliveries of erased records stored again (queued by ingestion, which may
 * not delete): every blob noted under each queued record id — its shared ones only when no live
 * record uses them — then the queue entry. Run by the daily retention job for every tenant. Returns
 * how many objects were removed and whether the queue was emptied within the budget.
 *
 * @example
 * const { blobs } = await purgeRefusedDeliveries(deps, 'T001', { deadline: Date.now() + 60_000 });
 */
export async function purgeRefusedDeliveries(deps: HubDependencies, tenantId: string, budget: ErasureBudget): Promise<{ blobs: number; complete: boolean }> {
  let blobs = 0;
  for (;;) {
    const queued = await deps.blobReferences.queuedPurges(tenantId, PURGE_PAGE);
    if (queued.length === 0) return { blobs, complete: true };
    for (const recordId of queued) {
      if (budgetSpent(budget)) return { blobs, complete: false };
      // A live record at this id (redelivered after its tombstone expired) keeps its blobs: erasing them is a deletion's job.
      if (!(await deps.records.getRecord(tenantId, recordId))) blobs += await eraseBlobsOf(deps, tenantId, recordId, { own: [], shared: [] });
      await deps.blobReferences.dequeuePurge(tenantId, recordId);
    }
  }
}
