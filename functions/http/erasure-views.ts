import type { RecordErasure } from '../core/erasure/erase-record.js';
import type { AuditTarget } from '../core/ports/audit-log.js';
import type { CustomerErasure } from '../core/use-cases/delete-customer.js';
import type { AuditRecord } from './audit-trail.js';

/** Ids a response or an audit entry lists per kind; the counts beside them are always exact. */
const LISTED_IDS = 1_000;
const listed = (ids: readonly string[]) => ids.slice(0, LISTED_IDS);
const targets = (type: string, ids: readonly string[]): AuditTarget[] => listed(ids).map((id) => ({ type, id }));

/**
 * What `DELETE /v1/communications/{recordId}` answers and audits: ids and counts of what went,
 * never content.
 *
 * @example
 * const { body, audit } = recordErasureView(await deleteCommunication(deps, command));
 */
export function recordErasureView(erased: RecordErasure): { body: unknown; audit: AuditRecord } {
  const removed = { blobs: erased.blobs, taskIds: erased.taskIds, insightIds: erased.insightIds, insightIdsUpdated: erased.insightIdsUpdated };
  return {
    body: { recordId: erased.recordId, deleted: true, removed },
    audit: {
      targets: [{ type: 'communication', id: erased.recordId }, ...targets('task', erased.taskIds), ...targets('insight', erased.insightIds)],
      before: { customerId: erased.customerId, blobs: erased.blobs, taskIds: erased.taskIds, insightIds: erased.insightIds, insightIdsUpdated: erased.insightIdsUpdated },
    },
  };
}

/**
 * What `DELETE /v1/customers/{customerId}` answers and audits: `status: deleted` when done,
 * `in_progress` when the call ran out of time (this call's share of the work; repeat it).
 *
 * @example
 * const { body, audit } = customerErasureView(await deleteCustomer(deps, command, budget));
 */
export function customerErasureView(erased: CustomerErasure): { body: unknown; audit: AuditRecord } {
  const removed = {
    records: erased.recordIds.length,
    recordIds: listed(erased.recordIds),
    blobs: erased.blobs,
    insights: erased.insightIds.length,
    insightIds: listed(erased.insightIds),
    tasks: erased.taskIds.length,
    taskIds: listed(erased.taskIds),
    identities: erased.identities,
    searchTerms: erased.searchTerms,
    riskEpisodes: erased.riskEpisodes,
    reports: erased.reports,
    profile: erased.profile,
  };
  const status = erased.complete ? 'deleted' : 'in_progress';
  return {
    body: {
      customerId: erased.customerId,
      status,
      removed,
      ...(erased.complete ? {} : { message: 'the deletion ran out of time for one call: repeat DELETE to continue it (it resumes where it stopped)' }),
    },
    audit: {
      targets: [{ type: 'customer', id: erased.customerId }, ...targets('communication', erased.recordIds), ...targets('report', erased.reports.deleted)],
      before: {
        records: removed.records,
        blobs: removed.blobs,
        insights: removed.insights,
        tasks: removed.tasks,
        identities: removed.identities,
        searchTerms: removed.searchTerms,
        riskEpisodes: removed.riskEpisodes,
        reportsDeleted: erased.reports.deleted,
        reportsRedacted: erased.reports.redacted,
        profile: removed.profile,
      },
      ...(erased.complete ? {} : { after: { status } }),
    },
  };
}
