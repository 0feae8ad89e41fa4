import { writeLocalReportNarrative } from '../../analysis/agents/a15-local-report.js';
import { A15_LOCAL_WRITER, A15Report, type A15Input } from '../agents/a15-report.js';
import type { HubDependencies } from '../dependencies.js';
import type { Report } from '../model/report.js';
import { assembleReport } from '../reports/assemble-report.js';
import { renderReportHtmlEmail } from '../reports/render-html-email.js';
import { renderReportMarkdown } from '../reports/render-markdown.js';

/** Who is being erased, as a report could name them. */
export interface ErasedCustomer {
  readonly customerId: string;
  readonly name?: string;
}

const reportFile = (report: Report, name: string) => `reports/${report.tenantId}/${report.reportId}/${name}`;
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Whether a text names the customer: its id as a whole token (not `C101` inside `C1010`), or its
 * name anywhere (case-insensitive). Conservative on purpose: a false hit only costs a re-render.
 */
export function mentionsCustomer(text: string, customer: ErasedCustomer): boolean {
  const id = new RegExp(`(?<![A-Za-z0-9._:-])${escapeRegExp(customer.customerId)}(?![A-Za-z0-9._:-])`);
  const name = customer.name?.trim();
  return id.test(text) || (name !== undefined && name.length > 1 && text.toLowerCase().includes(name.toLowerCase()));
}

/** The report's facts without the customer: its risks, opportunities, section and top-customer line go. */
function factsWithout(document: A15Report, customerId: string): A15Input {
  const others = <T extends { customer_id: string }>(items: readonly T[]) => items.filter((item) => item.customer_id !== customerId);
  return {
    reportType: document.report_type,
    language: document.language,
    period: document.period,
    // Tenant-wide counts stay: they are aggregates that name nobody (the period did have those records).
    keyMetrics: { ...document.key_metrics, top_customers: others(document.key_metrics.top_customers) },
    risks: others(document.risks),
    opportunities: others(document.opportunities),
    ...(document.customer_sections === undefined ? {} : { customerSections: others(document.customer_sections) }),
  };
}

async function withdraw(deps: HubDependencies, report: Report, at: string): Promise<void> {
  await Promise.all(['report.json', 'report.md', 'report.html', 'report.eml'].map((name) => deps.blobs.deleteBlob(reportFile(report, name))));
  await deps.reports.redactReport(report.tenantId, report.reportId, { files: null, at });
}

/**
 * Takes an erased customer out of a tenant-wide report's stored documents. The document is rebuilt
 * from its stored JSON without the customer's risks, opportunities, section and top-customer line,
 * and its narrative rewritten by the local writer from what remains (a model's sentences may have
 * named the customer anywhere; the local writer only says what the facts say); JSON, Markdown and
 * HTML are rewritten and the stored email copy (`report.eml`, what was sent) is deleted. When the
 * rebuilt document would still name the customer (another finding quotes the name), the documents
 * are withdrawn instead: deleted, the report kept as redacted without files. Either way the report
 * is marked `redactedAt`. Returns `false` when the report never named the customer. Safe to repeat.
 *
 * @example
 * const changed = await redactReportDocuments(deps, report, { customerId: 'C101', name: '宁波奥克斯' });
 */
export async function redactReportDocuments(deps: HubDependencies, report: Report, customer: ErasedCustomer): Promise<boolean> {
  const json = await deps.blobs.getText(reportFile(report, 'report.json'));
  if (json === null || !mentionsCustomer(json, customer)) return false;
  const at = deps.clock.now().toISOString();
  const parsed = A15Report.safeParse(JSON.parse(json));
  if (!parsed.success) {
    await withdraw(deps, report, at);
    return true;
  }
  const input = factsWithout(parsed.data, customer.customerId);
  const document = assembleReport(input, writeLocalReportNarrative(input), A15_LOCAL_WRITER);
  const [markdown, html] = [renderReportMarkdown(document), renderReportHtmlEmail(document)];
  if ([JSON.stringify(document), markdown, html].some((text) => mentionsCustomer(text, customer))) {
    await withdraw(deps, report, at);
    return true;
  }
  const put = (name: string, body: string, type: string) => deps.blobs.putReportFile(report.tenantId, report.reportId, name, body, type);
  const [jsonKey, markdownKey, htmlKey] = await Promise.all([
    put('report.json', JSON.stringify(document), 'application/json; charset=utf-8'),
    put('report.md', markdown, 'text/markdown; charset=utf-8'),
    put('report.html', html, 'text/html; charset=utf-8'),
    deps.blobs.deleteBlob(reportFile(report, 'report.eml')),
  ]);
  const summary = report.summary ? { ...report.summary, newRisks: document.risks.length, opportunities: document.opportunities.length } : undefined;
  await deps.reports.redactReport(report.tenantId, report.reportId, { files: { markdown: markdownKey, html: htmlKey, json: jsonKey }, ...(summary ? { summary } : {}), at });
  return true;
}
