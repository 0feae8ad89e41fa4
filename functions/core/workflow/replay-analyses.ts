import { ValidationError } from '../errors.js';
import type { CommunicationRecord } from '../model/communication-record.js';
import type { RecordWorkflowDependencies } from './record-workflow-dependencies.js';
import { workflowKindFor } from './workflow-kind.js';

export const REPLAY_SELECTIONS = ['failed', 'unfinished', 'all'] as const;
export type ReplaySelection = (typeof REPLAY_SELECTIONS)[number];

export interface ReplayRequest {
  readonly tenantId: string;
  /** UTC days `yyyy-mm-dd`, inclusive; at most `MAX_REPLAY_DAYS` apart. */
  readonly fromDay: string;
  readonly toDay: string;
  /** `failed`: analysis failed; `unfinished`: failed or still pending (e.g. a workflow lost in a restart); `all`: re-analyse everything. */
  readonly select: ReplaySelection;
  /** Names this replay; the same id again starts nothing new (execution names and `analysis.run` carry it). */
  readonly replayId: string;
  readonly limit: number;
}

export interface ReplayResult {
  readonly replayId: string;
  readonly examined: number;
  readonly started: readonly string[];
  /** Set when `limit` stopped the replay early: run it again with a later `fromDay`… or a higher limit. */
  readonly truncated: boolean;
}

export const MAX_REPLAY_DAYS = 31;
const DAY_MS = 86_400_000;

function daysBetween(fromDay: string, toDay: string): string[] {
  const from = Date.parse(`${fromDay}T00:00:00Z`);
  const to = Date.parse(`${toDay}T00:00:00Z`);
  if (Number.isNaN(from) || Number.isNaN(to) || to < from) {
    throw new ValidationError('from and to must be days yyyy-mm-dd with from ≤ to', [{ path: 'from', message: 'from must not be after to' }]);
  }
  const count = (to - from) / DAY_MS + 1;
  if (count > MAX_REPLAY_DAYS) throw new ValidationError(`at most ${MAX_REPLAY_DAYS} days per replay`, [{ path: 'to', message: `at most ${MAX_REPLAY_DAYS} days after from` }]);
  return Array.from({ length: count }, (_, i) => new Date(from + i * DAY_MS).toISOString().slice(0, 10));
}

const wanted = (record: CommunicationRecord, select: ReplaySelection, replayId: string) => {
  if (record.analysis.run === replayId) return false;
  if (select === 'all') return true;
  return record.analysis.status === 'failed' || (select === 'unfinished' && record.analysis.status === 'pending');
};

/**
 * Re-runs the record workflow for a tenant's records of a time range whose analysis failed (or all
 * of them), walking the sharded day feed — no scan. Idempotent: the replay id names each execution and
 * is written as the analysis' `run`, so running the same replay twice starts nothing twice.
 */
export async function replayAnalyses(deps: Pick<RecordWorkflowDependencies, 'records' | 'workflows' | 'transcriber'>, request: ReplayRequest): Promise<ReplayResult> {
  const started: string[] = [];
  let examined = 0;
  for (const day of daysBetween(request.fromDay, request.toDay)) {
    let cursor: string | undefined;
    do {
      const page = await deps.records.queryDayFeed(request.tenantId, day, { limit: 100, cursor });
      for (const record of page.items) {
        examined++;
        if (!wanted(record, request.select, request.replayId)) continue;
        if (started.length >= request.limit) return { replayId: request.replayId, examined, started, truncated: true };
        await deps.workflows.start({ kind: workflowKindFor(record, deps.transcriber), tenantId: record.tenantId, recordId: record.recordId, attempt: request.replayId });
        started.push(record.recordId);
      }
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
  }
  return { replayId: request.replayId, examined, started, truncated: false };
}
