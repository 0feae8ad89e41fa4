import { CommunicationRecord } from '../../functions/core/model/communication-record.js';
import type { DIRECTIONS, INTENT_CATEGORIES, RecordType } from '../../functions/core/model/record-types.js';
import type { Task } from '../../functions/core/model/task.js';
import { storedRecord } from '../support/records.js';

export const TENANT_ID = 'T001';
export const CUSTOMER_ID = 'C001';
/** The anchor most tests use: Saturday 15 June 2024, 00:00 UTC (08:00 in Shanghai). */
export const AS_OF = new Date('2024-06-15T00:00:00Z');

const DAY_MS = 86_400_000;

/** The instant `days` days (fractions allowed) before `AS_OF`, as ISO 8601 UTC. */
export const daysAgo = (days: number, asOf: Date = AS_OF) => new Date(asOf.getTime() - days * DAY_MS).toISOString();

export interface RecordSpec {
  /** `occurredAt`, ISO 8601. */
  readonly at: string;
  readonly direction?: (typeof DIRECTIONS)[number];
  readonly type?: RecordType;
  readonly subject?: string;
  readonly content?: string;
  readonly intent?: (typeof INTENT_CATEGORIES)[number];
  /** Sentiment score −1…1; the overall label follows from it (±0.2 around neutral). */
  readonly sentiment?: number;
  readonly keyInfo?: Partial<NonNullable<CommunicationRecord['analysis']['keyInfo']>>;
  /** Leave the analysis pending (no intent, sentiment or key facts). */
  readonly unanalysed?: boolean;
}

let sequence = 0;

/**
 * A valid stored record (parsed by the model schema) with a completed analysis built from the spec.
 *
 * @example aRecord({ at: daysAgo(3), direction: 'inbound', intent: 'complaint', sentiment: -0.6 })
 */
export function aRecord(spec: RecordSpec): CommunicationRecord {
  sequence += 1;
  const base = storedRecord({
    tenantId: TENANT_ID,
    customerId: CUSTOMER_ID,
    sourceRecordId: `insight-${sequence}`,
    occurredAt: new Date(spec.at).toISOString(),
    type: spec.type ?? 'email',
  });
  const record = {
    ...base,
    direction: spec.direction ?? 'inbound',
    subject: spec.subject,
    content: spec.content ?? '您好，想了解一下产品情况。',
    analysis: spec.unanalysed ? base.analysis : { ...base.analysis, status: 'completed' as const, ...analysisOf(spec) },
  };
  return CommunicationRecord.parse(record);
}

function analysisOf(spec: RecordSpec): Partial<CommunicationRecord['analysis']> {
  const analysis: Partial<CommunicationRecord['analysis']> = {};
  if (spec.intent !== undefined) analysis.intent = { category: spec.intent, confidence: 0.9 };
  if (spec.sentiment !== undefined) {
    const overall = spec.sentiment <= -0.2 ? 'negative' : spec.sentiment >= 0.2 ? 'positive' : 'neutral';
    analysis.sentiment = { overall, score: spec.sentiment };
  }
  if (spec.keyInfo !== undefined) analysis.keyInfo = { products: [], competitors: [], ...spec.keyInfo };
  return analysis;
}

/** A follow-up task; only `status` and `dueAt` matter to the metrics. */
export function aTask(status: Task['status'], dueAt: string): Task {
  sequence += 1;
  return {
    taskId: `task-${sequence}`,
    tenantId: TENANT_ID,
    customerId: CUSTOMER_ID,
    title: 'follow up',
    assignee: 'sales-1',
    dueAt,
    status,
    priority: 'medium',
    createdAt: AS_OF.toISOString(),
    updatedAt: AS_OF.toISOString(),
  };
}
