import { describe, expect, it } from 'vitest';
import { renderReportMarkdown } from '../../functions/core/reports/render-markdown.js';
import { sampleReport } from './report-fixtures.js';

/** `## heading` lines, in order. */
const headings = (markdown: string) => markdown.split('\n').filter((line) => line.startsWith('## ')).map((line) => line.slice(3));

describe('report Markdown', () => {
  it('has the seed sections in order, in Chinese for a zh report', () => {
    // Prepare
    const report = sampleReport('zh');

    // Act
    const markdown = renderReportMarkdown(report);

    // Assess
    expect(markdown.startsWith('# 客户沟通周报 2024-06-10 至 2024-06-16\n')).toBe(true);
    expect(headings(markdown)).toEqual(['概要', '关键指标', '渠道分布', '意图', '风险', '机会', '客户', '行动计划']);
    expect(markdown).toContain('| 沟通总数 | 29 |');
    expect(markdown).toContain('| 企业微信 | 9 | 31% |');
    expect(markdown).toContain('| 投诉 | 7 | 24% |');
    expect(markdown).toContain('| 华东塑胶 | PCR-ABS 50 吨年度框架 | 500,000 CNY |');
    expect(markdown).toContain('### 立即');
  });

  it('has the same sections in English for an en report', () => {
    // Prepare
    const report = sampleReport('en');

    // Act
    const markdown = renderReportMarkdown(report);

    // Assess
    expect(headings(markdown)).toEqual(['Summary', 'Key metrics', 'By channel', 'Intents', 'Risks', 'Opportunities', 'Customers', 'Action plan']);
    expect(markdown).toContain('| Communications | 29 |');
  });

  it('renders a hostile customer name as text: no raw HTML, no broken table row, no heading', () => {
    // Prepare
    const report = sampleReport('zh');

    // Act
    const markdown = renderReportMarkdown(report);

    // Assess
    expect(markdown).not.toContain('<img');
    expect(markdown).toContain('&lt;img src=x onerror="alert(1)"&gt;\\|\\*\\*Acme\\*\\* &amp; Co # 标题');
    const riskRow = markdown.split('\n').find((line) => line.startsWith('| ') && line.includes('churn'));
    // Four cells: the escaped `|` in the name does not add one.
    expect(riskRow?.split(/(?<!\\)\|/).length).toBe(6);
    expect(markdown.split('\n').filter((line) => line.startsWith('# '))).toHaveLength(1);
  });

  it('says "none" in sections without content', () => {
    // Prepare
    const report = { ...sampleReport('en'), risks: [], opportunities: [] };

    // Act
    const markdown = renderReportMarkdown(report);

    // Assess
    expect(markdown).toContain('## Risks\n\n_None_\n');
    expect(markdown).toContain('## Opportunities\n\n_None_\n');
  });
});
