import type { Identity } from '../../core/model/customer.js';
import { FEED_SHARDS, UNMATCHED_SHARDS } from './table-design.js';

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
  identity: (tenantId: string, identity: Identity) => ({ PK: `T#${tenantId}#ID#${identity.kind}#${identity.value}`, SK: 'IDENTITY' }),
  insight: (tenantId: string, insightId: string) => ({ PK: `T#${tenantId}#INSIGHT#${insightId}`, SK: 'INSIGHT' }),
  customerInsights: (tenantId: string, customerId: string) => `T#${tenantId}#C#${customerId}#INSIGHTS`,
  task: (tenantId: string, taskId: string) => ({ PK: `T#${tenantId}#TASK#${taskId}`, SK: 'TASK' }),
  customerTasks: (tenantId: string, customerId: string) => `T#${tenantId}#C#${customerId}#TASKS`,
  assigneeTasks: (tenantId: string, assignee: string) => `T#${tenantId}#ASSIGNEE#${assignee}`,
  report: (tenantId: string, reportId: string) => ({ PK: `T#${tenantId}#REPORT#${reportId}`, SK: 'REPORT' }),
  tenantReports: (tenantId: string) => `T#${tenantId}#REPORTS`,
  /** The job-state-change event names only the job (whose name embeds tenant and record). */
  transcriptionJob: (jobName: string) => ({ PK: `TRANSCRIPTION#${jobName}`, SK: 'WAITING_TASK' }),
} as const;

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
