import type { AuditLog } from './ports/audit-log.js';
import type { BlobStore } from './ports/blob-store.js';
import type { BlobReferenceStore } from './ports/blob-reference-store.js';
import type { Clock } from './ports/clock.js';
import type { CustomerStore } from './ports/customer-store.js';
import type { Metrics } from './ports/metrics.js';
import type { RecordStore } from './ports/record-store.js';
import type { ReplayGuard } from './ports/replay-guard.js';
import type { ReportStore } from './ports/report-store.js';
import type { RiskEpisodeStore } from './ports/risk-episode-store.js';
import type { TenantDirectory } from './ports/tenant-directory.js';
import type { WorkItemStore } from './ports/work-item-store.js';

/** The ports a use case may need; each runtime supplies its adapters. */
export interface HubDependencies {
  readonly records: RecordStore;
  readonly customers: CustomerStore;
  readonly workItems: WorkItemStore;
  readonly reports: ReportStore;
  readonly riskEpisodes: RiskEpisodeStore;
  readonly blobs: BlobStore;
  /** Which records use a shared blob (attachments, uploads) or a redelivery's raw payload: deletion reads it. */
  readonly blobReferences: BlobReferenceStore;
  readonly tenants: TenantDirectory;
  readonly replayGuard: ReplayGuard;
  /** Append-only trail of mutating API calls and the hub's own destructive jobs; queryable by admins. */
  readonly audit: AuditLog;
  /** Counts of what happened (ingested, duplicates, rejections, model use): CloudWatch on AWS, a local file embedded. */
  readonly metrics: Metrics;
  readonly clock: Clock;
}
