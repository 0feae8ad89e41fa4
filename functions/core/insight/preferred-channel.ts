import type { CommunicationRecord } from '../model/communication-record.js';
import type { RecordType } from '../model/record-types.js';
import { isCustomerCommunication } from './customer-communication.js';
import type { CustomerMetrics } from './customer-metrics.js';
import { isWithinHistory, occurredAtMs } from './metric-windows.js';
import { RankedCounts } from './ranked-counts.js';

export type ChannelPreference = CustomerMetrics['channels'];

/**
 * Customer communications per record type over the 120-day window (both directions: a channel we
 * answer on is part of the relationship), the most used type and its share. A tie goes to the type
 * used most recently.
 *
 * @example
 * preferredChannel(records, asOf) // { counts: { wechat: 5, email: 3 }, preferred: 'wechat', preferredShare: 0.625 }
 */
export function preferredChannel(records: readonly CommunicationRecord[], asOf: Date): ChannelPreference {
  const types = new RankedCounts<RecordType>();
  for (const record of records) {
    if (isCustomerCommunication(record) && isWithinHistory(record, asOf)) types.add(record.type, occurredAtMs(record));
  }
  const counts = types.counts();
  const [preferred] = types.ranked(1);
  if (preferred === undefined) return { counts: {}, preferred: null, preferredShare: 0 };
  const share = (counts.get(preferred) ?? 0) / types.total();
  return { counts: Object.fromEntries(counts), preferred, preferredShare: Math.round(share * 1000) / 1000 };
}
