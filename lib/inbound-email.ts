import { fileURLToPath } from 'node:url';
import { Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as logs from 'aws-cdk-lib/aws-logs';
import * as ses from 'aws-cdk-lib/aws-ses';
import * as actions from 'aws-cdk-lib/aws-ses-actions';
import { Construct } from 'constructs';
import { INBOUND_PREFIX } from '../functions/adapters/s3/archive-prefixes.js';
import { DeadLetterQueue } from './dead-letter-queue.js';
import { HubFunction, RAW_PAYLOAD_PREFIX } from './hub-function.js';
import type { Storage } from './storage.js';

const ENTRY = fileURLToPath(new URL('../functions/events/ses-inbound.ts', import.meta.url));

/** Properties of {@link InboundEmail}. */
export interface InboundEmailProps {
  /** Mail to any address of this domain (`mail.example.com`) is received; its MX record points at SES. */
  readonly domain: string;
  /** The raw archive receives the MIME; the function stores records, attachments and large bodies. */
  readonly storage: Storage;
  /** Deployment stage, passed as `COMMHUB_STAGE`. */
  readonly stage: string;
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
 * Email into CommHub: an SES receipt rule set with one rule for `domain` (TLS required, spam and virus
 * scanning on) that stores each message in the raw archive under `INBOUND_PREFIX` and then invokes
 * the `ses-inbound` function asynchronously; events it fails on land in a dead-letter queue.
 *
 * CloudFormation cannot activate a rule set: run `aws ses set-active-receipt-rule-set` once after the
 * first deploy (the stack outputs the command).
 */
export class InboundEmail extends Construct {
  /** The domain whose mail the rule receives. */
  public readonly domain: string;
  public readonly ruleSet: ses.ReceiptRuleSet;
  public readonly rule: ses.ReceiptRule;
  public readonly function: HubFunction;
  /** Inbound-mail events the function failed on after its retries (the SES event is the message body). */
  public readonly deadLetterQueue: DeadLetterQueue;

  constructor(scope: Construct, id: string, props: InboundEmailProps) {
    super(scope, id);
    const { storage } = props;
    const removalPolicy = props.removalPolicy ?? RemovalPolicy.DESTROY;
    this.domain = props.domain;

    this.deadLetterQueue = new DeadLetterQueue(this, 'DeadLetters', {
      encryptionKey: storage.key,
      removalPolicy,
    });
    this.function = new HubFunction(this, 'SesInbound', {
      entry: ENTRY,
      description: `Ingests mail SES received for ${props.domain} (MIME from the raw archive under ${INBOUND_PREFIX}).`,
      access: {
        table: 'readWrite',
        rawArchive: 'write',
        rawArchiveWritePrefix: RAW_PAYLOAD_PREFIX,
        rawArchiveRead: INBOUND_PREFIX,
        blobs: 'readWrite',
        cursors: false,
        tenants: true,
      },
      storage,
      stage: props.stage,
      // A 40 MB message (SES's limit) with attachments takes seconds to parse and store.
      timeout: Duration.minutes(1),
      memorySize: 1024,
      deadLetterQueue: this.deadLetterQueue.queue,
      retryAttempts: 2,
      logRetention: props.logRetention,
      removalPolicy,
    });

    this.ruleSet = new ses.ReceiptRuleSet(this, 'RuleSet');
    this.rule = this.ruleSet.addRule('Receive', {
      recipients: [props.domain],
      enabled: true,
      tlsPolicy: ses.TlsPolicy.REQUIRE,
      scanEnabled: true,
      actions: [
        // Adds the bucket policy statement: ses.amazonaws.com may s3:PutObject on inbound/* of this
        // account only (aws:SourceAccount). No `kmsKey`: that would be SES client-side encryption,
        // which plain GetObject cannot read; the bucket's default SSE-KMS encrypts the object instead.
        new actions.S3({ bucket: storage.rawArchive, objectKeyPrefix: INBOUND_PREFIX }),
        // Adds the lambda:InvokeFunction permission for ses.amazonaws.com (aws:SourceAccount).
        new actions.Lambda({ function: this.function.function, invocationType: actions.LambdaInvocationType.EVENT }),
      ],
    });
    this.allowSesToEncryptWithDataKey(storage);
  }

  /**
   * SES's PutObject into the SSE-KMS raw archive makes S3 ask KMS for a data key on SES's behalf, so
   * the key policy must let ses.amazonaws.com encrypt — for this account's rule set only. Actions as the
   * SES API reference lists for a bucket with default KMS encryption (S3Action.IamRoleArn). The bucket's
   * ARN cannot be a condition here: the bucket already depends on the key, so that would be a cycle.
   */
  private allowSesToEncryptWithDataKey(storage: Storage): void {
    const stack = Stack.of(this);
    storage.key.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: 'AllowSesInboundMailIntoRawArchive',
        principals: [new iam.ServicePrincipal('ses.amazonaws.com')],
        actions: ['kms:GenerateDataKey', 'kms:Encrypt'],
        resources: ['*'],
        conditions: {
          StringEquals: { 'aws:SourceAccount': stack.account },
          ArnLike: {
            'aws:SourceArn': stack.formatArn({
              service: 'ses',
              resource: 'receipt-rule-set',
              resourceName: `${this.ruleSet.receiptRuleSetName}:receipt-rule/*`,
            }),
          },
        },
      }),
    );
  }
}
