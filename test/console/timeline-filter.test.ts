import { describe, expect, it } from 'vitest';
import { NO_FILTER, timelineQueryOf } from '../../web/src/panorama/timeline-filter.js';
import { distributionOf } from '../../web/src/panorama/analysis-counts.js';
import type { TimelineRecord } from '../../web/src/api/api-types.js';

const now = Date.parse('2024-06-16T03:00:00Z'); // 11:00 on the 16th in Shanghai

describe("the panorama's filters as timeline API queries", () => {
  it('asks for everything without a filter, and passes channel and intent through', () => {
    expect(timelineQueryOf(NO_FILTER, 'Asia/Shanghai', now)).toEqual({});
    expect(timelineQueryOf({ ...NO_FILTER, channel: 'email', intent: 'order' }, 'Asia/Shanghai', now)).toEqual({ types: ['email'], intent: ['order'] });
  });

  it("starts \"last 7 days\" at the tenant's midnight six days before today", () => {
    expect(timelineQueryOf({ ...NO_FILTER, range: '7' }, 'Asia/Shanghai', now)).toEqual({ from: '2024-06-09T16:00:00.000Z' });
    expect(timelineQueryOf({ ...NO_FILTER, range: '7' }, 'Europe/Berlin', now)).toEqual({ from: '2024-06-09T22:00:00.000Z' });
  });

  it('runs a custom range from the start of its first day to the start of the day after its last', () => {
    expect(timelineQueryOf({ ...NO_FILTER, range: 'custom', fromDay: '2024-06-01', toDay: '2024-06-03' }, 'Asia/Shanghai', now)).toEqual({
      from: '2024-05-31T16:00:00.000Z',
      to: '2024-06-03T16:00:00.000Z',
    });
    expect(timelineQueryOf({ ...NO_FILTER, range: 'custom', fromDay: '', toDay: '2024-06-03' }, 'Asia/Shanghai', now)).toEqual({ to: '2024-06-03T16:00:00.000Z' });
  });

  it("counts the analysis view's distribution, most frequent first", () => {
    const record = (type: string, intent: string, score: number) => ({ type, analysis: { intent: { category: intent }, sentiment: { overall: score > 0 ? 'positive' : 'neutral', score } } }) as unknown as TimelineRecord;
    const distribution = distributionOf([record('email', 'order', 0), record('wechat', 'order', 0.5), record('email', 'inquiry', 0.25)]);
    expect([...distribution.byChannel]).toEqual([['email', 2], ['wechat', 1]]);
    expect([...distribution.byIntent]).toEqual([['order', 2], ['inquiry', 1]]);
    expect(distribution.averageSentiment).toBeCloseTo(0.25);
    expect(distribution.byUrgency.size).toBe(0);
  });
});
