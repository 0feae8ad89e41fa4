import { NotFoundError } from '../errors.js';
import type { Report } from '../model/report.js';
import type { HubDependencies } from '../dependencies.js';
import type { Page, PageRequest } from '../ports/page.js';

/** A report with its documents inline once ready (the API's `GET /v1/reports/{reportId}`). */
export interface ReportWithDocuments extends Report {
  readonly markdown?: string;
  readonly html?: string;
}

/**
 * One report of the caller's tenant, with its Markdown and HTML when ready. Another tenant's report
 * is indistinguishable from an absent one.
 */
export async function getReport(deps: HubDependencies, tenantId: string, reportId: string): Promise<ReportWithDocuments> {
  const report = await deps.reports.getReport(tenantId, reportId);
  if (!report) throw new NotFoundError(`report ${reportId} not found`);
  if (report.status !== 'ready' || !report.files) return report;
  const [markdown, html] = await Promise.all([deps.blobs.getText(report.files.markdown), deps.blobs.getText(report.files.html)]);
  return { ...report, ...(markdown === null ? {} : { markdown }), ...(html === null ? {} : { html }) };
}

/** The tenant's reports, newest first (without their documents). */
export function listReports(deps: HubDependencies, tenantId: string, page: PageRequest): Promise<Page<Report>> {
  return deps.reports.listReports(tenantId, page);
}
