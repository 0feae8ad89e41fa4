import type { Report } from '../model/report.js';
import type { Page, PageRequest } from './page.js';

/** Report runs (A15) with their status; the documents themselves are in the blob store. */
export interface ReportStore {
  /** Stores a new running report; a second create of the same id returns the stored one unchanged. */
  createReport(report: Report): Promise<Report>;
  getReport(tenantId: string, reportId: string): Promise<Report | null>;
  /** A tenant's reports, newest first. */
  listReports(tenantId: string, page: PageRequest): Promise<Page<Report>>;
  /** Marks a report ready with its documents and counts (repeating it rewrites the same values). */
  completeReport(tenantId: string, reportId: string, done: Pick<Report, 'files' | 'summary' | 'notAnalysed'>, at: string): Promise<Report | null>;
  /** Marks a still-running report failed with the reason; a ready report stays ready. */
  failReport(tenantId: string, reportId: string, reason: string, at: string): Promise<Report | null>;
  /** Claims the report's email (at most one send); `false` when it was claimed before. */
  claimReportEmail(tenantId: string, reportId: string, recipients: readonly string[], at: string): Promise<boolean>;
  /** Undoes a claim whose email could not be sent, so a retry may send it. */
  releaseReportEmail(tenantId: string, reportId: string): Promise<void>;
  /**
   * Marks a report redacted (an erased customer taken out): its rewritten documents and counts, or
   * `files: null` when the documents were withdrawn. `null` when there is no report.
   */
  redactReport(tenantId: string, reportId: string, redaction: { files: Report['files'] | null; summary?: Report['summary']; at: string }): Promise<Report | null>;
  /** Deletes a report run (its documents live in the blob store); `false` when there was none. */
  deleteReport(tenantId: string, reportId: string): Promise<boolean>;
}
