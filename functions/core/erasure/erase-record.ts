import type { HubDependencies } from '../dependencies.js';
import type { CommunicationRecord } from '../model/communication-record.js';
import type { RecordTombstone } from '../ports/record-store.js';
import { followUpTaskId } from '../workflow/follow-up-tasks.js';
import { urgentAlertId } from '../workflow/urgent-alert.js';
import { eraseRecordBlobs } from './erase-record-blobs.js';

/** How long a retention tombstone refuses a redelivery (vendors retry for hours, backfills come later). */
export const RETENTION_TOMBSTONE_DAYS = 30;
const DAY_MS = 86_400_000;
const INSIGHTS_PAGE = 100;

/** What erasing one record removed: ids and counts, never content. */
export interface RecordErasure {
  readonly recordId: string;
  readonly customerId: string | null;
  /** Objects removed from the raw archive and blob buckets. */
  readonly blobs: number;
  readonly taskIds: string[];
  /** Insights deleted: the record's urgent alert, and findings it alone supported. */
  readonly insightIds: string[];
  /** Insights kept with the record taken out of their evidence (they cite other records too). */
  readonly insightIdsUpdated: string[];
}

export interface EraseRecordOptions {
  readonly reason: RecordTombstone['reason'];
  /**
   * Also take the record out of its customer's other insights. Off when the whole customer is being
   * deleted: its insights go wholesale, so reading them per record would be wasted work.
   * @default true
   */
  readonly scrubInsights?: boolean;
}

async function deleteWorkItems(deps: HubDependencies, record: CommunicationRecord): Promise<{ taskIds: string[]; insightIds: string[] }> {
  const { tenantId, recordId, analysis } = record;
  // Listed on the analysis, and derived (a run that died before saving its analysis left them unlisted).
  const taskIds = new Set([...analysis.followUps.flatMap((f) => (f.taskId ? [f.taskId] : [])), ...analysis.followUps.map((_, i) => followUpTaskId(recordId, i))]);
  const alertIds = new Set([urgentAlertId(recordId), ...(analysis.alertInsightId ? [analysis.alertInsightId] : [])]);
  const [tasks, alerts] = await Promise.all([
    Promise.all([...taskIds].map(async (id) => ((await deps.workItems.deleteTask(tenantId, id)) ? id : null))),
    Promise.all([...alertIds].map(async (id) => ((await deps.workItems.deleteInsight(tenantId, id)) ? id : null))),
  ]);
  return { taskIds: tasks.filter((id): id is string => id !== null), insightIds: alerts.filter((id): id is string => id !== null) };
}

/** Findings that cite the record: deleted when it was their only evidence, otherwise kept without it. */
async function scrubCitingInsights(deps: HubDependencies, record: CommunicationRecord, at: string): Promise<{ deleted: string[]; updated: string[] }> {
  const { tenantId, recordId, customerId } = record;
  const result = { deleted: [] as string[], updated: [] as string[] };
  if (customerId === null) return result;
  let cursor: string | undefined;
  do {
    const page = await deps.workItems.listInsights(tenantId, customerId, { limit: INSIGHTS_PAGE, cursor }, { relatedRecordId: recordId });
    for (const insight of page.items) {
      if (insight.relatedRecordIds.every((id) => id === recordId)) {
        if (await deps.workItems.deleteInsight(tenantId, insight.insightId)) result.deleted.push(insight.insightId);
      } else if (await deps.workItems.forgetRelatedRecord(tenantId, insight.insightId, recordId, at)) result.updated.push(insight.insightId);
    }
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return result;
}

/** A thread whose newest record goes falls back to the record before it (its parent in the thread), or is forgotten. */
async function rewindThread(deps: HubDependencies, record: CommunicationRecord): Promise<void> {
  const { tenantId, threadId, recordId } = record;
  if (threadId === undefined) return;
  const latest = await deps.records.latestInThread(tenantId, threadId);
  if (latest?.recordId !== recordId) return;
  const parent = record.parentRecordId === undefined ? null : await deps.records.getRecord(tenantId, record.parentRecordId);
  const to = parent && parent.threadId === threadId ? { recordId: parent.recordId, occurredAt: parent.occurredAt } : null;
  await deps.records.rewindThread(tenantId, threadId, recordId, to);
}

/**
 * Erases one record from every place it reached: its blobs (raw payloads of every delivery, inbound
 * mail, body, transcripts, model inputs; attachments and uploads unless another live record uses
 * them), its follow-up tasks and urgent alert, the findings it alone supported (others drop it from
 * their evidence), its thread pointer — and last the record itself, replaced by a tombstone that
 * takes it off the timeline, the unmatched inbox and the day feed and refuses its redelivery (for
 * good after a privacy request; for `RETENTION_TOMBSTONE_DAYS` after retention).
 *
 * Idempotent and safe to retry: the record is the last thing to go, so a run that died halfway is
 * finished by the next one. `null` when there is no record (absent, another tenant's, or erased).
 *
 * @example
 * const erased = await eraseRecord(deps, 'T001', 'EMAIL-20240615-…', { reason: 'privacy' });
 */
export async function eraseRecord(deps: HubDependencies, tenantId: string, recordId: string, options: EraseRecordOptions): Promise<RecordErasure | null> {
  const record = await deps.records.getRecord(tenantId, recordId);
  if (!record) return null;
  const now = deps.clock.now();
  const at = now.toISOString();
  const [blobs, items, citing] = await Promise.all([
    eraseRecordBlobs(deps, record),
    deleteWorkItems(deps, record),
    options.scrubInsights === false ? { deleted: [] as string[], updated: [] as string[] } : scrubCitingInsights(deps, record, at),
    rewindThread(deps, record),
  ]);
  const expiresAt = options.reason === 'retention' ? new Date(now.getTime() + RETENTION_TOMBSTONE_DAYS * DAY_MS) : undefined;
  await deps.records.eraseRecord(tenantId, recordId, { erasedAt: at, reason: options.reason, ...(expiresAt ? { expiresAt } : {}) });
  return {
    recordId,
    customerId: record.customerId,
    blobs,
    taskIds: items.taskIds,
    insightIds: [...new Set([...items.insightIds, ...citing.deleted])],
    insightIdsUpdated: citing.updated.filter((id) => !citing.deleted.includes(id)),
  };
}
