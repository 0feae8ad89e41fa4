import type { HubDependencies } from '../dependencies.js';
import { NotFoundError } from '../errors.js';
import type { CommunicationRecord } from '../model/communication-record.js';
import type { Page } from '../ports/page.js';
import type { TimelineQuery } from '../ports/record-store.js';

/**
 * One record with its full body (fetched from the blob store when it was too large for the item).
 * Absent and another tenant's are the same `NotFoundError`.
 */
export async function getCommunication(deps: HubDependencies, tenantId: string, recordId: string): Promise<CommunicationRecord> {
  const record = await deps.records.getRecord(tenantId, recordId);
  if (!record) throw new NotFoundError(`communication ${recordId} not found`);
  if (record.contentRef === undefined) return record;
  const full = await deps.blobs.getText(record.contentRef);
  return full === null ? record : { ...record, content: full, contentTruncated: false };
}

/** A page of a customer's timeline, newest first. */
export function readTimeline(deps: HubDependencies, query: TimelineQuery): Promise<Page<CommunicationRecord>> {
  return deps.records.queryTimeline(query);
}
