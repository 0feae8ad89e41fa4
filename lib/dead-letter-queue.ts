import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import type * as kms from 'aws-cdk-lib/aws-kms';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';

/** Properties of {@link DeadLetterQueue}. */
export interface DeadLetterQueueProps {
  /** Customer-managed key the messages are encrypted with. */
  readonly encryptionKey: kms.IKey;
  /**
   * What happens to the queue (and the events in it) when it leaves the stack.
   * @default RemovalPolicy.DESTROY
   */
  readonly removalPolicy?: RemovalPolicy;
}

/**
 * An SQS queue that keeps events whose processing failed for 14 days (the SQS maximum), encrypted with
 * the data key and reachable over TLS only. Messages are the original events, so a redrive replays them.
 *
 * It needs no dead-letter queue of its own (cdk-nag AwsSolutions-SQS3): the functions name it in their
 * DeadLetterConfig, which cdk-nag recognises as this queue being a DLQ.
 */
export class DeadLetterQueue extends Construct {
  public readonly queue: sqs.Queue;

  constructor(scope: Construct, id: string, props: DeadLetterQueueProps) {
    super(scope, id);
    this.queue = new sqs.Queue(this, 'Queue', {
      encryption: sqs.QueueEncryption.KMS,
      encryptionMasterKey: props.encryptionKey,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
      removalPolicy: props.removalPolicy ?? RemovalPolicy.DESTROY,
    });
  }
}
