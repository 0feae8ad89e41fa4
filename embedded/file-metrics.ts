import { mkdir, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { HUB_METRICS_NAMESPACE, HUB_SERVICE_NAME } from '../functions/config/hub-metrics.js';
import type { MetricDimensions, MetricName, Metrics } from '../functions/core/ports/metrics.js';
import { logger } from '../functions/http/logger.js';
import { summarizeError } from '../functions/observability/error-summary.js';

/** One counter: a metric with one combination of dimensions. */
export interface MetricCount {
  readonly name: MetricName;
  readonly dimensions: MetricDimensions;
  readonly value: number;
}

/** What `metrics.json` holds. */
export interface MetricsFileContent {
  readonly namespace: string;
  readonly service: string;
  /** When this process started counting (counts start at zero with each start). */
  readonly since: string;
  readonly updatedAt: string;
  readonly counts: readonly MetricCount[];
}

export interface FileMetricsOptions {
  readonly file: string;
  /** How often changed counts are written. @default 10000 */
  readonly intervalMs?: number;
  readonly now?: () => Date;
}

/** The embedded metrics: the port, plus reading and writing the counts. */
export interface FileMetrics extends Metrics {
  /** Every counter, in the order first counted. */
  snapshot(): MetricCount[];
  /** The sum of a metric over the counters whose dimensions include `where`. */
  total(name: MetricName, where?: MetricDimensions): number;
  /** Writes the file now (if anything changed since the last write). */
  flush(): Promise<void>;
  /** Stops the timer and writes the file a last time. */
  close(): Promise<void>;
}

const keyOf = (name: string, dimensions: MetricDimensions) => `${name}|${dimensions.channel ?? ''}|${dimensions.agent ?? ''}`;

/**
 * The metrics port in embedded mode: the same counts the Lambda functions publish as CloudWatch EMF
 * lines, kept as counters and written to a JSON file (`<data dir>/metrics.json`) every
 * `intervalMs` when they changed and on shutdown — EMF lines would only be noise in the console.
 *
 * @example
 * ```ts
 * const metrics = createFileMetrics({ file: '.commhub/metrics.json' });
 * metrics.count(HUB_METRICS.recordsIngested, 1, { channel: 'api' });
 * await metrics.close();
 * ```
 */
export function createFileMetrics(options: FileMetricsOptions): FileMetrics {
  const now = options.now ?? (() => new Date());
  const since = now().toISOString();
  const counters = new Map<string, { name: MetricName; dimensions: MetricDimensions; value: number }>();
  let changed = false;
  let writing: Promise<void> = Promise.resolve();

  const write = async () => {
    if (!changed) return;
    changed = false;
    const content: MetricsFileContent = { namespace: HUB_METRICS_NAMESPACE, service: HUB_SERVICE_NAME, since, updatedAt: now().toISOString(), counts: snapshot() };
    const temporary = `${options.file}.${process.pid}.tmp`;
    try {
      await mkdir(dirname(options.file), { recursive: true });
      await writeFile(temporary, `${JSON.stringify(content, null, 2)}\n`);
      await rename(temporary, options.file);
    } catch (error) {
      changed = true;
      logger.warn('metrics file not written', { error: summarizeError(error) });
    }
  };
  // Writes one after another, so a slow write never lands after a newer one.
  const flush = () => (writing = writing.then(write));
  const snapshot = () => [...counters.values()].map(({ name, dimensions, value }) => ({ name, dimensions: { ...dimensions }, value }));
  const timer = setInterval(() => void flush(), options.intervalMs ?? 10_000);
  timer.unref();

  return {
    count(name, value = 1, dimensions = {}) {
      if (!Number.isFinite(value) || value <= 0) return;
      const defined: MetricDimensions = { ...(dimensions.channel && { channel: dimensions.channel }), ...(dimensions.agent && { agent: dimensions.agent }) };
      const key = keyOf(name, defined);
      const counter = counters.get(key);
      if (counter) counter.value += value;
      else counters.set(key, { name, dimensions: defined, value });
      changed = true;
    },
    snapshot,
    total(name, where = {}) {
      return snapshot()
        .filter((c) => c.name === name && (!where.channel || c.dimensions.channel === where.channel) && (!where.agent || c.dimensions.agent === where.agent))
        .reduce((sum, c) => sum + c.value, 0);
    },
    flush,
    async close() {
      clearInterval(timer);
      await flush();
    },
  };
}
