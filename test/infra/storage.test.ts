import { Match, type Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { TABLE_DESIGN } from '../../functions/adapters/dynamodb/table-design.js';
import { BUILD_TIMEOUT_MS, logicalIdOf, synthCommHub } from './synth-commhub.js';

describe('Storage', () => {
  let dev: Template;
  let prod: Template;
  let keyId: string;

  beforeAll(() => {
    dev = synthCommHub({ context: { stage: 'dev', retentionDays: 90 } }).template;
    prod = synthCommHub({ context: { stage: 'prod' } }).template;
    keyId = logicalIdOf(dev, 'AWS::KMS::Key', 'StorageKey');
  }, BUILD_TIMEOUT_MS);

  it('creates one customer-managed data key with rotation on (the alarm topic has its own)', () => {
    // Prepare
    const keys = dev.findResources('AWS::KMS::Key');

    // Act
    const storageKeys = Object.keys(keys).filter((id) => id.startsWith('Storage'));
    const rotation = Object.values(keys).map((key) => key.Properties.EnableKeyRotation);

    // Assess
    expect(storageKeys).toEqual([keyId]);
    expect(rotation.every((enabled) => enabled === true)).toBe(true);
  });

  it('builds the table from TABLE_DESIGN: on demand, PITR, encrypted with the customer-managed key', () => {
    // Prepare
    const gsi = (index: (typeof TABLE_DESIGN.indexes)[keyof typeof TABLE_DESIGN.indexes]) => ({
      IndexName: index.name,
      KeySchema: [
        { AttributeName: index.partitionKey, KeyType: 'HASH' },
        { AttributeName: index.sortKey, KeyType: 'RANGE' },
      ],
      Projection: { ProjectionType: 'ALL' },
    });

    // Act
    const table = {
      BillingMode: 'PAY_PER_REQUEST',
      KeySchema: [
        { AttributeName: TABLE_DESIGN.partitionKey, KeyType: 'HASH' },
        { AttributeName: TABLE_DESIGN.sortKey, KeyType: 'RANGE' },
      ],
      GlobalSecondaryIndexes: Match.arrayWith([gsi(TABLE_DESIGN.indexes.byOwner), gsi(TABLE_DESIGN.indexes.byFeed)]),
      SSESpecification: { SSEEnabled: true, SSEType: 'KMS' },
      Replicas: [
        Match.objectLike({
          PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
          SSESpecification: { KMSMasterKeyId: { 'Fn::GetAtt': [keyId, 'Arn'] } },
          DeletionProtectionEnabled: false,
        }),
      ],
    };

    // Assess
    dev.resourceCountIs('AWS::DynamoDB::GlobalTable', 1);
    dev.hasResourceProperties('AWS::DynamoDB::GlobalTable', table);
  });

  it('protects and retains the table in prod only', () => {
    // Prepare
    const protectedReplica = (enabled: boolean) => ({
      Replicas: [Match.objectLike({ DeletionProtectionEnabled: enabled })],
    });

    // Act
    const prodTable = prod.findResources('AWS::DynamoDB::GlobalTable');

    // Assess
    prod.hasResourceProperties('AWS::DynamoDB::GlobalTable', protectedReplica(true));
    dev.hasResourceProperties('AWS::DynamoDB::GlobalTable', protectedReplica(false));
    expect(Object.values(prodTable)[0]).toMatchObject({ DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain' });
    dev.hasResource('AWS::DynamoDB::GlobalTable', { DeletionPolicy: 'Delete' });
  });

  it('encrypts every bucket, blocks public access and denies requests without TLS', () => {
    // Prepare
    const buckets = Object.keys(dev.findResources('AWS::S3::Bucket'));

    // Act
    const policiesByBucket = Object.values(dev.findResources('AWS::S3::BucketPolicy')).map(
      (policy) => policy.Properties.Bucket.Ref as string,
    );

    // Assess: Storage's three, and the web console's files and CloudFront logs
    expect(buckets).toHaveLength(5);
    expect(policiesByBucket.sort()).toEqual([...buckets].sort());
    for (const bucket of buckets) {
      expect(dev.toJSON().Resources[bucket].Properties).toMatchObject({
        BucketEncryption: { ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: expect.anything() }] },
        PublicAccessBlockConfiguration: {
          BlockPublicAcls: true,
          BlockPublicPolicy: true,
          IgnorePublicAcls: true,
          RestrictPublicBuckets: true,
        },
      });
      dev.hasResourceProperties('AWS::S3::BucketPolicy', {
        Bucket: { Ref: bucket },
        PolicyDocument: {
          Statement: Match.arrayWith([
            Match.objectLike({ Effect: 'Deny', Action: 's3:*', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
          ]),
        },
      });
    }
  });

  it('encrypts the data buckets with the key and logs their access', () => {
    // Prepare
    const accessLogs = logicalIdOf(dev, 'AWS::S3::Bucket', 'StorageAccessLogs');

    // Act
    const dataBuckets = ['StorageRawArchive', 'StorageBlobs'].map((prefix) => logicalIdOf(dev, 'AWS::S3::Bucket', prefix));

    // Assess
    for (const bucket of dataBuckets) {
      expect(dev.toJSON().Resources[bucket].Properties).toMatchObject({
        BucketEncryption: {
          ServerSideEncryptionConfiguration: [
            { ServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms', KMSMasterKeyID: { 'Fn::GetAtt': [keyId, 'Arn'] } } },
          ],
        },
        LoggingConfiguration: { DestinationBucketName: { Ref: accessLogs } },
      });
    }
    expect(dev.toJSON().Resources[accessLogs].Properties.BucketEncryption).toEqual({
      ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }],
    });
  });

  it('versions the raw archive and expires payloads and old versions after retentionDays', () => {
    // Prepare
    const rawArchive = logicalIdOf(dev, 'AWS::S3::Bucket', 'StorageRawArchive');

    // Act
    const properties = dev.toJSON().Resources[rawArchive].Properties;

    // Assess
    expect(properties.VersioningConfiguration).toEqual({ Status: 'Enabled' });
    expect(properties.LifecycleConfiguration.Rules).toEqual([
      expect.objectContaining({ Status: 'Enabled', ExpirationInDays: 90, NoncurrentVersionExpiration: { NoncurrentDays: 90 } }),
    ]);
  });

  it('retains buckets in prod and deletes them (without auto-delete) elsewhere', () => {
    // Prepare
    const policies = (template: Template) =>
      Object.values(template.findResources('AWS::S3::Bucket')).map((bucket) => bucket.DeletionPolicy);

    // Act
    const [devPolicies, prodPolicies] = [policies(dev), policies(prod)];

    // Assess
    expect(new Set(devPolicies)).toEqual(new Set(['Delete']));
    expect(new Set(prodPolicies)).toEqual(new Set(['Retain']));
    expect(Object.keys(dev.findResources('Custom::S3AutoDeleteObjects'))).toEqual([]);
  });

  it('generates a 64-character cursor key encrypted with the key', () => {
    // Prepare
    const secret = {
      KmsKeyId: { 'Fn::GetAtt': [keyId, 'Arn'] },
      GenerateSecretString: Match.objectLike({ PasswordLength: 64 }),
    };

    // Act
    const secrets = dev.findResources('AWS::SecretsManager::Secret');

    // Assess
    expect(Object.keys(secrets)).toHaveLength(2);
    dev.hasResourceProperties('AWS::SecretsManager::Secret', secret);
  });

  it('keeps tenant settings in a secret encrypted with the key, created with an empty tenant list', () => {
    dev.hasResourceProperties('AWS::SecretsManager::Secret', {
      KmsKeyId: { 'Fn::GetAtt': [keyId, 'Arn'] },
      SecretString: '{"tenants":{}}',
    });
  });
});
