import { CustomerMetrics } from '../../functions/core/insight/customer-metrics.js';
import { AS_OF, CUSTOMER_ID, daysAgo } from './record-builder.js';

/** Top-level fields replaced; object sections (communications, signals, …) merged one level deep. */
export type MetricsPatch = {
  [K in keyof CustomerMetrics]?: CustomerMetrics[K] extends readonly unknown[] | string | number | null ? CustomerMetrics[K] : Partial<CustomerMetrics[K]>;
};

const isSection = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * A steady, healthy, long-standing customer — every score component at or near its best — with the
 * patch applied. Parsed by the schema, so a test cannot build impossible metrics by accident.
 */
export function metricsWith(patch: MetricsPatch = {}): CustomerMetrics {
  const base: CustomerMetrics = {
    customerId: CUSTOMER_ID,
    asOf: AS_OF.toISOString(),
    timeZone: 'Asia/Shanghai',
    recordsConsidered: 32,
    communications: { last30Days: 8, prior90Days: 24, baselineMonthly: 8, changeRatio: 1, trend: 'stable', inboundLast30Days: 4, outboundLast30Days: 4 },
    firstContactAt: daysAgo(200),
    lastContactAt: daysAgo(3),
    daysSinceLastContact: 3,
    responseTime: { medianMinutes: 45, samples: 12 },
    channels: { counts: { wechat: 20, email: 12 }, preferred: 'wechat', preferredShare: 0.625 },
    contactTimes: { preferredHours: [10, 15], preferredWeekdays: [2, 4] },
    sentiment: { averageLast30Days: 0.3, averagePrior90Days: 0.3, trend: 'stable', negativeLast30Days: 0 },
    signals: {
      complaints: { last30Days: 0, prior90Days: 0 },
      competitorMentions: { last30Days: 0, prior90Days: 0 },
      competitors: [],
      priceObjections: { last30Days: 0, prior90Days: 0 },
      paymentDelays: { last30Days: 0, prior90Days: 0 },
      orderActivity: { last30Days: 2, prior90Days: 6 },
    },
    tasks: { open: 1, overdue: 0 },
    opportunities: [opportunityAt(40), opportunityAt(50)],
  };
  const merged: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(patch)) {
    const current = merged[key];
    merged[key] = isSection(current) && isSection(value) ? { ...current, ...value } : value;
  }
  return CustomerMetrics.parse(merged);
}

/** An opportunity signal `days` days before AS_OF. */
export function opportunityAt(days: number): CustomerMetrics['opportunities'][number] {
  return { recordId: `OPP-${days}`, occurredAt: daysAgo(days), products: ['PCR-ABS 1000'], quantity: '50吨', competitors: [], intent: 'inquiry' };
}
