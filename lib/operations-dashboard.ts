import { Duration, Stack } from 'aws-cdk-lib';
import type * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import type { Construct } from 'constructs';
import { HUB_METRICS, HUB_METRICS_NAMESPACE } from '../functions/config/hub-metrics.js';
import { hubMetric } from './hub-metric.js';
import type { MonitoredResources } from './observability.js';

/** What {@link operationsDashboard} graphs. */
export interface OperationsDashboardProps {
  readonly api: apigwv2.IHttpApi;
  readonly monitored: MonitoredResources;
  /** Alarms whose state the dashboard shows: not the per-function ones, which the graphs cover (a status widget holds 100). */
  readonly serviceAlarms: readonly cloudwatch.Alarm[];
  /** The `service` dimension of the stage's own metrics (`hubServiceName(stage)`). */
  readonly service: string;
}

const PERIOD = Duration.minutes(5);
const WIDE = 12;
const HEIGHT = 6;

/**
 * One series per value of the metric's extra dimension (`channel`, `agent`), whatever values exist: a
 * dashboard SEARCH on exactly the dimensions `service` and that one, so the total series is not repeated
 * and a new channel or agent appears without a deploy.
 */
function seriesPerDimension(service: string, metricName: string, dimension: 'channel' | 'agent'): cloudwatch.MathExpression {
  return new cloudwatch.MathExpression({
    expression: `SEARCH('{${HUB_METRICS_NAMESPACE},${dimension},service} MetricName="${metricName}" service="${service}"', 'Sum', ${PERIOD.toSeconds()})`,
    usingMetrics: {},
    label: '',
    period: PERIOD,
  });
}


const graph = (title: string, left: cloudwatch.IMetric[], width = WIDE) => new cloudwatch.GraphWidget({ title, left, width, height: HEIGHT, period: PERIOD });

/**
 * The stack's CloudWatch dashboard, named after the stack: the API, ingestion per channel, the
 * workflows, the model, every function's errors and throttles, every dead-letter queue, and the state
 * of the service-level alarms.
 */
export function operationsDashboard(scope: Construct, props: OperationsDashboardProps): cloudwatch.Dashboard {
  const { api, monitored, service } = props;
  const total = (metricName: string, label: string) => hubMetric(metricName, service, { period: PERIOD, label });
  const perDimension = (metricName: string, dimension: 'channel' | 'agent') => seriesPerDimension(service, metricName, dimension);
  const { functions, deadLetterQueues, stateMachines } = monitored;
  const dashboard = new cloudwatch.Dashboard(scope, 'Dashboard', {
    dashboardName: Stack.of(scope).stackName,
    defaultInterval: Duration.hours(3),
  });
  dashboard.addWidgets(
    new cloudwatch.AlarmStatusWidget({ title: 'Alarms (service level)', alarms: props.serviceAlarms.slice(0, 100), width: 24, height: 4 }),
  );
  dashboard.addWidgets(
    graph('API requests and 5xx', [api.metricCount({ period: PERIOD, statistic: 'Sum', label: 'requests' }), api.metricServerError({ period: PERIOD, label: '5xx' }), api.metricClientError({ period: PERIOD, label: '4xx' })]),
    graph('API latency p99 (ms)', [api.metricLatency({ period: PERIOD, statistic: 'p99', label: 'latency p99' }), api.metricIntegrationLatency({ period: PERIOD, statistic: 'p99', label: 'integration p99' })]),
  );
  dashboard.addWidgets(
    graph('Records ingested per channel', [perDimension(HUB_METRICS.recordsIngested, 'channel')], 8),
    graph('Duplicates and rejected payloads', [total(HUB_METRICS.duplicatesIgnored, 'duplicates'), total(HUB_METRICS.payloadsRejected, 'payloads rejected')], 8),
    graph('Signatures rejected per channel', [perDimension(HUB_METRICS.signaturesRejected, 'channel')], 8),
  );
  dashboard.addWidgets(
    graph('Workflow executions started', stateMachines.map(({ label, machine }) => machine.metricStarted({ period: PERIOD, label }))),
    graph(
      'Workflow executions failed, timed out, aborted',
      stateMachines.flatMap(({ label, machine }) => [
        machine.metricFailed({ period: PERIOD, label: `${label} failed` }),
        machine.metricTimedOut({ period: PERIOD, label: `${label} timed out` }),
        machine.metricAborted({ period: PERIOD, label: `${label} aborted` }),
      ]),
    ),
  );
  dashboard.addWidgets(
    graph('Analyses failed, transcriptions started, audit entries not written', [total(HUB_METRICS.analysisFailed, 'analyses failed'), total(HUB_METRICS.transcriptionsStarted, 'transcriptions started'), total(HUB_METRICS.auditWriteFailed, 'audit entries not written')], 8),
    graph('Model fallbacks per agent', [perDimension(HUB_METRICS.modelFallbacks, 'agent')], 8),
    graph('Model tokens (input, output) per agent', [perDimension(HUB_METRICS.modelInputTokens, 'agent'), perDimension(HUB_METRICS.modelOutputTokens, 'agent')], 8),
  );
  dashboard.addWidgets(
    graph('Lambda errors', functions.map(({ label, fn }) => fn.metricErrors({ period: PERIOD, label }))),
    graph('Lambda throttles', functions.map(({ label, fn }) => fn.metricThrottles({ period: PERIOD, label }))),
  );
  dashboard.addWidgets(
    graph('Dead-letter queue depth', deadLetterQueues.map(({ label, queue }) => queue.metricApproximateNumberOfMessagesVisible({ period: PERIOD, statistic: 'Maximum', label })), 24),
  );
  return dashboard;
}

/** The console URL of a dashboard (the China partition has its own console domain). */
export function dashboardUrl(region: string, dashboardName: string): string {
  const console = region.startsWith('cn-') ? 'console.amazonaws.cn' : 'console.aws.amazon.com';
  return `https://${region}.${console}/cloudwatch/home?region=${region}#dashboards:name=${dashboardName}`;
}
