import { describe, expect, it } from 'vitest';
import { writeLocalReportNarrative } from '../../functions/analysis/agents/a15-local-report.js';
import { guardA15Narrative, sentencesOf } from '../../functions/analysis/agents/a15-narrative-guard.js';
import type { A15Narrative } from '../../functions/core/agents/a15-report.js';
import { sampleInput } from '../reports/report-fixtures.js';

/** The sample week: 29 records, 2 customers, 7 negative (24%), 5 highly urgent, busiest day 2024-06-10 with 7. */
const ANSWER: A15Narrative = {
  summary: '2024-06-10 至 2024-06-16 共沟通 29 次，涉及 2 位客户。负面情绪 7 条，占 24%。高紧急度沟通 5 条。',
  highlights: ['沟通最多的一天是 2024-06-10（7 条）。', '华东塑胶的年度框架值得跟进。'],
  action_plan: { immediate: ['本周逐条回复 5 条高紧急度沟通。'], short_term: ['推进华东塑胶 PCR-ABS 50 吨年度框架。'], long_term: ['复盘投诉根因。'] },
};

describe('sentencesOf', () => {
  it('splits after sentence ends in both languages, keeps decimals whole and joins back into the text', () => {
    // Prepare
    const text = '共 29 条。平均分 0.25！Then two. And 3.5 more?\n末句';

    // Act
    const sentences = sentencesOf(text);

    // Assess
    expect(sentences).toEqual(['共 29 条。', '平均分 0.25！', 'Then two.', ' And 3.5 more?', '\n', '末句']);
    expect(sentences.join('')).toBe(text);
  });
});

describe('guardA15Narrative', () => {
  it.each(['zh', 'en'] as const)('keeps the local writer’s own %s narrative unchanged (its derived percentages are quotable)', (language) => {
    // Prepare
    const input = sampleInput(language);
    const local = writeLocalReportNarrative(input);

    // Act
    const guarded = guardA15Narrative(local, input);

    // Assess
    expect(guarded).toEqual({ narrative: local, corrections: [] });
  });

  it('keeps an answer that quotes only the facts, dates and the shares derived from them', () => {
    // Act
    const guarded = guardA15Narrative(ANSWER, sampleInput('zh'));

    // Assess
    expect(guarded).toEqual({ narrative: ANSWER, corrections: [] });
  });

  it('drops the summary sentence with an invented figure and keeps the others', () => {
    // Prepare
    const answer = { ...ANSWER, summary: '本周共沟通 29 次。客户满意度达到 87%。高紧急度沟通 5 条。' };

    // Act
    const guarded = guardA15Narrative(answer, sampleInput('zh'));

    // Assess
    expect(guarded.narrative.summary).toBe('本周共沟通 29 次。高紧急度沟通 5 条。');
    expect(guarded.corrections).toEqual(['summary: dropped "客户满意度达到 87%。" (numbers not in the facts: 87)']);
  });

  it('replaces a summary with no sentence left by the local writer’s summary', () => {
    // Prepare
    const input = sampleInput('en');
    const answer = { ...ANSWER, summary: 'Volume grew 40% on last week. Churn risk now touches 13 accounts.' };

    // Act
    const guarded = guardA15Narrative(answer, input);

    // Assess
    expect(guarded.narrative.summary).toBe(writeLocalReportNarrative(input).summary);
    expect(guarded.corrections).toHaveLength(3);
    expect(guarded.corrections[2]).toMatch(/replaced by the computed summary/);
  });

  it('drops a whole action that quotes an invented figure or a date outside the period', () => {
    // Prepare
    const answer = {
      ...ANSWER,
      action_plan: { ...ANSWER.action_plan, immediate: ['2024-07-01 前向华东塑胶报价 640 吨。', ...ANSWER.action_plan.immediate] },
    };

    // Act
    const guarded = guardA15Narrative(answer, sampleInput('zh'));

    // Assess
    expect(guarded.narrative.action_plan.immediate).toEqual(ANSWER.action_plan.immediate);
    expect(guarded.corrections).toEqual([expect.stringMatching(/^action_plan\.immediate: dropped .*640, 2024-07-01\)$/)]);
  });
});
