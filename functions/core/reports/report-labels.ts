import type { RecordLanguage } from '../agents/a10-communication-analysis.js';
import type { COMMUNICATION_TRENDS, LifecycleStage } from '../insight/customer-metrics.js';
import type { ReportType } from '../model/report.js';
import type { DIRECTIONS, RecordType } from '../model/record-types.js';
import type { INTENT_BUCKETS, SENTIMENT_BUCKETS, URGENCY_BUCKETS } from './report-counts.js';

type Labels<K extends string> = Readonly<Record<K, string>>;

/** The words a rendered report uses in one language: headings, enum values, table headers. */
export interface ReportLabels {
  readonly title: Labels<ReportType>;
  readonly headings: Labels<
    'summary' | 'highlights' | 'keyMetrics' | 'chart' | 'sentimentChart' | 'byChannel' | 'intents' | 'risks' | 'opportunities' | 'customers' | 'actionPlan'
  >;
  readonly metrics: Labels<
    'records' | 'customersContacted' | 'unmatched' | 'negative' | 'highUrgency' | 'newRisks' | 'newOpportunities' | 'averageSentiment' | 'inbound' | 'outbound'
  >;
  readonly columns: Labels<
    'metric' | 'value' | 'channel' | 'intent' | 'count' | 'share' | 'customer' | 'type' | 'level' | 'indicators' | 'opportunity' | 'estimatedValue' | 'health' | 'stage' | 'trend' | 'lastContact' | 'insights' | 'records'
  >;
  readonly actionPlan: Labels<'immediate' | 'short_term' | 'long_term'>;
  readonly channel: Labels<RecordType>;
  readonly intent: Labels<(typeof INTENT_BUCKETS)[number]>;
  readonly sentiment: Labels<(typeof SENTIMENT_BUCKETS)[number]>;
  readonly urgency: Labels<(typeof URGENCY_BUCKETS)[number]>;
  readonly direction: Labels<(typeof DIRECTIONS)[number]>;
  readonly stage: Labels<LifecycleStage>;
  readonly trend: Labels<(typeof COMMUNICATION_TRENDS)[number]>;
  /** Shown in an empty section. */
  readonly none: string;
  readonly period: string;
  readonly periodTo: string;
  readonly generatedBy: string;
  readonly localWriter: string;
  readonly daysAgo: (days: number) => string;
  /** The counts an email subject quotes after the title. */
  readonly subjectCounts: (records: number, newRisks: number) => string;
}

const ZH: ReportLabels = {
  title: { daily: '客户沟通日报', weekly: '客户沟通周报', monthly: '客户沟通月报', customer: '客户沟通报告' },
  headings: {
    summary: '概要',
    highlights: '要点',
    keyMetrics: '关键指标',
    chart: '每日沟通量（按渠道）',
    sentimentChart: '每日情绪分布',
    byChannel: '渠道分布',
    intents: '意图',
    risks: '风险',
    opportunities: '机会',
    customers: '客户',
    actionPlan: '行动计划',
  },
  metrics: {
    records: '沟通总数',
    customersContacted: '涉及客户',
    unmatched: '未匹配客户的沟通',
    negative: '负面情绪',
    highUrgency: '高紧急度',
    newRisks: '新增风险',
    newOpportunities: '新增机会',
    averageSentiment: '平均情绪分',
    inbound: '客户发起',
    outbound: '我方发起',
  },
  columns: {
    metric: '指标', value: '数值', channel: '渠道', intent: '意图', count: '数量', share: '占比', customer: '客户', type: '类型',
    level: '级别', indicators: '迹象', opportunity: '机会', estimatedValue: '预估金额', health: '健康分', stage: '阶段',
    trend: '沟通趋势', lastContact: '最近联系', insights: '洞察', records: '沟通数',
  },
  actionPlan: { immediate: '立即', short_term: '短期', long_term: '长期' },
  channel: { phone: '电话', mobile: '手机', wechat: '企业微信', email: '邮件', meeting: '会议', video: '视频', visit: '拜访', form: '表单', webchat: '网页聊天' },
  intent: {
    inquiry: '咨询', complaint: '投诉', technical: '技术', cooperation: '合作', order: '订单', payment: '付款', delivery: '物流交付',
    after_sales: '售后', other: '其他', not_analyzed: '未分析',
  },
  sentiment: { positive: '正面', neutral: '中性', negative: '负面', not_analyzed: '未分析' },
  urgency: { high: '高', medium: '中', low: '低', not_analyzed: '未分析' },
  direction: { inbound: '呼入', outbound: '呼出', internal: '内部' },
  stage: { prospect: '潜在', new: '新客户', growing: '成长', mature: '成熟', 'at-risk': '有风险' },
  trend: { new: '新增', rising: '上升', stable: '平稳', falling: '下降', silent: '沉默' },
  none: '无',
  period: '统计周期',
  periodTo: '至',
  generatedBy: '生成方式',
  localWriter: '本地规则',
  daysAgo: (days) => `${days} 天前`,
  subjectCounts: (records, newRisks) => `${records} 条沟通，新增风险 ${newRisks}`,
};

const EN: ReportLabels = {
  title: { daily: 'Daily communication report', weekly: 'Weekly communication report', monthly: 'Monthly communication report', customer: 'Customer report' },
  headings: {
    summary: 'Summary',
    highlights: 'Highlights',
    keyMetrics: 'Key metrics',
    chart: 'Communications per day by channel',
    sentimentChart: 'Sentiment per day',
    byChannel: 'By channel',
    intents: 'Intents',
    risks: 'Risks',
    opportunities: 'Opportunities',
    customers: 'Customers',
    actionPlan: 'Action plan',
  },
  metrics: {
    records: 'Communications',
    customersContacted: 'Customers involved',
    unmatched: 'Unmatched communications',
    negative: 'Negative sentiment',
    highUrgency: 'High urgency',
    newRisks: 'New risks',
    newOpportunities: 'New opportunities',
    averageSentiment: 'Average sentiment score',
    inbound: 'Inbound',
    outbound: 'Outbound',
  },
  columns: {
    metric: 'Metric', value: 'Value', channel: 'Channel', intent: 'Intent', count: 'Count', share: 'Share', customer: 'Customer', type: 'Type',
    level: 'Level', indicators: 'Indicators', opportunity: 'Opportunity', estimatedValue: 'Estimated value', health: 'Health',
    stage: 'Stage', trend: 'Trend', lastContact: 'Last contact', insights: 'Insights', records: 'Communications',
  },
  actionPlan: { immediate: 'Immediate', short_term: 'Short term', long_term: 'Long term' },
  channel: { phone: 'Phone', mobile: 'Mobile', wechat: 'WeCom', email: 'Email', meeting: 'Meeting', video: 'Video', visit: 'Visit', form: 'Form', webchat: 'Web chat' },
  intent: {
    inquiry: 'Inquiry', complaint: 'Complaint', technical: 'Technical', cooperation: 'Cooperation', order: 'Order', payment: 'Payment',
    delivery: 'Delivery', after_sales: 'After-sales', other: 'Other', not_analyzed: 'Not analysed',
  },
  sentiment: { positive: 'Positive', neutral: 'Neutral', negative: 'Negative', not_analyzed: 'Not analysed' },
  urgency: { high: 'High', medium: 'Medium', low: 'Low', not_analyzed: 'Not analysed' },
  direction: { inbound: 'Inbound', outbound: 'Outbound', internal: 'Internal' },
  stage: { prospect: 'Prospect', new: 'New', growing: 'Growing', mature: 'Mature', 'at-risk': 'At risk' },
  trend: { new: 'New', rising: 'Rising', stable: 'Stable', falling: 'Falling', silent: 'Silent' },
  none: 'None',
  period: 'Period',
  periodTo: 'to',
  generatedBy: 'Written by',
  localWriter: 'local rules',
  daysAgo: (days) => `${days} day${days === 1 ? '' : 's'} ago`,
  subjectCounts: (records, newRisks) => `${records} communications, ${newRisks} new risk${newRisks === 1 ? '' : 's'}`,
};

/** The report words for a language (`zh` or `en`). */
export function reportLabels(language: RecordLanguage): ReportLabels {
  return language === 'zh' ? ZH : EN;
}
