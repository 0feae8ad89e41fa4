import type { A10Output } from '../../core/agents/a10-communication-analysis.js';
import type { AnalysisText } from './analysis-text.js';
import { clip } from '../schema-limits.js';
import { findTimeline } from './timeline.js';

export type KeyInfo = A10Output['key_info'];

/** `key_info` plus the facts follow-ups need but the schema does not carry. */
export interface KeyFacts {
  readonly keyInfo: KeyInfo;
  /** The price was asked or given tax-inclusive (含税, incl. VAT). */
  readonly taxIncluded: boolean;
  /** `PO-8891`, `#4471`: the order the message is about. */
  readonly orderReference: string | null;
}

/**
 * `PCR-ABS-1000`, `PCR-ABS 1000系列`, `PCR-PC 3000`: series-family-grade. Upper case when spaced
 * (so "re-order 5000" is no product); any case in the full dashed form (`pcr-abs-1000`).
 */
const PRODUCT_CODES = [
  /(?<![A-Za-z0-9])([A-Z]{2,6}) ?- ?([A-Z][A-Z0-9]{0,5})(?: ?- ?| )?(\d{3,5})(?![0-9])/g,
  /(?<![A-Za-z0-9-])([a-z]{2,6})-([a-z][a-z0-9]{0,5})-(\d{3,5})(?![0-9])/gi,
];
/** Resin families and air-conditioner parts named without a code. */
const PRODUCT_NAME =
  /(?<![A-Za-z0-9/-])(?:阻燃|再生|改性)?(?:PC\/ABS|ABS|PC|PP|PA66|PA6|PBT|POM|PMMA|HIPS|TPE|TPU|PET|ASA|PPS|PPO)(?![A-Za-z0-9])|空调配件|遥控器|压缩机|冷凝器|蒸发器|风扇电机|导风板|四通阀|膨胀阀|\b(?:compressor|remote control|fan motor|condenser|evaporator|front panel)s?\b/g;

const PER_UNIT = String.raw`(?:\s?(?:\/|per |每)\s?(?:吨|公斤|千克|kg|tonne|ton|mt|t|pcs|pc|件|个|台|套|unit))?`;
const AMOUNT = String.raw`\d[\d,]*(?:\.\d+)?`;
/** `¥12,500/吨`, `USD 1,180 per ton`, `3.5万元`, `每吨9800元`. */
const PRICE = new RegExp(
  [
    String.raw`(?:[¥$€£]|US\$|USD|RMB|CNY|EUR)\s?${AMOUNT}(?:\s?[万千kK](?![A-Za-z]))?(?:\s?(?:元|USD|RMB))?${PER_UNIT}`,
    String.raw`${AMOUNT}\s?(?:万元|千元|元|块钱|美元|欧元|USD|RMB|CNY|dollars?)(?![A-Za-z])${PER_UNIT}`,
    String.raw`每(?:吨|公斤|千克|kg|件|个|台|套)\s?${AMOUNT}\s?(?:元|块钱|美元)?`,
  ].join('|'),
  'i',
);
const TAX = /不含税价?|含税价?|含增值税|incl(?:uding|\.)? VAT|excl(?:uding|\.)? VAT|VAT (?:included|excluded)|includes? VAT|tax included|before tax|after tax/i;
const TAX_EXCLUDED = /不含|excl|excluded|before tax/i;

/** `50吨`, `20 tons`, `12 pallets`, `两柜`: a number with a unit of goods. Chinese numerals only before measure words that cannot mean time or people. */
const QUANTITY =
  /(?<![\w#.-])(?:(\d[\d,]*(?:\.\d+)?)\s?(公吨|吨|tonnes?|tons?|mt|t|pallets?|托|件|pcs|pieces?|箱|cartons?|boxes|kg|公斤|千克|台|units?|sets?|套|卷|rolls?|containers?|柜|个(?![月人小工星字])|bags?|袋)|([一二两三四五六七八九十百千万]+)(吨|托|箱|台|套|柜|袋|卷))(?![A-Za-z])/gi;

const GENERIC_COMPETITOR = /竞争对手|竞品|其他供应商|别的供应商|别家|其他厂家|别的厂家|另一家供应商|\b(?:other suppliers?|another supplier|competitors?|other vendors?|cheaper elsewhere)\b/gi;
const ORDER_REFERENCE = [/\bP\.?O\.?\s*(?:no\.?|number)?\s*[-:：#]?\s*\d[\w-]*/i, /(?:purchase order|order|订单号?|合同号?)\s*(?:no\.?|number)?\s*[:：]?\s*(#?[A-Z]{0,4}-?\d[\w-]{2,})/i];

/**
 * Pulls the business facts out of a message with regexes: product codes (normalised to
 * `PCR-ABS-1000`), the first price and quantity, up to three timeline phrases, and competitors —
 * the tenant's named ones plus generic mentions ("其他供应商 (generic)").
 *
 * @example
 * extractKeyFacts(prepareText('PCR-ABS 1000系列50吨，报个含税价', segmenter), []).keyInfo
 * // { products: ['PCR-ABS-1000'], price: '含税价', quantity: '50吨', timeline: null, competitors: [] }
 */
export function extractKeyFacts(text: AnalysisText, tenantCompetitors: readonly string[]): KeyFacts {
  const { original } = text;
  const codeSpans: [number, number][] = [];
  const products: string[] = [];
  for (const pattern of PRODUCT_CODES) {
    for (const match of original.matchAll(pattern)) {
      codeSpans.push([match.index, match.index + match[0].length]);
      products.push(`${match[1]}-${match[2]}-${match[3]}`.toUpperCase());
    }
  }
  for (const match of original.matchAll(PRODUCT_NAME)) {
    if (!insideAny(codeSpans, match.index)) products.push(match[0]);
  }
  const tax = TAX.exec(original);
  const amount = PRICE.exec(original)?.[0].trim();
  const price = amount !== undefined ? [amount, tax?.[0]].filter(Boolean).join(' ') : (tax?.[0] ?? null);
  const quantity = [...original.matchAll(QUANTITY)].find((match) => !insideAny(codeSpans, match.index))?.[0] ?? null;
  const reference = ORDER_REFERENCE.map((pattern) => pattern.exec(original)).find((match) => match !== null);
  return {
    keyInfo: {
      products: unique(products).slice(0, 10).map(fit),
      price: price === null ? null : fit(price),
      quantity: quantity === null ? null : fit(quantity.replace(/\s+/g, ' ')),
      timeline: timelineOf(text),
      competitors: competitorsIn(original, tenantCompetitors),
    },
    taxIncluded: tax !== null && !TAX_EXCLUDED.test(tax[0]),
    orderReference: reference ? (reference[1] ?? reference[0]).trim() : null,
  };
}

function timelineOf(text: AnalysisText): string | null {
  const phrases = unique(findTimeline(text.original)).slice(0, 3);
  return phrases.length === 0 ? null : fit(phrases.join(', '));
}

function competitorsIn(text: string, tenantCompetitors: readonly string[]): string[] {
  const lower = text.toLowerCase();
  const found: string[] = [];
  for (const name of tenantCompetitors) {
    const wanted = name.trim();
    if (wanted.length === 0) continue;
    const at = lower.indexOf(wanted.toLowerCase());
    // A Latin name must stand alone: tenant "LG" is not in "LGA".
    const alone = /^[\x00-\x7f]+$/.test(wanted)
      ? new RegExp(`(?<![A-Za-z0-9])${escapeRegExp(wanted)}(?![A-Za-z0-9])`, 'i').test(text)
      : at >= 0;
    if (at >= 0 && alone) found.push(wanted);
  }
  for (const match of text.matchAll(GENERIC_COMPETITOR)) found.push(`${match[0].toLowerCase()} (generic)`);
  return unique(found).slice(0, 20).map(fit);
}

function insideAny(spans: readonly [number, number][], offset: number): boolean {
  return spans.some(([start, end]) => offset >= start && offset < end);
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}

/** Schema strings in `key_info` are 1–100 characters. */
function fit(value: string): string {
  return clip(value, 100);
}

function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
