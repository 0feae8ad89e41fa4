import type { CommunicationRecord } from '../model/communication-record.js';
import type { RecordType } from '../model/record-types.js';

/**
 * Record types where one record holds both sides of a live conversation (a call, a meeting, a visit
 * report, a Connect chat session): the customer's words are in it whichever side started it.
 */
export const CONVERSATION_TYPES: ReadonlySet<RecordType> = new Set(['phone', 'mobile', 'meeting', 'video', 'visit', 'webchat']);

/**
 * Whether a record is a communication with the customer. Internal records (notes, discussions among
 * staff) are not: they would count contact that never happened, and a note repeating what the
 * customer said would count the same signal twice.
 *
 * @example isCustomerCommunication({ direction: 'internal' }) // false
 */
export const isCustomerCommunication = (record: Pick<CommunicationRecord, 'direction'>): boolean => record.direction !== 'internal';

/**
 * Whether a record carries the customer's own words: what they sent us, or a conversation they took
 * part in. Sentiment, complaints, competitor mentions and price objections are read from these only —
 * our own outbound email that says "cheaper than competitor X" is sales talk, not pressure.
 *
 * @example carriesCustomerWords({ direction: 'outbound', type: 'phone' }) // true: the call has both sides
 */
export function carriesCustomerWords(record: Pick<CommunicationRecord, 'direction' | 'type'>): boolean {
  if (record.direction === 'inbound') return true;
  return record.direction === 'outbound' && CONVERSATION_TYPES.has(record.type);
}
