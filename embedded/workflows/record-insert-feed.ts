import type { CommunicationRecord } from '../../functions/core/model/communication-record.js';
import type { RecordStore } from '../../functions/core/ports/record-store.js';

/**
 * The embedded stand-in for the table's stream: the local DynamoDB server has no streams, so the
 * record store is wrapped to report each newly inserted record (not redeliveries) after the write
 * has returned — the same moment a stream record appears on AWS. `onInserted` runs detached: it
 * never delays or fails the request that stored the record.
 *
 * Unlike a stream, this sees the client's view of the write: a put that landed but whose answer was
 * lost (a reset connection, a process killed before the feed ran) looks like a redelivery of a
 * stored record next time. So a redelivery of a record whose analysis is still `pending` is
 * reported to `onPendingDuplicate`, which starts its workflow unless one is already queued or running.
 *
 * A stream also keeps what it reported until it was handled; `noteInserted` runs synchronously as the
 * put returns — before the caller can answer its client — so the feed can note the record durably
 * (the workflow journal) and hand it on again after a crash that caught it between put and start.
 */
export function withInsertFeed(
  store: RecordStore,
  onInserted: (record: CommunicationRecord) => void,
  onPendingDuplicate: (record: CommunicationRecord) => void = () => undefined,
  noteInserted: (record: CommunicationRecord) => void = () => undefined,
): RecordStore {
  return new Proxy(store, {
    get(target, property, receiver) {
      if (property === 'insertRecord') {
        return async (record: CommunicationRecord) => {
          const result = await target.insertRecord(record);
          if (result.inserted) {
            noteInserted(result.record);
            setImmediate(() => onInserted(result.record));
          }
          else if (!result.erased && result.record.analysis.status === 'pending') setImmediate(() => onPendingDuplicate(result.record));
          return result;
        };
      }
      const value: unknown = Reflect.get(target, property, receiver);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}
