import { A13Output, type BestContact } from '../../core/agents/a13-marketing-suggestions.js';
import type { CustomerAgentInput } from '../../core/agents/customer-agent-input.js';
import type { CustomerMetrics } from '../../core/insight/customer-metrics.js';
import { clip } from '../schema-limits.js';
import { localRiskAlerts } from './a14-local-risk-alerts.js';
import { localOpportunities } from './a12-local-opportunity-mining.js';
import { INTENT_CONTENT, PRIORITY_NAMES, STAGE_NAMES } from './customer-phrases.js';
import { channelName } from './metric-phrases.js';

/** How often the account team reaches out: weekly for key or at-risk accounts, fortnightly, monthly for small ones. */
export const CARE_CADENCE = {
  en: { weekly: 'weekly', fortnightly: 'every two weeks', monthly: 'monthly' },
  zh: { weekly: '每周', fortnightly: '每两周', monthly: '每月' },
} as const;

/**
 * The best time and channel to reach the customer — always the computed ones: the metrics' preferred
 * weekdays and hours (tenant zone) and preferred channel. The Bedrock answer is overwritten with it too.
 */
export function bestContactFrom(metrics: CustomerMetrics): BestContact {
  return {
    weekdays: metrics.contactTimes.preferredWeekdays.slice(0, 2),
    hours: metrics.contactTimes.preferredHours.slice(0, 3),
    channel: metrics.channels.preferred,
  };
}

/**
 * Agent A13 by rules: segment from priority and stage, messages from the stage and the products
 * asked about, content from the intents the records show, the computed best contact, a care cadence
 * from priority and stage, and a retention plan from the local A14 risks (empty without risks).
 * Deterministic.
 *
 * @example
 * localMarketingSuggestions(input).best_contact; // { weekdays: [2, 4], hours: [10, 14], channel: 'email' }
 */
export function localMarketingSuggestions(input: CustomerAgentInput): A13Output {
  const { customer, metrics, health, language } = input;
  const zh = language === 'zh';
  const products = localOpportunities(input).opportunities.flatMap((opportunity) => opportunity.products).slice(0, 2);
  const risks = localRiskAlerts(input).risks;
  const cadence = customer.priority === 'high' || health.stage === 'at-risk' ? 'weekly' : customer.priority === 'low' ? 'monthly' : 'fortnightly';

  const intents = [...new Set(input.records.flatMap((record) => (record.intent ? [record.intent] : [])))];
  const content = intents.flatMap((intent) => INTENT_CONTENT[language][intent] ?? []).slice(0, 3);
  const careActions = [
    zh ? `${CARE_CADENCE.zh[cadence]}跟进一次，确认待解决的问题` : `Check in ${CARE_CADENCE.en[cadence]} on open questions`,
    ...(metrics.tasks.overdue > 0 ? [zh ? `完成${metrics.tasks.overdue}个逾期跟进任务` : `Close the overdue follow-ups (${metrics.tasks.overdue})`] : []),
    zh ? '分享与客户需求相关的产品和行业动态' : 'Share product and industry news that fits their needs',
  ];

  return A13Output.parse({
    segment: zh ? `${PRIORITY_NAMES.zh[customer.priority]}·${STAGE_NAMES.zh[health.stage]}` : `${PRIORITY_NAMES.en[customer.priority]} · ${STAGE_NAMES.en[health.stage]}`,
    key_messages: keyMessages(input, products).map((message) => clip(message, 300)),
    content_suggestions: content.length > 0 ? content : [zh ? '产品更新与行业资讯' : 'Product updates and industry news'],
    best_contact: bestContactFrom(metrics),
    channel_strategy: clip(channelStrategy(metrics, language), 300),
    care_plan: { actions: careActions.map((action) => clip(action, 300)), cadence: CARE_CADENCE[language][cadence] },
    retention_plan: [...new Set(risks.slice(0, 3).flatMap((risk) => risk.recommended_actions.slice(0, 1)))],
  });
}

function keyMessages({ health, language }: CustomerAgentInput, products: readonly string[]): string[] {
  const zh = language === 'zh';
  const byStage = {
    prospect: zh ? '我们能为您的产品提供稳定可靠的原料' : 'We can supply your products reliably',
    new: zh ? '从首单开始，我们提供全程支持' : 'We support you from the first order on',
    growing: zh ? '随着用量增长，我们保障供应与价格稳定' : 'As your volumes grow, we keep supply and prices steady',
    mature: zh ? '一起开发新牌号与新应用' : 'Let us develop new grades and applications together',
    'at-risk': zh ? '我们重视您的意见，并已着手改进' : 'We heard you, and we are already putting it right',
  }[health.stage];
  const named = products.join(zh ? '、' : ', ');
  const offer = named ? [zh ? `${named}：现货与交期有保障` : `${named}: stock and lead times you can count on`] : [];
  return [byStage, ...offer];
}

function channelStrategy(metrics: CustomerMetrics, language: CustomerAgentInput['language']): string {
  const { preferred, preferredShare } = metrics.channels;
  const zh = language === 'zh';
  if (preferred === null) return zh ? '尚无明显偏好渠道：报价用邮件，紧急事项用电话' : 'No channel stands out yet: quotes by email, urgent matters by phone';
  const share = Math.round(preferredShare * 100);
  const channel = channelName(preferred, language);
  if (preferred === 'email') return zh ? `以邮件为主（占沟通的${share}%），紧急事项改用电话` : `Lead with email (${share}% of contacts); use the phone for urgent matters`;
  return zh ? `以${channel}为主（占沟通的${share}%），重要事项再用邮件书面确认` : `Lead with ${channel} (${share}% of contacts); confirm important points in writing by email`;
}
