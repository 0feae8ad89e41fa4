import type { TimelineRecord } from '../api/api-types.js';

export interface Distribution {
  readonly total: number;
  readonly byChannel: ReadonlyMap<string, number>;
  readonly byIntent: ReadonlyMap<string, number>;
  readonly bySentiment: ReadonlyMap<string, number>;
  readonly byUrgency: ReadonlyMap<string, number>;
  /** Mean sentiment score (−1…1) of the analysed records; null when none has one. */
  readonly averageSentiment: number | null;
}

const bump = (map: Map<string, number>, key: string | undefined) => key !== undefined && map.set(key, (map.get(key) ?? 0) + 1);
const sorted = (map: Map<string, number>) => new Map([...map].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])));

/** How the loaded records split by channel, intent, sentiment and urgency, most frequent first. */
export function distributionOf(items: readonly TimelineRecord[]): Distribution {
  const byChannel = new Map<string, number>();
  const byIntent = new Map<string, number>();
  const bySentiment = new Map<string, number>();
  const byUrgency = new Map<string, number>();
  let scoreSum = 0;
  let scored = 0;
  for (const record of items) {
    bump(byChannel, record.type);
    bump(byIntent, record.analysis.intent?.category);
    bump(bySentiment, record.analysis.sentiment?.overall);
    bump(byUrgency, record.analysis.urgency?.level);
    if (record.analysis.sentiment) {
      scoreSum += record.analysis.sentiment.score;
      scored++;
    }
  }
  return {
    total: items.length,
    byChannel: sorted(byChannel),
    byIntent: sorted(byIntent),
    bySentiment: sorted(bySentiment),
    byUrgency: sorted(byUrgency),
    averageSentiment: scored ? scoreSum / scored : null,
  };
}
