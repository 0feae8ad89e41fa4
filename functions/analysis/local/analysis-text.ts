import { type Segmenter, type SegmenterKind, type Token, tokenize } from './segmenter.js';

/**
 * Rules look at the first 20,000 characters only: a long email thread or meeting transcript states
 * its business in the opening, and the cap bounds the worst case (about 25 ms on one core).
 */
export const MAX_ANALYSED_CHARS = 20_000;

/** A message prepared once for every rule module. */
export interface AnalysisText {
  /** NFKC-normalised (full-width `ＰＣＲ，５０吨` → `PCR,50吨`) and capped; case kept for product codes. */
  readonly original: string;
  /** `original` with ASCII letters lowercased: same length, so offsets are shared. */
  readonly lower: string;
  readonly tokens: readonly Token[];
  /** 1 where a token starts or ends (length `lower.length + 1`): whole-word checks for short cues. */
  readonly wordBoundary: Uint8Array;
  /** For each offset, the index of the token covering it, or -1 (punctuation, space, emoji). */
  readonly tokenIndexAt: Int32Array;
  /** For each offset, its clause number: negation and "need it today" never reach across a comma. */
  readonly clauseAt: Int32Array;
  readonly exclamations: number;
  /** Every character and every pair of adjacent characters of `lower`, for the cue matcher's pre-check. */
  readonly heads: ReadonlySet<string>;
  readonly segmenter: SegmenterKind;
}

const CLAUSE_BREAK = /[,，、。;；!！?？\n…]|\.(?=\s|$)/g;

/** Normalises, caps and segments `text` for the rule modules. */
export function prepareText(text: string, segmenter: Segmenter): AnalysisText {
  // NFKC can change lengths (ligatures, ㎏ → kg): normalise a margin beyond the cap, then cap.
  const original = capLength(text.slice(0, MAX_ANALYSED_CHARS * 2).normalize('NFKC'));
  const lower = original.replace(/[A-Z]+/g, (letters) => letters.toLowerCase());
  const tokens = tokenize(lower, segmenter);
  const wordBoundary = new Uint8Array(lower.length + 1);
  const tokenIndexAt = new Int32Array(lower.length).fill(-1);
  tokens.forEach((token, index) => {
    wordBoundary[token.start] = 1;
    wordBoundary[token.end] = 1;
    tokenIndexAt.fill(index, token.start, token.end);
  });
  const clauseAt = new Int32Array(lower.length);
  let clause = 0;
  let from = 0;
  for (const mark of lower.matchAll(CLAUSE_BREAK)) {
    clauseAt.fill(clause, from, mark.index + 1);
    clause += 1;
    from = mark.index + 1;
  }
  clauseAt.fill(clause, from);
  const exclamations = lower.match(/[!！]/g)?.length ?? 0;
  const heads = new Set<string>();
  for (let at = 0; at < lower.length; at += 1) {
    heads.add(lower[at] ?? '');
    heads.add(lower.slice(at, at + 2));
  }
  return { original, lower, tokens, wordBoundary, tokenIndexAt, clauseAt, exclamations, heads, segmenter: segmenter.kind };
}

/** Up to `count` tokens before `offset`, nearest first, without crossing into an earlier clause. */
export function wordsBefore(text: AnalysisText, offset: number, count: number): Token[] {
  const out: Token[] = [];
  const clause = text.clauseAt[offset];
  let index = firstTokenAtOrAfter(text, offset) - 1;
  while (index >= 0 && out.length < count) {
    const token = text.tokens[index];
    if (token === undefined || text.clauseAt[token.start] !== clause) break;
    out.push(token);
    index -= 1;
  }
  return out;
}

function firstTokenAtOrAfter(text: AnalysisText, offset: number): number {
  for (let at = offset; at < text.lower.length; at += 1) {
    const index = text.tokenIndexAt[at] ?? -1;
    if (index >= 0) return index;
  }
  return text.tokens.length;
}

function capLength(text: string): string {
  if (text.length <= MAX_ANALYSED_CHARS) return text;
  // Do not cut an emoji or a rare ideograph in half: a lone surrogate would end up in the output.
  const last = text.charCodeAt(MAX_ANALYSED_CHARS - 1);
  const end = last >= 0xd800 && last <= 0xdbff ? MAX_ANALYSED_CHARS - 1 : MAX_ANALYSED_CHARS;
  return text.slice(0, end);
}
