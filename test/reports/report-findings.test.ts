import { describe, expect, it } from 'vitest';
import { customerSection, reportOpportunities, reportRisks, type CustomerSectionMetrics } from '../../functions/core/reports/report-findings.js';
import { resolveReportPeriod } from '../../functions/core/reports/report-period.js';
import { insight } from './report-fixtures.js';

const period = resolveReportPeriod({ type: 'weekly', asOf: new Date('2024-06-17T09:00:00+08:00') });

describe('report findings', () => {
  it('lists the period’s risks, high first, reading A14’s type and indicators, without dismissed or older ones', () => {
    // Prepare
    const insights = [
      insight({ insightId: 'R1', type: 'risk', importance: 'medium', title: '回款变慢', createdAt: '2024-06-14T02:00:00Z' }),
      insight({ insightId: 'R2', type: 'risk', importance: 'high', customerId: 'C002', title: '流失风险', createdAt: '2024-06-11T02:00:00Z', data: { risk_type: 'churn', indicators: ['投诉 3 次', '  ', '提到竞品'] } }),
      insight({ insightId: 'R3', type: 'risk', importance: 'high', status: 'dismissed', createdAt: '2024-06-12T02:00:00Z' }),
      insight({ insightId: 'R4', type: 'risk', importance: 'high', createdAt: '2024-06-09T15:59:59Z' }),
      insight({ insightId: 'O1', type: 'opportunity', createdAt: '2024-06-12T02:00:00Z' }),
    ];

    // Act
    const risks = reportRisks(insights, period, new Map([['C002', '华南电子']]));

    // Assess
    expect(risks).toEqual([
      { customer_id: 'C002', customer_name: '华南电子', type: 'churn', level: 'high', indicators: ['投诉 3 次', '提到竞品'] },
      { customer_id: 'C001', type: 'other', level: 'medium', indicators: ['回款变慢'] },
    ]);
  });

  it('lists opportunities newest first with a stated value and currency only', () => {
    // Prepare
    const insights = [
      insight({ insightId: 'O1', type: 'opportunity', title: '年度框架', createdAt: '2024-06-11T02:00:00Z', data: { estimated_value: 500000, currency: 'CNY' } }),
      insight({ insightId: 'O2', type: 'opportunity', title: '新产线\n扩容', createdAt: '2024-06-13T02:00:00Z', data: { estimated_value: '很多', currency: 'yuan' } }),
    ];

    // Act
    const opportunities = reportOpportunities(insights, period);

    // Assess
    expect(opportunities).toEqual([
      { customer_id: 'C001', title: '新产线 扩容' },
      { customer_id: 'C001', title: '年度框架', estimated_value: 500000, currency: 'CNY' },
    ]);
  });

  it('builds a customer section from the computed metrics and health', () => {
    // Prepare
    const metrics: CustomerSectionMetrics = {
      communications: { last30Days: 12, trend: 'falling' },
      sentiment: { trend: 'worsening' },
      lastContactAt: '2024-06-14T02:00:00Z',
      daysSinceLastContact: 2,
    };
    const health = { score: 58, stage: 'at-risk' as const };
    const insights = [
      insight({ insightId: 'A', type: 'risk', title: '投诉增加', createdAt: '2024-06-14T02:00:00Z' }),
      insight({ insightId: 'B', type: 'insight', title: '偏好邮件沟通', createdAt: '2024-06-10T02:00:00Z' }),
      insight({ insightId: 'C', type: 'risk', title: '已忽略', status: 'dismissed', createdAt: '2024-06-15T02:00:00Z' }),
    ];

    // Act
    const section = customerSection({ customerId: 'C001', name: '华东塑胶', metrics, health, insights });

    // Assess
    expect(section).toEqual({
      customer_id: 'C001',
      customer_name: '华东塑胶',
      health_score: 58,
      stage: 'at-risk',
      trend: 'falling',
      sentiment_trend: 'worsening',
      last_contact_at: '2024-06-14T02:00:00Z',
      days_since_last_contact: 2,
      records_last_30_days: 12,
      insight_summary: '投诉增加; 偏好邮件沟通',
    });
  });
});
