import type { RecordLanguage } from '../../core/agents/a10-communication-analysis.js';
import type { HealthLevel } from '../../core/agents/a11-customer-insight.js';
import type { CustomerProfileBasics } from '../../core/agents/customer-agent-input.js';
import type { LifecycleStage } from '../../core/insight/customer-metrics.js';
import type { CustomerMetrics } from '../../core/insight/customer-metrics.js';
import type { INTENT_CATEGORIES } from '../../core/model/record-types.js';

type Intent = (typeof INTENT_CATEGORIES)[number];
type Trend = CustomerMetrics['communications']['trend'];

/** The words the local A11 and A13 use for stages, trends, priorities and needs, once per language. */
export const STAGE_NAMES = {
  en: { prospect: 'prospect', new: 'new customer', growing: 'growing', mature: 'mature', 'at-risk': 'at risk' },
  zh: { prospect: '潜在客户', new: '新客户', growing: '成长期', mature: '成熟期', 'at-risk': '风险期' },
} as const satisfies Record<RecordLanguage, Record<LifecycleStage, string>>;

export const HEALTH_LEVEL_NAMES = {
  en: { excellent: 'excellent', good: 'good', fair: 'fair', poor: 'poor' },
  zh: { excellent: '优秀', good: '良好', fair: '一般', poor: '较差' },
} as const satisfies Record<RecordLanguage, Record<HealthLevel, string>>;

export const TREND_NAMES = {
  en: { new: 'new', rising: 'rising', stable: 'stable', falling: 'falling', silent: 'silent' },
  zh: { new: '新建联系', rising: '上升', stable: '平稳', falling: '下降', silent: '沉默' },
} as const satisfies Record<RecordLanguage, Record<Trend, string>>;

export const PRIORITY_NAMES = {
  en: { high: 'Key account', normal: 'Regular account', low: 'Small account' },
  zh: { high: '重点客户', normal: '普通客户', low: '小客户' },
} as const satisfies Record<RecordLanguage, Record<CustomerProfileBasics['priority'], string>>;

/** The need a record of each intent shows; `other` shows none. */
export const INTENT_NEEDS = {
  en: {
    inquiry: 'Pricing and availability',
    complaint: 'A fix for what went wrong',
    technical: 'Technical data and support',
    cooperation: 'A long-term partnership',
    order: 'Smooth order handling',
    payment: 'Clear invoices and payment terms',
    delivery: 'Reliable delivery dates',
    after_sales: 'After-sales service',
    other: null,
  },
  zh: {
    inquiry: '价格与供货',
    complaint: '问题得到解决',
    technical: '技术资料与支持',
    cooperation: '长期合作',
    order: '顺畅的下单处理',
    payment: '清楚的发票与账期',
    delivery: '可靠的交期',
    after_sales: '售后服务',
    other: null,
  },
} as const satisfies Record<RecordLanguage, Record<Intent, string | null>>;

/** The content that answers records of each intent. */
export const INTENT_CONTENT = {
  en: {
    inquiry: 'Current price list and lead times for the products they ask about',
    complaint: 'A corrective-action report on the issue they raised',
    technical: 'Datasheets, certificates and processing guides',
    cooperation: 'Partnership proposal with reference cases',
    order: 'Order confirmation and lead-time sheet',
    payment: 'Statement of account and payment options',
    delivery: 'Delivery schedule with tracking',
    after_sales: 'Warranty terms and a service contact',
    other: null,
  },
  zh: {
    inquiry: '所询产品的最新价格表与交期',
    complaint: '针对所提问题的纠正措施报告',
    technical: '物性表、认证与加工指南',
    cooperation: '附成功案例的合作方案',
    order: '订单确认与交期表',
    payment: '对账单与付款方式说明',
    delivery: '带物流跟踪的发货计划',
    after_sales: '质保条款与售后联系人',
    other: null,
  },
} as const satisfies Record<RecordLanguage, Record<Intent, string | null>>;
