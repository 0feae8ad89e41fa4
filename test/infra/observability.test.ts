import type { CfnElement } from 'aws-cdk-lib';
import { Match, type Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { HUB_METRICS } from '../../functions/config/hub-metrics.js';
import { ALARM_POLICY, API_ALARM_MINIMUM_REQUESTS } from '../../lib/alarm-policy.js';
import type { CommHubStack } from '../../lib/commhub-stack.js';
import { BUILD_TIMEOUT_MS, isCdkProvidedFunction, logicalIdOf, synthCommHub } from './synth-commhub.js';

type Properties = Record<string, any>;

describe('Observability', () => {
  let stack: CommHubStack;
  let template: Template;
  let topicId: string;
  const alarms = (t = template) => Object.values(t.findResources('AWS::CloudWatch::Alarm')).map((alarm) => alarm.Properties as Properties);
  /** The metrics an alarm watches: its own, or each metric of its metric-math expression. */
  const watchedMetrics = (alarm: Properties): Properties[] =>
    alarm.MetricName ? [alarm] : ((alarm.Metrics ?? []) as Properties[]).flatMap((m) => (m.MetricStat ? [{ ...m.MetricStat.Metric, Statistic: m.MetricStat.Stat, Period: m.MetricStat.Period }] : []));
  /** Alarms watching `metricName` with a dimension `dimension` naming the resource `id` (directly or within an expression). */
  const watching = (dimension: string, id: string, metricName: string) =>
    alarms().filter((alarm) =>
      watchedMetrics(alarm).some((metric) => metric.MetricName === metricName && metric.Dimensions?.some((d: Properties) => d.Name === dimension && JSON.stringify(d.Value).includes(`"${id}"`))),
    );

  beforeAll(() => {
    ({ stack, template } = synthCommHub({ context: { stage: 'dev', inboundEmailDomain: 'mail.example.com', alarmEmail: 'ops@example.com' } }));
    topicId = logicalIdOf(template, 'AWS::SNS::Topic', 'ObservabilityAlarmTopic');
  }, BUILD_TIMEOUT_MS);

  it('gives every Lambda function an errors and a throttles alarm', () => {
    // Prepare
    const functionIds = Object.keys(template.findResources('AWS::Lambda::Function'));

    // Act
    const missing = functionIds.flatMap((id) => [
      ...(watching('FunctionName', id, 'Errors').length === 1 ? [] : [`${id} Errors`]),
      ...(watching('FunctionName', id, 'Throttles').length === 1 ? [] : [`${id} Throttles`]),
    ]);

    // Assess
    expect(functionIds.length).toBeGreaterThan(30);
    expect(missing).toEqual([]);
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      MetricName: 'Errors',
      Namespace: 'AWS/Lambda',
      Statistic: 'Sum',
      Period: 300,
      Threshold: ALARM_POLICY.lambdaErrors.threshold,
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
      EvaluationPeriods: 1,
      TreatMissingData: 'notBreaching',
    });
  });

  it('lets reserved functions throttle for 15 minutes before alarming, and no others', () => {
    // Prepare
    const idOf = (fn: { node: { defaultChild?: unknown } }) => stack.resolve((fn.node.defaultChild as CfnElement).logicalId) as string;
    const reserved = idOf(stack.recordWorkflow.steps.AnalyzeRecord.function);
    const unreserved = idOf(stack.recordWorkflow.steps.MarkAnalysisFailed.function);

    // Act
    const [reservedAlarm] = watching('FunctionName', reserved, 'Throttles');
    const [unreservedAlarm] = watching('FunctionName', unreserved, 'Throttles');

    // Assess: a reserved function's throttles have an alarm of their own; an unreserved one's share
    // one with its errors, firing when either reaches its threshold (errors ≥ 5 or throttles ≥ 1 in 5 minutes)
    expect(reservedAlarm).toMatchObject({ MetricName: 'Throttles', EvaluationPeriods: 3, DatapointsToAlarm: 3, Threshold: 1 });
    expect(unreservedAlarm).toMatchObject({ EvaluationPeriods: 1, DatapointsToAlarm: 1, Threshold: 1, ComparisonOperator: 'GreaterThanOrEqualToThreshold' });
    const expression = (unreservedAlarm!.Metrics as Properties[]).find((m) => m.Expression)!.Expression;
    expect(expression).toBe(`MAX([FILL(errors, 0) / ${ALARM_POLICY.lambdaErrors.threshold}, FILL(throttles, 0) / ${ALARM_POLICY.lambdaThrottles.threshold}])`);
    expect(watching('FunctionName', unreserved, 'Errors')).toEqual([unreservedAlarm]);
    expect(watchedMetrics(unreservedAlarm!).map((m) => [m.MetricName, m.Statistic, m.Period])).toEqual([['Errors', 'Sum', 300], ['Throttles', 'Sum', 300]]);
  });

  it('alarms on any message in any dead-letter queue', () => {
    // Prepare
    const queueIds = Object.keys(template.findResources('AWS::SQS::Queue'));

    // Act
    const depthAlarms = queueIds.map((id) => watching('QueueName', id, 'ApproximateNumberOfMessagesVisible'));

    // Assess
    expect(queueIds.length).toBeGreaterThanOrEqual(4);
    for (const [index, found] of depthAlarms.entries()) {
      expect(found, queueIds[index]).toEqual([
        expect.objectContaining({ Statistic: 'Maximum', Threshold: 0, ComparisonOperator: 'GreaterThanThreshold', TreatMissingData: 'notBreaching', Period: 300 }),
      ]);
    }
  });

  it('alarms on failed, timed-out and aborted executions of every state machine', () => {
    // Prepare
    const machineIds = Object.keys(template.findResources('AWS::StepFunctions::StateMachine'));

    // Act
    const found = machineIds.flatMap((id) =>
      ['ExecutionsFailed', 'ExecutionsTimedOut', 'ExecutionsAborted'].map((metric) => [id, metric, watching('StateMachineArn', id, metric)] as const),
    );

    // Assess
    expect(machineIds).toHaveLength(3);
    for (const [id, metric, matches] of found) {
      // One alarm per machine on the sum of the three: any of them > 0 fires it.
      expect(matches, `${id} ${metric}`).toEqual([expect.objectContaining({ Threshold: 0, ComparisonOperator: 'GreaterThanThreshold', EvaluationPeriods: 1 })]);
      expect(watchedMetrics(matches[0]!).find((m) => m.MetricName === metric)?.Statistic, `${id} ${metric}`).toBe('Sum');
      expect((matches[0]!.Metrics as Properties[]).find((m) => m.Expression)?.Expression).toBe('FILL(failed, 0) + FILL(timedOut, 0) + FILL(aborted, 0)');
    }
  });

  it('alarms on the API 5xx rate above 1% and p99 latency above 3 s, judged from a minimum of requests', () => {
    // Prepare
    const byName = (name: string) => alarms().find((alarm) => alarm.AlarmName === `CommHub-dev ${name}`);

    // Act
    const rate = byName('API 5xx rate');
    const latency = byName('API latency p99');

    // Assess
    expect(rate).toMatchObject({ Threshold: 1, ComparisonOperator: 'GreaterThanThreshold', EvaluationPeriods: 1, TreatMissingData: 'notBreaching' });
    expect(rate!.Metrics[0].Expression).toBe(`IF(requests >= ${API_ALARM_MINIMUM_REQUESTS}, 100 * FILL(serverErrors, 0) / requests, 0)`);
    expect(rate!.Metrics.map((m: Properties) => m.MetricStat?.Metric.MetricName).filter(Boolean).sort()).toEqual(['5xx', 'Count']);
    expect(rate!.Metrics.filter((m: Properties) => m.MetricStat).map((m: Properties) => [m.MetricStat.Stat, m.MetricStat.Period])).toEqual([['Sum', 300], ['Sum', 300]]);
    expect(latency).toMatchObject({ Threshold: 3000, ComparisonOperator: 'GreaterThanThreshold', EvaluationPeriods: 3, DatapointsToAlarm: 3 });
    expect(latency!.Metrics.find((m: Properties) => m.Id === 'latency').MetricStat).toMatchObject({ Stat: 'p99', Period: 300, Metric: { MetricName: 'Latency' } });
  });

  it('alarms on failed analyses, a burst of rejected signatures and model fallbacks, watching each total (the stage\'s service dimension alone)', () => {
    // Prepare: the functions publish as service "commhub-<stage>", so another stage's counts never reach these alarms
    const totalOf = (metricName: string) =>
      alarms().find((alarm) => alarm.Namespace === 'CommHub' && alarm.MetricName === metricName && JSON.stringify(alarm.Dimensions) === JSON.stringify([{ Name: 'service', Value: 'commhub-dev' }]));
    const serviceNames = new Set(
      Object.entries(template.findResources('AWS::Lambda::Function'))
        .filter(([id]) => !isCdkProvidedFunction(id))
        .map(([, fn]) => fn.Properties.Environment?.Variables?.POWERTOOLS_SERVICE_NAME),
    );
    expect([...serviceNames]).toEqual(['commhub-dev']);

    // Act
    const [analysisFailed, signaturesRejected, modelFallbacks] = [HUB_METRICS.analysisFailed, HUB_METRICS.signaturesRejected, HUB_METRICS.modelFallbacks].map(totalOf);

    // Assess
    expect(analysisFailed).toMatchObject({ Statistic: 'Sum', Period: 300, Threshold: 1, ComparisonOperator: 'GreaterThanOrEqualToThreshold', TreatMissingData: 'notBreaching' });
    expect(signaturesRejected).toMatchObject({ Statistic: 'Sum', Period: 300, Threshold: ALARM_POLICY.signaturesRejected.threshold });
    expect(modelFallbacks).toMatchObject({ Statistic: 'Sum', Period: 900, Threshold: ALARM_POLICY.modelFallbacks.threshold });
  });

  it('sends every alarm and its recovery to the alarm topic, with a description and a deliberate missing-data rule', () => {
    // Prepare
    const all = alarms();

    // Act
    const incomplete = all.filter(
      (alarm) =>
        JSON.stringify(alarm.AlarmActions) !== JSON.stringify([{ Ref: topicId }]) ||
        JSON.stringify(alarm.OKActions) !== JSON.stringify([{ Ref: topicId }]) ||
        !alarm.AlarmDescription ||
        !alarm.TreatMissingData,
    );

    // Assess
    expect(all.length).toBeGreaterThan(50);
    expect(incomplete.map((alarm) => alarm.AlarmName)).toEqual([]);
    expect(new Set(all.map((alarm) => alarm.AlarmName)).size).toBe(all.length);
  });

  it('encrypts the alarm topic with its own rotating key that CloudWatch may use, and refuses publishing without TLS', () => {
    // Prepare
    const keyId = logicalIdOf(template, 'AWS::KMS::Key', 'ObservabilityAlarmTopicKey');
    const cloudWatch = { Service: 'cloudwatch.amazonaws.com' };

    // Assess
    template.hasResourceProperties('AWS::SNS::Topic', { KmsMasterKeyId: { 'Fn::GetAtt': [keyId, 'Arn'] } });
    template.hasResourceProperties('AWS::KMS::Key', {
      EnableKeyRotation: true,
      KeyPolicy: {
        Statement: Match.arrayWith([
          Match.objectLike({ Principal: cloudWatch, Action: ['kms:Decrypt', 'kms:GenerateDataKey*'], Condition: { StringEquals: { 'aws:SourceAccount': '123456789012' } } }),
        ]),
      },
    });
    template.hasResourceProperties('AWS::SNS::TopicPolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: 'Deny', Action: 'sns:Publish', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
          Match.objectLike({ Effect: 'Allow', Principal: cloudWatch, Action: 'sns:Publish', Condition: { StringEquals: { 'aws:SourceAccount': '123456789012' } } }),
        ]),
      },
    });
  });

  it('subscribes the alarm email from the stage config, and nothing without one', { timeout: BUILD_TIMEOUT_MS }, () => {
    // Prepare
    const withoutEmail = synthCommHub({ context: { stage: 'dev' } }).template;

    // Assess
    template.hasResourceProperties('AWS::SNS::Subscription', { Protocol: 'email', Endpoint: 'ops@example.com', TopicArn: { Ref: topicId } });
    withoutEmail.resourceCountIs('AWS::SNS::Subscription', 0);
    expect(withoutEmail.toJSON().Outputs.AlarmTopicArn.Description).toMatch(/aws sns subscribe/);
  });

  it('builds a dashboard named after the stack that graphs the API, ingestion, workflows, the model, functions and dead letters', () => {
    // Prepare
    const [dashboard] = Object.values(template.findResources('AWS::CloudWatch::Dashboard'));

    // Act
    const parts = dashboard!.Properties.DashboardBody['Fn::Join'][1] as unknown[];
    const body = parts.map((part) => (typeof part === 'string' ? part : '<token>')).join('');

    // Assess
    expect(dashboard!.Properties.DashboardName).toBe('CommHub-dev');
    for (const metric of [...Object.values(HUB_METRICS), 'AWS/ApiGateway', '5xx', 'Latency', 'ExecutionsFailed', 'Throttles', 'ApproximateNumberOfMessagesVisible']) {
      expect(body, metric).toContain(metric);
    }
    // Per channel and per agent by a SEARCH on exactly that dimension and service, so the total is not drawn twice.
    expect(body).toContain(`SEARCH('{CommHub,channel,service} MetricName=\\"RecordsIngested\\"`);
    expect(body).toContain(`SEARCH('{CommHub,agent,service} MetricName=\\"ModelFallbacks\\"`);
  });

  it('stays well under the CloudFormation limit of 500 resources per stack', () => {
    expect(Object.keys(template.toJSON().Resources).length).toBeLessThan(450);
  });
});
