import type { BlobStore } from './ports/blob-store.js';
import type { Clock } from './ports/clock.js';
import type { CustomerStore } from './ports/customer-store.js';
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
  readonly tenants: TenantDirectory;
  readonly replayGuard: ReplayGuard;
  readonly clock: Clock;
}
