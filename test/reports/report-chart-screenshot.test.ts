import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { A15Report } from '../../functions/core/agents/a15-report.js';
import { renderReportHtmlEmail } from '../../functions/core/reports/render-html-email.js';
import { CHART_BAR_HEIGHT } from '../../functions/core/reports/render-html-chart.js';
import { CHANNEL_COLORS, SENTIMENT_COLORS, channelBars, sentimentBars, type ChartBar } from '../../functions/core/reports/report-chart.js';
import { screenshot } from '../support/chromium-screenshot.js';
import { countPixels } from '../support/png-decode.js';
import { sampleReport } from './report-fixtures.js';

/** Pixels each colour must cover: the sum of its segments' areas. */
function paintedArea(bars: readonly ChartBar[]): Map<string, number> {
  const area = new Map<string, number>();
  for (const segment of bars.flatMap((bar) => bar.segments)) area.set(segment.color, (area.get(segment.color) ?? 0) + segment.width * CHART_BAR_HEIGHT);
  return area;
}

describe('report email chart in a real browser', () => {
  let dir: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'commhub-chart-'));
  });
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('paints every bar segment of both charts in its colour', async () => {
    // Prepare
    const report = sampleReport('zh');
    const expected = new Map([...paintedArea(channelBars(report.key_metrics)), ...paintedArea(sentimentBars(report.key_metrics))]);

    // Act
    const image = await screenshot(renderReportHtmlEmail(report), dir, 'week');

    // Assess
    expect(expected.size).toBeGreaterThanOrEqual(8);
    for (const [color, area] of expected) {
      // The bar area, plus at most the 10×10 legend swatch; a little slack for a subpixel edge row.
      const painted = countPixels(image, color);
      expect(painted, `pixels of ${color}`).toBeGreaterThanOrEqual(Math.floor(area * 0.95));
      expect(painted, `pixels of ${color}`).toBeLessThanOrEqual(area + 100 + Math.ceil(area * 0.05));
    }
    expect(countPixels(image, CHANNEL_COLORS.mobile)).toBe(0);
  }, 120_000);

  it('paints none of the chart colours when the period had no records', async () => {
    // Prepare
    const full = sampleReport('en');
    const empty: A15Report = {
      ...full,
      key_metrics: {
        ...full.key_metrics,
        records: 0,
        by_channel: Object.fromEntries(Object.keys(full.key_metrics.by_channel).map((key) => [key, 0])) as A15Report['key_metrics']['by_channel'],
        by_sentiment: { positive: 0, neutral: 0, negative: 0, not_analyzed: 0 },
        per_day: full.key_metrics.per_day.map((day) => ({
          ...day,
          records: 0,
          by_channel: Object.fromEntries(Object.keys(day.by_channel).map((key) => [key, 0])) as typeof day.by_channel,
          by_sentiment: { positive: 0, neutral: 0, negative: 0, not_analyzed: 0 },
        })),
      },
    };

    // Act
    const image = await screenshot(renderReportHtmlEmail(empty), dir, 'empty');

    // Assess
    for (const color of [...Object.values(CHANNEL_COLORS), ...Object.values(SENTIMENT_COLORS)]) {
      expect(countPixels(image, color), `pixels of ${color}`).toBe(0);
    }
  }, 120_000);
});
