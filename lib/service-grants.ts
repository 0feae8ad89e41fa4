import { Stack, Validations } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { AUDIT_PARTITION_PATTERNS } from '../functions/adapters/dynamodb/keys.js';
import { TABLE_DESIGN } from '../functions/adapters/dynamodb/table-design.js';
import { LOCAL_MODEL_ID } from '../functions/config/runtime-config.js';
import { ERASABLE_PREFIXES } from './erasable-prefixes.js';
import { nagResourceName } from './grant-acknowledgments.js';
import type { FunctionAccess } from './hub-function.js';
import type { Storage } from './storage.js';

const TABLE_READ = ['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:Query'] as const;

/**
 * DynamoDB actions per table access level: exactly the commands the stores send (see
 * functions/adapters/dynamodb) — no Scan, no batch writes or transactions (the embedded DynamoDB
 * server has none, so no code path uses them), no table management.
 */
export const TABLE_ACTIONS = {
  read: [...TABLE_READ],
  update: [...TABLE_READ, 'dynamodb:UpdateItem'],
  create: [...TABLE_READ, 'dynamodb:PutItem'],
  readWrite: [...TABLE_READ, 'dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem'],
} as const;

/**
 * S3 object actions per blob access level, on the access's prefixes. HeadObject needs s3:GetObject;
 * readers also get s3:ListBucket on the bucket itself, without which S3 answers a missing key with
 * 403 instead of 404 (the blob store tells "absent" from "refused" by that).
 */
export const BLOB_ACTIONS = {
  read: ['s3:GetObject'],
  write: ['s3:PutObject'],
  readWrite: ['s3:GetObject', 's3:PutObject'],
} as const;

/**
 * Grants a function exactly the storage `access` names: item operations on the table and `Query` on
 * its named indexes; raw payload puts under `rawArchiveWritePrefix` and reads under `rawArchiveRead`;
 * blob reads and writes under `blobPrefixes`; the data key for what it reads (decrypt) and writes
 * (encrypt); the cursor key and tenant settings secrets only when named.
 *
 * @example
 * grantStorageAccess(fn, { table: 'read', rawArchive: 'none', blobs: 'read', blobPrefixes: ['reports/'], cursors: false }, storage);
 */
export function grantStorageAccess(grantee: iam.IGrantable, access: FunctionAccess, storage: Storage): void {
  const allow = (actions: readonly string[], resources: string[]) =>
    grantee.grantPrincipal.addToPrincipalPolicy(new iam.PolicyStatement({ actions: [...actions], resources }));

  if (access.table !== 'none') {
    const tableArn = storage.table.tableArn;
    const indexArns = Object.values(TABLE_DESIGN.indexes).map((index) => `${tableArn}/index/${index.name}`);
    // Query in a statement of its own: it is the one action that also applies to the indexes.
    allow(TABLE_ACTIONS[access.table].filter((action) => action !== 'dynamodb:Query'), [tableArn]);
    allow(['dynamodb:Query'], [tableArn, ...indexArns]);
  }
  if (access.audit) grantAuditAppend(grantee, storage);
  if (access.rawArchive === 'write') allow(['s3:PutObject'], [storage.rawArchive.arnForObjects(`${access.rawArchiveWritePrefix ?? ''}*`)]);
  if (access.rawArchiveRead !== undefined) allow(['s3:GetObject'], [storage.rawArchive.arnForObjects(`${access.rawArchiveRead}*`)]);
  if (access.blobs !== 'none') {
    if (access.blobPrefixes === undefined) {
      // No prefixes named: the whole bucket, as Bucket.grantRead / grantReadWrite give it (acknowledged per finding).
      if (access.blobs === 'read') storage.blobs.grantRead(grantee);
      else if (access.blobs === 'write') storage.blobs.grantPut(grantee);
      else storage.blobs.grantReadWrite(grantee);
    } else {
      allow(BLOB_ACTIONS[access.blobs], access.blobPrefixes.map((prefix) => storage.blobs.arnForObjects(`${prefix}*`)));
      if (access.blobs !== 'write') allow(['s3:ListBucket'], [storage.blobs.bucketArn]);
    }
  }
  if (access.erase) grantErasure(grantee, storage);
  grantDataKey(grantee, access, storage);
  if (access.cursors) storage.cursorKey.grantRead(grantee);
  if (access.tenants) storage.tenantSettings.grantRead(grantee);
}

/**
 * Deletion for good (privacy requests, retention): s3:DeleteObject and s3:DeleteObjectVersion (the
 * raw archive keeps versions; each is removed) under the data prefixes of both buckets, and listing
 * (ListBucket, ListBucketVersions) only with an `s3:prefix` under them. No KMS: deleting decrypts nothing.
 */
function grantErasure(grantee: iam.IGrantable, storage: Storage): void {
  const buckets = [
    [storage.rawArchive, ERASABLE_PREFIXES.rawArchive],
    [storage.blobs, ERASABLE_PREFIXES.blobs],
  ] as const;
  for (const [bucket, prefixes] of buckets) {
    const policy = grantee.grantPrincipal;
    policy.addToPrincipalPolicy(new iam.PolicyStatement({ actions: ['s3:DeleteObject', 's3:DeleteObjectVersion'], resources: prefixes.map((prefix) => bucket.arnForObjects(`${prefix}*`)) }));
    policy.addToPrincipalPolicy(
      new iam.PolicyStatement({
        actions: ['s3:ListBucket', 's3:ListBucketVersions'],
        resources: [bucket.bucketArn],
        conditions: { StringLike: { 's3:prefix': prefixes.map((prefix) => `${prefix}*`) } },
      }),
    );
  }
}

/** PutItem for audit appends, on audit partitions only (an audit entry is never updated or deleted). */
function grantAuditAppend(grantee: iam.IGrantable, storage: Storage): void {
  grantee.grantPrincipal.addToPrincipalPolicy(
    new iam.PolicyStatement({
      actions: ['dynamodb:PutItem'],
      resources: [storage.table.tableArn],
      conditions: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': [...AUDIT_PARTITION_PATTERNS] } },
    }),
  );
}

/** The data key (table, buckets): decrypt for what the function reads, encrypt for what it writes. */
function grantDataKey(grantee: iam.IGrantable, access: FunctionAccess, storage: Storage): void {
  const writes =
    access.table === 'update' || access.table === 'create' || access.table === 'readWrite' || access.audit === true || access.rawArchive === 'write' || access.blobs === 'write' || access.blobs === 'readWrite';
  const reads = access.table !== 'none' || access.blobs === 'read' || access.blobs === 'readWrite' || access.rawArchiveRead !== undefined;
  if (writes && reads) storage.key.grantEncryptDecrypt(grantee);
  else if (writes) storage.key.grantEncrypt(grantee);
  else if (reads) storage.key.grantDecrypt(grantee);
}

/**
 * Converse needs bedrock:InvokeModel on the model — and, for a cross-region inference profile, on
 * the profile and its models in every region it routes to (the one wildcard, acknowledged with that
 * reason). Nothing for `local`.
 */
export function grantBedrockModel(role: iam.IRole, modelId: string): void {
  if (modelId === LOCAL_MODEL_ID) return;
  const stack = Stack.of(role);
  const profile = /^(us|eu|apac|jp|au|ca|us-gov|global)\.(.+)$/.exec(modelId);
  const routedModels = profile ? `arn:${stack.partition}:bedrock:*::foundation-model/${profile[2]}` : undefined;
  const resources = routedModels
    ? [stack.formatArn({ service: 'bedrock', resource: 'inference-profile', resourceName: modelId }), routedModels]
    : [`arn:${stack.partition}:bedrock:${stack.region}::foundation-model/${modelId}`];
  role.addToPrincipalPolicy(new iam.PolicyStatement({ actions: ['bedrock:InvokeModel'], resources }));
  if (routedModels) {
    Validations.of(role).acknowledge({
      id: `AwsSolutions-IAM5[Resource::${nagResourceName(role, routedModels)}]`,
      reason: `The inference profile ${modelId} routes each call to ${profile?.[2]} in a region it picks; Bedrock requires InvokeModel on that model in every region the profile covers (model id fixed, region wildcard only).`,
    });
  }
}

/** ses:SendEmail as the sender address or its domain identity (whichever is the verified one). */
export function grantSendMail(role: iam.IRole, mailFrom: string): void {
  const stack = Stack.of(role);
  const domain = mailFrom.split('@')[1]!;
  role.addToPrincipalPolicy(
    new iam.PolicyStatement({
      actions: ['ses:SendEmail'],
      resources: [
        stack.formatArn({ service: 'ses', resource: 'identity', resourceName: mailFrom }),
        stack.formatArn({ service: 'ses', resource: 'identity', resourceName: domain }),
      ],
    }),
  );
}
