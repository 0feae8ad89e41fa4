import { Duration, RemovalPolicy, SecretValue, Stack, Validations } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { S3_SERVER_ACCESS_LOGS_USE_BUCKET_POLICY } from 'aws-cdk-lib/cx-api';
import { Construct } from 'constructs';
import { TABLE_DESIGN, EXPIRY_ATTRIBUTE } from '../functions/adapters/dynamodb/table-design.js';

/** Properties of {@link Storage}. */
export interface StorageProps {
  /**
   * Days a raw payload (and any older version of it) stays in the raw archive.
   * @default 365
   */
  readonly rawArchiveRetentionDays?: number;
  /**
   * Turns on DynamoDB deletion protection for the table.
   * @default false
   */
  readonly deletionProtection?: boolean;
  /**
   * What happens to the key, table, buckets and secret when they leave the stack. Objects are never
   * auto-deleted (that would add a custom-resource Lambda): a non-empty bucket fails a DESTROY.
   * @default RemovalPolicy.DESTROY
   */
  readonly removalPolicy?: RemovalPolicy;
  /**
   * Keeps earlier versions of attachments and large bodies.
   * @default false - attachments are content-addressed (SHA-256), so an overwrite is the same bytes
   */
  readonly blobVersioning?: boolean;
  /**
   * Days server access logs are kept.
   * @default 90
   */
  readonly accessLogRetentionDays?: number;
}

/**
 * Everything CommHub stores: one KMS key, the single DynamoDB table (keys and indexes from
 * `TABLE_DESIGN`), the raw archive and blob buckets with their access-log bucket, and the secret that
 * signs pagination cursors.
 */
export class Storage extends Construct {
  /** Customer-managed key encrypting the table, both data buckets, the secret and the log groups. */
  public readonly key: kms.Key;
  public readonly table: dynamodb.TableV2;
  /** Every accepted payload, as received, before it is acknowledged. */
  public readonly rawArchive: s3.Bucket;
  /** Attachments and bodies too large for a table item. */
  public readonly blobs: s3.Bucket;
  /** Server access logs of the data buckets. */
  public readonly accessLogs: s3.Bucket;
  /** HMAC key for pagination cursors (a generated 64-character string). */
  public readonly cursorKey: secretsmanager.Secret;
  /**
   * Tenant settings (`{"tenants":{…}}`, the shape of `TenantSettingsDocument`: webhook secrets,
   * internal domains, inbound addresses). Created empty; operators put the real document.
   */
  public readonly tenantSettings: secretsmanager.Secret;

  constructor(scope: Construct, id: string, props: StorageProps = {}) {
    super(scope, id);
    const removalPolicy = props.removalPolicy ?? RemovalPolicy.DESTROY;
    const stack = Stack.of(this);
    // Deliver access logs through a bucket policy, not the legacy LogDeliveryWrite ACL, which ACL-less
    // (BucketOwnerEnforced) buckets refuse — whatever the app's feature flags say.
    this.node.setContext(S3_SERVER_ACCESS_LOGS_USE_BUCKET_POLICY, true);

    this.key = new kms.Key(this, 'Key', {
      description: `CommHub data key (${stack.stackName})`,
      enableKeyRotation: true,
      removalPolicy,
    });
    // CloudWatch Logs encrypts log groups with this key only if its key policy names the regional
    // logs principal: https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/encrypt-log-data-kms.html
    this.key.addToResourcePolicy(
      new iam.PolicyStatement({
        principals: [new iam.ServicePrincipal(`logs.${stack.region}.${stack.urlSuffix}`)],
        actions: ['kms:Encrypt*', 'kms:Decrypt*', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:Describe*'],
        resources: ['*'],
        conditions: {
          ArnLike: {
            'kms:EncryptionContext:aws:logs:arn': `arn:${stack.partition}:logs:${stack.region}:${stack.account}:log-group:*`,
          },
        },
      }),
    );

    this.table = new dynamodb.TableV2(this, 'Table', {
      partitionKey: { name: TABLE_DESIGN.partitionKey, type: dynamodb.AttributeType.STRING },
      sortKey: { name: TABLE_DESIGN.sortKey, type: dynamodb.AttributeType.STRING },
      globalSecondaryIndexes: Object.values(TABLE_DESIGN.indexes).map((index) => ({
        indexName: index.name,
        partitionKey: { name: index.partitionKey, type: dynamodb.AttributeType.STRING },
        sortKey: { name: index.sortKey, type: dynamodb.AttributeType.STRING },
        projectionType: dynamodb.ProjectionType.ALL,
      })),
      billing: dynamodb.Billing.onDemand(),
      timeToLiveAttribute: EXPIRY_ATTRIBUTE,
      // New records start their workflow from the stream (lib/record-workflow.ts), after the write.
      dynamoStream: dynamodb.StreamViewType.NEW_IMAGE,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      encryption: dynamodb.TableEncryptionV2.customerManagedKey(this.key),
      deletionProtection: props.deletionProtection ?? false,
      removalPolicy,
    });

    this.accessLogs = new s3.Bucket(this, 'AccessLogs', {
      // Server access log delivery supports only SSE-S3 on the target bucket.
      encryption: s3.BucketEncryption.S3_MANAGED,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      lifecycleRules: [{ expiration: Duration.days(props.accessLogRetentionDays ?? 90) }],
      removalPolicy,
    });
    Validations.of(this.accessLogs).acknowledge({
      id: 'AwsSolutions-S1',
      reason: 'This is the server access log target; logging its own access would log the log deliveries recursively.',
    });

    const retentionDays = props.rawArchiveRetentionDays ?? 365;
    this.rawArchive = this.dataBucket('RawArchive', removalPolicy, true, [
      {
        id: 'expire-raw-payloads',
        expiration: Duration.days(retentionDays),
        noncurrentVersionExpiration: Duration.days(retentionDays),
        abortIncompleteMultipartUploadAfter: Duration.days(7),
      },
    ]);
    this.blobs = this.dataBucket('Blobs', removalPolicy, props.blobVersioning ?? false, [
      { id: 'abort-incomplete-uploads', abortIncompleteMultipartUploadAfter: Duration.days(7) },
    ]);

    this.cursorKey = new secretsmanager.Secret(this, 'CursorKey', {
      description: 'HMAC-SHA256 key signing CommHub pagination cursors',
      encryptionKey: this.key,
      generateSecretString: { passwordLength: 64, excludePunctuation: true, includeSpace: false },
      removalPolicy,
    });
    Validations.of(this.cursorKey).acknowledge({
      id: 'AwsSolutions-SMG4',
      reason:
        'Rotating the cursor key would invalidate outstanding cursors; cursors are short-lived pagination tokens, so the key is replaced by redeploying instead.',
    });
    this.tenantSettings = new secretsmanager.Secret(this, 'TenantSettings', {
      description: 'CommHub tenant settings: webhook secrets, internal domains, inbound addresses (JSON, see README)',
      encryptionKey: this.key,
      // The initial value is an empty tenant list, not a secret; real settings are put by operators.
      secretStringValue: SecretValue.unsafePlainText('{"tenants":{}}'),
      removalPolicy,
    });
    Validations.of(this.tenantSettings).acknowledge({
      id: 'AwsSolutions-SMG4',
      reason:
        "Webhook secrets are issued in each vendor's console; rotating one is a coordinated manual step (change it at the vendor, then put-secret-value), which a rotation Lambda cannot perform.",
    });
  }

  private dataBucket(id: string, removalPolicy: RemovalPolicy, versioned: boolean, lifecycleRules: s3.LifecycleRule[]) {
    return new s3.Bucket(this, id, {
      encryption: s3.BucketEncryption.KMS,
      encryptionKey: this.key,
      // S3 Bucket Keys cut the KMS requests (and their cost) for high-volume writes.
      bucketKeyEnabled: true,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      versioned,
      lifecycleRules,
      serverAccessLogsBucket: this.accessLogs,
      serverAccessLogsPrefix: `${id.toLowerCase()}/`,
      removalPolicy,
    });
  }
}
