import { appendFile, mkdir, readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { hubEventEnvelope, type HubEventEnvelope } from '../functions/adapters/eventbridge/event-bridge-publisher.js';
import type { EventPublisher, HubEvent } from '../functions/core/ports/event-publisher.js';

export interface LocalEventLogOptions {
  /** JSON-lines file; its folder is created when missing. */
  readonly file: string;
}

/** The embedded event publisher, which can also read back what it published. */
export interface LocalEventLog extends EventPublisher {
  /** Every event published so far, oldest first. */
  read(): Promise<HubEvent[]>;
}

/**
 * The embedded runtime's event bus: one JSON line per event, `{ source, "detail-type", time, detail }` (EventBridge's own field names),
 * the same envelope EventBridge delivers on AWS (`hubEventEnvelope`), so an integrator can develop
 * against the file and deploy against the bus. Appends are serialised through a promise chain:
 * concurrent publishes never interleave, and each publish's lines stay together.
 *
 * @example
 * const events = createLocalEventLog({ file: join(dataDir, 'events.jsonl') });
 * await events.publish([{ type: 'communication.ingested', tenantId, recordId, time, detail: {} }]);
 */
export function createLocalEventLog(options: LocalEventLogOptions): LocalEventLog {
  const { file } = options;
  let tail: Promise<unknown> = Promise.resolve();

  /** Runs after every earlier append, whatever their outcome. */
  function serialised<T>(work: () => Promise<T>): Promise<T> {
    const run = tail.then(work);
    tail = run.catch(() => undefined);
    return run;
  }

  return {
    publish(events: readonly HubEvent[]): Promise<void> {
      if (events.length === 0) return Promise.resolve();
      const lines = events.map((event) => `${JSON.stringify(hubEventEnvelope(event))}\n`).join('');
      return serialised(async () => {
        await mkdir(dirname(file), { recursive: true });
        await appendFile(file, lines, 'utf8');
      });
    },

    read(): Promise<HubEvent[]> {
      return serialised(async () => {
        let text: string;
        try {
          text = await readFile(file, 'utf8');
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
          throw error;
        }
        return text.split('\n').flatMap((line) => (line.trim() === '' ? [] : [eventOf(JSON.parse(line) as HubEventEnvelope)]));
      });
    },
  };
}

function eventOf(envelope: HubEventEnvelope): HubEvent {
  const { tenantId, recordId, ...detail } = envelope.detail;
  return { type: envelope['detail-type'], tenantId: String(tenantId), recordId: String(recordId), time: envelope.time, detail };
}
