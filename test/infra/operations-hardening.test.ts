import { Match, type Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CommHubStack } from '../../lib/commhub-stack.js';
import { DEFAULT_RESERVED_CONCURRENCY } from '../../lib/stage-config.js';
import { BUILD_TIMEOUT_MS, isCdkProvidedFunction, logicalIdOf, synthCommHub } from './synth-commhub.js';

type Resource = { Type: string; Properties: Record<string, any> };

describe('Encryption, log retention, tracing, dead letters and reserved concurrency', () => {
  let stack: CommHubStack;
  let template: Template;
  let dataKey: { 'Fn::GetAtt': [string, 'Arn'] };
  let dataKeyId: string;
  const resources = (type: string, t = template) => Object.entries(t.findResources(type)) as [string, Resource][];
  const idOf = (construct: { node: { defaultChild?: unknown } }) => stack.resolve((construct.node.defaultChild as { logicalId: string }).logicalId) as string;

  beforeAll(() => {
    ({ stack, template } = synthCommHub({ context: { stage: 'dev', inboundEmailDomain: 'mail.example.com', logRetentionDays: 90 } }));
    dataKeyId = logicalIdOf(template, 'AWS::KMS::Key', 'StorageKey');
    dataKey = { 'Fn::GetAtt': [dataKeyId, 'Arn'] };
  }, BUILD_TIMEOUT_MS);

  describe('KMS on every data store', () => {
    it('encrypts the table with the data key', () => {
      template.hasResourceProperties('AWS::DynamoDB::GlobalTable', {
        SSESpecification: { SSEEnabled: true, SSEType: 'KMS' },
        Replicas: [Match.objectLike({ SSESpecification: { KMSMasterKeyId: dataKey } })],
      });
    });

    it('encrypts both data buckets with the data key, and the log buckets and the console files with SSE-S3', () => {
      // Prepare: log delivery (server access logs, CloudFront logs) supports only SSE-S3; CloudFront OAC reads
      // the console's public files without a key policy.
      const sseS3 = ['StorageAccessLogs', 'WebConsoleBucket', 'WebConsoleRequestLogs'];

      // Act
      const byId = Object.fromEntries(resources('AWS::S3::Bucket').map(([id, bucket]) => [id, bucket.Properties.BucketEncryption.ServerSideEncryptionConfiguration[0]]));

      // Assess
      expect(Object.keys(byId)).toHaveLength(5);
      for (const [id, rule] of Object.entries(byId)) {
        if (sseS3.some((prefix) => id.startsWith(prefix))) expect(rule.ServerSideEncryptionByDefault, id).toEqual({ SSEAlgorithm: 'AES256' });
        else expect(rule, id).toMatchObject({ ServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms', KMSMasterKeyID: dataKey }, BucketKeyEnabled: true });
      }
    });

    it('denies every bucket, queue and topic request without TLS', () => {
      const tlsOnly = { Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } };
      for (const type of ['AWS::S3::BucketPolicy', 'AWS::SQS::QueuePolicy', 'AWS::SNS::TopicPolicy']) {
        for (const [id, policy] of resources(type)) {
          expect(policy.Properties.PolicyDocument.Statement, id).toEqual(expect.arrayContaining([expect.objectContaining(tlsOnly)]));
        }
      }
      expect(resources('AWS::SQS::QueuePolicy')).toHaveLength(resources('AWS::SQS::Queue').length);
    });

    it('encrypts every queue, every secret and every log group with the data key', () => {
      for (const [id, queue] of resources('AWS::SQS::Queue')) expect(queue.Properties.KmsMasterKeyId, id).toEqual(dataKey);
      for (const [id, secret] of resources('AWS::SecretsManager::Secret')) expect(secret.Properties.KmsKeyId, id).toEqual(dataKey);
      for (const [id, logGroup] of resources('AWS::Logs::LogGroup')) expect(logGroup.Properties.KmsKeyId, id).toEqual(dataKey);
    });

    it('lets CloudWatch Logs use the data key for this account\'s log groups only', () => {
      template.hasResourceProperties('AWS::KMS::Key', {
        KeyPolicy: {
          Statement: Match.arrayWith([
            Match.objectLike({
              Principal: { Service: { 'Fn::Join': ['', ['logs.ap-southeast-1.', { Ref: 'AWS::URLSuffix' }]] } },
              Condition: { ArnLike: { 'kms:EncryptionContext:aws:logs:arn': Match.stringLikeRegexp(':123456789012:log-group:\\*$') } },
            }),
          ]),
        },
      });
    });

    it('lets EventBridge (per rule) and SES (per rule set) use the data key for their dead letters and the mail they store', () => {
      // Act
      const statements = Object.values(template.findResources('AWS::KMS::Key'))
        .flatMap((key) => key.Properties.KeyPolicy.Statement as Record<string, any>[])
        .filter((statement) => statement.Principal?.Service === 'events.amazonaws.com' || statement.Principal?.Service === 'ses.amazonaws.com');

      // Assess
      expect(statements.map((statement) => statement.Sid).sort()).toEqual(['AllowConnectEventRuleDeadLetters', 'AllowSesInboundMailIntoRawArchive', 'AllowTranscriptionRuleDeadLetters']);
      for (const statement of statements) expect(statement.Condition.StringEquals['aws:SourceAccount']).toBe('123456789012');
    });
  });

  it('keeps every log group for the configured logRetentionDays', () => {
    // Act
    const retention = resources('AWS::Logs::LogGroup').map(([id, group]) => [id, group.Properties.RetentionInDays]);

    // Assess
    expect(retention.length).toBeGreaterThan(40);
    expect(retention.filter(([, days]) => days !== 90)).toEqual([]);
  });

  it('gives every function its own log group and active tracing, and every state machine tracing and a log group', () => {
    for (const [id, fn] of resources('AWS::Lambda::Function')) {
      // CDK's bucket-deployment handler offers no tracing; it runs only during deploys.
      if (!isCdkProvidedFunction(id)) expect(fn.Properties.TracingConfig, id).toEqual({ Mode: 'Active' });
      expect(fn.Properties.LoggingConfig?.LogGroup, id).toEqual({ Ref: expect.stringMatching(/Logs/) });
    }
    for (const [id, machine] of resources('AWS::StepFunctions::StateMachine')) {
      expect(machine.Properties.TracingConfiguration, id).toEqual({ Enabled: true });
      expect(machine.Properties.LoggingConfiguration.Destinations, id).toHaveLength(1);
    }
  });

  describe('a dead-letter queue on every asynchronous target', () => {
    it('gives every EventBridge rule target a dead-letter queue and a retry policy', () => {
      for (const [id, rule] of resources('AWS::Events::Rule')) {
        for (const target of rule.Properties.Targets) {
          expect(target, id).toMatchObject({ DeadLetterConfig: { Arn: { 'Fn::GetAtt': [expect.stringMatching(/DeadLetters/), 'Arn'] } }, RetryPolicy: { MaximumRetryAttempts: expect.any(Number) } });
        }
      }
    });

    it('gives every schedule a dead-letter queue and a retry policy', () => {
      // Act
      const schedules = resources('AWS::Scheduler::Schedule');

      // Assess
      expect(schedules.some(([id]) => id.startsWith('PeriodicReporting'))).toBe(true);
      for (const [id, schedule] of schedules) {
        expect(schedule.Properties.Target, id).toMatchObject({
          DeadLetterConfig: { Arn: { 'Fn::GetAtt': [expect.stringMatching(/DeadLetters/), 'Arn'] } },
          RetryPolicy: { MaximumRetryAttempts: expect.any(Number), MaximumEventAgeInSeconds: expect.any(Number) },
        });
        expect(schedule.Properties.Target.RetryPolicy.MaximumEventAgeInSeconds, id).toBeLessThanOrEqual(6 * 3600);
      }
    });

    it('gives every function invoked asynchronously (rules, schedules, SES) a dead-letter queue and a retry limit', () => {
      // Prepare
      const targetIds = new Set<string>();
      const addTarget = (arn: unknown) => {
        const id = (arn as { 'Fn::GetAtt'?: [string, string] })['Fn::GetAtt']?.[0];
        if (id && template.toJSON().Resources[id].Type === 'AWS::Lambda::Function') targetIds.add(id);
      };
      for (const [, rule] of resources('AWS::Events::Rule')) for (const target of rule.Properties.Targets) addTarget(target.Arn);
      for (const [, schedule] of resources('AWS::Scheduler::Schedule')) addTarget(schedule.Properties.Target.Arn);
      for (const [, rule] of resources('AWS::SES::ReceiptRule')) {
        for (const action of rule.Properties.Rule.Actions) if (action.LambdaAction) addTarget(action.LambdaAction.FunctionArn);
      }
      const invokeConfigs = resources('AWS::Lambda::EventInvokeConfig').map(([, config]) => config.Properties);

      // Assess
      expect([...targetIds]).toEqual(
        expect.arrayContaining(
          [stack.connectEvents.function.function, stack.recordWorkflow.transcriptionCallback.function, stack.periodicReporting.dispatcher.function, stack.inboundEmail!.function.function].map(idOf),
        ),
      );
      for (const id of targetIds) {
        const fn = template.toJSON().Resources[id].Properties;
        expect(fn.DeadLetterConfig, id).toEqual({ TargetArn: { 'Fn::GetAtt': [expect.stringMatching(/DeadLetters/), 'Arn'] } });
        const retries = invokeConfigs.find((config) => config.FunctionName.Ref === id)?.MaximumRetryAttempts;
        expect(retries, id).toBeGreaterThanOrEqual(0);
        expect(retries, id).toBeLessThanOrEqual(2);
      }
    });

    it('sends stream batches that keep failing to a dead-letter queue', () => {
      for (const [id, mapping] of resources('AWS::Lambda::EventSourceMapping')) {
        expect(mapping.Properties.DestinationConfig, id).toEqual({ OnFailure: { Destination: { 'Fn::GetAtt': [expect.stringMatching(/DeadLetters/), 'Arn'] } } });
      }
    });

    it('lets the schedules send their dead letters under the data key', () => {
      // Prepare
      const schedulerRole = logicalIdOf(template, 'AWS::IAM::Role', 'PeriodicReportingSchedulerRole');

      // Assess
      template.hasResourceProperties('AWS::IAM::Policy', {
        Roles: [{ Ref: schedulerRole }],
        PolicyDocument: { Statement: Match.arrayWith([Match.objectLike({ Action: ['kms:Decrypt', 'kms:GenerateDataKey'], Resource: dataKey })]) },
      });
    });
  });

  describe('reserved concurrency for the functions calling a quota-bound service', () => {
    const reservedOf = (t: Template) =>
      Object.fromEntries(resources('AWS::Lambda::Function', t).filter(([, fn]) => fn.Properties.ReservedConcurrentExecutions !== undefined).map(([id, fn]) => [id.replace(/Function[0-9A-F]{8}$/, ''), fn.Properties.ReservedConcurrentExecutions]));

    it('reserves the stage defaults for A10, the Transcribe starter and the periodic agents', () => {
      expect(reservedOf(template)).toEqual({
        RecordWorkflowAnalyzeRecord: DEFAULT_RESERVED_CONCURRENCY.analysis,
        RecordWorkflowStartTranscription: DEFAULT_RESERVED_CONCURRENCY.transcription,
        PeriodicReportingRunCustomerAgent: DEFAULT_RESERVED_CONCURRENCY.report,
        PeriodicReportingWriteReport: DEFAULT_RESERVED_CONCURRENCY.report,
      });
    });

    it('takes the values from the stage config, 0 leaving a function unreserved, and reserves nothing for Bedrock when the model is local', { timeout: BUILD_TIMEOUT_MS }, () => {
      // Act
      const configured = synthCommHub({ context: { analysisConcurrency: 3, transcriptionConcurrency: 0, reportConcurrency: 2 } }).template;
      const local = synthCommHub({ context: { modelId: 'local' } }).template;

      // Assess
      expect(reservedOf(configured)).toEqual({ RecordWorkflowAnalyzeRecord: 3, PeriodicReportingRunCustomerAgent: 2, PeriodicReportingWriteReport: 2 });
      expect(reservedOf(local)).toEqual({ RecordWorkflowStartTranscription: DEFAULT_RESERVED_CONCURRENCY.transcription });
    });
  });
});
