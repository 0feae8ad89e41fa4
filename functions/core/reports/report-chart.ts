import { RECORD_TYPES, type RecordType } from '../model/record-types.js';
import { SENTIMENT_BUCKETS, type ReportCounts } from './report-counts.js';

type SentimentBucket = (typeof SENTIMENT_BUCKETS)[number];

/** Bar colours per channel: distinct hues that stay apart for colour-blind readers (Tableau 10). */
export const CHANNEL_COLORS: Readonly<Record<RecordType, string>> = {
  phone: '#4e79a7',
  mobile: '#f28e2b',
  wechat: '#59a14f',
  email: '#e15759',
  meeting: '#76b7b2',
  video: '#edc948',
  visit: '#b07aa1',
  form: '#ff9da7',
  webchat: '#9c755f',
};

/**
 * Sentiment colours. The two greys are warm on purpose: anti-aliased text (grey on white, white on
 * the navy header) never produces a warm grey, so these colours in a screenshot are the chart's.
 */
export const SENTIMENT_COLORS: Readonly<Record<SentimentBucket, string>> = {
  positive: '#1a9850',
  neutral: '#b5aca3',
  negative: '#c51b2a',
  not_analyzed: '#e4dcd3',
};

/** Width of the longest bar, in CSS pixels (the email is 600 px wide). */
export const CHART_BAR_MAX_WIDTH = 420;
/** A non-empty segment is never drawn thinner than this, so one record still shows. */
export const CHART_SEGMENT_MIN_WIDTH = 2;

export interface ChartSegment {
  readonly key: string;
  readonly color: string;
  readonly count: number;
  /** Pixels. */
  readonly width: number;
}

/** One day's bar: its segments left to right, empty segments left out. */
export interface ChartBar {
  readonly day: string;
  readonly total: number;
  readonly segments: readonly ChartSegment[];
}

/**
 * Stacked bars of records per day by channel, scaled so the busiest day spans the full width. The
 * geometry lives here, apart from any markup, so a test can say which pixels a chart must paint.
 */
export function channelBars(counts: ReportCounts, maxWidth = CHART_BAR_MAX_WIDTH): ChartBar[] {
  const busiest = Math.max(0, ...counts.per_day.map((day) => day.records));
  return counts.per_day.map((day) => ({
    day: day.day,
    total: day.records,
    segments: segmentsOf(
      RECORD_TYPES.map((type) => ({ key: type, color: CHANNEL_COLORS[type], count: day.by_channel[type] })),
      busiest === 0 ? 0 : Math.round((day.records / busiest) * maxWidth),
    ),
  }));
}

/** Each day's sentiment mix as a full-width bar (shares, not volume; the channel chart shows volume). */
export function sentimentBars(counts: ReportCounts, width = CHART_BAR_MAX_WIDTH): ChartBar[] {
  return counts.per_day.map((day) => ({
    day: day.day,
    total: day.records,
    segments: segmentsOf(
      SENTIMENT_BUCKETS.map((bucket) => ({ key: bucket, color: SENTIMENT_COLORS[bucket], count: day.by_sentiment[bucket] })),
      day.records === 0 ? 0 : width,
    ),
  }));
}

/** Splits a bar's width over its parts by largest remainder, so the parts add up to the bar. */
function segmentsOf(parts: readonly Omit<ChartSegment, 'width'>[], width: number): ChartSegment[] {
  const present = parts.filter((part) => part.count > 0);
  const total = present.reduce((sum, part) => sum + part.count, 0);
  if (total === 0 || width <= 0) return [];
  const exact = present.map((part) => (part.count / total) * width);
  const widths = exact.map(Math.floor);
  let left = width - widths.reduce((sum, w) => sum + w, 0);
  const byRemainder = exact.map((value, index) => ({ index, remainder: value - Math.floor(value) })).sort((a, b) => b.remainder - a.remainder);
  for (const { index } of byRemainder) {
    if (left <= 0) break;
    widths[index] = (widths[index] ?? 0) + 1;
    left -= 1;
  }
  return present.map((part, index) => ({ ...part, width: Math.max(CHART_SEGMENT_MIN_WIDTH, widths[index] ?? 0) }));
}
