import type { HubDependencies } from '../dependencies.js';
import { NotFoundError } from '../errors.js';
import { eraseRecord, type RecordErasure } from '../erasure/erase-record.js';

/**
 * `DELETE /v1/communications/{recordId}` (a privacy request for one record): erases the record from
 * every place it reached — see `eraseRecord` — and leaves a tombstone, so a redelivery of its source
 * message is refused instead of re-creating it. A retry after a failure finishes the deletion.
 *
 * @throws NotFoundError for an absent record, another tenant's, or one already deleted.
 * @example
 * const removed = await deleteCommunication(deps, { tenantId: 'T001', recordId: 'EMAIL-20240615-…' });
 * removed.taskIds; // ['TASK-EMAIL-20240615-…-1']
 */
export async function deleteCommunication(deps: HubDependencies, command: { tenantId: string; recordId: string }): Promise<RecordErasure> {
  const erased = await eraseRecord(deps, command.tenantId, command.recordId, { reason: 'privacy' });
  if (!erased) throw new NotFoundError(`communication ${command.recordId} not found`);
  return erased;
}
