import type { CommunicationRecord } from '../model/communication-record.js';
import { mentionsCompetitor } from './competitor-cues.js';
import { carriesCustomerWords, isCustomerCommunication } from './customer-communication.js';
import type { CustomerMetrics } from './customer-metrics.js';
import { countByWindow, isWithinHistory, occurredAtMs } from './metric-windows.js';
import { mentionsPaymentDelay } from './payment-delay-cues.js';
import { mentionsPriceObjection } from './price-objection-cues.js';
import { RankedCounts } from './ranked-counts.js';
import { searchableText } from './text-cues.js';

export type SignalCounts = CustomerMetrics['signals'];

/** Intents that only arise once the customer has bought something. */
export const ORDER_ACTIVITY_INTENTS: ReadonlySet<string> = new Set(['order', 'payment', 'delivery', 'after_sales']);

const intentOf = (record: CommunicationRecord) => record.analysis.intent?.category;
const namedCompetitors = (record: CommunicationRecord) => record.analysis.keyInfo?.competitors ?? [];

/**
 * Risk and relationship signals, each counted as records per window (a record counts once however
 * many cues it holds):
 *
 * | signal               | records read                 | counted when                                                   |
 * |----------------------|------------------------------|----------------------------------------------------------------|
 * | `complaints`         | the customer's words         | intent `complaint`                                             |
 * | `competitorMentions` | the customer's words         | the analysis names a competitor, or a competitor cue in the text |
 * | `priceObjections`    | the customer's words         | a price-objection cue in the text                              |
 * | `paymentDelays`      | all customer communications  | intent `payment` and a delay cue in the text                   |
 * | `orderActivity`      | all customer communications  | intent `order`, `payment`, `delivery` or `after_sales`         |
 *
 * "The customer's words" are inbound records and conversations (see `carriesCustomerWords`): our own
 * pitch against a competitor is not pressure. Payment delays and order activity also count our side —
 * a reminder we send about an overdue invoice, or a shipping notice, is as much evidence as theirs.
 * `competitors` lists the names from the analyses over 120 days, most mentioned first (ties: most
 * recent), spelled as last written.
 *
 * @example signalCounts(records, asOf).competitorMentions // { last30Days: 2, prior90Days: 0 }
 */
export function signalCounts(records: readonly CommunicationRecord[], asOf: Date): SignalCounts {
  const customerWords = records.filter(carriesCustomerWords);
  const communications = records.filter(isCustomerCommunication);
  return {
    complaints: countByWindow(customerWords, asOf, (record) => intentOf(record) === 'complaint'),
    competitorMentions: countByWindow(
      customerWords,
      asOf,
      (record) => namedCompetitors(record).some((name) => name.trim() !== '') || mentionsCompetitor(searchableText(record)),
    ),
    competitors: competitorNames(customerWords, asOf),
    priceObjections: countByWindow(customerWords, asOf, (record) => mentionsPriceObjection(searchableText(record))),
    paymentDelays: countByWindow(
      communications,
      asOf,
      (record) => intentOf(record) === 'payment' && mentionsPaymentDelay(searchableText(record)),
    ),
    orderActivity: countByWindow(communications, asOf, (record) => ORDER_ACTIVITY_INTENTS.has(intentOf(record) ?? '')),
  };
}

/** Names compare case- and space-insensitively ("ACME " and "Acme" are one competitor). */
function competitorNames(records: readonly CommunicationRecord[], asOf: Date): string[] {
  const mentions = new RankedCounts<string>();
  const spelling = new Map<string, { name: string; at: number }>();
  for (const record of records) {
    if (!isWithinHistory(record, asOf)) continue;
    const at = occurredAtMs(record);
    const keys = new Map<string, string>();
    for (const name of namedCompetitors(record)) {
      const trimmed = name.trim().replace(/\s+/g, ' ');
      if (trimmed !== '') keys.set(trimmed.toLowerCase(), trimmed);
    }
    for (const [key, name] of keys) {
      mentions.add(key, at);
      const known = spelling.get(key);
      // Same instant, two spellings: the smaller one, so input order never decides.
      if (known === undefined || at > known.at || (at === known.at && name < known.name)) spelling.set(key, { name, at });
    }
  }
  return mentions.ranked().map((key) => spelling.get(key)?.name ?? key);
}
