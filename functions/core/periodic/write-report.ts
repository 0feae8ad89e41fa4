import type { A15CustomerSection, A15Input } from '../agents/a15-report.js';
import { countModelUse } from '../agents/model-use-metrics.js';
import { logger } from '../../http/logger.js';
import { NotFoundError } from '../errors.js';
import type { Insight } from '../model/insight.js';
import type { Report } from '../model/report.js';
import { assembleReport } from '../reports/assemble-report.js';
import { renderReportHtmlEmail } from '../reports/render-html-email.js';
import { renderReportMarkdown } from '../reports/render-markdown.js';
import { countReport } from '../reports/report-counts.js';
import { customerSection, reportOpportunities, reportRisks } from '../reports/report-findings.js';
import type { ResolvedReportPeriod } from '../reports/report-period.js';
import { addDays, daysBetween, localDayOf, utcDayOf } from '../reports/zoned-time.js';
import type { PeriodicRunDependencies } from './periodic-run-dependencies.js';
import { recordsInPeriod } from './period-records.js';
import { customerFailureFileName } from './note-customer-not-analysed.js';
import { customerSectionFileName, type CustomerSectionFile } from './save-customer-findings.js';
import * as z from '../zod.js';

/** Customer sections a tenant-wide report carries: the customers needing attention most (lowest health first). */
const SECTIONS_IN_TENANT_REPORT = 10;
const PAGE = 200;
/** Customers whose findings are read at once. */
const READ_CONCURRENCY = 16;

/** `work` over `items`, `size` at a time, results in the items' order. */
async function inBatches<T, R>(items: readonly T[], size: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  for (let i = 0; i < items.length; i += size) results.push(...(await Promise.all(items.slice(i, i + size).map(work))));
  return results;
}

/** The input of step "Write the report". */
export const WriteReportStep = z.object({
  tenantId: z.string().check(z.minLength(1)),
  reportId: z.string().check(z.minLength(1)),
  /** The customers the run analysed (their findings files are read back). */
  customerIds: z.array(z.string().check(z.minLength(1))),
});
export type WriteReportStep = z.infer<typeof WriteReportStep>;

/** A stored report's period with the local and UTC days it covers. */
export function resolvedPeriodOf(report: Report): ResolvedReportPeriod {
  const { start, end, timeZone } = report.period;
  const last = Date.parse(end) - 1;
  return {
    type: report.type,
    start,
    end,
    timeZone,
    days: daysBetween(localDayOf(Date.parse(start), timeZone), addDays(localDayOf(last, timeZone), 1)),
    feedDays: daysBetween(utcDayOf(Date.parse(start)), addDays(utcDayOf(last), 1)),
  };
}

async function customerInsights(deps: PeriodicRunDependencies, tenantId: string, customerId: string): Promise<Insight[]> {
  const found: Insight[] = [];
  let cursor: string | undefined;
  do {
    const page = await deps.workItems.listInsights(tenantId, customerId, { limit: PAGE, cursor }, { types: ['risk', 'opportunity', 'insight'] });
    found.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return found;
}

/**
 * Step "Write the report" (agent A15): every figure is counted from the store for the report's
 * period in the tenant's zone — records from the day feed, new risks and opportunities from the
 * customers' insights — and the customers' sections from the findings the run kept; the narrative
 * and action plan are written on top. JSON, Markdown and HTML go to the blob store and the report
 * is marked ready. A report already ready is left as it is (a retried step writes nothing twice).
 */
export async function writeReport(deps: PeriodicRunDependencies, rawStep: unknown): Promise<{ reportId: string; status: Report['status'] }> {
  const step = WriteReportStep.parse(rawStep);
  const report = await deps.reports.getReport(step.tenantId, step.reportId);
  if (!report) throw new NotFoundError(`report ${step.reportId} not found`);
  if (report.status === 'ready') return { reportId: report.reportId, status: report.status };
  const settings = await deps.tenants.getTenant(step.tenantId);
  const period = resolvedPeriodOf(report);
  const inScope = (customerId: string | null) => !report.customerId || customerId === report.customerId;

  const records = (await recordsInPeriod(deps.records, step.tenantId, report.period)).filter((record) => inScope(record.customerId));
  const insights: Insight[] = [];
  const sections: { file: CustomerSectionFile; insights: Insight[] }[] = [];
  const notAnalysed: { customerId: string; reason: string }[] = [];
  const file = (name: string) => deps.blobs.getText(`reports/${step.tenantId}/${step.reportId}/${name}`);
  // Each customer's reads are independent: a few customers at a time keeps the step short without a burst.
  const gathered = await inBatches(step.customerIds, READ_CONCURRENCY, async (customerId) => {
    const [own, text] = await Promise.all([customerInsights(deps, step.tenantId, customerId), file(customerSectionFileName(customerId))]);
    // No section: inactive (nothing to say) or failed (kept with its reason).
    const failed = text ? null : await file(customerFailureFileName(customerId));
    return { own, text, failed };
  });
  for (const { own, text, failed } of gathered) {
    insights.push(...own);
    if (text) sections.push({ file: JSON.parse(text) as CustomerSectionFile, insights: own });
    else if (failed) notAnalysed.push(JSON.parse(failed) as { customerId: string; reason: string });
  }
  const names = new Map(sections.map(({ file }) => [file.input.customer.customerId, file.input.customer.name]));
  const chosen = report.customerId ? sections : [...sections].sort((a, b) => a.file.input.health.score - b.file.input.health.score).slice(0, SECTIONS_IN_TENANT_REPORT);
  const customerSections: A15CustomerSection[] = chosen.map(({ file, insights: own }) =>
    customerSection({ customerId: file.input.customer.customerId, name: file.input.customer.name, metrics: file.input.metrics, health: file.input.health, insights: own }),
  );
  const keyMetrics = countReport({ period, records, insights, customerNames: names });
  const input: A15Input = {
    reportType: report.type,
    language: settings?.language ?? 'zh',
    ...(settings?.name ? { tenantName: settings.name } : {}),
    period: { start: period.start, end: period.end, time_zone: period.timeZone, days: [...period.days] },
    keyMetrics,
    risks: reportRisks(insights, report.period, names),
    opportunities: reportOpportunities(insights, report.period, names),
    ...(customerSections.length > 0 ? { customerSections } : {}),
  };
  const written = await deps.reportWriter.write(input);
  countModelUse(deps.metrics, 'A15', written);
  if (written.fallbackReason || written.corrections) {
    // The report shows only `generated_by`; why the model's words were replaced or trimmed goes to the
    // logs — which fields, not the sentences, since those may name customers.
    const { model, modelCalls, fallbackReason, corrections } = written;
    const correctedFields = corrections?.map((correction) => correction.slice(0, correction.indexOf(':')));
    // The reason's kind ("invalid output after repair", "ValidationException"), not the detail that may quote the answer.
    const fallbackKind = fallbackReason?.split(':', 1)[0]?.slice(0, 80);
    logger.warn('report narrative not used as the model wrote it', { tenantId: step.tenantId, reportId: step.reportId, model, modelCalls, fallbackReason: fallbackKind, correctedFields });
  }
  const document = assembleReport(input, written.narrative, written.model);
  const put = (name: string, body: string, type: string) => deps.blobs.putReportFile(step.tenantId, step.reportId, name, body, type);
  const [json, markdown, html] = await Promise.all([
    put('report.json', JSON.stringify(document), 'application/json; charset=utf-8'),
    put('report.md', renderReportMarkdown(document), 'text/markdown; charset=utf-8'),
    put('report.html', renderReportHtmlEmail(document), 'text/html; charset=utf-8'),
  ]);
  const newRisks = input.risks.length;
  const done = await deps.reports.completeReport(
    step.tenantId,
    step.reportId,
    {
      files: { markdown, html, json },
      summary: { records: keyMetrics.records, customers: keyMetrics.customers_contacted, newRisks, opportunities: input.opportunities.length },
      notAnalysed,
    },
    deps.clock.now().toISOString(),
  );
  logger.info('report written', { reportId: step.reportId, type: report.type, model: written.model, records: keyMetrics.records, customers: keyMetrics.customers_contacted, newRisks });
  return { reportId: step.reportId, status: done?.status ?? 'ready' };
}
