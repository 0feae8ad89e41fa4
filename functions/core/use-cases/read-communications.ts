import type { HubDependencies } from '../dependencies.js';
import { NotFoundError } from '../errors.js';
import type { CommunicationRecord } from '../model/communication-record.js';
import type { Page } from '../ports/page.js';
import type { TimelineQuery } from '../ports/record-store.js';
import { customerExists } from './customer-exists.js';

/**
 * One record as people read it: the full body (fetched from the blob store when it was too large
 * for the item) and presigned download URLs for stored attachments and recordings. Absent and
 * another tenant's are the same `NotFoundError`.
 */
export async function getCommunication(deps: HubDependencies, tenantId: string, recordId: string): Promise<CommunicationRecord> {
  const record = await deps.records.getRecord(tenantId, recordId);
  if (!record) throw new NotFoundError(`communication ${recordId} not found`);
  const [full, attachments, recording] = await Promise.all([
    record.contentRef === undefined ? null : deps.blobs.getText(record.contentRef),
    Promise.all(
      record.attachments.map(async (a) =>
        a.storageKey === undefined ? a : { ...a, downloadUrl: await deps.blobs.presignDownload(a.storageKey, DOWNLOAD_URL_TTL_SECONDS) },
      ),
    ),
    record.recording?.storageKey === undefined
      ? record.recording
      : { ...record.recording, downloadUrl: await deps.blobs.presignDownload(record.recording.storageKey, DOWNLOAD_URL_TTL_SECONDS) },
  ]);
  return { ...record, attachments, recording, ...(full === null ? {} : { content: full, contentTruncated: false }) };
}

/** Download links in a record view live this long; fetch the record again for fresh ones. */
export const DOWNLOAD_URL_TTL_SECONDS = 900;

/**
 * A page of a customer's timeline, newest first. A customer exists when it has a profile or any
 * record; an unknown customer (or another tenant's) is a `NotFoundError`, while a known customer
 * whose filters match nothing gets an empty page. The existence check runs only on empty first pages.
 */
export async function readTimeline(deps: HubDependencies, query: TimelineQuery): Promise<Page<CommunicationRecord>> {
  const page = await deps.records.queryTimeline(query);
  if (page.items.length > 0 || query.cursor !== undefined) return page;
  if (!(await customerExists(deps, query.tenantId, query.customerId))) throw new NotFoundError(`customer ${query.customerId} not found`);
  return page;
}
