import type { TimelineFilter } from '../../core/ports/record-store.js';

export interface FilterExpression {
  readonly expression: string;
  readonly names: Record<string, string>;
  readonly values: Record<string, unknown>;
}

/** The record attribute each list filter reads (nested paths into the analysis block). */
const FILTERED_PATHS = {
  types: ['type'],
  intents: ['analysis', 'intent', 'category'],
  sentiments: ['analysis', 'sentiment', 'overall'],
  urgencies: ['analysis', 'urgency', 'level'],
} as const;

/**
 * Builds the DynamoDB FilterExpression for a timeline filter: `IN` within a filter, `AND` across
 * filters. Time bounds are not here: they are part of the key condition.
 */
export function timelineFilterExpression(filter: TimelineFilter): FilterExpression | undefined {
  const clauses: string[] = [];
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = {};
  for (const [filterName, path] of Object.entries(FILTERED_PATHS) as [keyof typeof FILTERED_PATHS, readonly string[]][]) {
    const wanted = filter[filterName];
    if (!wanted || wanted.length === 0) continue;
    const attribute = path
      .map((segment) => {
        names[`#f_${segment}`] = segment;
        return `#f_${segment}`;
      })
      .join('.');
    const placeholders = wanted.map((value, i) => {
      values[`:f_${filterName}_${i}`] = value;
      return `:f_${filterName}_${i}`;
    });
    clauses.push(`${attribute} IN (${placeholders.join(', ')})`);
  }
  if (clauses.length === 0) return undefined;
  return { expression: clauses.join(' AND '), names, values };
}
