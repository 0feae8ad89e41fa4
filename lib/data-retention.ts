import { fileURLToPath } from 'node:url';
import { type CfnResource, Duration, RemovalPolicy, Stack, TimeZone, Validations } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as logs from 'aws-cdk-lib/aws-logs';
import * as scheduler from 'aws-cdk-lib/aws-scheduler';
import * as schedulerTargets from 'aws-cdk-lib/aws-scheduler-targets';
import { Construct } from 'constructs';
import { RETENTION_SCHEDULE } from '../functions/core/schedules/retention-schedule.js';
import { DeadLetterQueue } from './dead-letter-queue.js';
import { HubFunction } from './hub-function.js';
import type { Storage } from './storage.js';

/** Properties of {@link DataRetention}. */
export interface DataRetentionProps {
  /** Where the records and blobs live; the sweeper may delete there (`access.erase`). */
  readonly storage: Storage;
  /** Deployment stage, passed as `COMMHUB_STAGE`. */
  readonly stage: string;
  /**
   * How long the sweeper's logs are kept.
   * @default logs.RetentionDays.ONE_MONTH
   */
  readonly logRetention?: logs.RetentionDays;
  /**
   * @default RemovalPolicy.DESTROY
   */
  readonly removalPolicy?: RemovalPolicy;
}

/**
 * Per-tenant retention on AWS: a daily EventBridge Scheduler schedule (`RETENTION_SCHEDULE`, UTC)
 * invoking the sweeper function (`functions/events/retention-sweep.ts`), which deletes each tenant's
 * records older than its `retentionDays` through the same erasure as a privacy request and appends
 * an audit entry per tenant. Its own function rather than a step of the report dispatcher: only it
 * (and the two DELETE routes) is granted deletes. A run that fails is retried once by Lambda, then
 * kept in a dead-letter queue; undeliverable schedule invocations go there too.
 */
export class DataRetention extends Construct {
  public readonly sweeper: HubFunction;
  public readonly schedule: scheduler.Schedule;
  /** Sweeps that did not run: invocations Scheduler could not deliver, and runs that failed after Lambda's retry. */
  public readonly deadLetterQueue: DeadLetterQueue;

  constructor(scope: Construct, id: string, props: DataRetentionProps) {
    super(scope, id);
    const { storage } = props;
    const removalPolicy = props.removalPolicy ?? RemovalPolicy.DESTROY;
    this.deadLetterQueue = new DeadLetterQueue(this, 'DeadLetters', { encryptionKey: storage.key, removalPolicy });
    this.sweeper = new HubFunction(this, 'Sweeper', {
      entry: fileURLToPath(new URL('../functions/events/retention-sweep.ts', import.meta.url)),
      description: 'Deletes records older than each tenant retentionDays (daily), with an audit entry per tenant.',
      // Reads records, insights and tenant settings; deletes items and objects; audits. No other writes to the buckets.
      access: { table: 'readWrite', rawArchive: 'none', blobs: 'none', cursors: true, tenants: true, erase: true, audit: true },
      storage,
      stage: props.stage,
      // The sweep stops itself after 13 minutes (RUN_BUDGET_MS) and the next day's run continues.
      timeout: Duration.minutes(15),
      memorySize: 512,
      deadLetterQueue: this.deadLetterQueue.queue,
      retryAttempts: 1,
      logRetention: props.logRetention,
      removalPolicy,
    });

    const role = new iam.Role(this, 'SchedulerRole', {
      description: 'EventBridge Scheduler: invokes the CommHub retention sweeper',
      assumedBy: new iam.ServicePrincipal('scheduler.amazonaws.com', { conditions: { StringEquals: { 'aws:SourceAccount': Stack.of(this).account } } }),
    });
    this.sweeper.function.grantInvoke(role);
    // Scheduler sends dead letters with this role (the target adds sqs:SendMessage); the queue is SSE-KMS.
    storage.key.grant(role, 'kms:GenerateDataKey', 'kms:Decrypt');
    Validations.of(role).acknowledge({
      id: `AwsSolutions-IAM5[Resource::<${Stack.of(this).resolve((this.sweeper.function.node.defaultChild as CfnResource).logicalId) as string}.Arn>:*]`,
      reason: 'grantInvoke covers the sweeper function and its versions/aliases (ARN:*); that one function only.',
    });
    this.schedule = new scheduler.Schedule(this, 'Schedule', {
      description: RETENTION_SCHEDULE.description,
      schedule: scheduler.ScheduleExpression.expression(RETENTION_SCHEDULE.expression, TimeZone.of(RETENTION_SCHEDULE.timeZone)),
      target: new schedulerTargets.LambdaInvoke(this.sweeper.function, {
        role,
        retryAttempts: 2,
        maxEventAge: Duration.hours(6),
        deadLetterQueue: this.deadLetterQueue.queue,
        input: scheduler.ScheduleTargetInput.fromObject({ scheduledTime: scheduler.ContextAttribute.scheduledTime }),
      }),
    });
  }
}
