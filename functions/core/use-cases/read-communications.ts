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

/**
 * A page of a customer's timeline, newest first. A customer exists when it has a profile or any
 * record; an unknown customer (or another tenant's) is a `NotFoundError`, while a known customer
 * whose filters match nothing gets an empty page. The existence check runs only on empty first pages.
 */
export async function readTimeline(deps: HubDependencies, query: TimelineQuery): Promise<Page<CommunicationRecord>> {
  const page = await deps.records.queryTimeline(query);
  if (page.items.length > 0 || query.cursor !== undefined) return page;
  const [profile, anyRecord] = await Promise.all([
    deps.customers.getCustomer(query.tenantId, query.customerId),
    deps.records.queryTimeline({ tenantId: query.tenantId, customerId: query.customerId, limit: 1 }),
  ]);
  if (!profile && anyRecord.items.length === 0) throw new NotFoundError(`customer ${query.customerId} not found`);
  return page;
}
