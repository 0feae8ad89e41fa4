import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import { HUB_METRICS_NAMESPACE } from '../functions/config/hub-metrics.js';

/**
 * The total of one of the hub's own metrics (`HUB_METRICS`): namespace `CommHub`, the `service`
 * dimension alone — the series the functions publish beside the per-channel / per-agent ones —
 * summed per period.
 */
export function hubMetric(metricName: string, service: string, options: cloudwatch.MetricOptions = {}): cloudwatch.Metric {
  return new cloudwatch.Metric({ namespace: HUB_METRICS_NAMESPACE, metricName, dimensionsMap: { service }, statistic: 'Sum', ...options });
}
