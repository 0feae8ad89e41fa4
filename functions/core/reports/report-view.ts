import type { A15Report } from '../agents/a15-report.js';
import { RECORD_TYPES } from '../model/record-types.js';
import { INTENT_BUCKETS } from './report-counts.js';
import { reportLabels, type ReportLabels } from './report-labels.js';
import { localDayOf } from './zoned-time.js';

/** A labelled figure (already formatted) of a report table. */
export interface ViewRow {
  readonly label: string;
  readonly value: string;
}

/** A share of the period's records: label, count and percentage. */
export interface ShareRow {
  readonly label: string;
  readonly count: number;
  readonly share: string;
}

/**
 * The parts of a report every rendering shows, as plain (unescaped) strings: one place decides
 * titles, labels and number formats, so Markdown, HTML and text say the same thing.
 */
export interface ReportView {
  readonly labels: ReportLabels;
  readonly title: string;
  /** Title and headline counts on one line, for an email subject. */
  readonly subject: string;
  /** `2024-06-10 至 2024-06-16 (Asia/Shanghai)` */
  readonly periodLabel: string;
  readonly summaryParagraphs: readonly string[];
  readonly metricRows: readonly ViewRow[];
  readonly channelRows: readonly ShareRow[];
  readonly intentRows: readonly ShareRow[];
  readonly generatedBy: string;
}

/** Builds the shared view of a report. */
export function reportView(report: A15Report): ReportView {
  const labels = reportLabels(report.language);
  const metrics = report.key_metrics;
  const total = metrics.records;
  const share = (count: number) => (total === 0 ? '—' : `${Math.round((count / total) * 100)}%`);
  const shares = <K extends string>(keys: readonly K[], counts: Record<K, number>, names: Record<K, string>) =>
    keys
      .filter((key) => counts[key] > 0)
      .map((key) => ({ label: names[key], count: counts[key], share: share(counts[key]) }))
      .sort((a, b) => b.count - a.count);

  const { new_risks_by_level: risks } = metrics;
  const newRisks = risks.high + risks.medium + risks.low;
  const highRisks = risks.high > 0 ? ` (${labels.urgency.high} ${risks.high})` : '';
  const title = titleOf(report, labels);
  return {
    labels,
    title,
    // A subject is one header line: line breaks in a customer name must not reach it.
    subject: `${title} · ${labels.subjectCounts(total, newRisks)}`.replace(/[\u0000-\u001f\u007f]+/g, ' '),
    periodLabel: `${periodText(report.period.days, labels)} (${report.period.time_zone})`,
    summaryParagraphs: report.summary
      .split(/\n\s*\n/)
      .map((paragraph) => paragraph.replace(/\s+/g, ' ').trim())
      .filter((paragraph) => paragraph !== ''),
    metricRows: [
      { label: labels.metrics.records, value: String(total) },
      { label: labels.metrics.customersContacted, value: String(metrics.customers_contacted) },
      { label: labels.metrics.inbound, value: String(metrics.by_direction.inbound) },
      { label: labels.metrics.outbound, value: String(metrics.by_direction.outbound) },
      { label: labels.metrics.negative, value: `${metrics.by_sentiment.negative} (${share(metrics.by_sentiment.negative)})` },
      { label: labels.metrics.highUrgency, value: String(metrics.by_urgency.high) },
      { label: labels.metrics.newRisks, value: `${newRisks}${highRisks}` },
      { label: labels.metrics.newOpportunities, value: String(metrics.new_insights.opportunity) },
      { label: labels.metrics.averageSentiment, value: metrics.average_sentiment_score === null ? '—' : metrics.average_sentiment_score.toFixed(2) },
      { label: labels.metrics.unmatched, value: String(metrics.unmatched_records) },
    ],
    channelRows: shares(RECORD_TYPES, metrics.by_channel, labels.channel),
    // "Not analysed" is a state, not an intent: it goes last whatever its count.
    intentRows: [
      ...shares(INTENT_BUCKETS.filter((key) => key !== 'not_analyzed'), metrics.by_intent, labels.intent),
      ...shares(['not_analyzed'] as const, metrics.by_intent, labels.intent),
    ],
    generatedBy: report.generated_by === 'local' ? labels.localWriter : report.generated_by,
  };
}

/** `2024-06-15 (3 天前)`, in the report's zone; `—` without a contact. */
export function lastContactText(report: A15Report, at: string | null, daysAgo: number | null): string {
  if (at === null) return '—';
  const day = localDayOf(Date.parse(at), report.period.time_zone);
  return daysAgo === null ? day : `${day} (${reportLabels(report.language).daysAgo(daysAgo)})`;
}

/** `500,000 CNY`, or `—` when the finding named no value. */
export function moneyText(value: number | undefined, currency: string | undefined): string {
  if (value === undefined) return '—';
  const amount = value.toLocaleString('en-US', { maximumFractionDigits: 2 });
  return currency === undefined ? amount : `${amount} ${currency}`;
}

function titleOf(report: A15Report, labels: ReportLabels): string {
  const base = labels.title[report.report_type];
  const days = report.period.days;
  const first = days[0] ?? report.period.start.slice(0, 10);
  if (report.report_type === 'daily') return `${base} ${first}`;
  if (report.report_type === 'monthly') return `${base} ${first.slice(0, 7)}`;
  const customer = report.report_type === 'customer' ? report.customer_sections?.[0] : undefined;
  const who = customer ? ` · ${(customer.customer_name ?? customer.customer_id).replace(/\s+/g, ' ').trim()}` : '';
  return `${base}${who} ${periodText(days, labels)}`;
}

function periodText(days: readonly string[], labels: ReportLabels): string {
  const first = days[0] ?? '';
  const last = days[days.length - 1] ?? first;
  return first === last ? first : `${first} ${labels.periodTo} ${last}`;
}

/** The customers table (health, stage, trend, last contact, newest findings): one row per customer section. */
export function customerSectionTable(report: A15Report, labels: ReportLabels): { header: string[]; rows: string[][] } {
  const columns = labels.columns;
  return {
    header: [columns.customer, columns.health, columns.stage, columns.trend, columns.lastContact, columns.insights],
    rows: (report.customer_sections ?? []).map((customer) => [
      customer.customer_name ?? customer.customer_id,
      String(customer.health_score),
      labels.stage[customer.stage],
      labels.trend[customer.trend],
      lastContactText(report, customer.last_contact_at, customer.days_since_last_contact),
      customer.insight_summary || '—',
    ]),
  };
}
