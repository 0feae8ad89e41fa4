import type { BlobStore } from './ports/blob-store.js';
import type { Clock } from './ports/clock.js';
import type { CustomerStore } from './ports/customer-store.js';
import type { RecordStore } from './ports/record-store.js';
import type { ReplayGuard } from './ports/replay-guard.js';
import type { TenantDirectory } from './ports/tenant-directory.js';
import type { WorkItemStore } from './ports/work-item-store.js';

/** The ports a use case may need; each runtime supplies its adapters. */
export interface HubDependencies {
  readonly records: RecordStore;
  readonly customers: CustomerStore;
  readonly workItems: WorkItemStore;
  readonly blobs: BlobStore;
  readonly tenants: TenantDirectory;
  readonly replayGuard: ReplayGuard;
  readonly clock: Clock;
}
