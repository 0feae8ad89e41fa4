import { type CfnElement, Stack } from 'aws-cdk-lib';
import { Match, type Template } from 'aws-cdk-lib/assertions';
import type { IConstruct } from 'constructs';
import { beforeAll, describe, expect, it } from 'vitest';
import { ENV } from '../../functions/config/runtime-config.js';
import type { CommHubStack } from '../../lib/commhub-stack.js';
import { OBSERVABILITY_ENVIRONMENT, TABLE_ACTIONS } from '../../lib/hub-function.js';
import { BUILD_TIMEOUT_MS, logicalIdOf, synthCommHub } from './synth-commhub.js';

const INSTANCE = 'arn:aws:connect:ap-southeast-1:123456789012:instance/12345678-90ab-cdef-1234-567890abcdef';
type Statement = { Effect: string; Action: string | string[]; Resource: unknown };
const actionsOf = (statement: Statement) => [statement.Action].flat();

describe('ConnectEvents', () => {
  let stack: CommHubStack;
  let template: Template;
  const idOf = (construct: IConstruct) => Stack.of(construct).getLogicalId(construct.node.defaultChild as CfnElement);
  const functionId = () => idOf(stack.connectEvents.function.function);
  const queueId = () => idOf(stack.connectEvents.deadLetterQueue.queue);
  const functionStatements = (): Statement[] => {
    const policy = stack.connectEvents.function.role.node.findChild('DefaultPolicy');
    return template.toJSON().Resources[idOf(policy)].Properties.PolicyDocument.Statement;
  };

  beforeAll(() => {
    ({ stack, template } = synthCommHub({ context: { stage: 'dev' } }));
  }, BUILD_TIMEOUT_MS);

  it('matches every Amazon Connect contact event on the default bus when no instance is configured', () => {
    // Prepare
    const pattern = { source: ['aws.connect'], 'detail-type': ['Amazon Connect Contact Event'] };

    // Act
    const rules = Object.values(template.findResources('AWS::Events::Rule')).filter((rule) => rule.Properties.EventPattern.source?.[0] === 'aws.connect');

    // Assess
    expect(rules).toHaveLength(1);
    expect(rules[0]?.Properties.EventPattern).toEqual(pattern);
    expect(rules[0]?.Properties.EventBusName).toBeUndefined();
    expect(rules[0]?.Properties.State).toBe('ENABLED');
  });

  it('restricts the pattern to the configured instances', { timeout: BUILD_TIMEOUT_MS }, () => {
    // Prepare
    const context = { stage: 'dev', connectInstanceArns: [INSTANCE] };

    // Act
    const restricted = synthCommHub({ context }).template;

    // Assess
    restricted.hasResourceProperties('AWS::Events::Rule', {
      EventPattern: { source: ['aws.connect'], 'detail-type': ['Amazon Connect Contact Event'], detail: { instanceArn: [INSTANCE] } },
    });
  });

  it('targets the function with 4 retries within 2 hours and a dead-letter queue', () => {
    // Prepare
    const target = {
      Arn: { 'Fn::GetAtt': [functionId(), 'Arn'] },
      DeadLetterConfig: { Arn: { 'Fn::GetAtt': [queueId(), 'Arn'] } },
      RetryPolicy: { MaximumRetryAttempts: 4, MaximumEventAgeInSeconds: 7200 },
    };

    // Act
    const rule = { Targets: [Match.objectLike(target)] };

    // Assess
    template.hasResourceProperties('AWS::Events::Rule', rule);
  });

  it('lets only this rule invoke the function and send to the queue', () => {
    // Prepare
    const rule = logicalIdOf(template, 'AWS::Events::Rule', 'ConnectEvents');
    const fromRule = { 'aws:SourceArn': { 'Fn::GetAtt': [rule, 'Arn'] } };

    // Act
    const sendStatement = {
      Effect: 'Allow',
      Principal: { Service: 'events.amazonaws.com' },
      Action: 'sqs:SendMessage',
      Condition: { ArnEquals: fromRule },
    };

    // Assess
    template.hasResourceProperties('AWS::Lambda::Permission', {
      Principal: 'events.amazonaws.com',
      FunctionName: { 'Fn::GetAtt': [functionId(), 'Arn'] },
      SourceArn: fromRule['aws:SourceArn'],
    });
    template.hasResourceProperties('AWS::SQS::QueuePolicy', {
      Queues: [{ Ref: queueId() }],
      PolicyDocument: { Statement: Match.arrayWith([Match.objectLike(sendStatement)]) },
    });
  });

  it("lets EventBridge encrypt dead letters with the data key for this rule's ARN only", () => {
    // Prepare
    const ruleName = Object.values(template.findResources('AWS::Events::Rule')).find((rule) => rule.Properties.EventPattern.source?.[0] === 'aws.connect')?.Properties
      .Name as string;

    // Act
    const statement = {
      Effect: 'Allow',
      Principal: { Service: 'events.amazonaws.com' },
      Action: ['kms:Decrypt', 'kms:GenerateDataKey'],
      Condition: {
        StringEquals: { 'aws:SourceAccount': '123456789012' },
        ArnEquals: { 'aws:SourceArn': `arn:aws:events:ap-southeast-1:123456789012:rule/${ruleName}` },
      },
    };

    // Assess
    expect(ruleName).toMatch(/^[\w.-]{1,64}$/);
    template.hasResourceProperties('AWS::KMS::Key', { KeyPolicy: { Statement: Match.arrayWith([Match.objectLike(statement)]) } });
  });

  it('dead-letters what the function fails on after Lambda retries it (EventBridge invokes asynchronously)', () => {
    // Prepare
    const keyId = logicalIdOf(template, 'AWS::KMS::Key', 'StorageKey');

    // Act
    const fn = template.toJSON().Resources[functionId()].Properties;
    const queue = template.toJSON().Resources[queueId()].Properties;

    // Assess
    expect(fn.DeadLetterConfig).toEqual({ TargetArn: { 'Fn::GetAtt': [queueId(), 'Arn'] } });
    template.hasResourceProperties('AWS::Lambda::EventInvokeConfig', { FunctionName: { Ref: functionId() }, MaximumRetryAttempts: 2 });
    expect(queue).toMatchObject({ KmsMasterKeyId: { 'Fn::GetAtt': [keyId, 'Arn'] }, MessageRetentionPeriod: 1_209_600 });
  });

  it('grants table read-write, raw payload puts under raw/, blobs and tenant settings — and no raw archive reads', () => {
    // Prepare
    const rawArchive = logicalIdOf(template, 'AWS::S3::Bucket', 'StorageRawArchive');
    const statements = functionStatements();

    // Act
    const onRawArchive = statements.filter((statement) => JSON.stringify(statement.Resource).includes(rawArchive));
    const variables = template.toJSON().Resources[functionId()].Properties.Environment.Variables;

    // Assess
    expect(statements.flatMap(actionsOf).filter((action) => action.startsWith('dynamodb:')).sort()).toEqual([...TABLE_ACTIONS.readWrite].sort());
    expect(onRawArchive).toEqual([
      expect.objectContaining({ Resource: { 'Fn::Join': ['', [{ 'Fn::GetAtt': [rawArchive, 'Arn'] }, '/raw/*']] } }),
    ]);
    expect(actionsOf(onRawArchive[0] as Statement).filter((action) => !action.startsWith('s3:Put') && action !== 's3:Abort*')).toEqual([]);
    expect(Object.keys(variables).sort()).toEqual(
      [...Object.keys(OBSERVABILITY_ENVIRONMENT), ENV.stage, ENV.tableName, ENV.rawArchiveBucket, ENV.blobBucket, ENV.tenantsSecretArn].sort(),
    );
    expect(variables[ENV.tenantsSecretArn]).toEqual({ Ref: logicalIdOf(template, 'AWS::SecretsManager::Secret', 'StorageTenantSettings') });
  });
});
