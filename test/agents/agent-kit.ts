import fc from 'fast-check';
import type { CustomerAgentInput, RecordSummary } from '../../functions/core/agents/customer-agent-input.js';
import { COMMUNICATION_TRENDS, CustomerHealth, CustomerMetrics, LIFECYCLE_STAGES, SENTIMENT_TRENDS } from '../../functions/core/insight/customer-metrics.js';
import { DIRECTIONS, INTENT_CATEGORIES, RECORD_TYPES, SENTIMENTS, URGENCY_LEVELS } from '../../functions/core/model/record-types.js';

/** Shared by the customer-agent tests: hand-made metrics, inputs, and random ones shaped by the schemas. */

/**
 * A customer going quiet: 2 communications in 30 days against a monthly baseline of 8 (24 in the prior
 * 90 days), 2 competitor mentions in 30 days (none before), sentiment worsening.
 */
export const FALLING_METRICS: CustomerMetrics = CustomerMetrics.parse({
  customerId: 'CUST-0001',
  asOf: '2024-06-30T00:00:00.000Z',
  timeZone: 'Asia/Shanghai',
  recordsConsidered: 26,
  communications: { last30Days: 2, prior90Days: 24, baselineMonthly: 8, changeRatio: 0.25, trend: 'falling', inboundLast30Days: 1, outboundLast30Days: 1 },
  firstContactAt: '2023-09-01T02:00:00.000Z',
  lastContactAt: '2024-06-12T03:00:00.000Z',
  daysSinceLastContact: 17,
  responseTime: { medianMinutes: 42, samples: 9 },
  channels: { counts: { email: 14, wechat: 8, phone: 4 }, preferred: 'email', preferredShare: 0.54 },
  contactTimes: { preferredHours: [10, 14], preferredWeekdays: [2, 4] },
  sentiment: { averageLast30Days: -0.1, averagePrior90Days: 0.3, trend: 'worsening', negativeLast30Days: 1 },
  signals: {
    complaints: { last30Days: 0, prior90Days: 1 },
    competitorMentions: { last30Days: 2, prior90Days: 0 },
    competitors: ['Kingfa', 'Covestro'],
    priceObjections: { last30Days: 1, prior90Days: 1 },
    paymentDelays: { last30Days: 0, prior90Days: 0 },
    orderActivity: { last30Days: 2, prior90Days: 6 },
  },
  tasks: { open: 2, overdue: 1 },
  opportunities: [
    { recordId: 'EMAIL-20240612-0003', occurredAt: '2024-06-12T03:00:00.000Z', products: ['PCR-ABS 1000'], quantity: '50 t', competitors: ['Kingfa'], intent: 'inquiry' },
    { recordId: 'WX-20240420-0011', occurredAt: '2024-04-20T06:00:00.000Z', products: ['PCR-ABS 1000'], quantity: '40 t', price: 'CNY 12,500/t', competitors: [], intent: 'inquiry' },
  ],
});

/** Its health, as the scoring would give it. */
export const FALLING_HEALTH: CustomerHealth = { score: 48, stage: 'at-risk', components: { frequency: 8, trend: 0, sentiment: 15, responsiveness: 15, tasks: 10 }, reasons: ['communications falling'] };

/** A steady, happy customer: nothing for the risk rules to raise. */
export const STEADY_METRICS: CustomerMetrics = CustomerMetrics.parse({
  ...FALLING_METRICS,
  communications: { last30Days: 9, prior90Days: 24, baselineMonthly: 8, changeRatio: 1.125, trend: 'stable', inboundLast30Days: 5, outboundLast30Days: 4 },
  lastContactAt: '2024-06-28T03:00:00.000Z',
  daysSinceLastContact: 1,
  sentiment: { averageLast30Days: 0.4, averagePrior90Days: 0.35, trend: 'stable', negativeLast30Days: 0 },
  signals: {
    complaints: { last30Days: 0, prior90Days: 0 },
    competitorMentions: { last30Days: 0, prior90Days: 0 },
    competitors: [],
    priceObjections: { last30Days: 0, prior90Days: 0 },
    paymentDelays: { last30Days: 0, prior90Days: 0 },
    orderActivity: { last30Days: 3, prior90Days: 6 },
  },
  tasks: { open: 1, overdue: 0 },
  opportunities: [],
});

export const RECORDS: RecordSummary[] = [
  { recordId: 'EMAIL-20240612-0003', occurredAt: '2024-06-12T03:00:00.000Z', type: 'email', direction: 'inbound', intent: 'inquiry', sentiment: 'neutral', urgency: 'medium', summary: 'Asks for a quote on PCR-ABS 1000, 50 t; says Kingfa offered a lower price.' },
  { recordId: 'PHONE-20240605-0002', occurredAt: '2024-06-05T07:30:00.000Z', type: 'phone', direction: 'outbound', intent: 'other', sentiment: 'neutral', urgency: 'low', summary: 'Follow-up call; buyer [NAME_1] busy, asked us to call next week.' },
  { recordId: 'WX-20240420-0011', occurredAt: '2024-04-20T06:00:00.000Z', type: 'wechat', direction: 'inbound', intent: 'inquiry', sentiment: 'positive', urgency: 'low', summary: 'Price check for PCR-ABS 1000, 40 t at CNY 12,500/t.' },
];

/** The input for the falling customer, in `language`. */
export function fallingInput(language: 'en' | 'zh' = 'en', overrides: Partial<CustomerAgentInput> = {}): CustomerAgentInput {
  const zh = language === 'zh';
  return {
    customer: { customerId: 'CUST-0001', name: zh ? '华东塑胶' : 'East China Plastics', owner: 'Zhang Wei', priority: 'high' },
    metrics: zh ? { ...FALLING_METRICS, signals: { ...FALLING_METRICS.signals, competitors: ['金发科技', '普利特'] } } : FALLING_METRICS,
    health: FALLING_HEALTH,
    records: RECORDS,
    timeZone: 'Asia/Shanghai',
    language,
    ...overrides,
  };
}

/** The steady customer's input. */
export function steadyInput(language: 'en' | 'zh' = 'en'): CustomerAgentInput {
  return fallingInput(language, { metrics: STEADY_METRICS, health: { score: 82, stage: 'mature', components: {}, reasons: [] }, records: RECORDS.slice(1, 2) });
}

/** The input with its metrics changed by `change` (and re-validated), to exercise one rule at a time. */
export function withMetrics(input: CustomerAgentInput, change: (metrics: CustomerMetrics) => CustomerMetrics): CustomerAgentInput {
  return { ...input, metrics: CustomerMetrics.parse(change(structuredClone(input.metrics))) };
}

const AS_OF = Date.parse('2024-06-30T00:00:00.000Z');
const DAY = 86_400_000;
const instant = fc.integer({ min: 0, max: 130 }).map((days) => new Date(AS_OF - days * DAY).toISOString());
const count = fc.nat({ max: 40 });
const windowed = fc.record({ last30Days: count, prior90Days: count });
const name = fc.string({ minLength: 0, maxLength: 30 });
const ratio = (min: number, max: number) => fc.double({ min, max, noNaN: true });

/** Any CustomerMetrics the schema accepts, shaped field by field after it (values within the schema's bounds). */
export const anyMetrics: fc.Arbitrary<CustomerMetrics> = fc
  .record({
    customerId: fc.string({ minLength: 1, maxLength: 20 }),
    asOf: fc.constant(new Date(AS_OF).toISOString()),
    timeZone: fc.constantFrom('Asia/Shanghai', 'Europe/Berlin', 'UTC'),
    recordsConsidered: count,
    communications: fc.record({
      last30Days: count,
      prior90Days: count,
      baselineMonthly: ratio(0, 50),
      changeRatio: fc.option(ratio(0, 10), { nil: null }),
      trend: fc.constantFrom(...COMMUNICATION_TRENDS),
      inboundLast30Days: count,
      outboundLast30Days: count,
    }),
    firstContactAt: fc.option(instant, { nil: null }),
    lastContactAt: fc.option(instant, { nil: null }),
    daysSinceLastContact: fc.option(fc.nat({ max: 400 }), { nil: null }),
    responseTime: fc.record({ medianMinutes: fc.option(ratio(0, 5000), { nil: null }), samples: count }),
    channels: fc.record({
      counts: fc.dictionary(fc.constantFrom(...RECORD_TYPES), fc.integer({ min: 1, max: 50 })),
      preferred: fc.option(fc.constantFrom(...RECORD_TYPES), { nil: null }),
      preferredShare: ratio(0, 1),
    }),
    contactTimes: fc.record({
      preferredHours: fc.uniqueArray(fc.integer({ min: 0, max: 23 }), { maxLength: 3 }),
      preferredWeekdays: fc.uniqueArray(fc.integer({ min: 1, max: 7 }), { maxLength: 2 }),
    }),
    sentiment: fc.record({
      averageLast30Days: fc.option(ratio(-1, 1), { nil: null }),
      averagePrior90Days: fc.option(ratio(-1, 1), { nil: null }),
      trend: fc.constantFrom(...SENTIMENT_TRENDS),
      negativeLast30Days: count,
    }),
    signals: fc.record({
      complaints: windowed,
      competitorMentions: windowed,
      competitors: fc.array(name, { maxLength: 4 }),
      priceObjections: windowed,
      paymentDelays: windowed,
      orderActivity: windowed,
    }),
    tasks: fc.record({ open: count, overdue: count }),
    opportunities: fc.array(
      fc.record(
        {
          recordId: fc.string({ minLength: 0, maxLength: 30 }),
          occurredAt: instant,
          products: fc.array(name, { maxLength: 3 }),
          quantity: name,
          price: name,
          timeline: name,
          competitors: fc.array(name, { maxLength: 2 }),
          intent: fc.constantFrom(...INTENT_CATEGORIES),
        },
        { requiredKeys: ['recordId', 'occurredAt', 'products', 'competitors'] },
      ),
      { maxLength: 20 },
    ),
  })
  .map((metrics) => CustomerMetrics.parse(metrics));

const anyRecord: fc.Arbitrary<RecordSummary> = fc.record(
  {
    recordId: fc.string({ minLength: 1, maxLength: 30 }),
    occurredAt: instant,
    type: fc.constantFrom(...RECORD_TYPES),
    direction: fc.constantFrom(...DIRECTIONS),
    intent: fc.constantFrom(...INTENT_CATEGORIES),
    sentiment: fc.constantFrom(...SENTIMENTS),
    urgency: fc.constantFrom(...URGENCY_LEVELS),
    summary: fc.string({ maxLength: 200 }),
  },
  { requiredKeys: ['recordId', 'occurredAt', 'type', 'direction', 'summary'] },
);

/** Any input: random metrics, health and summaries, either language. */
export const anyInput: fc.Arbitrary<CustomerAgentInput> = fc.record({
  customer: fc.record({ customerId: fc.constant('CUST-1'), name: fc.constant('Any Co'), priority: fc.constantFrom('high', 'normal', 'low') as fc.Arbitrary<'high' | 'normal' | 'low'> }),
  metrics: anyMetrics,
  health: fc.record({ score: fc.integer({ min: 0, max: 100 }), stage: fc.constantFrom(...LIFECYCLE_STAGES), components: fc.constant({}), reasons: fc.constant([]) }),
  records: fc.array(anyRecord, { maxLength: 12 }),
  timeZone: fc.constant('Asia/Shanghai'),
  language: fc.constantFrom('en', 'zh') as fc.Arbitrary<'en' | 'zh'>,
});
