import { closeSync, existsSync, fsyncSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import type { RecordWorkflowStart } from '../../functions/core/ports/workflow.js';

/** Lines written since the last compaction before the journal is rewritten with only what is open. */
const COMPACT_AFTER_LINES = 50_000;

/** A stored record the insert feed has yet to hand on (its `communication.ingested` event and its workflow start). */
export interface InsertedRecordRef {
  readonly tenantId: string;
  readonly recordId: string;
}

type JournalLine =
  | { readonly op: 'start'; readonly start: RecordWorkflowStart }
  | { readonly op: 'end'; readonly key: string }
  | { readonly op: 'insert'; readonly record: InsertedRecordRef }
  | { readonly op: 'fed'; readonly key: string };

/** The execution name of a record workflow start: record id and attempt, as the engine names it. */
export const journalKey = (start: RecordWorkflowStart) => `${start.recordId}-${start.attempt}`;
const insertKey = (record: InsertedRecordRef) => `${record.tenantId}/${record.recordId}`;

/**
 * A write-ahead journal of the embedded engine's record workflow starts, in a JSON-lines file of the
 * data dir. On AWS a started execution is Step Functions' to keep; the embedded engine holds its queue
 * and running executions in memory, so a restart — a crash, `kill -9`, or a plain Ctrl-C with work
 * still queued — would leave those records `pending` until someone replays them. Each start is
 * written before it is queued and its end after the execution finished (succeeded or failed); what
 * has a start and no end is run again when the hub next starts. Running a record workflow twice is
 * safe (every step is idempotent), so an end lost in a crash costs one repeated analysis, never a
 * lost one.
 *
 * It also stands in for the durability of the table's stream: on AWS a stored record stays in the
 * stream until the starter function has published its event and started its workflow; here the
 * insert feed notes each new record (`insert`) as soon as the put returns — before the request is
 * answered — and `fed` once both are done. What was inserted and never fed (the feed's queue dies
 * with the process) is fed again at the next start: its event may then be published twice, as a
 * stream retry would.
 *
 * Writes are synchronous appends (one small line each, no fsync per line: the OS keeps them across a
 * process crash; a machine crash may lose the last few, as it would lose dynalite's own writes).
 */
export class WorkflowJournal {
  private readonly open = new Map<string, RecordWorkflowStart>();
  private readonly unfedInserts = new Map<string, InsertedRecordRef>();
  private fd: number;
  private linesSinceCompaction = 0;
  private closed = false;

  /** Opens (or creates) the journal; what it held open is {@link unfinished}, rewritten compactly. */
  constructor(private readonly file: string) {
    if (existsSync(file)) {
      for (const line of readFileSync(file, 'utf8').split('\n')) this.replay(line);
    }
    this.fd = this.rewrite();
  }

  /** Starts that never ended: to be run again, in the order they were first started. */
  unfinished(): RecordWorkflowStart[] {
    return [...this.open.values()];
  }

  /** Notes a start before the execution is queued. */
  started(start: RecordWorkflowStart): void {
    const key = journalKey(start);
    if (this.open.has(key)) return;
    this.open.set(key, start);
    this.append({ op: 'start', start });
  }

  /** Notes that the execution named `key` ended (either way); the record's status says how. */
  ended(key: string): void {
    if (!this.open.delete(key)) return;
    this.append({ op: 'end', key });
    this.compactWhenLong();
  }

  /** Notes a newly stored record before the feed hands it on (called as the put returns). */
  inserted(record: InsertedRecordRef): void {
    const key = insertKey(record);
    if (this.unfedInserts.has(key)) return;
    this.unfedInserts.set(key, { tenantId: record.tenantId, recordId: record.recordId });
    this.append({ op: 'insert', record: { tenantId: record.tenantId, recordId: record.recordId } });
  }

  /** Notes that the record's event was published and its workflow start journaled. */
  fed(record: InsertedRecordRef): void {
    const key = insertKey(record);
    if (!this.unfedInserts.delete(key)) return;
    this.append({ op: 'fed', key });
    this.compactWhenLong();
  }

  /** Records stored before the last stop whose feed never finished: to be fed again, oldest first. */
  unfed(): InsertedRecordRef[] {
    return [...this.unfedInserts.values()];
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    closeSync(this.fd);
  }

  /** After `close` (a shutdown with feeds still finishing), notes are dropped: what is open stays open for the next start. */
  private append(line: JournalLine): void {
    if (this.closed) return;
    writeSync(this.fd, `${JSON.stringify(line)}\n`);
    this.linesSinceCompaction++;
  }

  /** A torn last line (a crash mid-write) is skipped: its start was never queued, or its end is replayed harmlessly. */
  private replay(text: string): void {
    if (text.trim() === '') return;
    let line: JournalLine;
    try {
      line = JSON.parse(text) as JournalLine;
    } catch {
      return;
    }
    if (line.op === 'start' && line.start?.recordId) this.open.set(journalKey(line.start), line.start);
    else if (line.op === 'end') this.open.delete(line.key);
    else if (line.op === 'insert' && line.record?.recordId) this.unfedInserts.set(insertKey(line.record), line.record);
    else if (line.op === 'fed') this.unfedInserts.delete(line.key);
  }

  private compactWhenLong(): void {
    if (this.linesSinceCompaction < COMPACT_AFTER_LINES) return;
    closeSync(this.fd);
    this.fd = this.rewrite();
  }

  /** Writes what is open (starts, unfed inserts) to a new file and swaps it in atomically (rename), then appends to it. */
  private rewrite(): number {
    const temporary = `${this.file}.${process.pid}.tmp`;
    const fd = openSync(temporary, 'w');
    for (const start of this.open.values()) writeSync(fd, `${JSON.stringify({ op: 'start', start } satisfies JournalLine)}\n`);
    for (const record of this.unfedInserts.values()) writeSync(fd, `${JSON.stringify({ op: 'insert', record } satisfies JournalLine)}\n`);
    fsyncSync(fd);
    closeSync(fd);
    renameSync(temporary, this.file);
    this.linesSinceCompaction = 0;
    return openSync(this.file, 'a');
  }
}
