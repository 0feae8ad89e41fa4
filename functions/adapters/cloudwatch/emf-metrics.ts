import { Metrics as PowertoolsMetrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import { HUB_METRICS_NAMESPACE, runtimeServiceName } from '../../config/hub-metrics.js';
import type { MetricDimensions, MetricName, Metrics } from '../../core/ports/metrics.js';
import { logger } from '../../http/logger.js';
import { summarizeError } from '../../observability/error-summary.js';

interface Tally {
  readonly name: MetricName;
  readonly dimensions: Record<string, string>;
  value: number;
}

const dimensionsKey = (dimensions: Readonly<Record<string, string | undefined>>) => `${dimensions.channel ?? ''}|${dimensions.agent ?? ''}`;
const definedDimensions = (dimensions: MetricDimensions): Record<string, string> =>
  Object.fromEntries(Object.entries(dimensions).filter((entry): entry is [string, string] => typeof entry[1] === 'string' && entry[1] !== ''));

/**
 * The metrics port on AWS: counts add up in memory during an invocation and {@link EmfMetrics.flush}
 * writes them to stdout in CloudWatch's embedded metric format (Powertools Metrics), one line per
 * dimension combination — Lambda ships them to CloudWatch Metrics with the logs, no API call.
 *
 * A count with a `channel` or `agent` is published under two dimension sets, `[service]` and
 * `[service, channel|agent]`: the first is the total the alarms watch, the second the breakdown
 * the dashboard shows.
 *
 * @example
 * ```ts
 * const metrics = new EmfMetrics();
 * metrics.count(HUB_METRICS.recordsIngested, 1, { channel: 'api' });
 * metrics.flush(); // {"_aws":{…"Dimensions":[["service"],["service","channel"]]…},"service":"commhub","channel":"api","RecordsIngested":1}
 * ```
 */
export class EmfMetrics implements Metrics {
  private readonly tallies = new Map<string, Tally>();

  constructor(private readonly emitter: PowertoolsMetrics = new PowertoolsMetrics({ namespace: HUB_METRICS_NAMESPACE, serviceName: runtimeServiceName() })) {}

  count(name: MetricName, value = 1, dimensions: MetricDimensions = {}): void {
    if (!Number.isFinite(value) || value <= 0) return;
    const key = `${name}|${dimensionsKey({ ...dimensions })}`;
    const tally = this.tallies.get(key);
    if (tally) tally.value += value;
    else this.tallies.set(key, { name, dimensions: definedDimensions(dimensions), value });
  }

  /** Publishes what was counted since the last flush (nothing when nothing was); never throws. */
  flush(): void {
    const groups = new Map<string, Tally[]>();
    for (const tally of this.tallies.values()) {
      const key = dimensionsKey(tally.dimensions);
      groups.set(key, [...(groups.get(key) ?? []), tally]);
    }
    this.tallies.clear();
    for (const tallies of groups.values()) {
      try {
        const dimensions = tallies[0]!.dimensions;
        if (Object.keys(dimensions).length > 0) {
          // An empty set publishes the `[service]` total beside the breakdown.
          this.emitter.addDimensions({});
          this.emitter.addDimensions(dimensions);
        }
        for (const tally of tallies) this.emitter.addMetric(tally.name, MetricUnit.Count, tally.value);
        this.emitter.publishStoredMetrics();
      } catch (error) {
        this.emitter.clearMetrics();
        this.emitter.clearDimensions();
        logger.warn('metrics not published', { error: summarizeError(error) });
      }
    }
  }
}

let shared: EmfMetrics | undefined;

/**
 * The function's one EMF metrics instance: the AWS wiring counts into it, the Lambda entries flush it
 * after every invocation.
 *
 * @example
 * ```ts
 * const deps = createHubDependencies(config, systemClock, lambdaMetrics());
 * ```
 */
export const lambdaMetrics = (): EmfMetrics => (shared ??= new EmfMetrics());
