import type { CommunicationRecord } from '../../functions/core/model/communication-record.js';
import type { RecordStore } from '../../functions/core/ports/record-store.js';

/**
 * The embedded stand-in for the table's stream: the local DynamoDB server has no streams, so the
 * record store is wrapped to report each newly inserted record (not redeliveries) after the write
 * has returned — the same moment a stream record appears on AWS. `onInserted` runs detached: it
 * never delays or fails the request that stored the record.
 */
export function withInsertFeed(store: RecordStore, onInserted: (record: CommunicationRecord) => void): RecordStore {
  return new Proxy(store, {
    get(target, property, receiver) {
      if (property === 'insertRecord') {
        return async (record: CommunicationRecord) => {
          const result = await target.insertRecord(record);
          if (result.inserted) setImmediate(() => onInserted(result.record));
          return result;
        };
      }
      const value: unknown = Reflect.get(target, property, receiver);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}
