import type { Identity } from '../../core/model/customer.js';
import { AUDIT_SHARDS, FEED_SHARDS, UNMATCHED_SHARDS } from './table-design.js';

/** Sort key prefix of a customer's search-term items, beside its `PROFILE` item. */
export const SEARCH_TERM_PREFIX = 'TERM#';

/**
 * Key builders for the single table (layout documented in table-design.ts). Tenant and customer
 * ids never contain `#` (validated at the edge), so these keys cannot be forged across tenants.
 */
export const keys = {
  record: (tenantId: string, identityHash: string) => ({ PK: `T#${tenantId}#R#${identityHash}`, SK: 'RECORD' }),
  timeline: (tenantId: string, customerId: string) => `T#${tenantId}#C#${customerId}#TL`,
  unmatched: (tenantId: string, shard: number) => `T#${tenantId}#UNMATCHED#${shard}`,
  dayFeed: (tenantId: string, day: string, shard: number) => `T#${tenantId}#FEED#${day}#${shard}`,
  /** Sort key of a record in every ordered index: time first, id to break ties. */
  recordOrder: (occurredAtUtc: string, recordId: string) => `${occurredAtUtc}#${recordId}`,
  thread: (tenantId: string, threadId: string) => ({ PK: `T#${tenantId}#THREAD#${threadId}`, SK: 'THREAD' }),
  customer: (tenantId: string, customerId: string) => ({ PK: `T#${tenantId}#C#${customerId}`, SK: 'PROFILE' }),
  /** A tenant's customers by priority (the periodic run's customer list). */
  tenantCustomers: (tenantId: string) => `T#${tenantId}#CUSTOMERS`,
  /** The open risk alerts of a customer by risk type (periodic A14 runs). */
  riskEpisodes: (tenantId: string, customerId: string) => ({ PK: `T#${tenantId}#C#${customerId}`, SK: 'RISK_EPISODES' }),
  /** A tenant's customers by name (the profile item's GSI1 keys; sort key `nameOrderOf`). */
  customersByName: (tenantId: string) => `T#${tenantId}#NAMES`,
  /** One search term of a customer (customer-search.ts), in the customer's own partition. */
  customerSearchTerm: (tenantId: string, customerId: string, term: string) => ({ PK: `T#${tenantId}#C#${customerId}`, SK: `${SEARCH_TERM_PREFIX}${term}` }),
  /** The search terms of a tenant that start with `firstChar` (GSI1, sort key = the term). */
  searchTerms: (tenantId: string, firstChar: string) => `T#${tenantId}#TERMS#${firstChar}`,
  identity: (tenantId: string, identity: Identity) => ({ PK: `T#${tenantId}#ID#${identity.kind}#${identity.value}`, SK: 'IDENTITY' }),
  /** Every identity item pointing at a customer (learned ones too), so deleting the customer finds them. */
  customerIdentities: (tenantId: string, customerId: string) => `T#${tenantId}#C#${customerId}#IDS`,
  /** One record's use of a shared blob (attachment, upload) or of a redelivery's raw payload. */
  blobReference: (tenantId: string, blobKey: string, recordId: string) => ({ PK: `T#${tenantId}#BLOB#${blobKey}`, SK: `R#${recordId}` }),
  blobReferrers: (tenantId: string, blobKey: string) => `T#${tenantId}#BLOB#${blobKey}`,
  recordBlobs: (tenantId: string, recordId: string) => `T#${tenantId}#R#${recordId}#BLOBS`,
  /** A record id whose noted blobs await the retention job's purge (an erased record's refused redelivery). */
  purge: (tenantId: string, recordId: string) => ({ PK: `T#${tenantId}#PURGE`, SK: `R#${recordId}` }),
  purgeQueue: (tenantId: string) => `T#${tenantId}#PURGE`,
  /** Where a tenant's retention sweep got to. */
  retentionState: (tenantId: string) => ({ PK: `T#${tenantId}#RETENTION`, SK: 'SWEEP' }),
  /** The UTC days a tenant has had records on (what the retention sweep walks). */
  recordDays: (tenantId: string) => `T#${tenantId}#DAYS`,
  insight: (tenantId: string, insightId: string) => ({ PK: `T#${tenantId}#INSIGHT#${insightId}`, SK: 'INSIGHT' }),
  customerInsights: (tenantId: string, customerId: string) => `T#${tenantId}#C#${customerId}#INSIGHTS`,
  task: (tenantId: string, taskId: string) => ({ PK: `T#${tenantId}#TASK#${taskId}`, SK: 'TASK' }),
  customerTasks: (tenantId: string, customerId: string) => `T#${tenantId}#C#${customerId}#TASKS`,
  assigneeTasks: (tenantId: string, assignee: string) => `T#${tenantId}#ASSIGNEE#${assignee}`,
  report: (tenantId: string, reportId: string) => ({ PK: `T#${tenantId}#REPORT#${reportId}`, SK: 'REPORT' }),
  tenantReports: (tenantId: string) => `T#${tenantId}#REPORTS`,
  /**
   * One audit entry: partition per tenant, UTC day and shard (see table-design.ts); newest first by
   * `at`. Audit keys lead with `AUDIT` rather than `T#`, so IAM can limit appends to them exactly.
   */
  auditEntry: (tenantId: string, at: string, auditId: string) => ({
    PK: `AUDIT#${tenantId}#${at.slice(0, 10)}#${shardOf(auditId, AUDIT_SHARDS)}`,
    SK: `${at}#${auditId}`,
  }),
  auditPartition: (tenantId: string, day: string, shard: number) => `AUDIT#${tenantId}#${day}#${shard}`,
  /** The UTC days on which a tenant has audit entries, so a listing walks only those. */
  auditDays: (tenantId: string, day: string) => ({ PK: `AUDIT_DAYS#${tenantId}`, SK: day }),
  /** The job-state-change event names only the job (whose name embeds tenant and record). */
  transcriptionJob: (jobName: string) => ({ PK: `TRANSCRIPTION#${jobName}`, SK: 'WAITING_TASK' }),
} as const;

/**
 * The partition keys audit appends write, as IAM `dynamodb:LeadingKeys` patterns (`*` any text):
 * the grant that lets every audited function append limits its PutItem to these.
 */
export const AUDIT_PARTITION_PATTERNS = ['AUDIT#*', 'AUDIT_DAYS#*'] as const;

/** Spreads a tenant's records over shards by their id hash, so no feed key gets hot. */
export function shardOf(identityHash: string, shards: number): number {
  let h = 0;
  for (let i = 0; i < identityHash.length; i++) h = (h * 31 + identityHash.charCodeAt(i)) >>> 0;
  return h % shards;
}

export const feedShardOf = (identityHash: string) => shardOf(identityHash, FEED_SHARDS);
export const unmatchedShardOf = (identityHash: string) => shardOf(identityHash, UNMATCHED_SHARDS);

/** The attributes that are keys, not data: stripped before an item becomes a domain object. */
export const KEY_NAMES = ['PK', 'SK', 'GSI1PK', 'GSI1SK', 'GSI2PK', 'GSI2SK'] as const;

export function withoutKeys<T>(item: Record<string, unknown>): T {
  const copy: Record<string, unknown> = { ...item };
  for (const name of KEY_NAMES) delete copy[name];
  return copy as T;
}
