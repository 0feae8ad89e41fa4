import { closeSync, existsSync, fsyncSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import type { RecordWorkflowStart } from '../../functions/core/ports/workflow.js';

/** Lines written since the last compaction before the journal is rewritten with only what is open. */
const COMPACT_AFTER_LINES = 50_000;

type JournalLine = { readonly op: 'start'; readonly start: RecordWorkflowStart } | { readonly op: 'end'; readonly key: string };

/** The execution name of a record workflow start: record id and attempt, as the engine names it. */
export const journalKey = (start: RecordWorkflowStart) => `${start.recordId}-${start.attempt}`;

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
 * Writes are synchronous appends (one small line each, no fsync per line: the OS keeps them across a
 * process crash; a machine crash may lose the last few, as it would lose dynalite's own writes).
 */
export class WorkflowJournal {
  private readonly open = new Map<string, RecordWorkflowStart>();
  private fd: number;
  private linesSinceCompaction = 0;

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
    if (this.linesSinceCompaction >= COMPACT_AFTER_LINES) {
      closeSync(this.fd);
      this.fd = this.rewrite();
    }
  }

  close(): void {
    closeSync(this.fd);
  }

  private append(line: JournalLine): void {
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
  }

  /** Writes the open starts to a new file and swaps it in atomically (rename), then appends to it. */
  private rewrite(): number {
    const temporary = `${this.file}.${process.pid}.tmp`;
    const fd = openSync(temporary, 'w');
    for (const start of this.open.values()) writeSync(fd, `${JSON.stringify({ op: 'start', start } satisfies JournalLine)}\n`);
    fsyncSync(fd);
    closeSync(fd);
    renameSync(temporary, this.file);
    this.linesSinceCompaction = 0;
    return openSync(this.file, 'a');
  }
}
