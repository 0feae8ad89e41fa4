import { fileURLToPath } from 'node:url';
import { Duration, Names, RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { DeadLetterQueue } from './dead-letter-queue.js';
import { HubFunction, RAW_PAYLOAD_PREFIX } from './hub-function.js';
import type { Storage } from './storage.js';

const ENTRY = fileURLToPath(new URL('../functions/events/connect-contact-events.ts', import.meta.url));

/** The events Amazon Connect publishes for every contact to the default bus of its region. */
export const CONNECT_CONTACT_EVENT_PATTERN = {
  source: ['aws.connect'],
  detailType: ['Amazon Connect Contact Event'],
} as const;

/** Properties of {@link ConnectEvents}. */
export interface ConnectEventsProps {
  /** Table, buckets and tenant settings the function is granted. */
  readonly storage: Storage;
  /** Deployment stage, passed as `COMMHUB_STAGE`. */
  readonly stage: string;
  /**
   * Only contact events of these Connect instances (ARNs in the stack's region) reach the function.
   * @default - every instance of the account in the region; the handler drops those no tenant lists
   */
  readonly instanceArns?: readonly string[];
  /**
   * How long the function's logs are kept.
   * @default logs.RetentionDays.ONE_MONTH
   */
  readonly logRetention?: logs.RetentionDays;
  /**
   * What happens to the log group and the dead-letter queue when they leave the stack.
   * @default RemovalPolicy.DESTROY
   */
  readonly removalPolicy?: RemovalPolicy;
}

/**
 * Amazon Connect contact events into CommHub: an EventBridge rule on the default bus that sends
 * "Amazon Connect Contact Event"s to the `connect-contact-events` function. One dead-letter queue
 * keeps what fails on either leg: events EventBridge could not deliver (4 retries within 2 hours) and
 * events the function threw on after Lambda's asynchronous retries (EventBridge invokes Lambda
 * asynchronously, so its own retry policy never sees a function error).
 */
export class ConnectEvents extends Construct {
  public readonly rule: events.Rule;
  public readonly function: HubFunction;
  /** Contact events that were not stored (the event is the message body, ready to redrive). */
  public readonly deadLetterQueue: DeadLetterQueue;

  constructor(scope: Construct, id: string, props: ConnectEventsProps) {
    super(scope, id);
    const { storage } = props;
    const removalPolicy = props.removalPolicy ?? RemovalPolicy.DESTROY;
    const instanceArns = props.instanceArns ?? [];

    this.deadLetterQueue = new DeadLetterQueue(this, 'DeadLetters', {
      encryptionKey: storage.key,
      removalPolicy,
    });
    this.function = new HubFunction(this, 'ContactEvents', {
      entry: ENTRY,
      description: 'Ingests Amazon Connect contact events (EventBridge) as phone communications.',
      access: {
        table: 'readWrite',
        rawArchive: 'write',
        rawArchiveWritePrefix: RAW_PAYLOAD_PREFIX,
        blobs: 'readWrite',
        cursors: false,
        tenants: true,
      },
      storage,
      stage: props.stage,
      timeout: Duration.seconds(30),
      deadLetterQueue: this.deadLetterQueue.queue,
      retryAttempts: 2,
      logRetention: props.logRetention,
      removalPolicy,
    });

    // A name known at synth time: the key policy below names the rule's ARN, and a reference to the
    // rule would make the key depend on the rule, which depends (through the function) on the key.
    const ruleName = Names.uniqueResourceName(this, { maxLength: 64, separator: '-' });
    this.rule = new events.Rule(this, 'ContactEventRule', {
      ruleName,
      description: 'Amazon Connect contact events to CommHub',
      eventPattern: {
        source: [...CONNECT_CONTACT_EVENT_PATTERN.source],
        detailType: [...CONNECT_CONTACT_EVENT_PATTERN.detailType],
        ...(instanceArns.length > 0 ? { detail: { instanceArn: [...instanceArns] } } : {}),
      },
      targets: [
        new targets.LambdaFunction(this.function.function, {
          deadLetterQueue: this.deadLetterQueue.queue,
          retryAttempts: 4,
          maxEventAge: Duration.hours(2),
        }),
      ],
    });
    this.allowEventBridgeToEncryptDeadLetters(storage, ruleName);
  }

  /**
   * EventBridge sends undeliverable events to the KMS-encrypted queue as events.amazonaws.com, so the
   * key policy must let it generate data keys — for this rule only (the queue policy, added by the
   * target, is scoped the same way).
   */
  private allowEventBridgeToEncryptDeadLetters(storage: Storage, ruleName: string): void {
    const stack = Stack.of(this);
    storage.key.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: 'AllowConnectEventRuleDeadLetters',
        principals: [new iam.ServicePrincipal('events.amazonaws.com')],
        actions: ['kms:GenerateDataKey', 'kms:Decrypt'],
        resources: ['*'],
        conditions: {
          StringEquals: { 'aws:SourceAccount': stack.account },
          ArnEquals: { 'aws:SourceArn': stack.formatArn({ service: 'events', resource: 'rule', resourceName: ruleName }) },
        },
      }),
    );
  }
}
