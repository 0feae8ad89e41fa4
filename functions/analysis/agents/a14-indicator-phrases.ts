import type { RecordLanguage } from '../../core/agents/a10-communication-analysis.js';
import type { RiskType } from '../../core/agents/a14-risk-alerts.js';
import type { CustomerMetrics } from '../../core/insight/customer-metrics.js';
import { counted, signedTwoDecimals as signed } from './metric-phrases.js';

/**
 * The wording of the local A14 rules, once per language: indicators that quote the computed figures,
 * what each risk is called, and what to do about it.
 */

/** "No contact for 45 days" / "已45天未联系". */
export function silentDaysPhrase(days: number, language: RecordLanguage): string {
  return language === 'zh' ? `已${days}天未联系` : `No contact for ${days} days`;
}

/** The sentiment averages side by side, or just the trend when an average is missing. */
export function sentimentTrendPhrase(sentiment: CustomerMetrics['sentiment'], language: RecordLanguage): string {
  const { averageLast30Days: now, averagePrior90Days: before } = sentiment;
  if (now === null || before === null) return language === 'zh' ? '客户情绪趋势转差' : 'Sentiment trend worsening';
  return language === 'zh'
    ? `近30天平均情绪${signed(now)}，此前90天${signed(before)}（转差）`
    : `Average sentiment ${signed(now)} in 30 days vs ${signed(before)} in the prior 90 days (worsening)`;
}

/** "3 negative records in 30 days" / "近30天负面沟通3条". */
export function negativeRecordsPhrase(count: number, language: RecordLanguage): string {
  return language === 'zh' ? `近30天负面沟通${count}条` : `${counted(count, 'negative record')} in 30 days`;
}

/** "2 overdue follow-up tasks" / "逾期跟进任务2个". */
export function overdueTasksPhrase(count: number, language: RecordLanguage): string {
  return language === 'zh' ? `逾期跟进任务${count}个` : counted(count, 'overdue follow-up task');
}

/** "2 recent complaint records marked high urgency" / "近30天有2条投诉记录为高紧急度". */
export function urgentComplaintsPhrase(count: number, language: RecordLanguage): string {
  return language === 'zh' ? `近30天有${count}条投诉记录为高紧急度` : `${counted(count, 'complaint record')} of the last 30 days marked high urgency`;
}

/** "Opportunity signals 0 in 30 days vs 4 in the 60 days before" / "近30天商机信号0条，此前60天4条". */
export function orderSignalsPhrase(last30: number, prior60: number, language: RecordLanguage): string {
  return language === 'zh' ? `近30天商机信号${last30}条，此前60天${prior60}条` : `Opportunity signals ${last30} in 30 days vs ${prior60} in the 60 days before`;
}

/** "2 complaint or after-sales records in 30 days name a quality problem". */
export function qualityRecordsPhrase(count: number, language: RecordLanguage): string {
  return language === 'zh' ? `近30天有${count}条投诉/售后记录涉及质量问题` : `${counted(count, 'complaint or after-sales record')} in 30 days ${count === 1 ? 'names' : 'name'} a quality problem`;
}

/** What each risk is called in a sentence ("Churn risk" / "流失风险"). */
export const RISK_NAMES = {
  en: {
    churn: 'Churn risk',
    order_decline: 'Order decline',
    complaint_escalation: 'Complaint escalation',
    competitor_penetration: 'Competitor penetration',
    payment: 'Payment risk',
    quality: 'Quality risk',
    relationship: 'Relationship risk',
  },
  zh: {
    churn: '流失风险',
    order_decline: '订单下滑',
    complaint_escalation: '投诉升级',
    competitor_penetration: '竞品渗透',
    payment: '回款风险',
    quality: '质量风险',
    relationship: '关系风险',
  },
} as const satisfies Record<RecordLanguage, Record<RiskType, string>>;

/** The standing response to each risk, for the account team. */
export const RISK_ACTIONS = {
  en: {
    churn: ['Call the main contact this week to ask how things stand', 'Review open quotes and orders for anything stalled'],
    order_decline: ['Ask about upcoming demand and planned orders', 'Offer a quote or samples for the products they asked about'],
    complaint_escalation: ['Have the account owner call back today', 'Open a root-cause investigation and share the findings'],
    competitor_penetration: ['Find out what the competitor offers (price, terms, service)', 'Prepare a competitive offer for the products at stake'],
    payment: ['Confirm the invoices and the payment date with their finance team', 'Review credit terms before the next shipment'],
    quality: ['Collect samples or photos and run a quality analysis', 'Agree a corrective action and a replacement or credit'],
    relationship: ['Schedule a check-in call or visit', 'Close the overdue follow-ups and confirm open questions'],
  },
  zh: {
    churn: ['本周内致电主要联系人，了解合作现状', '检查未结报价和订单是否停滞'],
    order_decline: ['了解客户近期需求和采购计划', '针对客户询过的产品提供报价或样品'],
    complaint_escalation: ['客户负责人今天回电', '启动原因调查并向客户反馈结果'],
    competitor_penetration: ['了解竞争对手的价格、账期和服务', '针对相关产品准备有竞争力的方案'],
    payment: ['与客户财务确认发票和付款日期', '下次发货前复核信用额度与账期'],
    quality: ['收集样品或照片并做质量分析', '商定纠正措施以及换货或补偿方案'],
    relationship: ['安排一次回访电话或上门拜访', '完成逾期的跟进任务并确认待答问题'],
  },
} as const satisfies Record<RecordLanguage, Record<RiskType, readonly string[]>>;
