import type { HubDependencies } from '../dependencies.js';
import type { Report } from '../model/report.js';
import { budgetSpent, type ErasureBudget } from './erasure-budget.js';
import { redactReportDocuments, type ErasedCustomer } from './redact-report.js';

const REPORTS_PAGE = 50;
/** Reports handled at once. */
const CONCURRENCY = 8;

export interface ReportErasure {
  /** Reports narrowed to the customer: deleted with every file. */
  readonly deleted: string[];
  /** Tenant-wide reports the customer was taken out of (documents rewritten or withdrawn). */
  readonly redacted: string[];
  readonly complete: boolean;
}

async function deleteReportFiles(deps: HubDependencies, report: Report, prefix = ''): Promise<number> {
  const keys = await deps.blobs.listKeys(`reports/${report.tenantId}/${report.reportId}/${prefix}`);
  const removed = await Promise.all(keys.map((key) => deps.blobs.deleteBlob(key)));
  return removed.filter(Boolean).length;
}

/** One report: deleted when it is the customer's own, otherwise cleared of the customer's files and mentions. */
async function eraseFromReport(deps: HubDependencies, report: Report, customer: ErasedCustomer): Promise<'deleted' | 'redacted' | null> {
  if (report.customerId === customer.customerId) {
    await deleteReportFiles(deps, report);
    await deps.reports.deleteReport(report.tenantId, report.reportId);
    return 'deleted';
  }
  if (report.customerId !== undefined) return null;
  // The run's per-customer files (`customers/<id>.json`, `customers/<id>.failed.json`) hold its figures and findings.
  const [files, documents] = await Promise.all([deleteReportFiles(deps, report, `customers/${customer.customerId}.`), redactReportDocuments(deps, report, customer)]);
  return files > 0 || documents ? 'redacted' : null;
}

/**
 * Removes a customer from the tenant's reports: reports narrowed to it are deleted with all their
 * files; tenant-wide reports lose its per-customer files and are rewritten without it
 * (`redactReportDocuments`). Walks every report of the tenant — reports are few (a daily, weekly and
 * monthly one per tenant plus requested ones) — and is safe to repeat: what was done is not found again.
 */
export async function eraseCustomerFromReports(deps: HubDependencies, tenantId: string, customer: ErasedCustomer, budget: ErasureBudget): Promise<ReportErasure> {
  const result = { deleted: [] as string[], redacted: [] as string[], complete: true };
  let cursor: string | undefined;
  do {
    const page = await deps.reports.listReports(tenantId, { limit: REPORTS_PAGE, cursor });
    for (let i = 0; i < page.items.length; i += CONCURRENCY) {
      if (budgetSpent(budget)) return { ...result, complete: false };
      const batch = page.items.slice(i, i + CONCURRENCY);
      const outcomes = await Promise.all(batch.map((report) => eraseFromReport(deps, report, customer)));
      outcomes.forEach((outcome, index) => {
        if (outcome) result[outcome].push((batch[index] as Report).reportId);
      });
    }
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return result;
}
