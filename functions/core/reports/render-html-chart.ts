import { escapeHtml } from './escape-html.js';
import type { ChartBar } from './report-chart.js';

/** Row height of a bar, in pixels. */
export const CHART_BAR_HEIGHT = 14;

export interface LegendEntry {
  readonly color: string;
  readonly label: string;
  readonly count: number;
}

export interface HtmlChartOptions {
  readonly bars: readonly ChartBar[];
  readonly legend: readonly LegendEntry[];
  /** Width of the bar column; bars are at most this wide. */
  readonly barColumnWidth: number;
  /** Whether the total is printed after each bar. @default true */
  readonly showTotals?: boolean;
}

const TEXT = 'font-family:Arial,Helvetica,sans-serif;font-size:12px;line-height:16px;color:#555555;';

/**
 * A horizontal stacked-bar chart drawn with table cells. Gmail and Outlook render neither inline SVG
 * nor canvas, but every client paints a table cell's `bgcolor` at its `width`: each segment is one
 * such cell, sized in pixels with both the HTML attributes (Outlook's Word engine reads those) and
 * inline CSS (the rest). Cells hold a zero-size `&nbsp;` because some clients collapse empty cells.
 */
export function renderHtmlChart(options: HtmlChartOptions): string {
  const { bars, legend, barColumnWidth, showTotals = true } = options;
  const rows = bars.map((bar) => {
    const segments = bar.segments.map((segment) => block(segment.width, CHART_BAR_HEIGHT, segment.color)).join('');
    const barTable =
      segments === ''
        ? '&nbsp;'
        : `<table role="presentation" cellpadding="0" cellspacing="0" border="0" style="border-collapse:collapse;"><tr>${segments}</tr></table>`;
    return (
      '<tr>' +
      `<td width="64" style="${TEXT}padding:2px 8px 2px 0;white-space:nowrap;">${escapeHtml(bar.day.slice(5))}</td>` +
      `<td width="${barColumnWidth}" style="width:${barColumnWidth}px;padding:2px 0;">${barTable}</td>` +
      `<td width="40" align="right" style="${TEXT}padding:2px 0 2px 6px;">${showTotals ? bar.total : ''}</td>` +
      '</tr>'
    );
  });
  const legendCells = legend
    .map(
      (entry) =>
        `<td style="padding:0 4px 0 0;"><table role="presentation" cellpadding="0" cellspacing="0" border="0"><tr>${block(10, 10, entry.color)}</tr></table></td>` +
        `<td style="${TEXT}padding:0 12px 0 0;white-space:nowrap;">${escapeHtml(entry.label)} ${entry.count}</td>`,
    )
    .join('');
  return (
    '<table role="presentation" cellpadding="0" cellspacing="0" border="0" style="border-collapse:collapse;">' +
    rows.join('') +
    '</table>' +
    (legendCells === ''
      ? ''
      : `<table role="presentation" cellpadding="0" cellspacing="0" border="0" style="border-collapse:collapse;margin-top:6px;"><tr>${legendCells}</tr></table>`)
  );
}

/** One coloured table cell of a fixed size. */
function block(width: number, height: number, color: string): string {
  const style = `width:${width}px;height:${height}px;background-color:${color};font-size:0;line-height:0;mso-line-height-rule:exactly;`;
  return `<td width="${width}" height="${height}" bgcolor="${color}" style="${style}">&nbsp;</td>`;
}
