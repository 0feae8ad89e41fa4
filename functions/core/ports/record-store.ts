import type { Analysis } from '../model/analysis.js';
import type { CommunicationRecord } from '../model/communication-record.js';
import type { Transcription } from '../model/transcription.js';
import type { INTENT_CATEGORIES, RecordType, SENTIMENTS, URGENCY_LEVELS } from '../model/record-types.js';
import type { Page, PageRequest } from './page.js';

/** Filters of a customer's timeline; each list filter matches any of its values, filters combine with AND. */
export interface TimelineFilter {
  readonly types?: readonly RecordType[];
  readonly intents?: readonly (typeof INTENT_CATEGORIES)[number][];
  readonly sentiments?: readonly (typeof SENTIMENTS)[number][];
  readonly urgencies?: readonly (typeof URGENCY_LEVELS)[number][];
  /** Inclusive bounds, ISO 8601 UTC. */
  readonly from?: string;
  readonly to?: string;
}

export interface TimelineQuery extends PageRequest, TimelineFilter {
  readonly tenantId: string;
  readonly customerId: string;
}

export interface ThreadPosition {
  readonly recordId: string;
  readonly occurredAt: string;
}

/** A body as stored on a record: inline, or a preview with the full text in the blob store. */
export interface RecordContent {
  readonly content: string;
  readonly contentTruncated?: boolean;
  readonly contentRef?: string;
}

export interface InsertResult {
  /** `false` when the same source message was stored before: `record` is then the stored one. */
  readonly inserted: boolean;
  readonly record: CommunicationRecord;
  /**
   * `true` when the source message was erased (a privacy request or retention left its tombstone):
   * nothing was stored, and `record` is the refused draft, not a stored record.
   */
  readonly erased?: boolean;
}

/**
 * How stale a day's `touchedAt` may be: a store notes a day at most this often per process, so a
 * record stored at `t` has its day touched at `t - DAY_TOUCH_INTERVAL_MS` or later.
 */
export const DAY_TOUCH_INTERVAL_MS = 10 * 60_000;

/** A UTC day that has had records, and when a record was last stored on it (wall clock, ±`DAY_TOUCH_INTERVAL_MS`). */
export interface RecordDay {
  readonly day: string;
  readonly touchedAt: number;
}

/** Where a tenant's retention sweep got to. */
export interface RetentionState {
  /** Every day before this one was cleared (unless touched since `sweptAt`). */
  readonly clearedBefore: string;
  /** Wall-clock start of the last complete sweep. */
  readonly sweptAt: number;
}

/** Why a record was erased: its tombstone says so, and how long it refuses a redelivery. */
export interface RecordTombstone {
  readonly erasedAt: string;
  readonly reason: 'privacy' | 'retention';
  /** When the tombstone may go (DynamoDB TTL); absent = kept, so a redelivery is refused for good. */
  readonly expiresAt?: Date;
}

/**
 * Where communication records live. Every write is idempotent: the same source message always
 * lands on the same record, however often and however concurrently it is delivered.
 */
export interface RecordStore {
  insertRecord(record: CommunicationRecord): Promise<InsertResult>;
  /** `null` when absent or another tenant's. */
  getRecord(tenantId: string, recordId: string): Promise<CommunicationRecord | null>;
  /** The record a source message became (e.g. the email an In-Reply-To names), or `null`. */
  findBySource(tenantId: string, sourceSystem: string, sourceRecordId: string): Promise<CommunicationRecord | null>;
  /** Newest first. Throws `InvalidCursorError` for a cursor of another query, customer or tenant. */
  queryTimeline(query: TimelineQuery): Promise<Page<CommunicationRecord>>;
  /** The newest record of a thread (chat, call, meeting, mail thread) seen so far, or `null`. */
  latestInThread(tenantId: string, threadId: string): Promise<ThreadPosition | null>;
  /** Makes `position` the thread's newest record unless a newer one is already there (idempotent). */
  advanceThread(tenantId: string, threadId: string, position: ThreadPosition): Promise<void>;
  /** Records no customer could be identified for, newest first. */
  listUnmatched(tenantId: string, page: PageRequest): Promise<Page<CommunicationRecord>>;
  /** Moves a record onto a customer's timeline (idempotent); `null` when the record is absent. */
  assignRecord(tenantId: string, recordId: string, customerId: string, by: string, at: string): Promise<CommunicationRecord | null>;
  /** Replaces a record's analysis block (idempotent; a retry writes the same block). `null` when absent. */
  saveAnalysis(tenantId: string, recordId: string, analysis: Analysis, at: string): Promise<CommunicationRecord | null>;
  /**
   * Records how a media record got its text; with `content`, the transcript becomes the record's
   * body (a preview plus `contentRef` when too large for the item). `null` when absent.
   */
  saveTranscription(tenantId: string, recordId: string, transcription: Transcription, content?: RecordContent): Promise<CommunicationRecord | null>;
  /** Replaces a record's subject and body (the tenant's opt-in PII redaction). `null` when absent. */
  saveRedactedContent(tenantId: string, recordId: string, redacted: { subject?: string; content?: string }, at: string): Promise<CommunicationRecord | null>;
  /** Every record of a tenant that happened on one UTC day (`yyyy-mm-dd`), newest first. */
  queryDayFeed(tenantId: string, day: string, page: PageRequest): Promise<Page<CommunicationRecord>>;
  /** The newest record time on a customer's timeline and the number of records since `since`. */
  summarizeTimeline(tenantId: string, customerId: string, since: string): Promise<{ lastContactAt: string | null; recordsSince: number }>;

  /**
   * Replaces a record by its tombstone: gone from every index (timeline, inbox, day feed), `getRecord`
   * answers `null`, and a redelivery of its source message is refused (`InsertResult.erased`).
   * `false` when there was no record (absent, another tenant's, or already erased). Safe to repeat.
   */
  eraseRecord(tenantId: string, recordId: string, tombstone: RecordTombstone): Promise<boolean>;
  /**
   * A thread whose newest record is being erased: points it at `to` (the record before it), or
   * forgets the thread when `to` is `null` — only while it still points at `from`.
   */
  rewindThread(tenantId: string, threadId: string, from: string, to: ThreadPosition | null): Promise<void>;
  /** Up to `limit` ids of the records of a UTC day (`yyyy-mm-dd`) that happened before `before` (retention). */
  recordIdsOnDay(tenantId: string, day: string, before: string, limit: number): Promise<string[]>;
  /** The UTC days up to `through` (inclusive) that have had records, oldest first: what a retention sweep walks. */
  recordDays(tenantId: string, through: string): Promise<RecordDay[]>;
  /** `null` before the tenant's first complete sweep. */
  retentionState(tenantId: string): Promise<RetentionState | null>;
  saveRetentionState(tenantId: string, state: RetentionState): Promise<void>;
}
