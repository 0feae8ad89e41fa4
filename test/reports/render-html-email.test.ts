import { describe, expect, it } from 'vitest';
import { renderReportHtmlEmail } from '../../functions/core/reports/render-html-email.js';
import { renderReportPlainText } from '../../functions/core/reports/render-plain-text.js';
import { CHANNEL_COLORS, SENTIMENT_COLORS } from '../../functions/core/reports/report-chart.js';
import { HOSTILE_NAME, sampleReport } from './report-fixtures.js';

describe('report HTML email', () => {
  it('escapes a hostile customer name and hostile model text everywhere they appear', () => {
    // Prepare
    const report = {
      ...sampleReport('zh'),
      summary: '本周平稳。</p><script>alert("x")</script>',
      highlights: ['<a href="javascript:alert(1)">点我</a>'],
    };

    // Act
    const html = renderReportHtmlEmail(report);

    // Assess
    expect(html).not.toMatch(/<img|<script|<a /i);
    expect(html).toContain('&lt;img src=x onerror=&quot;alert(1)&quot;&gt;|**Acme** &amp; Co');
    expect(html).toContain('本周平稳。&lt;/p&gt;&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(html).toContain('&lt;a href=&quot;javascript:alert(1)&quot;&gt;点我&lt;/a&gt;');
  });

  it('is a 600 px table layout with inline CSS only and a chart made of coloured cells', () => {
    // Prepare
    const report = sampleReport('zh');

    // Act
    const html = renderReportHtmlEmail(report);

    // Assess
    expect(html).toContain('<table role="presentation" width="600"');
    expect(html).not.toMatch(/<style|<svg|<canvas|<link|<script|class=/i);
    expect(html).toContain(`bgcolor="${CHANNEL_COLORS.wechat}"`);
    expect(html).toContain(`bgcolor="${SENTIMENT_COLORS.negative}"`);
    expect(html).not.toContain(`bgcolor="${CHANNEL_COLORS.mobile}"`);
    expect(html).toContain('每日沟通量（按渠道）');
  });

  it('has a plain-text version with the same figures and no markup', () => {
    // Prepare
    const report = sampleReport('en');

    // Act
    const text = renderReportPlainText(report);

    // Assess
    expect(text.split('\n')[0]).toBe('Weekly communication report 2024-06-10 to 2024-06-16');
    expect(text).toContain('Communications: 29');
    expect(text).toMatch(/^06-10 #{30} 7 \(Phone 3, Email 4\)$/m);
    expect(text).toContain(`- ${HOSTILE_NAME.replace(/\s+/g, ' ')} · churn · High`);
    expect(text).not.toContain('<td');
  });
});
