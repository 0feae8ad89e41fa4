import type { A15Report } from '../agents/a15-report.js';
import { RECORD_TYPES } from '../model/record-types.js';
import { lastContactText, moneyText, reportView } from './report-view.js';

/** Width of the longest bar of the text chart, in characters. */
const TEXT_BAR_WIDTH = 30;

/**
 * The report as plain text, for the email's `text/plain` part (clients that show no HTML, previews,
 * screen readers). Same sections as the HTML; the chart becomes a row of `#` per day. Untrusted text
 * is flattened to single lines so it cannot fake a section.
 */
export function renderReportPlainText(report: A15Report): string {
  const view = reportView(report);
  const { labels } = view;
  const metrics = report.key_metrics;
  const out: string[] = [view.title, `${labels.period}: ${view.periodLabel}`, ''];
  const section = (heading: string, body: readonly string[]) => out.push(heading, '-'.repeat(Math.max(4, heading.length * 2)), ...(body.length > 0 ? body : [labels.none]), '');

  section(labels.headings.summary, [
    ...view.summaryParagraphs.flatMap((paragraph) => [paragraph, '']),
    ...(report.highlights.length === 0 ? [] : [`${labels.headings.highlights}:`, ...report.highlights.map(bullet)]),
  ]);
  section(labels.headings.keyMetrics, view.metricRows.map((row) => `${row.label}: ${row.value}`));

  const busiest = Math.max(0, ...metrics.per_day.map((day) => day.records));
  section(
    labels.headings.chart,
    metrics.records === 0
      ? []
      : metrics.per_day.map((day) => {
          const bar = '#'.repeat(Math.round((day.records / busiest) * TEXT_BAR_WIDTH));
          const parts = RECORD_TYPES.filter((type) => day.by_channel[type] > 0).map((type) => `${labels.channel[type]} ${day.by_channel[type]}`);
          return `${day.day.slice(5)} ${bar.padEnd(TEXT_BAR_WIDTH)} ${day.records}${parts.length > 0 ? ` (${parts.join(', ')})` : ''}`;
        }),
  );
  section(labels.headings.byChannel, view.channelRows.map((row) => `${row.label}: ${row.count} (${row.share})`));
  section(labels.headings.intents, view.intentRows.map((row) => `${row.label}: ${row.count} (${row.share})`));
  section(
    labels.headings.risks,
    report.risks.map((risk) => bullet(`${risk.customer_name ?? risk.customer_id} · ${risk.type} · ${labels.urgency[risk.level]} · ${risk.indicators.join('; ')}`)),
  );
  section(
    labels.headings.opportunities,
    report.opportunities.map((item) => bullet(`${item.customer_name ?? item.customer_id} · ${item.title} · ${moneyText(item.estimated_value, item.currency)}`)),
  );

  const sections = report.customer_sections ?? [];
  section(
    labels.headings.customers,
    sections.length > 0
      ? sections.map((customer) =>
          bullet(
            [
              customer.customer_name ?? customer.customer_id,
              `${labels.columns.health} ${customer.health_score}`,
              labels.stage[customer.stage],
              `${labels.columns.trend} ${labels.trend[customer.trend]}`,
              `${labels.columns.lastContact} ${lastContactText(report, customer.last_contact_at, customer.days_since_last_contact)}`,
              customer.insight_summary,
            ]
              .filter((part) => part !== '')
              .join(' · '),
          ),
        )
      : metrics.top_customers.map((customer) => bullet(`${customer.customer_name ?? customer.customer_id}: ${customer.records}`)),
  );

  const plan = report.action_plan;
  section(
    labels.headings.actionPlan,
    (['immediate', 'short_term', 'long_term'] as const)
      .filter((horizon) => plan[horizon].length > 0)
      .flatMap((horizon) => [`${labels.actionPlan[horizon]}:`, ...plan[horizon].map(bullet)]),
  );
  out.push(`CommHub · ${labels.generatedBy}: ${view.generatedBy}`);
  return `${out.join('\n')}\n`;
}

function bullet(text: string): string {
  return `- ${oneLine(text)}`;
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
