import { type CfnElement, Stack } from 'aws-cdk-lib';
import type { Template } from 'aws-cdk-lib/assertions';
import type { IConstruct } from 'constructs';
import { beforeAll, describe, expect, it } from 'vitest';
import { ENV } from '../../functions/config/runtime-config.js';
import { RETENTION_SCHEDULE } from '../../functions/core/schedules/retention-schedule.js';
import type { CommHubStack } from '../../lib/commhub-stack.js';
import { BUILD_TIMEOUT_MS, logicalIdOf, synthCommHub } from './synth-commhub.js';

type Statement = { Effect: string; Action: string | string[]; Resource: unknown; Condition?: unknown };
type Resources = Record<string, { Type: string; Properties: Record<string, unknown> }>;

describe('DataRetention', () => {
  let stack: CommHubStack;
  let template: Template;
  const idOf = (construct: IConstruct) => Stack.of(construct).getLogicalId(construct.node.defaultChild as CfnElement);
  const resources = () => template.toJSON().Resources as Resources;
  const sweeperStatements = (): Statement[] =>
    (resources()[idOf(stack.dataRetention.sweeper.role.node.findChild('DefaultPolicy'))]!.Properties.PolicyDocument as { Statement: Statement[] }).Statement;
  const actions = () => sweeperStatements().flatMap((statement) => [statement.Action].flat());

  beforeAll(() => {
    ({ stack, template } = synthCommHub({ context: { stage: 'dev' } }));
  }, BUILD_TIMEOUT_MS);

  it('invokes the sweeper daily at 03:00 UTC, retrying and dead-lettering undelivered invocations', () => {
    // Prepare
    const sweeperArn = { 'Fn::GetAtt': [idOf(stack.dataRetention.sweeper.function), 'Arn'] };
    const queueArn = { 'Fn::GetAtt': [idOf(stack.dataRetention.deadLetterQueue.queue), 'Arn'] };

    // Act
    const schedules = Object.entries(resources()).filter(([id, r]) => r.Type === 'AWS::Scheduler::Schedule' && id.startsWith('DataRetention'));

    // Assess
    expect(schedules).toHaveLength(1);
    const schedule = schedules[0]![1].Properties;
    expect(schedule).toMatchObject({ ScheduleExpression: RETENTION_SCHEDULE.expression, ScheduleExpressionTimezone: 'Etc/UTC' });
    expect(schedule.Target).toMatchObject({ Arn: sweeperArn, RetryPolicy: { MaximumRetryAttempts: 2, MaximumEventAgeInSeconds: 21_600 }, DeadLetterConfig: { Arn: queueArn } });
  });

  it('runs the sweeper for up to 15 minutes, retried once, then dead-lettered to a KMS-encrypted queue', () => {
    // Act
    const sweeper = resources()[idOf(stack.dataRetention.sweeper.function)]!.Properties;
    const invokeConfigs = Object.values(resources()).filter((r) => r.Type === 'AWS::Lambda::EventInvokeConfig' && JSON.stringify(r.Properties.FunctionName).includes(idOf(stack.dataRetention.sweeper.function)));
    const queue = resources()[idOf(stack.dataRetention.deadLetterQueue.queue)]!.Properties;

    // Assess
    expect(sweeper).toMatchObject({ Timeout: 900, DeadLetterConfig: { TargetArn: { 'Fn::GetAtt': [idOf(stack.dataRetention.deadLetterQueue.queue), 'Arn'] } } });
    expect(invokeConfigs.map((c) => c.Properties.MaximumRetryAttempts)).toEqual([1]);
    expect(queue.KmsMasterKeyId).toEqual({ 'Fn::GetAtt': [logicalIdOf(template, 'AWS::KMS::Key', 'StorageKey'), 'Arn'] });
    const variables = Object.keys((sweeper.Environment as { Variables: Record<string, unknown> }).Variables);
    expect(variables).toEqual(expect.arrayContaining([ENV.tableName, ENV.rawArchiveBucket, ENV.blobBucket, ENV.cursorKeySecretArn, ENV.tenantsSecretArn]));
  });

  it('lets the sweeper delete objects and items and append audit entries, but never write objects, scan or change the buckets', () => {
    // Act
    const granted = actions();

    // Assess
    expect(granted).toEqual(expect.arrayContaining(['s3:DeleteObject', 's3:DeleteObjectVersion', 's3:ListBucketVersions', 'dynamodb:DeleteItem', 'dynamodb:PutItem']));
    for (const forbidden of ['s3:PutObject', 's3:GetObject', 's3:*', 'dynamodb:Scan', 'dynamodb:DeleteTable', 's3:DeleteBucket', 's3:PutBucketPolicy']) expect(granted).not.toContain(forbidden);
    const listing = sweeperStatements().filter((statement) => [statement.Action].flat().includes('s3:ListBucketVersions'));
    expect(listing).toHaveLength(2);
    for (const statement of listing) expect(statement.Condition).toMatchObject({ StringLike: { 's3:prefix': expect.any(Array) } });
  });
});
