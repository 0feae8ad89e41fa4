import { describe, expect, it } from 'vitest';
import { writeLocalReportNarrative } from '../../functions/analysis/agents/a15-local-report.js';
import { A15Narrative, A15Report, type A15Input } from '../../functions/core/agents/a15-report.js';
import { assembleReport } from '../../functions/core/reports/assemble-report.js';
import { countReport } from '../../functions/core/reports/report-counts.js';
import { reportOpportunities, reportRisks } from '../../functions/core/reports/report-findings.js';
import { resolveReportPeriod } from '../../functions/core/reports/report-period.js';
import { sampleWeek } from './report-fixtures.js';

function weekInput(language: 'zh' | 'en'): A15Input {
  const { period, records, insights, names } = sampleWeek();
  return {
    reportType: 'weekly',
    language,
    period: { start: period.start, end: period.end, time_zone: period.timeZone, days: [...period.days] },
    keyMetrics: countReport({ period, records, insights, customerNames: names }),
    risks: reportRisks(insights, period, names),
    opportunities: reportOpportunities(insights, period, names),
  };
}

describe('A15 local report writer', () => {
  it('writes the same Chinese narrative every time, quoting only computed figures', () => {
    // Prepare
    const input = weekInput('zh');

    // Act
    const first = writeLocalReportNarrative(input);
    const second = writeLocalReportNarrative(input);

    // Assess
    expect(second).toEqual(first);
    expect(A15Narrative.parse(first)).toEqual(first);
    expect(first.summary).toContain('2024-06-10 至 2024-06-16，共记录 29 条客户沟通，涉及 2 位客户。');
    expect(first.summary).toContain('负面情绪 7 条（24%）');
    expect(first.summary).toContain('本期新增风险 1 项（其中高风险 1 项），新增机会 1 项。');
    expect(first.highlights).toContain('沟通最多的一天是 2024-06-10（7 条）');
    expect(first.action_plan.immediate[0]).toMatch(/^今日联系 .+，处理 churn 风险：两周内 3 次投诉$/);
    expect(first.action_plan.short_term).toContain('推进 华东塑胶 的机会：PCR-ABS 50 吨年度框架');
  });

  it('writes English for other languages', () => {
    // Prepare
    const input = weekInput('en');

    // Act
    const narrative = writeLocalReportNarrative(input);

    // Assess
    expect(narrative.summary).toMatch(/^From 2024-06-10 to 2024-06-16, 29 customer communications were recorded with 2 customers\./);
    expect(narrative.highlights).toContain('Busiest day: 2024-06-10 (7 communications)');
  });

  it('says a quiet period was quiet and still suggests a next step', () => {
    // Prepare
    const period = resolveReportPeriod({ type: 'daily', asOf: new Date('2024-06-16T01:00:00Z') });
    const input: A15Input = {
      reportType: 'daily',
      language: 'zh',
      period: { start: period.start, end: period.end, time_zone: period.timeZone, days: [...period.days] },
      keyMetrics: countReport({ period, records: [] }),
      risks: [],
      opportunities: [],
    };

    // Act
    const narrative = writeLocalReportNarrative(input);

    // Assess
    expect(narrative.summary).toBe('2024-06-15，没有客户沟通记录。本期新增风险 0 项，新增机会 0 项。');
    expect(narrative.highlights).toEqual([]);
    expect(narrative.action_plan).toEqual({ immediate: [], short_term: [], long_term: ['保持现有跟进节奏，关注下期指标变化'] });
  });

  it('assembles a schema-valid report whose figures are the computed ones, whatever the writer says', () => {
    // Prepare
    const input = weekInput('zh');
    const narrative = { summary: '模型写的概要：共 9999 条。', highlights: [], action_plan: { immediate: [], short_term: [], long_term: [] } };

    // Act
    const report = assembleReport(input, narrative, 'anthropic.claude-3-haiku');

    // Assess
    expect(A15Report.parse(report)).toEqual(report);
    expect(report.key_metrics).toEqual(input.keyMetrics);
    expect(report.key_metrics.records).toBe(29);
    expect(report.risks).toEqual(input.risks);
    expect(report.generated_by).toBe('anthropic.claude-3-haiku');
  });
});
