import type { HUB_METRICS } from '../../config/hub-metrics.js';

/** One of the hub's metrics (names and namespace: `functions/config/hub-metrics.ts`, shared with the alarms). */
export type MetricName = (typeof HUB_METRICS)[keyof typeof HUB_METRICS];

/** The agents, as the `agent` dimension names them. */
export const METRIC_AGENTS = ['A10', 'A11', 'A12', 'A13', 'A14', 'A15'] as const;
export type MetricAgent = (typeof METRIC_AGENTS)[number];

/**
 * The only dimensions a metric may have besides `service`; each takes a handful of values. `channel`
 * is the door a payload came through (`api`, `api-batch`, `email`, `connect`, `wecom`, `zoom`, …).
 * Never a tenant, customer or record id: those belong in logs, where a new value costs nothing.
 */
export interface MetricDimensions {
  readonly channel?: string;
  readonly agent?: MetricAgent;
}

/**
 * Counts what happened. On AWS the counts become CloudWatch metrics (EMF, flushed at the end of each
 * invocation); in embedded mode they are kept in a local file. Counting never throws and never waits.
 *
 * @example
 * ```ts
 * deps.metrics.count(HUB_METRICS.recordsIngested, 1, { channel: 'api' });
 * ```
 */
export interface Metrics {
  count(name: MetricName, value?: number, dimensions?: MetricDimensions): void;
}

/** Counts nothing (tools and tests that do not look at metrics). */
export const noMetrics: Metrics = { count: () => undefined };
