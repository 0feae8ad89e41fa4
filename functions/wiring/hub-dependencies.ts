import { DynamoDbAuditLog } from '../adapters/dynamodb/dynamodb-audit-log.js';
import { DynamoDbBlobReferenceStore } from '../adapters/dynamodb/dynamodb-blob-reference-store.js';
import { DynamoDbReportStore } from '../adapters/dynamodb/dynamodb-report-store.js';
import { DynamoDbRiskEpisodeStore } from '../adapters/dynamodb/dynamodb-risk-episode-store.js';
import { readFile } from 'node:fs/promises';
import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import type { TenantSettingsDocument } from '../core/model/tenant-settings.js';
import { DynamoDbReplayGuard } from '../adapters/dynamodb/dynamodb-replay-guard.js';
import { parseTenantDocument, TenantDocumentDirectory } from '../adapters/tenants/tenant-document-directory.js';
import { ENV, requireSetting, type RuntimeConfig } from '../config/runtime-config.js';
import type { HubDependencies } from '../core/dependencies.js';
import { systemClock, type Clock } from '../core/ports/clock.js';
import type { Metrics } from '../core/ports/metrics.js';
import { lambdaMetrics } from '../adapters/cloudwatch/emf-metrics.js';
import { traced } from '../observability/tracing.js';
import { CursorCodec } from '../adapters/dynamodb/cursor-codec.js';
import { createDocumentClient } from '../adapters/dynamodb/document-client.js';
import { DynamoDbCustomerStore } from '../adapters/dynamodb/dynamodb-customer-store.js';
import { DynamoDbRecordStore } from '../adapters/dynamodb/dynamodb-record-store.js';
import { DynamoDbWorkItemStore } from '../adapters/dynamodb/dynamodb-work-item-store.js';
import { S3BlobStore } from '../adapters/s3/s3-blob-store.js';
import { createS3Client } from '../adapters/s3/s3-client.js';
import { missingAdapter } from './adapter-groups.js';

async function secretText(config: RuntimeConfig, secretArn: string, envName: string): Promise<string> {
  const secrets = traced(new SecretsManagerClient({ region: config.region }));
  const result = await secrets.send(new GetSecretValueCommand({ SecretId: secretArn }));
  return requireSetting(result.SecretString, envName);
}

/** Resolved on first use: a function that never pages (e.g. ingestion) needs no cursor key. */
function cursorKeyMaterial(config: RuntimeConfig): () => Promise<Uint8Array> {
  return async () => {
    const source = requireSetting(config.cursorKey, ENV.cursorKeySecretArn);
    if ('literal' in source) return Buffer.from(source.literal, 'utf8');
    return Buffer.from(await secretText(config, source.secretArn, ENV.cursorKeySecretArn), 'utf8');
  };
}

function tenantDocument(config: RuntimeConfig): () => Promise<TenantSettingsDocument> {
  return async () => {
    const source = requireSetting(config.tenantSettings, ENV.tenantsSecretArn);
    if ('file' in source) return parseTenantDocument(await readFile(source.file, 'utf8'), source.file);
    return parseTenantDocument(await secretText(config, source.secretArn, ENV.tenantsSecretArn), `secret ${source.secretArn}`);
  };
}

/**
 * Wires the hub's ports to the AWS SDK adapters — used by both runtimes: on AWS from the function's
 * environment, in embedded mode with endpoint overrides pointing at the local servers. Adapters are
 * created on first use, so a function only needs the settings of the ports it touches.
 *
 * In a Lambda bundle, only the adapter groups the function's access allows are wired (adapter-groups.ts,
 * bundle-flags.d.ts): each flag below is then a literal, each other branch dead code that esbuild
 * drops with the SDK client behind it, and a port outside the access throws `MissingAdapterError`.
 */
export function createHubDependencies(config: RuntimeConfig, clock: Clock = systemClock, metrics: Metrics = lambdaMetrics()): HubDependencies {
  // Literals in a bundle (bundle-flags.d.ts): first in the function, where esbuild folds them.
  const withTable = typeof COMMHUB_BUNDLES_TABLE === 'undefined' || COMMHUB_BUNDLES_TABLE;
  const withBlobs = typeof COMMHUB_BUNDLES_BLOBS === 'undefined' || COMMHUB_BUNDLES_BLOBS;
  const withCursors = typeof COMMHUB_BUNDLES_CURSORS === 'undefined' || COMMHUB_BUNDLES_CURSORS;
  const withTenants = typeof COMMHUB_BUNDLES_TENANTS === 'undefined' || COMMHUB_BUNDLES_TENANTS;
  const withCustomers = typeof COMMHUB_BUNDLES_CUSTOMERS === 'undefined' || COMMHUB_BUNDLES_CUSTOMERS;
  const withWorkItems = typeof COMMHUB_BUNDLES_WORK_ITEMS === 'undefined' || COMMHUB_BUNDLES_WORK_ITEMS;
  const withReports = typeof COMMHUB_BUNDLES_REPORTS === 'undefined' || COMMHUB_BUNDLES_REPORTS;
  const withRiskEpisodes = typeof COMMHUB_BUNDLES_RISK_EPISODES === 'undefined' || COMMHUB_BUNDLES_RISK_EPISODES;
  const withBlobReferences = typeof COMMHUB_BUNDLES_BLOB_REFERENCES === 'undefined' || COMMHUB_BUNDLES_BLOB_REFERENCES;
  const withReplayGuard = typeof COMMHUB_BUNDLES_REPLAY_GUARD === 'undefined' || COMMHUB_BUNDLES_REPLAY_GUARD;
  const withAudit = typeof COMMHUB_BUNDLES_AUDIT === 'undefined' || COMMHUB_BUNDLES_AUDIT;
  const once = <T>(make: () => T): (() => T) => {
    let value: T | undefined;
    return () => (value ??= make());
  };
  const endpoints = config.endpoints;
  const documentClient = withTable ? once(() => createDocumentClient({ region: config.region, endpoint: endpoints?.dynamodb, credentials: config.credentials })) : missingAdapter('the table', 'table');
  const tableName = () => requireSetting(config.tableName, ENV.tableName);
  // A store that pages signs its cursors; one that never does (cursors: false) has a codec that fails when asked to.
  const cursors = once(() => new CursorCodec(withCursors ? cursorKeyMaterial(config) : async () => missingAdapter('the cursor key', 'cursors')()));
  const records = withTable ? once(() => new DynamoDbRecordStore(documentClient(), tableName(), cursors())) : missingAdapter('records', 'table');
  const customers = withTable && withCustomers ? once(() => new DynamoDbCustomerStore(documentClient(), tableName(), cursors())) : missingAdapter('customers', 'customers');
  const workItems = withTable && withWorkItems ? once(() => new DynamoDbWorkItemStore(documentClient(), tableName(), cursors())) : missingAdapter('workItems', 'workItems');
  const reports = withTable && withReports ? once(() => new DynamoDbReportStore(documentClient(), tableName(), cursors())) : missingAdapter('reports', 'reports');
  const riskEpisodes = withTable && withRiskEpisodes ? once(() => new DynamoDbRiskEpisodeStore(documentClient(), tableName())) : missingAdapter('riskEpisodes', 'riskEpisodes');
  const blobReferences = withTable && withBlobReferences ? once(() => new DynamoDbBlobReferenceStore(documentClient(), tableName())) : missingAdapter('blobReferences', 'blobReferences');
  const audit = withTable && withAudit ? once(() => new DynamoDbAuditLog(documentClient(), tableName(), cursors())) : missingAdapter('audit', 'audit');
  const replayGuard = withTable && withReplayGuard ? once(() => new DynamoDbReplayGuard(documentClient(), tableName(), () => clock.now())) : missingAdapter('replayGuard', 'replayGuard');
  const tenants = withTenants ? once(() => new TenantDocumentDirectory(tenantDocument(config))) : missingAdapter('tenants', 'tenants');
  const blobs = withBlobs
    ? once(
        () =>
          // Each bucket is required when used: a function reading blobs has no raw archive (get-communication).
          new S3BlobStore(createS3Client({ region: config.region, endpoint: endpoints?.s3, credentials: config.credentials }), {
            get rawArchive() {
              return requireSetting(config.rawArchiveBucket, ENV.rawArchiveBucket);
            },
            get blobs() {
              return requireSetting(config.blobBucket, ENV.blobBucket);
            },
          }),
      )
    : missingAdapter('blobs', 'blobs');
  return {
    get records() {
      return records();
    },
    get customers() {
      return customers();
    },
    get workItems() {
      return workItems();
    },
    get reports() {
      return reports();
    },
    get riskEpisodes() {
      return riskEpisodes();
    },
    get blobs() {
      return blobs();
    },
    get blobReferences() {
      return blobReferences();
    },
    get tenants() {
      return tenants();
    },
    get replayGuard() {
      return replayGuard();
    },
    get audit() {
      return audit();
    },
    metrics,
    clock,
  };
}
