import type { A15Report } from '../agents/a15-report.js';
import { RECORD_TYPES } from '../model/record-types.js';
import { escapeHtml as esc } from './escape-html.js';
import { CHANNEL_COLORS, CHART_BAR_MAX_WIDTH, SENTIMENT_COLORS, channelBars, sentimentBars } from './report-chart.js';
import { SENTIMENT_BUCKETS } from './report-counts.js';
import { renderHtmlChart } from './render-html-chart.js';
import { customerSectionTable, moneyText, reportView, type ShareRow } from './report-view.js';

/** Mail clients lay out 600 px reliably on desktop and scale it down on phones. */
export const EMAIL_WIDTH = 600;
const PAD = 16;

const FONT = "font-family:Arial,Helvetica,'PingFang SC','Microsoft YaHei',sans-serif;";
const BODY = `${FONT}font-size:14px;line-height:21px;color:#222222;`;
const CELL = `${FONT}font-size:13px;line-height:18px;color:#222222;padding:6px 8px;border:1px solid #e3e7eb;vertical-align:top;`;
const HEAD_CELL = `${CELL}background-color:#f0f3f6;font-weight:bold;text-align:left;`;

/**
 * The report as an HTML email: one 600 px table, inline CSS only (Gmail drops `<style>` in many
 * views), and charts drawn as coloured table cells (see `renderHtmlChart`) because common clients
 * render no SVG or canvas. Every text from outside the hub — customer names, the model's narrative,
 * insight titles — is escaped.
 *
 * @example
 * const html = renderReportHtmlEmail(report);
 */
export function renderReportHtmlEmail(report: A15Report): string {
  const view = reportView(report);
  const { labels } = view;
  const metrics = report.key_metrics;
  const rows: string[] = [];
  const heading = (text: string) =>
    rows.push(
      `<tr><td style="${FONT}padding:20px ${PAD}px 8px ${PAD}px;font-size:16px;line-height:22px;font-weight:bold;color:#1f2d3d;">${esc(text)}</td></tr>`,
    );
  const content = (html: string) => rows.push(`<tr><td style="${BODY}padding:0 ${PAD}px 4px ${PAD}px;">${html}</td></tr>`);
  const none = `<p style="margin:0;color:#777777;">${esc(labels.none)}</p>`;

  heading(labels.headings.summary);
  content(view.summaryParagraphs.map((paragraph) => `<p style="margin:0 0 10px 0;">${esc(paragraph)}</p>`).join('') || none);
  if (report.highlights.length > 0) content(list(report.highlights));

  heading(labels.headings.keyMetrics);
  content(table([labels.columns.metric, labels.columns.value], view.metricRows.map((row) => [row.label, row.value])));

  heading(labels.headings.chart);
  content(
    metrics.records === 0
      ? none
      : renderHtmlChart({
          bars: channelBars(metrics),
          barColumnWidth: CHART_BAR_MAX_WIDTH,
          legend: RECORD_TYPES.filter((type) => metrics.by_channel[type] > 0).map((type) => ({
            color: CHANNEL_COLORS[type],
            label: labels.channel[type],
            count: metrics.by_channel[type],
          })),
        }),
  );
  heading(labels.headings.sentimentChart);
  content(
    metrics.records === 0
      ? none
      : renderHtmlChart({
          bars: sentimentBars(metrics),
          barColumnWidth: CHART_BAR_MAX_WIDTH,
          legend: SENTIMENT_BUCKETS.filter((bucket) => metrics.by_sentiment[bucket] > 0).map((bucket) => ({
            color: SENTIMENT_COLORS[bucket],
            label: labels.sentiment[bucket],
            count: metrics.by_sentiment[bucket],
          })),
        }),
  );

  heading(labels.headings.byChannel);
  content(shareTable(labels.columns.channel, view.channelRows, [labels.columns.count, labels.columns.share]) || none);
  heading(labels.headings.intents);
  content(shareTable(labels.columns.intent, view.intentRows, [labels.columns.count, labels.columns.share]) || none);

  heading(labels.headings.risks);
  content(
    report.risks.length === 0
      ? none
      : table(
          [labels.columns.customer, labels.columns.type, labels.columns.level, labels.columns.indicators],
          report.risks.map((risk) => [risk.customer_name ?? risk.customer_id, risk.type, labels.urgency[risk.level], risk.indicators.join('; ')]),
        ),
  );
  heading(labels.headings.opportunities);
  content(
    report.opportunities.length === 0
      ? none
      : table(
          [labels.columns.customer, labels.columns.opportunity, labels.columns.estimatedValue],
          report.opportunities.map((item) => [item.customer_name ?? item.customer_id, item.title, moneyText(item.estimated_value, item.currency)]),
        ),
  );

  heading(labels.headings.customers);
  const sections = report.customer_sections ?? [];
  content(
    sections.length > 0
      ? table(
          customerSectionTable(report, labels).header,
          customerSectionTable(report, labels).rows,
        )
      : metrics.top_customers.length > 0
        ? table(
            [labels.columns.customer, labels.columns.records],
            metrics.top_customers.map((customer) => [customer.customer_name ?? customer.customer_id, String(customer.records)]),
          )
        : none,
  );

  heading(labels.headings.actionPlan);
  const plan = report.action_plan;
  const steps = (['immediate', 'short_term', 'long_term'] as const).filter((horizon) => plan[horizon].length > 0);
  content(
    steps.map((horizon) => `<p style="margin:8px 0 2px 0;font-weight:bold;">${esc(labels.actionPlan[horizon])}</p>${list(plan[horizon])}`).join('') ||
      none,
  );

  const header =
    `<tr><td bgcolor="#1f3a5f" style="${FONT}background-color:#1f3a5f;padding:18px ${PAD}px;color:#ffffff;">` +
    `<div style="font-size:20px;line-height:26px;font-weight:bold;color:#ffffff;">${esc(view.title)}</div>` +
    `<div style="font-size:13px;line-height:18px;color:#d6e0ea;">${esc(labels.period)}: ${esc(view.periodLabel)}</div></td></tr>`;
  const footer =
    `<tr><td style="${FONT}padding:16px ${PAD}px;font-size:12px;line-height:16px;color:#888888;border-top:1px solid #e3e7eb;">` +
    `CommHub · ${esc(labels.generatedBy)}: ${esc(view.generatedBy)}</td></tr>`;

  return (
    `<!DOCTYPE html><html lang="${report.language}"><head><meta charset="utf-8">` +
    '<meta name="viewport" content="width=device-width, initial-scale=1">' +
    `<title>${esc(view.title)}</title></head>` +
    '<body style="margin:0;padding:0;background-color:#f4f6f8;">' +
    '<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="background-color:#f4f6f8;"><tr><td align="center" style="padding:16px 0;">' +
    `<table role="presentation" width="${EMAIL_WIDTH}" cellpadding="0" cellspacing="0" border="0" style="width:${EMAIL_WIDTH}px;background-color:#ffffff;border:1px solid #dddddd;border-collapse:collapse;">` +
    header +
    rows.join('') +
    footer +
    '</table></td></tr></table></body></html>'
  );
}

function list(items: readonly string[]): string {
  return `<ul style="margin:0 0 8px 0;padding-left:20px;">${items.map((item) => `<li style="margin:0 0 4px 0;">${esc(item)}</li>`).join('')}</ul>`;
}

/** A data table; every cell escaped. */
function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const head = header.map((cell) => `<th style="${HEAD_CELL}">${esc(cell)}</th>`).join('');
  const body = rows.map((row) => `<tr>${row.map((cell) => `<td style="${CELL}">${esc(cell)}</td>`).join('')}</tr>`).join('');
  return `<table width="100%" cellpadding="0" cellspacing="0" border="0" style="border-collapse:collapse;"><tr>${head}</tr>${body}</table>`;
}

function shareTable(first: string, rows: readonly ShareRow[], columns: readonly [string, string]): string {
  return rows.length === 0 ? '' : table([first, ...columns], rows.map((row) => [row.label, String(row.count), row.share]));
}
