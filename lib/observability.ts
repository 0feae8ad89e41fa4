import { RemovalPolicy, Stack } from 'aws-cdk-lib';
import type * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as actions from 'aws-cdk-lib/aws-cloudwatch-actions';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as subscriptions from 'aws-cdk-lib/aws-sns-subscriptions';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import { Construct, type IConstruct } from 'constructs';
import { HUB_METRICS, hubServiceName } from '../functions/config/hub-metrics.js';
import { ALARM_POLICY, API_ALARM_MINIMUM_REQUESTS, type AlarmRule } from './alarm-policy.js';
import { hubMetric } from './hub-metric.js';
import { operationsDashboard } from './operations-dashboard.js';

/** Properties of {@link Observability}. */
export interface ObservabilityProps {
  /** The HTTP API whose 5xx rate and p99 latency are alarmed and graphed. */
  readonly api: apigwv2.IHttpApi;
  /** The deployment stage: its functions publish their metrics under `service` = `hubServiceName(stage)`. */
  readonly stage: string;
  /**
   * Address subscribed to the alarm topic (SNS sends a confirmation mail first).
   * @default - no subscription; subscribe to the topic (output `AlarmTopicArn`) yourself
   */
  readonly alarmEmail?: string;
  /**
   * What happens to the alarm topic's key when it leaves the stack.
   * @default RemovalPolicy.DESTROY
   */
  readonly removalPolicy?: RemovalPolicy;
}

/** What the construct found to watch, each with a short label (its construct path in the stack). */
export interface MonitoredResources {
  readonly functions: readonly { readonly label: string; readonly fn: lambda.Function }[];
  readonly deadLetterQueues: readonly { readonly label: string; readonly queue: sqs.Queue }[];
  readonly stateMachines: readonly { readonly label: string; readonly machine: sfn.StateMachine }[];
}

/**
 * Operations for the whole stack: an SNS alarm topic (its own customer-managed key, TLS only), an
 * alarm on every Lambda function's errors and throttles, every dead-letter queue's depth and every
 * state machine's failed / timed-out / aborted executions, the API's 5xx rate and p99 latency, the
 * custom metrics that need a person (failed analyses, a burst of rejected signatures, model
 * fallbacks), and a dashboard. Every alarm notifies the topic on ALARM and on OK.
 *
 * It watches what exists in its stack when it is built: create it last, so a function or queue
 * added to any construct gets its alarms without being listed here.
 */
export class Observability extends Construct {
  /** Encrypts the alarm topic; separate from the data key, whose policy need not name CloudWatch. */
  public readonly key: kms.Key;
  public readonly alarmTopic: sns.Topic;
  public readonly dashboard: cloudwatch.Dashboard;
  public readonly alarms: cloudwatch.Alarm[] = [];
  public readonly monitored: MonitoredResources;
  private readonly alarmScope: Construct;
  private readonly action: actions.SnsAction;

  constructor(scope: Construct, id: string, props: ObservabilityProps) {
    super(scope, id);
    const stack = Stack.of(this);
    this.key = new kms.Key(this, 'AlarmTopicKey', {
      description: `CommHub alarm notifications (${stack.stackName})`,
      enableKeyRotation: true,
      removalPolicy: props.removalPolicy ?? RemovalPolicy.DESTROY,
    });
    this.alarmTopic = new sns.Topic(this, 'AlarmTopic', { displayName: `CommHub alarms (${stack.stackName})`, masterKey: this.key, enforceSSL: true });
    this.allowCloudWatchAlarms(stack);
    if (props.alarmEmail) this.alarmTopic.addSubscription(new subscriptions.EmailSubscription(props.alarmEmail));
    this.action = new actions.SnsAction(this.alarmTopic);
    this.alarmScope = new Construct(this, 'Alarms');

    this.monitored = monitoredResources(stack);
    for (const { label, fn } of this.monitored.functions) {
      const reserved = (fn.node.defaultChild as lambda.CfnFunction).reservedConcurrentExecutions !== undefined;
      if (reserved) {
        this.alarm(`${label} Lambda errors`, fn.metricErrors(), ALARM_POLICY.lambdaErrors, 'Unhandled errors; see the function log group for the stack traces.');
        this.alarm(`${label} Lambda throttles`, fn.metricThrottles(), ALARM_POLICY.reservedLambdaThrottles, 'Throttled for 15 minutes on end: its reserved concurrency (stage config) is too small for the load.');
      } else {
        this.alarm(
          `${label} Lambda errors or throttles`,
          eitherOverThreshold({ errors: [fn.metricErrors(), ALARM_POLICY.lambdaErrors], throttles: [fn.metricThrottles(), ALARM_POLICY.lambdaThrottles] }),
          EITHER_OVER_THRESHOLD,
          `Value = the larger of errors / ${ALARM_POLICY.lambdaErrors.threshold} and throttles / ${ALARM_POLICY.lambdaThrottles.threshold} in 5 minutes: errors, see the function log group for the stack traces; throttles, the account concurrency is exhausted.`,
        );
      }
    }
    const serviceAlarmsFrom = this.alarms.length;
    for (const { label, queue } of this.monitored.deadLetterQueues) {
      this.alarm(`${label} dead letters`, queue.metricApproximateNumberOfMessagesVisible({ statistic: 'Maximum' }), ALARM_POLICY.deadLetterDepth, 'Events wait for a replay: see "Operations" in the README.');
    }
    for (const { label, machine } of this.monitored.stateMachines) {
      const period = ALARM_POLICY.workflowFailures.period;
      this.alarm(
        `${label} executions failed, timed out or aborted`,
        new cloudwatch.MathExpression({
          expression: 'FILL(failed, 0) + FILL(timedOut, 0) + FILL(aborted, 0)',
          usingMetrics: { failed: machine.metricFailed({ period }), timedOut: machine.metricTimedOut({ period }), aborted: machine.metricAborted({ period }) },
          label: 'executions failed + timed out + aborted',
          period,
        }),
        ALARM_POLICY.workflowFailures,
        'Open the execution (Standard) or the state machine log group (Express); the metric names which of the three it was.',
      );
    }
    this.apiAlarms(props.api);
    this.customMetricAlarms(hubServiceName(props.stage));
    this.dashboard = operationsDashboard(this, { api: props.api, monitored: this.monitored, serviceAlarms: this.alarms.slice(serviceAlarmsFrom), service: hubServiceName(props.stage) });
  }

  /** One alarm with its rule, named `<stack> <what>`, notifying the topic on ALARM and OK. */
  private alarm(what: string, metric: cloudwatch.IMetric, rule: AlarmRule, runbook: string): cloudwatch.Alarm {
    const alarm = new cloudwatch.Alarm(this.alarmScope, what.replace(/[^A-Za-z0-9]/g, ''), {
      alarmName: `${Stack.of(this).stackName} ${what}`,
      alarmDescription: `${what}: ${describeRule(rule)}. ${runbook}`,
      metric: metric instanceof cloudwatch.Metric ? metric.with({ period: rule.period }) : metric,
      threshold: rule.threshold,
      comparisonOperator: rule.comparisonOperator,
      evaluationPeriods: rule.evaluationPeriods,
      datapointsToAlarm: rule.datapointsToAlarm,
      treatMissingData: rule.treatMissingData,
    });
    alarm.addAlarmAction(this.action);
    alarm.addOkAction(this.action);
    this.alarms.push(alarm);
    return alarm;
  }

  private apiAlarms(api: apigwv2.IHttpApi): void {
    const period = ALARM_POLICY.api5xxRate.period;
    // Count is 1 per request: its Sum is the number of requests.
    const requests = api.metricCount({ period, statistic: 'Sum' });
    const serverErrors = api.metricServerError({ period });
    this.alarm(
      'API 5xx rate',
      new cloudwatch.MathExpression({
        expression: `IF(requests >= ${API_ALARM_MINIMUM_REQUESTS}, 100 * FILL(serverErrors, 0) / requests, 0)`,
        usingMetrics: { requests, serverErrors },
        label: '5xx % of requests',
        period,
      }),
      ALARM_POLICY.api5xxRate,
      `Percent of requests answered 5xx (judged from ${API_ALARM_MINIMUM_REQUESTS} requests per period); see the API access log group and the route functions' errors.`,
    );
    this.alarm(
      'API latency p99',
      new cloudwatch.MathExpression({
        expression: `IF(requests >= ${API_ALARM_MINIMUM_REQUESTS}, latency, 0)`,
        usingMetrics: { requests, latency: api.metricLatency({ period, statistic: 'p99' }) },
        label: 'p99 latency (ms)',
        period,
      }),
      ALARM_POLICY.apiLatencyP99,
      'Milliseconds; compare integrationLatencyMs in the access log with the route functions\' durations.',
    );
  }

  /**
   * Alarms on the hub's own metrics. Each is watched as its total: the series with the `service`
   * dimension alone, which the functions publish beside the per-channel / per-agent series.
   */
  private customMetricAlarms(service: string): void {
    const total = (metricName: string, rule: AlarmRule) => hubMetric(metricName, service, { period: rule.period });
    const { analysisFailed, signaturesRejected, modelFallbacks, auditWriteFailed } = ALARM_POLICY;
    this.alarm('audit entries not written', total(HUB_METRICS.auditWriteFailed, auditWriteFailed), auditWriteFailed, 'Changes were made but not audited: find "audit entry not written" in the logs (the entry is there) and check DynamoDB errors and throttling.');
    this.alarm('records analysis failed', total(HUB_METRICS.analysisFailed, analysisFailed), analysisFailed, 'Replay them with POST /v1/admin/replays (select "failed") once the cause is fixed.');
    this.alarm('webhook signatures rejected', total(HUB_METRICS.signaturesRejected, signaturesRejected), signaturesRejected, 'See the dashboard for the channel, and the tenant settings secret for that vendor\'s secret.');
    this.alarm('model fallbacks', total(HUB_METRICS.modelFallbacks, modelFallbacks), modelFallbacks, 'Bedrock answers were replaced by the local analyzer: check model access, quotas and throttling.');
  }

  /**
   * CloudWatch publishes alarm notifications as cloudwatch.amazonaws.com: the topic policy (which
   * replaces SNS's default once enforceSSL adds one) and the key policy must let it, for this account's
   * alarms only (SNS developer guide, "Enable compatibility between event sources from AWS services and
   * encrypted topics").
   */
  private allowCloudWatchAlarms(stack: Stack): void {
    const principal = new iam.ServicePrincipal('cloudwatch.amazonaws.com');
    const conditions = { StringEquals: { 'aws:SourceAccount': stack.account } };
    this.alarmTopic.addToResourcePolicy(new iam.PolicyStatement({ sid: 'AllowCloudWatchAlarms', principals: [principal], actions: ['sns:Publish'], resources: [this.alarmTopic.topicArn], conditions }));
    this.key.addToResourcePolicy(new iam.PolicyStatement({ sid: 'AllowCloudWatchAlarms', principals: [principal], actions: ['kms:Decrypt', 'kms:GenerateDataKey*'], resources: ['*'], conditions }));
  }
}

/** Every Lambda function, dead-letter queue and state machine in `scope`, labelled by construct path. */
export function monitoredResources(scope: IConstruct): MonitoredResources {
  const stackPath = Stack.of(scope).node.path;
  const label = (construct: IConstruct) =>
    construct.node.path
      .slice(stackPath.length + 1)
      .replace(/\/(Function|Queue|Resource)$/, '');
  const all = scope.node.findAll();
  return {
    functions: all.filter((c): c is lambda.Function => c instanceof lambda.Function).map((fn) => ({ label: label(fn), fn })),
    // A queue with no dead-letter queue of its own is one (cdk-nag AwsSolutions-SQS3 requires work queues to have one).
    deadLetterQueues: all.filter((c): c is sqs.Queue => c instanceof sqs.Queue && c.deadLetterQueue === undefined).map((queue) => ({ label: label(queue), queue })),
    stateMachines: all.filter((c): c is sfn.StateMachine => c instanceof sfn.StateMachine).map((machine) => ({ label: label(machine), machine })),
  };
}

/**
 * One alarm for two rules of the same period and evaluation (a function's errors and throttles): the
 * value is the larger of each metric divided by its own threshold, so it reaches 1 exactly when either
 * rule would fire. One alarm instead of two per function keeps the stack well inside CloudFormation's
 * 500 resources (there are about 50 functions), and the notification names both causes.
 */
function eitherOverThreshold(rules: Record<string, [cloudwatch.IMetric, AlarmRule]>): cloudwatch.MathExpression {
  const entries = Object.entries(rules);
  const [first] = entries;
  if (!first) throw new Error('eitherOverThreshold needs at least one rule');
  const { period, comparisonOperator } = first[1][1];
  for (const [name, [, rule]] of entries) {
    if (rule.period.toSeconds() !== period.toSeconds() || rule.evaluationPeriods !== 1 || rule.datapointsToAlarm !== 1 || rule.comparisonOperator !== comparisonOperator) {
      throw new Error(`rule "${name}" cannot share an alarm: the rules must have one period, one operator and a single evaluation period`);
    }
  }
  return new cloudwatch.MathExpression({
    expression: `MAX([${entries.map(([name, [, rule]]) => `FILL(${name}, 0) / ${rule.threshold}`).join(', ')}])`,
    usingMetrics: Object.fromEntries(entries.map(([name, [metric]]) => [name, metric instanceof cloudwatch.Metric ? metric.with({ period }) : metric])),
    label: `largest of ${entries.map(([name]) => `${name} / threshold`).join(', ')}`,
    period,
  });
}

/** The rule of an {@link eitherOverThreshold} alarm: the ratio reaches 1 (the comparisons are all ">="). */
const EITHER_OVER_THRESHOLD: AlarmRule = { ...ALARM_POLICY.lambdaErrors, threshold: 1 };

function describeRule(rule: AlarmRule): string {
  const operator = rule.comparisonOperator === cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD ? '>' : '>=';
  const window = `${rule.datapointsToAlarm} of ${rule.evaluationPeriods} period(s) of ${rule.period.toMinutes()} min`;
  return `${operator} ${rule.threshold} in ${window}`;
}
