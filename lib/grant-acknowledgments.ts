import { type CfnResource, Stack, Validations } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import type { FunctionAccess } from './hub-function.js';
import { ERASABLE_PREFIXES } from './erasable-prefixes.js';
import type { Storage } from './storage.js';

/** One cdk-nag finding to acknowledge and why it is acceptable. */
export interface GrantAcknowledgment {
  readonly id: string;
  readonly reason: string;
}

const XRAY = 'AwsSolutions-IAM5[Resource::*]';

/**
 * How cdk-nag names a resource that holds tokens in its findings: the value as CloudFormation gets it,
 * with each `Ref` written `<Name>` and each `Fn::GetAtt` `<Resource.Attribute>`, joins concatenated —
 * so an acknowledgment matches in env-agnostic stacks (account and region are tokens) too.
 */
export function nagResourceName(scope: Construct, value: string): string {
  const flatten = (node: unknown): string => {
    if (typeof node === 'string') return node;
    const object = node as Record<string, unknown>;
    if (Array.isArray(object['Fn::Join'])) {
      const [delimiter, items] = object['Fn::Join'] as [string, unknown[]];
      return items.map(flatten).join(delimiter);
    }
    if (Array.isArray(object['Fn::GetAtt'])) {
      const [resource, attribute] = object['Fn::GetAtt'] as [unknown, unknown];
      return `<${flatten(resource)}.${flatten(attribute)}>`;
    }
    if (object.Ref !== undefined) return `<${flatten(object.Ref)}>`;
    return JSON.stringify(node);
  };
  return flatten(Stack.of(scope).resolve(value));
}

/** Grants a function gets besides those its access names. */
export interface GrantAcknowledgmentOptions {
  /**
   * The function sends failed asynchronous events to a dead-letter queue encrypted with a KMS key.
   * @default false
   */
  readonly encryptedDeadLetterQueue?: boolean;
}

/**
 * The AwsSolutions-IAM5 (wildcard) findings that the `grant*` calls for `access` produce, each with
 * its reason. Listed per finding, never per rule, so a wildcard that no grant explains still fails.
 */
export function grantAcknowledgments(
  access: FunctionAccess,
  storage: Storage,
  options: GrantAcknowledgmentOptions = {},
): GrantAcknowledgment[] {
  const ref = (resource: Construct) => `<${Stack.of(resource).resolve((resource.node.defaultChild as CfnResource).logicalId)}.Arn>`;
  const found = new Map<string, string>();
  const add = (finding: string, reason: string) => found.set(`AwsSolutions-IAM5[${finding}]`, reason);

  // Tracing.ACTIVE adds xray:PutTraceSegments / PutTelemetryRecords, which have no resource-level permissions.
  found.set(XRAY, 'Active X-Ray tracing: xray:PutTraceSegments and xray:PutTelemetryRecords support only Resource "*".');

  // Table grants name the table and its indexes (no index/*); only key and object wildcards remain.
  const writesWithKey =
    access.table === 'readWrite' ||
    access.table === 'update' ||
    access.table === 'create' ||
    access.audit === true ||
    access.rawArchive === 'write' ||
    access.blobs === 'write' ||
    access.blobs === 'readWrite' ||
    options.encryptedDeadLetterQueue === true;
  if (writesWithKey) {
    const reason = 'Writes under the customer-managed data key need kms:GenerateDataKey*/ReEncrypt*; scoped to that one key ARN.';
    add('Action::kms:GenerateDataKey*', reason);
    add('Action::kms:ReEncrypt*', reason);
  }
  if (access.rawArchive === 'write') {
    add(
      `Resource::${ref(storage.rawArchive)}/${access.rawArchiveWritePrefix ?? ''}*`,
      'Raw payloads are keyed tenant/channel/date/id, known only per request; s3:PutObject only, no read, list or delete.',
    );
  }
  if (access.rawArchiveRead !== undefined) {
    add(
      `Resource::${ref(storage.rawArchive)}/${access.rawArchiveRead}*`,
      `Objects under ${access.rawArchiveRead} are named by the message id of each delivery (e.g. SES's S3 action), known only per event; s3:GetObject only, no listing.`,
    );
  }
  if (access.blobs !== 'none' && access.blobPrefixes !== undefined) {
    const actions = access.blobs === 'read' ? 's3:GetObject' : access.blobs === 'write' ? 's3:PutObject' : 's3:GetObject and s3:PutObject';
    for (const prefix of access.blobPrefixes) {
      add(
        `Resource::${ref(storage.blobs)}/${prefix}*`,
        `Blob keys under ${prefix} carry the tenant and a content hash or request id, known only per request; ${actions} under that prefix only.`,
      );
    }
  }
  if (access.blobs !== 'none' && access.blobPrefixes === undefined) {
    // No prefixes named: Bucket.grantRead / grantPut / grantReadWrite on the whole blob bucket.
    add(`Resource::${ref(storage.blobs)}/*`, 'This function touches blobs of every kind (attachments, content, model inputs, reports, transcripts); objects of the blob bucket only.');
    if (access.blobs !== 'write') {
      const reason = 'Bucket.grantRead actions (GetObject*, GetBucket*, List*) on the blob bucket and its objects only.';
      add('Action::s3:GetObject*', reason);
      add('Action::s3:GetBucket*', reason);
      add('Action::s3:List*', reason);
    }
    if (access.blobs !== 'read') add('Action::s3:Abort*', 'Bucket.grantPut/grantReadWrite include s3:AbortMultipartUpload for large objects; objects of the blob bucket only.');
    if (access.blobs === 'readWrite') {
      add('Action::s3:DeleteObject*', 'The function declares blobs: readWrite without prefixes; Bucket.grantReadWrite includes s3:DeleteObject*, on blob bucket objects only.');
    }
  }
  if (access.erase) {
    const erasable = [
      [storage.rawArchive, ERASABLE_PREFIXES.rawArchive],
      [storage.blobs, ERASABLE_PREFIXES.blobs],
    ] as const;
    for (const [bucket, prefixes] of erasable) {
      for (const prefix of prefixes) {
        add(
          `Resource::${ref(bucket)}/${prefix}*`,
          `Deletion (privacy requests, retention) removes a record's or customer's objects under ${prefix}, keyed by tenant and id, known only per request; s3:DeleteObject/DeleteObjectVersion under that prefix only.`,
        );
      }
    }
  }
  return [...found].map(([id, reason]) => ({ id, reason }));
}

/** Acknowledges, on `scope` (the function's construct), exactly the wildcard findings its grants produce. */
export function acknowledgeGrantWildcards(
  scope: Construct,
  access: FunctionAccess,
  storage: Storage,
  options: GrantAcknowledgmentOptions = {},
): void {
  for (const acknowledgment of grantAcknowledgments(access, storage, options)) Validations.of(scope).acknowledge(acknowledgment);
}
