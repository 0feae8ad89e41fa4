import type { HubDependencies } from '../dependencies.js';
import { NotFoundError } from '../errors.js';
import { drain } from '../erasure/drain.js';
import { budgetSpent, type ErasureBudget } from '../erasure/erasure-budget.js';
import { eraseCustomerFromReports } from '../erasure/erase-customer-reports.js';
import { eraseRecord, type RecordErasure } from '../erasure/erase-record.js';
import { customerExists } from './customer-exists.js';

const PAGE = 100;

/** What deleting a customer removed (this call's share when `complete` is false): ids and counts, never content. */
export interface CustomerErasure {
  readonly customerId: string;
  /** `false` when the call's time budget ran out: repeat the deletion to finish it. */
  readonly complete: boolean;
  readonly recordIds: string[];
  /** Objects removed from the raw archive and blob buckets. */
  readonly blobs: number;
  readonly insightIds: string[];
  readonly taskIds: string[];
  readonly identities: number;
  /** Its entries in the customer directory's search index (name, domain and address terms). */
  readonly searchTerms: number;
  readonly riskEpisodes: boolean;
  readonly reports: { readonly deleted: string[]; readonly redacted: string[] };
  readonly profile: boolean;
}

/** A customer exists while anything of it is left: profile, records, insights or tasks. */
async function anythingLeft(deps: HubDependencies, tenantId: string, customerId: string): Promise<boolean> {
  const [known, insights, tasks] = await Promise.all([
    customerExists(deps, tenantId, customerId),
    deps.workItems.listInsights(tenantId, customerId, { limit: 1 }),
    deps.workItems.listTasksByCustomer(tenantId, customerId, { limit: 1 }),
  ]);
  return known || insights.items.length > 0 || tasks.items.length > 0;
}

/**
 * `DELETE /v1/customers/{customerId}` (a privacy request): erases the customer from every place —
 * each record on its timeline through `eraseRecord` (blobs, tasks, alerts, thread, tombstone), then
 * its insights, tasks and risk episodes, the reports narrowed to it (deleted) and its part of
 * tenant-wide reports (rewritten without it), and last its identities, directory entries (search
 * terms, name listing) and profile — so a new message from its addresses or domain lands in the
 * unmatched inbox, and no search finds it.
 *
 * Bounded by `budget`: a big customer may take more than one call; `complete: false` says so, and
 * repeating the deletion resumes it (every step is idempotent; the profile goes last, so the
 * customer stays findable until everything else is gone). A run that failed halfway is finished the same way.
 *
 * @throws NotFoundError when nothing of the customer exists (absent, another tenant's, or deleted).
 * @example
 * const removed = await deleteCustomer(deps, { tenantId: 'T001', customerId: 'C101' }, { deadline: Date.now() + 7_000 });
 */
export async function deleteCustomer(deps: HubDependencies, command: { tenantId: string; customerId: string }, budget: ErasureBudget = {}): Promise<CustomerErasure> {
  const { tenantId, customerId } = command;
  if (!(await anythingLeft(deps, tenantId, customerId))) throw new NotFoundError(`customer ${customerId} not found`);
  const profile = await deps.customers.getCustomer(tenantId, customerId);
  const summary = {
    customerId,
    complete: false,
    recordIds: [] as string[],
    blobs: 0,
    insightIds: [] as string[],
    taskIds: [] as string[],
    identities: 0,
    searchTerms: 0,
    riskEpisodes: false,
    reports: { deleted: [] as string[], redacted: [] as string[] },
    profile: false,
  };
  const records = await drain(
    (cursor) => deps.records.queryTimeline({ tenantId, customerId, limit: PAGE, cursor }),
    (record) => record.recordId,
    (record) => eraseRecord(deps, tenantId, record.recordId, { reason: 'privacy', scrubInsights: false }),
    budget,
  );
  for (const erased of records.removed.filter((r): r is RecordErasure => r !== null)) {
    summary.recordIds.push(erased.recordId);
    summary.blobs += erased.blobs;
    summary.taskIds.push(...erased.taskIds);
    summary.insightIds.push(...erased.insightIds);
  }
  if (!records.complete) return summary;

  const removedId = (id: string) => (removed: boolean) => (removed ? id : null);
  const insights = await drain(
    (cursor) => deps.workItems.listInsights(tenantId, customerId, { limit: PAGE, cursor }),
    (insight) => insight.insightId,
    (insight) => deps.workItems.deleteInsight(tenantId, insight.insightId).then(removedId(insight.insightId)),
    budget,
  );
  const tasks = await drain(
    (cursor) => deps.workItems.listTasksByCustomer(tenantId, customerId, { limit: PAGE, cursor }),
    (task) => task.taskId,
    (task) => deps.workItems.deleteTask(tenantId, task.taskId).then(removedId(task.taskId)),
    budget,
  );
  summary.insightIds.push(...insights.removed.filter((id): id is string => id !== null));
  summary.taskIds.push(...tasks.removed.filter((id): id is string => id !== null));
  if (!insights.complete || !tasks.complete) return summary;
  summary.riskEpisodes = await deps.riskEpisodes.deleteRiskEpisodes(tenantId, customerId);

  const reports = await eraseCustomerFromReports(deps, tenantId, { customerId, ...(profile ? { name: profile.name } : {}) }, budget);
  summary.reports = { deleted: reports.deleted, redacted: reports.redacted };
  if (!reports.complete || budgetSpent(budget)) return summary;

  const customer = await deps.customers.deleteCustomer(tenantId, customerId);
  return { ...summary, identities: customer.identities.length, searchTerms: customer.searchTerms, profile: customer.profile, complete: true };
}
