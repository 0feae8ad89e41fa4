import type { CommunicationRecord } from '../model/communication-record.js';
import { isCustomerCommunication } from './customer-communication.js';
import { OpportunitySignal } from './customer-metrics.js';
import { BASELINE_WINDOW_DAYS, DAY_MS, occurredAtMs } from './metric-windows.js';

/** How far back buying signals are looked for: older quantities and prices are stale. */
export const OPPORTUNITY_WINDOW_DAYS = BASELINE_WINDOW_DAYS;
export const OPPORTUNITY_LIMIT = 20;
/**
 * Intents that make key facts a buying signal. A quantity under `delivery` is a shipment and a price
 * under `payment` an invoice: fulfilment of a past deal, not a new one.
 */
export const BUYING_INTENTS: ReadonlySet<string> = new Set(['order', 'inquiry', 'cooperation']);

const present = (value: string | undefined): value is string => value !== undefined && value.trim() !== '';

/**
 * Explicit buying signals in the last 90 days: customer communications whose analysis found a
 * quantity, a price or products, under an order / inquiry / cooperation intent. Both
 * directions count — a quote we sent is as much a live deal as the request for it. Newest first, at
 * most 20.
 *
 * @example
 * opportunitySignals(records, asOf)
 * // [{ recordId: 'WX-20240612-…', occurredAt: '2024-06-12T02:00:00.000Z', products: ['PCR-ABS 1000'], quantity: '50吨', competitors: [], intent: 'inquiry' }]
 */
export function opportunitySignals(records: readonly CommunicationRecord[], asOf: Date): OpportunitySignal[] {
  const asOfMs = asOf.getTime();
  const since = asOfMs - OPPORTUNITY_WINDOW_DAYS * DAY_MS;
  return records
    .map((record) => ({ record, at: occurredAtMs(record) }))
    .filter(({ record, at }) => isCustomerCommunication(record) && at > since && at <= asOfMs && isBuyingSignal(record))
    .sort((a, b) => b.at - a.at || a.record.recordId.localeCompare(b.record.recordId))
    .slice(0, OPPORTUNITY_LIMIT)
    .map(({ record, at }) => signalOf(record, at));
}

function isBuyingSignal(record: CommunicationRecord): boolean {
  const keyInfo = record.analysis.keyInfo;
  if (keyInfo === undefined || !BUYING_INTENTS.has(record.analysis.intent?.category ?? '')) return false;
  return present(keyInfo.quantity) || present(keyInfo.price) || keyInfo.products.some(present);
}

function signalOf(record: CommunicationRecord, at: number): OpportunitySignal {
  const { products = [], competitors = [], quantity, price, timeline } = record.analysis.keyInfo ?? {};
  const signal: OpportunitySignal = {
    recordId: record.recordId,
    occurredAt: new Date(at).toISOString(),
    products: products.filter(present),
    competitors: competitors.filter(present),
  };
  if (present(quantity)) signal.quantity = quantity;
  if (present(price)) signal.price = price;
  if (present(timeline)) signal.timeline = timeline;
  if (record.analysis.intent !== undefined) signal.intent = record.analysis.intent.category;
  return signal;
}
