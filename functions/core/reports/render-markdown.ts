import type { A15Report } from '../agents/a15-report.js';
import { escapeMarkdown as md } from './escape-markdown.js';
import { customerSectionTable, moneyText, reportView, type ShareRow } from './report-view.js';

/**
 * The report as Markdown (GitHub-flavoured tables), in the seed's section order: summary, key
 * metrics, channels, intents, risks, opportunities, customers, action plan. Every text that did not
 * come from the hub itself is escaped, so a hostile customer name renders as text.
 *
 * @example
 * await blobs.put(`reports/${tenantId}/${reportId}.md`, renderReportMarkdown(report));
 */
export function renderReportMarkdown(report: A15Report): string {
  const view = reportView(report);
  const { labels } = view;
  const lines: string[] = [`# ${md(view.title)}`, '', `${labels.period}: ${md(view.periodLabel)} · ${labels.generatedBy}: ${md(view.generatedBy)}`, ''];
  const section = (heading: string, ...body: string[]) => lines.push(`## ${heading}`, '', ...body, '');
  const none = () => [`_${labels.none}_`];

  section(
    labels.headings.summary,
    ...view.summaryParagraphs.flatMap((paragraph) => [md(paragraph), '']),
    ...(report.highlights.length === 0 ? [] : [`**${labels.headings.highlights}**`, '', ...report.highlights.map((item) => `- ${md(item)}`)]),
  );
  section(labels.headings.keyMetrics, ...table([labels.columns.metric, labels.columns.value], view.metricRows.map((row) => [row.label, row.value])));
  section(labels.headings.byChannel, ...shareTable(labels.columns.channel, view.channelRows, labels.columns.count, labels.columns.share, none));
  section(labels.headings.intents, ...shareTable(labels.columns.intent, view.intentRows, labels.columns.count, labels.columns.share, none));

  section(
    labels.headings.risks,
    ...(report.risks.length === 0
      ? none()
      : table(
          [labels.columns.customer, labels.columns.type, labels.columns.level, labels.columns.indicators],
          report.risks.map((risk) => [risk.customer_name ?? risk.customer_id, risk.type, labels.urgency[risk.level], risk.indicators.join('; ')]),
        )),
  );
  section(
    labels.headings.opportunities,
    ...(report.opportunities.length === 0
      ? none()
      : table(
          [labels.columns.customer, labels.columns.opportunity, labels.columns.estimatedValue],
          report.opportunities.map((item) => [item.customer_name ?? item.customer_id, item.title, moneyText(item.estimated_value, item.currency)]),
        )),
  );

  const sections = report.customer_sections ?? [];
  const top = report.key_metrics.top_customers;
  section(
    labels.headings.customers,
    ...(sections.length > 0
      ? table(
          customerSectionTable(report, labels).header,
          customerSectionTable(report, labels).rows,
        )
      : top.length > 0
        ? table([labels.columns.customer, labels.columns.records], top.map((customer) => [customer.customer_name ?? customer.customer_id, String(customer.records)]))
        : none()),
  );

  const plan = report.action_plan;
  const steps = (['immediate', 'short_term', 'long_term'] as const).filter((horizon) => plan[horizon].length > 0);
  section(
    labels.headings.actionPlan,
    ...(steps.length === 0 ? none() : steps.flatMap((horizon) => [`### ${labels.actionPlan[horizon]}`, '', ...plan[horizon].map((step) => `- ${md(step)}`), ''])),
  );
  return `${lines.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd()}\n`;
}

/** A GitHub-flavoured table; every cell escaped (the hub's own labels contain no Markdown either). */
function table(header: readonly string[], rows: readonly (readonly string[])[]): string[] {
  const row = (cells: readonly string[]) => `| ${cells.map(md).join(' | ')} |`;
  return [row(header), `|${header.map(() => ' --- ').join('|')}|`, ...rows.map(row)];
}

function shareTable(first: string, rows: readonly ShareRow[], count: string, share: string, none: () => string[]): string[] {
  return rows.length === 0 ? none() : table([first, count, share], rows.map((row) => [row.label, String(row.count), row.share]));
}
