import { writeLocalReportNarrative } from '../../functions/analysis/agents/a15-local-report.js';
import { A15_LOCAL_WRITER, type A15Input, type A15Report } from '../../functions/core/agents/a15-report.js';
import type { CommunicationRecord } from '../../functions/core/model/communication-record.js';
import type { Insight } from '../../functions/core/model/insight.js';
import type { RecordType } from '../../functions/core/model/record-types.js';
import { assembleReport } from '../../functions/core/reports/assemble-report.js';
import { countReport } from '../../functions/core/reports/report-counts.js';
import { reportOpportunities, reportRisks } from '../../functions/core/reports/report-findings.js';
import { resolveReportPeriod, type ResolvedReportPeriod } from '../../functions/core/reports/report-period.js';
import { storedRecord } from '../support/records.js';

export const TENANT = 'T001';
/** A customer name written to break out of HTML and Markdown. */
export const HOSTILE_NAME = '<img src=x onerror="alert(1)">|**Acme** & Co\n# 标题';

type Analysis = CommunicationRecord['analysis'];

/** A stored record with the analysis parts a report counts. */
export function analysedRecord(fields: {
  id: string;
  at: string;
  type?: RecordType;
  customerId?: string | null;
  direction?: CommunicationRecord['direction'];
  intent?: NonNullable<Analysis['intent']>['category'];
  sentiment?: NonNullable<Analysis['sentiment']>['overall'];
  score?: number;
  urgency?: NonNullable<Analysis['urgency']>['level'];
}): CommunicationRecord {
  const analysis: Partial<Analysis> = {
    status: fields.intent || fields.sentiment || fields.urgency ? 'completed' : 'pending',
    ...(fields.intent ? { intent: { category: fields.intent, confidence: 0.9 } } : {}),
    ...(fields.sentiment ? { sentiment: { overall: fields.sentiment, score: fields.score ?? { positive: 0.6, neutral: 0, negative: -0.6 }[fields.sentiment] } } : {}),
    ...(fields.urgency ? { urgency: { level: fields.urgency } } : {}),
  };
  const record = storedRecord({
    tenantId: TENANT,
    customerId: fields.customerId === undefined ? 'C001' : fields.customerId,
    sourceRecordId: fields.id,
    occurredAt: new Date(fields.at).toISOString(),
    type: fields.type ?? 'email',
    analysis,
  });
  return { ...record, direction: fields.direction ?? 'inbound' };
}

export function insight(fields: Partial<Insight> & Pick<Insight, 'insightId' | 'type' | 'createdAt'>): Insight {
  return {
    tenantId: TENANT,
    customerId: 'C001',
    title: 'finding',
    detail: 'detail',
    status: 'new',
    confidence: 0.8,
    importance: 'medium',
    relatedRecordIds: [],
    data: {},
    updatedAt: fields.createdAt,
    ...fields,
  };
}

/** A week in Shanghai (2024-06-10 … 06-16) with several channels a day, and its findings. */
export function sampleWeek(): { period: ResolvedReportPeriod; records: CommunicationRecord[]; insights: Insight[]; names: Map<string, string> } {
  const period = resolveReportPeriod({ type: 'weekly', asOf: new Date('2024-06-17T01:00:00Z'), timeZone: 'Asia/Shanghai' });
  const plan: [string, RecordType, number][] = [
    ['2024-06-10', 'email', 4],
    ['2024-06-10', 'phone', 3],
    ['2024-06-11', 'wechat', 6],
    ['2024-06-12', 'email', 2],
    ['2024-06-12', 'meeting', 2],
    ['2024-06-13', 'phone', 5],
    ['2024-06-14', 'wechat', 3],
    ['2024-06-14', 'email', 3],
    ['2024-06-15', 'visit', 1],
  ];
  const sentiments = ['positive', 'neutral', 'negative', 'neutral'] as const;
  let n = 0;
  const records = plan.flatMap(([day, type, count]) =>
    Array.from({ length: count }, (_, i) => {
      n += 1;
      return analysedRecord({
        id: `w-${n}`,
        at: `${day}T${String(9 + i).padStart(2, '0')}:15:00+08:00`,
        type,
        customerId: n % 3 === 0 ? 'C002' : 'C001',
        intent: n % 4 === 0 ? 'complaint' : 'inquiry',
        sentiment: sentiments[n % 4],
        urgency: n % 5 === 0 ? 'high' : 'low',
      });
    }),
  );
  const insights = [
    insight({ insightId: 'I1', type: 'risk', importance: 'high', customerId: 'C002', title: '连续投诉交付延迟', createdAt: '2024-06-13T03:00:00Z', data: { risk_type: 'churn', indicators: ['两周内 3 次投诉', '提到竞品'] } }),
    insight({ insightId: 'I2', type: 'opportunity', customerId: 'C001', title: 'PCR-ABS 50 吨年度框架', createdAt: '2024-06-12T03:00:00Z', data: { estimated_value: 500000, currency: 'CNY' } }),
  ];
  return { period, records, insights, names: new Map([['C001', '华东塑胶'], ['C002', HOSTILE_NAME]]) };
}

/** The sample week's computed facts: what a writer (local or model) is given. */
export function sampleInput(language: 'zh' | 'en' = 'zh'): A15Input {
  const { period, records, insights, names } = sampleWeek();
  return {
    reportType: period.type,
    language,
    period: { start: period.start, end: period.end, time_zone: period.timeZone, days: [...period.days] },
    keyMetrics: countReport({ period, records, insights, customerNames: names }),
    risks: reportRisks(insights, period, names),
    opportunities: reportOpportunities(insights, period, names),
  };
}

/** The sample week as a finished A15 report written by the local writer. */
export function sampleReport(language: 'zh' | 'en' = 'zh'): A15Report {
  const input = sampleInput(language);
  return assembleReport(input, writeLocalReportNarrative(input), A15_LOCAL_WRITER);
}
