import { describe, expect, it } from 'vitest';
import { countReport } from '../../functions/core/reports/report-counts.js';
import { resolveReportPeriod } from '../../functions/core/reports/report-period.js';
import { analysedRecord, insight, sampleWeek } from './report-fixtures.js';

describe('report counts', () => {
  it('counts only the records of the local day, placing them by Shanghai time, not UTC', () => {
    // Prepare
    const period = resolveReportPeriod({ type: 'daily', asOf: new Date('2024-06-02T09:00:00+08:00'), timeZone: 'Asia/Shanghai' });
    const lateOnTheFirst = analysedRecord({ id: 'r1', at: '2024-06-01T23:30:00+08:00', type: 'email', intent: 'inquiry', sentiment: 'positive', urgency: 'low' });
    const records = [
      lateOnTheFirst,
      // Same UTC day as r1 (2024-06-01T16:10Z) but the 2nd in Shanghai: out.
      analysedRecord({ id: 'r2', at: '2024-06-02T00:10:00+08:00', type: 'email', intent: 'order' }),
      // The first instant of the day (2024-05-31T16:00Z, the previous UTC day): in.
      analysedRecord({ id: 'r3', at: '2024-06-01T00:00:00+08:00', type: 'phone', customerId: 'C002', direction: 'outbound', intent: 'complaint', sentiment: 'negative', urgency: 'high' }),
      analysedRecord({ id: 'r4', at: '2024-05-31T23:59:59+08:00', type: 'phone', intent: 'order' }),
      analysedRecord({ id: 'r5', at: '2024-06-01T12:00:00+08:00', type: 'wechat', customerId: null }),
      analysedRecord({ id: 'r6', at: '2024-06-01T08:00:00+08:00', type: 'wechat', intent: 'inquiry', sentiment: 'neutral', urgency: 'medium' }),
      // The caller merges two UTC feed days; a record listed twice counts once.
      lateOnTheFirst,
    ];
    const insights = [
      insight({ insightId: 'I1', type: 'risk', importance: 'high', createdAt: '2024-06-01T10:00:00+08:00' }),
      insight({ insightId: 'I2', type: 'risk', importance: 'low', createdAt: '2024-05-31T20:00:00Z' }),
      insight({ insightId: 'I3', type: 'opportunity', createdAt: '2024-06-02T00:30:00+08:00' }),
    ];

    // Act
    const counts = countReport({ period, records, insights, customerNames: new Map([['C001', '华东塑胶']]) });

    // Assess
    expect(counts).toEqual({
      records: 4,
      customers_contacted: 2,
      unmatched_records: 1,
      by_channel: { phone: 1, mobile: 0, wechat: 2, email: 1, meeting: 0, video: 0, visit: 0, form: 0, webchat: 0 },
      by_intent: { inquiry: 2, complaint: 1, technical: 0, cooperation: 0, order: 0, payment: 0, delivery: 0, after_sales: 0, other: 0, not_analyzed: 1 },
      by_sentiment: { positive: 1, neutral: 1, negative: 1, not_analyzed: 1 },
      by_urgency: { high: 1, medium: 1, low: 1, not_analyzed: 1 },
      by_direction: { inbound: 3, outbound: 1, internal: 0 },
      average_sentiment_score: 0,
      per_day: [
        {
          day: '2024-06-01',
          records: 4,
          by_channel: { phone: 1, mobile: 0, wechat: 2, email: 1, meeting: 0, video: 0, visit: 0, form: 0, webchat: 0 },
          by_sentiment: { positive: 1, neutral: 1, negative: 1, not_analyzed: 1 },
        },
      ],
      new_insights: { insight: 0, opportunity: 0, marketing: 0, risk: 2, report: 0 },
      new_risks_by_level: { high: 1, medium: 0, low: 1 },
      top_customers: [
        { customer_id: 'C001', customer_name: '华东塑胶', records: 2 },
        { customer_id: 'C002', records: 1 },
      ],
    });
  });

  it('puts each record of a week on its local day, 23:30 on the 10th staying on the 10th', () => {
    // Prepare
    const { period, records } = sampleWeek();
    const late = analysedRecord({ id: 'late', at: '2024-06-10T23:30:00+08:00', type: 'webchat' });

    // Act
    const counts = countReport({ period, records: [...records, late] });

    // Assess
    expect(counts.per_day.map((day) => [day.day, day.records])).toEqual([
      ['2024-06-10', 8],
      ['2024-06-11', 6],
      ['2024-06-12', 4],
      ['2024-06-13', 5],
      ['2024-06-14', 6],
      ['2024-06-15', 1],
      ['2024-06-16', 0],
    ]);
    expect(counts.per_day[0]?.by_channel).toMatchObject({ email: 4, phone: 3, webchat: 1 });
    expect(counts.per_day.reduce((sum, day) => sum + day.records, 0)).toBe(counts.records);
    expect(counts.records).toBe(30);
  });

  it('has every key with zero and no average for an empty period', () => {
    // Prepare
    const period = resolveReportPeriod({ type: 'monthly', asOf: new Date('2024-03-01T01:00:00Z') });

    // Act
    const counts = countReport({ period, records: [] });

    // Assess
    expect(counts.records).toBe(0);
    expect(counts.average_sentiment_score).toBeNull();
    expect(counts.per_day).toHaveLength(29);
    expect(Object.values(counts.by_channel).every((count) => count === 0)).toBe(true);
    expect(counts.top_customers).toEqual([]);
  });
});
