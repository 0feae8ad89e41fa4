import * as z from '../zod.js';
import { A15Report } from '../agents/a15-report.js';
import { logger } from '../../http/logger.js';
import { NotFoundError } from '../errors.js';
import { Report } from '../model/report.js';
import type { HubDependencies } from '../dependencies.js';
import type { Page, PageRequest } from '../ports/page.js';

/** A report with its documents inline once ready (the API's `GET /v1/reports/{reportId}`). */
export const ReportWithDocuments = z.extend(Report, {
  markdown: z.optional(z.string()),
  html: z.optional(z.string()),
  /** The A15 document the Markdown and HTML were rendered from: summary, key_metrics, highlights, risks, opportunities, customer_sections, action_plan. */
  document: z.optional(A15Report),
});
export type ReportWithDocuments = z.infer<typeof ReportWithDocuments>;

/**
 * Where a ready report's A15 JSON is: named in `files.json` since it was recorded there, otherwise
 * (older reports) beside the Markdown, where the report step has always written it.
 */
export function reportDocumentKey(files: NonNullable<Report['files']>): string {
  return files.json ?? `${files.markdown.slice(0, files.markdown.lastIndexOf('/') + 1)}report.json`;
}

/** JSON text as a value; `undefined` when it is not JSON (the schema then refuses it). */
function jsonValueOf(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** The stored document, or nothing when it is absent or no longer reads as an A15 report (logged). */
function documentOf(report: Report, json: string | null): A15Report | undefined {
  if (json === null) return undefined;
  const parsed = A15Report.safeParse(jsonValueOf(json));
  if (parsed.success) return parsed.data;
  logger.warn('report document not returned: it does not read as an A15 report', {
    reportId: report.reportId,
    fields: parsed.error.issues.slice(0, 5).map((issue) => issue.path.join('.')),
  });
  return undefined;
}

/**
 * One report of the caller's tenant, with its Markdown, HTML and A15 document when ready (each
 * left out when its file is missing — e.g. withdrawn after a customer's erasure). Another tenant's
 * report is indistinguishable from an absent one.
 */
export async function getReport(deps: HubDependencies, tenantId: string, reportId: string): Promise<ReportWithDocuments> {
  const report = await deps.reports.getReport(tenantId, reportId);
  if (!report) throw new NotFoundError(`report ${reportId} not found`);
  if (report.status !== 'ready' || !report.files) return report;
  const [markdown, html, json] = await Promise.all([
    deps.blobs.getText(report.files.markdown),
    deps.blobs.getText(report.files.html),
    deps.blobs.getText(reportDocumentKey(report.files)),
  ]);
  const document = documentOf(report, json);
  return { ...report, ...(markdown === null ? {} : { markdown }), ...(html === null ? {} : { html }), ...(document === undefined ? {} : { document }) };
}

/** The tenant's reports, newest first (without their documents). */
export function listReports(deps: HubDependencies, tenantId: string, page: PageRequest): Promise<Page<Report>> {
  return deps.reports.listReports(tenantId, page);
}
