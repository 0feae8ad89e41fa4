import { describe, expect, it } from 'vitest';
import { computeCustomerMetrics } from '../../functions/core/insight/compute-customer-metrics.js';
import { CustomerMetrics } from '../../functions/core/insight/customer-metrics.js';
import { ValidationError } from '../../functions/core/errors.js';
import { AS_OF, CUSTOMER_ID, aRecord, aTask, daysAgo } from './record-builder.js';

const SHANGHAI = 'Asia/Shanghai';

describe('computeCustomerMetrics', () => {
  it('composes every metric over the 120 days up to asOf, whatever the input order', () => {
    // Prepare
    const records = [
      aRecord({ at: daysAgo(2), type: 'wechat', intent: 'inquiry', sentiment: 0.4, keyInfo: { products: ['PCR-ABS 1000'], quantity: '50吨' } }),
      aRecord({ at: daysAgo(1.9), type: 'wechat', direction: 'outbound', sentiment: 0.5 }),
      aRecord({ at: daysAgo(45), type: 'email', intent: 'order', sentiment: 0.2 }),
      aRecord({ at: daysAgo(44), type: 'email', direction: 'outbound' }),
      aRecord({ at: daysAgo(10), direction: 'internal', content: '内部讨论：客户可能嫌贵' }),
      aRecord({ at: daysAgo(-3), intent: 'complaint', content: '未来的记录' }),
      aRecord({ at: daysAgo(150), type: 'phone', intent: 'complaint' }),
    ];
    const tasks = [aTask('open', daysAgo(1)), aTask('done', daysAgo(5))];
    // Waits: 2.4 h (0.1 day) and 24 h → median 792 minutes. Our outbound WeChat's sentiment is not the customer's.

    // Act
    const forward = computeCustomerMetrics({ customerId: CUSTOMER_ID, records, tasks, asOf: AS_OF, timeZone: SHANGHAI });
    const backward = computeCustomerMetrics({ customerId: CUSTOMER_ID, records: [...records].reverse(), tasks, asOf: AS_OF.toISOString(), timeZone: SHANGHAI });

    // Assess
    expect(backward).toEqual(forward);
    expect(CustomerMetrics.safeParse(forward).success).toBe(true);
    expect(forward).toMatchObject({
      customerId: CUSTOMER_ID,
      asOf: AS_OF.toISOString(),
      timeZone: SHANGHAI,
      recordsConsidered: 4,
      communications: { last30Days: 2, prior90Days: 2, changeRatio: 3, trend: 'rising' },
      firstContactAt: daysAgo(150),
      lastContactAt: daysAgo(1.9),
      daysSinceLastContact: 1,
      responseTime: { medianMinutes: 792, samples: 2 },
      channels: { counts: { wechat: 2, email: 2 }, preferred: 'wechat', preferredShare: 0.5 },
      sentiment: { averageLast30Days: 0.4, averagePrior90Days: 0.2, trend: 'improving', negativeLast30Days: 0 },
      signals: { complaints: { last30Days: 0, prior90Days: 0 }, priceObjections: { last30Days: 0, prior90Days: 0 }, orderActivity: { last30Days: 0, prior90Days: 1 } },
      tasks: { open: 1, overdue: 1 },
    });
    expect(forward.opportunities.map((signal) => signal.quantity)).toEqual(['50吨']);
  });

  it('gives valid, empty metrics for a customer without records or tasks', () => {
    // Act
    const metrics = computeCustomerMetrics({ customerId: CUSTOMER_ID, records: [], tasks: [], asOf: AS_OF, timeZone: SHANGHAI });

    // Assess
    expect(metrics).toMatchObject({
      recordsConsidered: 0,
      communications: { last30Days: 0, prior90Days: 0, baselineMonthly: 0, changeRatio: null, trend: 'silent' },
      firstContactAt: null,
      lastContactAt: null,
      daysSinceLastContact: null,
      responseTime: { medianMinutes: null, samples: 0 },
      channels: { counts: {}, preferred: null, preferredShare: 0 },
      contactTimes: { preferredHours: [], preferredWeekdays: [] },
      sentiment: { averageLast30Days: null, averagePrior90Days: null, trend: 'unknown', negativeLast30Days: 0 },
      tasks: { open: 0, overdue: 0 },
      opportunities: [],
    });
  });

  it('handles records whose analysis is still pending', () => {
    // Prepare
    const records = [aRecord({ at: daysAgo(3), unanalysed: true }), aRecord({ at: daysAgo(40), unanalysed: true, content: '别家更便宜' })];

    // Act
    const metrics = computeCustomerMetrics({ customerId: CUSTOMER_ID, records, tasks: [], asOf: AS_OF, timeZone: SHANGHAI });

    // Assess: text cues still work; analysis-based figures stay empty.
    expect(metrics.sentiment.trend).toBe('unknown');
    expect(metrics.signals.competitorMentions).toEqual({ last30Days: 0, prior90Days: 1 });
    expect(metrics.signals.priceObjections).toEqual({ last30Days: 0, prior90Days: 1 });
    expect(metrics.opportunities).toEqual([]);
  });

  it('rejects an unreadable asOf and an unknown time zone', () => {
    const input = { customerId: CUSTOMER_ID, records: [], tasks: [], asOf: AS_OF, timeZone: SHANGHAI };

    expect(() => computeCustomerMetrics({ ...input, asOf: 'yesterday' })).toThrow(ValidationError);
    expect(() => computeCustomerMetrics({ ...input, timeZone: 'Mars/Olympus' })).toThrow(ValidationError);
  });
});
