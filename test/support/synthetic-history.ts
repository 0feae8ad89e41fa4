import { CommunicationRecord } from '../../functions/core/model/communication-record.js';
import type { RecordType } from '../../functions/core/model/record-types.js';
import { storedRecord } from './records.js';

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
const MONTH_DAYS = 30;

export interface SyntheticHistoryOptions {
  readonly tenantId: string;
  readonly customerId: string;
  /** The end of the history: the last window ends here. */
  readonly asOf: Date | string;
  /**
   * Customer communications per 30-day window, oldest first; the last entry is the 30 days up to
   * `asOf`. `[8, 8, 8, 2]` is a customer who wrote or was written to 8 times a month and now twice.
   */
  readonly monthlyCounts: readonly number[];
  /** The newest N records become inbound messages saying a competitor is cheaper (default 0). */
  readonly competitorMentions?: number;
  /** The competitor they name (default 华塑新材). */
  readonly competitorName?: string;
  /** The next-newest N records become inbound complaints about quality (default 0). */
  readonly complaints?: number;
  /** The next-newest N records become inbound requests to postpone a payment (default 0). */
  readonly paymentDelays?: number;
  /** Same options and seed, same history (default 1). */
  readonly seed?: number;
}

/** What differs between generated records; the rest comes from `storedRecord`. */
interface Draft {
  direction: CommunicationRecord['direction'];
  type: RecordType;
  content: string;
  analysis: Partial<CommunicationRecord['analysis']>;
}

/** mulberry32: a tiny seeded generator; tests need repeatable, not cryptographic, randomness. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const PRODUCTS = ['PCR-ABS 1000', 'PC/ABS 3200', 'PP-GF30'] as const;
const pick = <T>(random: () => number, items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
const positive = (random: () => number) => Math.round((0.2 + random() * 0.5) * 100) / 100;

const analysed = (
  category: NonNullable<CommunicationRecord['analysis']['intent']>['category'],
  score: number,
  keyInfo?: { products?: string[]; quantity?: string; price?: string; competitors?: string[] },
): Draft['analysis'] => ({
  intent: { category, confidence: 0.85 },
  sentiment: { overall: score <= -0.2 ? 'negative' : score >= 0.2 ? 'positive' : 'neutral', score },
  ...(keyInfo === undefined ? {} : { keyInfo: { products: [], competitors: [], ...keyInfo } }),
});

/** An everyday record: inquiries, orders and delivery notes from the customer, quotes and shipping notices from us. */
function ordinaryDraft(random: () => number): Draft {
  const product = pick(random, PRODUCTS);
  const quantity = `${10 + Math.floor(random() * 9) * 5}吨`;
  const price = `${11_000 + Math.floor(random() * 10) * 100}元/吨`;
  const type = pick(random, ['email', 'email', 'wechat', 'wechat', 'phone'] as const);
  const score = positive(random);
  const inbound = (content: string, analysis: Draft['analysis']): Draft => ({ direction: 'inbound', type, content, analysis });
  const outbound = (content: string, analysis: Draft['analysis']): Draft => ({ direction: 'outbound', type, content, analysis });
  switch (Math.floor(random() * 5)) {
    case 0:
      return inbound(`想再订一批${product}，大约${quantity}，请报个含税价。`, analysed('inquiry', score, { products: [product], quantity }));
    case 1:
      return inbound(`确认下单${product} ${quantity}，按合同条款执行。`, analysed('order', score, { products: [product], quantity }));
    case 2:
      return inbound('上批货已经收到，质量不错，谢谢。', analysed('delivery', score));
    case 3:
      return outbound(`${product}报价单已发您邮箱，含税单价${price}。`, analysed('inquiry', score, { products: [product], price }));
    default:
      return outbound('货物已发出，预计三天内送到，请注意查收。', analysed('delivery', score));
  }
}

const competitorDraft = (name: string): Draft => ({
  direction: 'inbound',
  type: 'wechat',
  content: `${name}的报价比你们便宜12%，我们在考虑换供应商。`,
  analysis: analysed('other', -0.5, { competitors: [name] }),
});

const complaintDraft = (): Draft => ({
  direction: 'inbound',
  type: 'email',
  content: '上批货有明显色差，终端客户退回了，请尽快处理。',
  analysis: analysed('complaint', -0.7),
});

const paymentDelayDraft = (): Draft => ({
  direction: 'inbound',
  type: 'wechat',
  content: '这个月资金紧张，这笔货款能否推迟到下月底支付？',
  analysis: analysed('payment', -0.3),
});

/**
 * A random instant in the window (end − 30 d, end], during Shanghai office hours (09:00–18:00, i.e.
 * 01:00–10:00 UTC), so preferred-hour metrics see a plausible customer.
 */
function instantIn(windowEnd: number, random: () => number): number {
  const windowStart = windowEnd - MONTH_DAYS * DAY_MS;
  const day = windowEnd - Math.floor(random() * MONTH_DAYS) * DAY_MS;
  let at = Math.floor(day / DAY_MS) * DAY_MS + HOUR_MS + Math.floor(random() * 9 * HOUR_MS);
  if (at > windowEnd) at -= DAY_MS;
  if (at <= windowStart) at += DAY_MS;
  return at;
}

/**
 * A deterministic customer timeline with analyses filled in, oldest first. The special records
 * (competitor mentions, then complaints, then payment delays) replace the newest ordinary ones, so
 * they land in the last window when it has room for them.
 *
 * @throws RangeError when there are more special records than records.
 * @example
 * syntheticHistory({ tenantId: 'T001', customerId: 'C001', asOf: '2024-06-15T00:00:00Z', monthlyCounts: [8, 8, 8, 2], competitorMentions: 2 })
 * // 26 records; the last two say a competitor is cheaper
 */
export function syntheticHistory(options: SyntheticHistoryOptions): CommunicationRecord[] {
  const random = seededRandom(options.seed ?? 1);
  const asOfMs = new Date(options.asOf).getTime();
  const windows = options.monthlyCounts.length;
  const instants = options.monthlyCounts
    .flatMap((count, index) => {
      const windowEnd = asOfMs - (windows - 1 - index) * MONTH_DAYS * DAY_MS;
      return Array.from({ length: count }, () => instantIn(windowEnd, random));
    })
    .sort((a, b) => a - b);

  const specials = [
    ...Array.from({ length: options.paymentDelays ?? 0 }, paymentDelayDraft),
    ...Array.from({ length: options.complaints ?? 0 }, complaintDraft),
    ...Array.from({ length: options.competitorMentions ?? 0 }, () => competitorDraft(options.competitorName ?? '华塑新材')),
  ];
  if (specials.length > instants.length) throw new RangeError(`${specials.length} special records do not fit in ${instants.length} records`);

  const firstSpecial = instants.length - specials.length;
  return instants.map((at, index) => {
    const draft = index >= firstSpecial ? (specials[index - firstSpecial] as Draft) : ordinaryDraft(random);
    const base = storedRecord({
      tenantId: options.tenantId,
      customerId: options.customerId,
      sourceRecordId: `synthetic-${options.seed ?? 1}-${index}`,
      occurredAt: new Date(at).toISOString(),
      type: draft.type,
    });
    return CommunicationRecord.parse({
      ...base,
      direction: draft.direction,
      content: draft.content,
      analysis: { ...base.analysis, status: 'completed', model: 'local', ...draft.analysis },
    });
  });
}
