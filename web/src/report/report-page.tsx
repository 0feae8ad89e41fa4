import { useState } from 'preact/hooks';
import type { Insight } from '../api/api-types.js';
import { useApp } from '../app-context.js';
import { followLink } from '../router.js';
import { formatDay } from '../time/format.js';
import { addDays, dayInZone } from '../time/zoned-day.js';
import { ErrorMessage } from '../ui/error-message.js';
import { useAsync } from '../ui/use-async.js';
import { ActionList } from './action-list.js';
import { downloadText } from './markdown-download.js';
import { CustomerInsightSummary, InsightCards, ReportOpportunities, ReportRisks, ReportSection } from './report-sections.js';
import { useCustomerReport } from './use-customer-report.js';

/** AI 分析报告: a customer's report for a period in five sections, with export and follow-through. */
export function ReportPage({ customerId }: { customerId: string }) {
  const { api, t, lang, timeZone } = useApp();
  const [periodStart, setPeriodStart] = useState('');
  const customer = useAsync(() => api.customer(customerId), [customerId]);
  const { report, running, error, regenerate } = useCustomerReport(customerId, periodStart);
  const insights = useAsync(() => api.insights(customerId), [customerId, report?.reportId]);
  const tasks = useAsync(() => api.tasks(customerId), [customerId]);
  const [overrides, setOverrides] = useState<ReadonlyMap<string, Insight>>(new Map());
  const all = (insights.data?.items ?? []).map((insight) => overrides.get(insight.insightId) ?? insight);
  const ofType = (type: Insight['type']) => all.filter((insight) => insight.type === type);
  const changed = (insight: Insight) => setOverrides((previous) => new Map(previous).set(insight.insightId, insight));
  const reportDocument = report?.document;
  const name = customer.data?.name ?? customerId;
  const periodText = report ? `${formatDay(dayInZone(report.period.start, report.period.timeZone), lang)} – ${formatDay(addDays(dayInZone(report.period.end, report.period.timeZone), -1), lang)}` : '';
  const today = dayInZone(Date.now(), timeZone);

  return (
    <article class="report-page">
      <header class="report-header">
        <p class="eyebrow">
          <a href={`/customers/${encodeURIComponent(customerId)}`} onClick={followLink}>← {t('report.back', { name })}</a>
        </p>
        <h1>{t('report.title', { name })}</h1>
        {report && (
          <p class="muted">
            {t('report.period')}: {periodText} ({report.period.timeZone})
            {reportDocument && <> · {t('report.generatedBy', { by: reportDocument.generated_by })}</>}
          </p>
        )}
        <div class="report-toolbar no-print">
          <div class="field">
            <label for="report-period">{t('report.periodStart')}</label>
            <input id="report-period" type="date" value={periodStart} max={today} onChange={(e) => setPeriodStart((e.currentTarget as HTMLInputElement).value)} />
          </div>
          <button type="button" class="button" disabled={running} onClick={regenerate}>{t('report.regenerate')}</button>
          <button type="button" class="button" disabled={!report?.markdown} onClick={() => report?.markdown && downloadText(`report-${customerId}-${dayInZone(report.period.start, report.period.timeZone)}.md`, report.markdown)}>
            {t('report.exportMarkdown')}
          </button>
          <button type="button" class="button" disabled={!report} onClick={() => window.print()}>{t('report.exportPdf')}</button>
        </div>
      </header>
      {running && <p role="status" class="notice">{t('report.running')}</p>}
      {error && <ErrorMessage error={error} />}
      {!report && !running && !error && <p role="status">{t('common.loading')}</p>}
      {report && (
        <>
          <ReportSection id="section-insight" title={`1. ${t('report.sectionInsight')}`}>
            <CustomerInsightSummary document={reportDocument} />
            <InsightCards insights={ofType('insight')} onChanged={changed} />
          </ReportSection>
          <ReportSection id="section-opportunities" title={`2. ${t('report.sectionOpportunities')}`}>
            <ReportOpportunities document={reportDocument} />
            <InsightCards insights={ofType('opportunity')} onChanged={changed} />
          </ReportSection>
          <ReportSection id="section-marketing" title={`3. ${t('report.sectionMarketing')}`}>
            <InsightCards insights={ofType('marketing')} onChanged={changed} />
          </ReportSection>
          <ReportSection id="section-risks" title={`4. ${t('report.sectionRisks')}`}>
            <ReportRisks document={reportDocument} />
            <InsightCards insights={ofType('risk')} onChanged={changed} />
          </ReportSection>
          <ReportSection id="section-actions" title={`5. ${t('report.sectionActions')}`}>
            <ActionList customerId={customerId} reportId={report.reportId} plan={reportDocument?.action_plan} tasks={tasks.data?.items ?? []} onTasksChanged={tasks.reload} />
          </ReportSection>
        </>
      )}
    </article>
  );
}
