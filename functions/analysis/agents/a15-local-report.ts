import type { A15Input, A15Narrative, A15Opportunity, A15Risk } from '../../core/agents/a15-report.js';
import { INTENT_CATEGORIES, RECORD_TYPES } from '../../core/model/record-types.js';
import { reportLabels } from '../../core/reports/report-labels.js';

/** A negative share at or above this is called out (one in five conversations). */
const NEGATIVE_SHARE_ALERT = 0.2;
const MAX_ITEMS = 3;
const LINE_MAX = 500;

/** The sentences the local writer builds, per language; every figure is passed in, never made up. */
interface Phrases {
  period(days: readonly string[]): string;
  volume(period: string, records: number, customers: number, unmatched: number): string;
  nothing(period: string): string;
  channels(parts: readonly string[]): string;
  intent(label: string, count: number): string;
  sentiment(negative: number, share: number, average: number | null): string;
  urgency(high: number): string;
  findings(risks: number, highRisks: number, opportunities: number): string;
  customer(name: string, score: number, stage: string, trend: string, days: number | null): string;
  busiestDay(day: string, records: number): string;
  negativeAlert(share: number): string;
  topCustomer(name: string, records: number): string;
  risk(risk: A15Risk, name: string, level: string): string;
  opportunity(item: A15Opportunity, name: string): string;
  unmatched(count: number): string;
  followRisk(name: string, type: string, indicator: string): string;
  handleUrgent(count: number): string;
  assignUnmatched(count: number): string;
  reviewRisk(name: string, type: string): string;
  advance(name: string, title: string): string;
  reviewComplaints(count: number): string;
  reconnect(name: string, trend: string): string;
  improveService(share: number): string;
  keepCadence: string;
}

const pct = (share: number) => `${Math.round(share * 100)}%`;

const ZH: Phrases = {
  period: (days) => (days.length <= 1 ? (days[0] ?? '') : `${days[0]} 至 ${days[days.length - 1]}`),
  volume: (period, records, customers, unmatched) =>
    `${period}，共记录 ${records} 条客户沟通，涉及 ${customers} 位客户${unmatched > 0 ? `，另有 ${unmatched} 条未匹配到客户` : ''}。`,
  nothing: (period) => `${period}，没有客户沟通记录。`,
  channels: (parts) => `主要渠道为${parts.join('、')}。`,
  intent: (label, count) => `最常见的意图是${label}（${count} 条）。`,
  sentiment: (negative, share, average) =>
    `负面情绪 ${negative} 条（${pct(share)}）${average === null ? '' : `，平均情绪分 ${average.toFixed(2)}`}。`,
  urgency: (high) => `高紧急度沟通 ${high} 条。`,
  findings: (risks, high, opportunities) => `本期新增风险 ${risks} 项${high > 0 ? `（其中高风险 ${high} 项）` : ''}，新增机会 ${opportunities} 项。`,
  customer: (name, score, stage, trend, days) =>
    `客户 ${name} 健康分 ${score}（${stage}），沟通趋势${trend}${days === null ? '' : `，最近一次联系在 ${days} 天前`}。`,
  busiestDay: (day, records) => `沟通最多的一天是 ${day}（${records} 条）`,
  negativeAlert: (share) => `负面情绪占比 ${pct(share)}，高于 20% 的关注线`,
  topCustomer: (name, records) => `沟通最多的客户：${name}（${records} 条）`,
  risk: (risk, name, level) => `${name}：${risk.type} 风险（${level}）`,
  opportunity: (item, name) => `${name}：${item.title}`,
  unmatched: (count) => `${count} 条沟通未匹配到客户，请在未匹配收件箱中分配`,
  followRisk: (name, type, indicator) => `今日联系 ${name}，处理 ${type} 风险：${indicator}`,
  handleUrgent: (count) => `逐条处理 ${count} 条高紧急度沟通并回复客户`,
  assignUnmatched: (count) => `将 ${count} 条未匹配沟通分配到客户`,
  reviewRisk: (name, type) => `本周评估 ${name} 的 ${type} 风险并制定应对措施`,
  advance: (name, title) => `推进 ${name} 的机会：${title}`,
  reviewComplaints: (count) => `复盘 ${count} 条投诉的根因并跟进整改`,
  reconnect: (name, trend) => `与 ${name} 恢复定期联系（沟通趋势：${trend}）`,
  improveService: (share) => `负面情绪占比 ${pct(share)}，排查服务与交付中的共性问题`,
  keepCadence: '保持现有跟进节奏，关注下期指标变化',
};

const EN: Phrases = {
  period: (days) => (days.length <= 1 ? `On ${days[0] ?? ''}` : `From ${days[0]} to ${days[days.length - 1]}`),
  volume: (period, records, customers, unmatched) =>
    `${period}, ${records} customer communications were recorded with ${customers} customers${unmatched > 0 ? `, and ${unmatched} could not be matched to a customer` : ''}.`,
  nothing: (period) => `${period}, no customer communications were recorded.`,
  channels: (parts) => `Main channels: ${parts.join(', ')}.`,
  intent: (label, count) => `The most common intent was ${label.toLowerCase()} (${count}).`,
  sentiment: (negative, share, average) =>
    `${negative} had negative sentiment (${pct(share)})${average === null ? '' : `; the average sentiment score was ${average.toFixed(2)}`}.`,
  urgency: (high) => `${high} were highly urgent.`,
  findings: (risks, high, opportunities) => `New risks: ${risks}${high > 0 ? ` (${high} high)` : ''}; new opportunities: ${opportunities}.`,
  customer: (name, score, stage, trend, days) =>
    `Customer ${name} has a health score of ${score} (${stage}); communication is ${trend.toLowerCase()}${days === null ? '' : `, last contact ${days} days ago`}.`,
  busiestDay: (day, records) => `Busiest day: ${day} (${records} communications)`,
  negativeAlert: (share) => `Negative sentiment at ${pct(share)}, above the 20% watch line`,
  topCustomer: (name, records) => `Most active customer: ${name} (${records} communications)`,
  risk: (risk, name, level) => `${name}: ${risk.type} risk (${level.toLowerCase()})`,
  opportunity: (item, name) => `${name}: ${item.title}`,
  unmatched: (count) => `${count} communications are not matched to a customer; assign them in the unmatched inbox`,
  followRisk: (name, type, indicator) => `Contact ${name} today about the ${type} risk: ${indicator}`,
  handleUrgent: (count) => `Work through the ${count} highly urgent communications and reply`,
  assignUnmatched: (count) => `Assign the ${count} unmatched communications to customers`,
  reviewRisk: (name, type) => `Assess the ${type} risk at ${name} this week and agree on a response`,
  advance: (name, title) => `Advance the opportunity at ${name}: ${title}`,
  reviewComplaints: (count) => `Review the root causes of the ${count} complaints and follow up`,
  reconnect: (name, trend) => `Re-establish regular contact with ${name} (communication ${trend.toLowerCase()})`,
  improveService: (share) => `Negative sentiment at ${pct(share)}: look for common service and delivery issues`,
  keepCadence: 'Keep the current follow-up cadence and watch the next period’s figures',
};

/**
 * A15's local writer: the summary, highlights and action plan written by rules from the computed
 * facts — deterministic, in Chinese for `zh` tenants and English otherwise. It is the embedded
 * runtime's writer and the fallback when the model's narrative cannot be used.
 *
 * @example
 * const report = assembleReport(input, writeLocalReportNarrative(input), A15_LOCAL_WRITER);
 */
export function writeLocalReportNarrative(input: A15Input): A15Narrative {
  const say = input.language === 'zh' ? ZH : EN;
  const labels = reportLabels(input.language);
  const m = input.keyMetrics;
  const name = (item: { customer_id: string; customer_name?: string }) => oneLine(item.customer_name ?? item.customer_id);
  const negativeShare = m.records === 0 ? 0 : m.by_sentiment.negative / m.records;
  const newRisks = m.new_risks_by_level.high + m.new_risks_by_level.medium + m.new_risks_by_level.low;
  const highRisks = input.risks.filter((risk) => risk.level === 'high');
  const sections = input.customerSections ?? [];
  const period = say.period(input.period.days);

  const summary: string[] = [];
  if (m.records === 0) summary.push(say.nothing(period));
  else {
    summary.push(say.volume(period, m.records, m.customers_contacted, m.unmatched_records));
    const channels = RECORD_TYPES.filter((type) => m.by_channel[type] > 0)
      .sort((a, b) => m.by_channel[b] - m.by_channel[a])
      .slice(0, MAX_ITEMS)
      .map((type) => `${labels.channel[type]} ${m.by_channel[type]} (${pct(m.by_channel[type] / m.records)})`);
    summary.push(say.channels(channels));
    const intent = [...INTENT_CATEGORIES].sort((a, b) => m.by_intent[b] - m.by_intent[a])[0];
    if (intent !== undefined && m.by_intent[intent] > 0) summary.push(say.intent(labels.intent[intent], m.by_intent[intent]));
    summary.push(say.sentiment(m.by_sentiment.negative, negativeShare, m.average_sentiment_score), say.urgency(m.by_urgency.high));
  }
  summary.push(say.findings(newRisks, m.new_risks_by_level.high, m.new_insights.opportunity));
  for (const customer of sections) {
    summary.push(say.customer(name(customer), customer.health_score, labels.stage[customer.stage], labels.trend[customer.trend], customer.days_since_last_contact));
  }

  const highlights: string[] = [];
  const busiest = [...m.per_day].sort((a, b) => b.records - a.records || (a.day < b.day ? -1 : 1))[0];
  if (busiest && busiest.records > 0 && m.per_day.length > 1) highlights.push(say.busiestDay(busiest.day, busiest.records));
  if (negativeShare >= NEGATIVE_SHARE_ALERT) highlights.push(say.negativeAlert(negativeShare));
  const top = m.top_customers[0];
  if (top && sections.length === 0) highlights.push(say.topCustomer(name(top), top.records));
  highlights.push(...highRisks.slice(0, MAX_ITEMS).map((risk) => say.risk(risk, name(risk), labels.urgency[risk.level])));
  highlights.push(...input.opportunities.slice(0, MAX_ITEMS).map((item) => say.opportunity(item, name(item))));
  if (m.unmatched_records > 0) highlights.push(say.unmatched(m.unmatched_records));

  const immediate = highRisks.slice(0, MAX_ITEMS).map((risk) => say.followRisk(name(risk), risk.type, oneLine(risk.indicators[0] ?? '-')));
  if (m.by_urgency.high > 0) immediate.push(say.handleUrgent(m.by_urgency.high));
  if (m.unmatched_records > 0) immediate.push(say.assignUnmatched(m.unmatched_records));
  const shortTerm = [
    ...input.risks.filter((risk) => risk.level === 'medium').slice(0, MAX_ITEMS).map((risk) => say.reviewRisk(name(risk), risk.type)),
    ...input.opportunities.slice(0, MAX_ITEMS).map((item) => say.advance(name(item), oneLine(item.title))),
    ...(m.by_intent.complaint > 0 ? [say.reviewComplaints(m.by_intent.complaint)] : []),
  ];
  const longTerm = [
    ...sections.filter((customer) => customer.trend === 'falling' || customer.trend === 'silent').map((customer) => say.reconnect(name(customer), labels.trend[customer.trend])),
    ...(negativeShare >= NEGATIVE_SHARE_ALERT ? [say.improveService(negativeShare)] : []),
  ];
  if (immediate.length + shortTerm.length + longTerm.length === 0) longTerm.push(say.keepCadence);

  return {
    summary: summary.join(input.language === 'zh' ? '' : ' ').slice(0, 4000),
    highlights: highlights.slice(0, 8).map(clip),
    action_plan: { immediate: immediate.slice(0, 8).map(clip), short_term: shortTerm.slice(0, 8).map(clip), long_term: longTerm.slice(0, 8).map(clip) },
  };
}

/** Names and titles are other people's text: one line, whatever they held. */
function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function clip(line: string): string {
  return line.length <= LINE_MAX ? line : `${line.slice(0, LINE_MAX - 1)}…`;
}
