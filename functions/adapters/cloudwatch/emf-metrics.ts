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

/** Where EMF lines go: stdout itself, not `console`, whose Lambda patch would prefix each line and hide it from CloudWatch. */
const writeStdout = (line: string) => void process.stdout.write(`${line}\n`);

/**
 * One line of CloudWatch's embedded metric format: counts of one dimension combination, published
 * under `[service]` and, when there are dimensions, `[service, …dimensions]` too.
 * https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/CloudWatch_Embedded_Metric_Format_Specification.html
 */
function emfLine(namespace: string, service: string, tallies: readonly Tally[], timestamp: number): string {
  const dimensions = tallies[0]?.dimensions ?? {};
  const names = Object.keys(dimensions);
  const dimensionSets = names.length > 0 ? [['service'], ['service', ...names]] : [['service']];
  const values = Object.fromEntries(tallies.map((tally) => [tally.name, tally.value]));
  const directive = { Namespace: namespace, Dimensions: dimensionSets, Metrics: tallies.map((tally) => ({ Name: tally.name, Unit: 'Count' })) };
  return JSON.stringify({ _aws: { Timestamp: timestamp, CloudWatchMetrics: [directive] }, service, ...dimensions, ...values });
}

/**
 * The metrics port on AWS: counts add up in memory during an invocation and {@link EmfMetrics.flush}
 * writes them to stdout in CloudWatch's embedded metric format, one line per dimension combination
 * — Lambda ships them to CloudWatch Metrics with the logs, no API call. (Written here rather than by
 * Powertools Metrics, whose loading cost ~10 ms of every cold start for these few lines.)
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

  constructor(
    private readonly write: (line: string) => void = writeStdout,
    private readonly namespace = HUB_METRICS_NAMESPACE,
    private readonly service = runtimeServiceName(),
  ) {}

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
    const timestamp = Date.now();
    for (const tallies of groups.values()) {
      try {
        this.write(emfLine(this.namespace, this.service, tallies, timestamp));
      } catch (error) {
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
