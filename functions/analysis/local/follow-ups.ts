import type { A10Output, RecordLanguage } from '../../core/agents/a10-communication-analysis.js';
import type { IntentCategory } from './intent-lexicon.js';
import type { KeyFacts } from './key-facts.js';
import { clip } from '../schema-limits.js';
import type { Sentiment } from './sentiment-rules.js';
import type { UrgencyLevel } from './urgency-rules.js';

/** What the follow-up rules look at. `lower` is the analysed text, lowercased. */
export interface FollowUpContext {
  readonly intent: IntentCategory;
  readonly facts: KeyFacts;
  readonly urgency: UrgencyLevel;
  readonly sentiment: Sentiment;
  readonly lower: string;
  readonly language: RecordLanguage;
}

const SAMPLES = /样品|试样|打样|寄样|sample/;
const PRICE_ASK = /价|报价|多少钱|quot|price|cost|offer/;
const MOQ = /起订|阶梯价|moq|minimum order|volume discount|tiered/;
const DOCUMENTS = /物性表|参数|认证|检测|报告|msds|\bsds|rohs|\bul\b|datasheet|data sheet|\bspec|certificat|test report|\btds/;
const DISTRIBUTOR = /代理|经销|分销|distribut|dealer|agent/;
const INVOICE_FIX = /写错|开错|重新开|重开|更正|作废|wrong|reissue|incorrect|correct the/;
const INVOICE_MISSING = /没收到|未收到|还没收到|not received|haven't received|missing invoice/;
const PAID = /已付|付了|电汇|汇款|转账|打款|水单|transferred|paid|wire|remittance/;
const TERMS = /账期|月结|延长|credit terms|payment terms|net \d+/;
const SHORT = /少了|少发|漏发|错发|破损|missing|short|damaged|instead of/;
const RECEIVED = /签收|已收到|收到货|无误|received|arrived/;
const FEE = /收费|费用|多少钱|cost|charge|fee|price/;
const CHANGE = /改为|改成|修改|变更|取消|追加|change|amend|increase|reduce|cancel/;
const MEETING = /会议|会面|参观|拜访|来访|行程|meeting|call|visit|tour|schedule/;
const QUALITY = /质量|颜色|色差|褪色|开裂|变形|不合格|quality|colou?r|defect|crack/;

/**
 * Concrete next steps for the account team, in the record's language, at most five: e.g. an
 * inquiry for PCR-ABS-1000 50吨 含税 → `发送 PCR-ABS-1000 50吨 含税报价`; a complaint → call back
 * today and open a quality investigation; an urgent delivery → confirm the shipment ETA today.
 */
export function suggestFollowUps(context: FollowUpContext): A10Output['follow_up'] {
  const actions = context.language === 'zh' ? zhActions(context) : enActions(context);
  return actions.slice(0, 5).map((action) => ({ action: clip(action.replace(/\s+/g, ' ').trim(), 300) }));
}

function zhActions({ intent, facts, urgency, sentiment, lower }: FollowUpContext): string[] {
  const product = facts.keyInfo.products[0];
  const quantity = facts.keyInfo.quantity;
  const timeline = facts.keyInfo.timeline;
  const competitor = facts.keyInfo.competitors.length > 0;
  switch (intent) {
    case 'inquiry':
      return [
        ...(PRICE_ASK.test(lower) || !SAMPLES.test(lower)
          ? [`${['发送', product ?? '所询产品', quantity ?? '', facts.taxIncluded ? '含税报价' : '报价'].join(' ')}${timeline ? `（${timeline}）` : ''}`]
          : []),
        ...(SAMPLES.test(lower) ? ['安排寄送样品并确认试样计划'] : []),
        ...(MOQ.test(lower) ? ['答复起订量和阶梯价格'] : []),
        ...(competitor ? ['了解竞品报价，准备有竞争力的方案'] : []),
      ];
    case 'complaint':
      return [
        '今天回电客户致歉并了解详情',
        QUALITY.test(lower) ? '启动质量调查，给出书面分析和处理方案' : '查明原因，给出书面处理方案和时限',
        ...(competitor || urgency === 'high' ? ['由销售经理跟进，防止客户流失'] : []),
      ];
    case 'technical':
      return [
        DOCUMENTS.test(lower) ? `发送${product ?? ''}物性表和认证资料` : `安排应用工程师答复${product ?? ''}技术问题`,
        ...(urgency === 'high' ? ['今天内回复技术资料'] : []),
      ];
    case 'cooperation':
      return [DISTRIBUTOR.test(lower) ? '发送代理商政策和合作条件' : '安排会面，洽谈合作方案', '评估客户资质和合作潜力'];
    case 'order':
      return [
        CHANGE.test(lower) ? `更新订单${facts.orderReference ?? ''}${quantity ? `（${quantity}）` : ''}并书面确认` : `确认订单${facts.orderReference ?? ''}并回复排产计划`,
        '同步生产和物流安排交期',
      ];
    case 'payment':
      if (INVOICE_FIX.test(lower)) return ['核对开票信息并重新开具发票'];
      return [
        ...(PAID.test(lower) ? ['财务确认到账并回复客户'] : []),
        ...(INVOICE_MISSING.test(lower) ? ['补寄发票并提供快递单号'] : []),
        ...(TERMS.test(lower) ? ['评估账期申请并答复客户'] : []),
        ...(/发货/.test(lower) ? ['到账后安排发货'] : []),
        '财务跟进付款和发票事宜',
      ].slice(0, 3);
    case 'delivery':
      if (urgency === 'high') return ['今天确认发货状态和预计到达时间', '必要时安排加急物流'];
      if (SHORT.test(lower)) return ['核对发货记录，安排补发或更换'];
      if (RECEIVED.test(lower) && sentiment !== 'negative') return ['记录签收，跟进下一批交付'];
      return ['确认发货计划并提供物流单号'];
    case 'after_sales':
      if (sentiment === 'positive') return ['记录客户反馈，确认问题已关闭'];
      return [FEE.test(lower) ? '报出维修费用和周期' : '安排售后工程师上门检修或更换', '登记售后记录并跟踪处理结果'];
    case 'other':
      return MEETING.test(lower) ? ['确认会议/参观的时间和人员安排'] : [];
  }
}

function enActions({ intent, facts, urgency, sentiment, lower }: FollowUpContext): string[] {
  const product = facts.keyInfo.products[0];
  const quantity = facts.keyInfo.quantity;
  const timeline = facts.keyInfo.timeline;
  const competitor = facts.keyInfo.competitors.length > 0;
  switch (intent) {
    case 'inquiry':
      return [
        ...(PRICE_ASK.test(lower) || !SAMPLES.test(lower)
          ? [`Send a quotation for ${quantity ? `${quantity} of ` : ''}${product ?? 'the requested product'}${facts.taxIncluded ? ' (incl. VAT)' : ''}${timeline ? ` (${timeline})` : ''}`]
          : []),
        ...(SAMPLES.test(lower) ? ['Arrange samples and agree the trial plan'] : []),
        ...(MOQ.test(lower) ? ['Answer the minimum order quantity and volume pricing'] : []),
        ...(competitor ? ['Check competitor pricing and prepare a competitive offer'] : []),
      ];
    case 'complaint':
      return [
        'Call the customer back today to apologise and get the details',
        QUALITY.test(lower) ? 'Open a quality investigation and reply in writing' : 'Find the root cause and reply in writing with a fix and a date',
        ...(competitor || urgency === 'high' ? ['Have the account manager follow up to prevent churn'] : []),
      ];
    case 'technical':
      return [
        DOCUMENTS.test(lower) ? `Send the datasheet and certificates${product ? ` for ${product}` : ''}` : `Have an application engineer answer${product ? ` on ${product}` : ''}`,
        ...(urgency === 'high' ? ['Reply with the technical information today'] : []),
      ];
    case 'cooperation':
      return [DISTRIBUTOR.test(lower) ? 'Send the distributor programme and conditions' : 'Schedule a meeting to discuss the cooperation', 'Assess the partner’s profile and potential'];
    case 'order':
      return [
        CHANGE.test(lower) ? `Update order ${facts.orderReference ?? ''} and confirm the change in writing` : `Confirm order ${facts.orderReference ?? ''} and reply with the production schedule`,
        'Align production and logistics on the delivery date',
      ];
    case 'payment':
      if (INVOICE_FIX.test(lower)) return ['Check the invoice details and reissue the invoice'];
      return [
        ...(PAID.test(lower) ? ['Ask finance to confirm receipt of the payment and tell the customer'] : []),
        ...(INVOICE_MISSING.test(lower) ? ['Resend the invoice with tracking'] : []),
        ...(TERMS.test(lower) ? ['Review the payment-terms request and reply'] : []),
        'Have finance follow up on the payment and invoice',
      ].slice(0, 3);
    case 'delivery':
      if (urgency === 'high') return ['Confirm the shipment status and ETA today', 'Arrange expedited freight if needed'];
      if (SHORT.test(lower)) return ['Check the shipping records and send the missing or damaged goods'];
      if (RECEIVED.test(lower) && sentiment !== 'negative') return ['Record the delivery as received and plan the next shipment'];
      return ['Confirm the shipping plan and share the tracking details'];
    case 'after_sales':
      if (sentiment === 'positive') return ['Log the positive feedback and close the case'];
      return [FEE.test(lower) ? 'Quote the repair cost and lead time' : 'Arrange a technician visit, repair or replacement under warranty', 'Log the after-sales case and track it to closure'];
    case 'other':
      return MEETING.test(lower) ? ['Confirm the meeting or visit arrangements'] : [];
  }
}
