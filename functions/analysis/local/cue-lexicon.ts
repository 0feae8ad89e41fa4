import { lazy } from '../../core/lazy.js';
import type { AnalysisText } from './analysis-text.js';
import { hasCjk } from './language.js';

/**
 * A group of cue phrases sharing one weight, `|`-separated. A phrase may be marked:
 * - `=差`: a whole word only (差 yes, 差别 no) — judged on the segmenter's word boundaries;
 * - `disappoint*`: a word prefix (disappointed, disappointing).
 * A Latin phrase also matches with a plural -s/-es ("corrective action" in "corrective actions").
 * Latin phrases match case-blind on word boundaries; Chinese phrases match anywhere.
 * Weight 0 claims a span without scoring, so `in order to` keeps `order` from firing.
 */
export type CueGroup = readonly [weight: number, phrases: string];

export interface Cue<Tag extends string> {
  readonly tag: Tag;
  readonly phrase: string;
  readonly weight: number;
  readonly wholeWord: boolean;
  readonly prefix: boolean;
  /** The first two characters (or the only one): a cue whose head is not in the text cannot match. */
  readonly head: string;
}

/** Cues of every tag, longest phrase first so the longest match claims overlapping text. */
export interface Lexicon<Tag extends string> {
  readonly cues: readonly Cue<Tag>[];
  /** Indexes into `cues` by `head`: a message only pays for the cues that could occur in it. */
  readonly byHead: ReadonlyMap<string, readonly number[]>;
}

/** One cue found in a text: offsets in `AnalysisText.lower` and the text it covered. */
export interface CueHit<Tag extends string> {
  readonly cue: Cue<Tag>;
  readonly start: number;
  readonly end: number;
  readonly matched: string;
}

/**
 * Tagged cue groups as a lexicon, compiled on first use: the lexicon modules load in every model step,
 * and the steps that never run the local analyzer (the report writer's, the customer agents') should
 * not pay its compilation at a cold start.
 *
 * @example
 * const lexicon = defineLexicon({ payment: [[3, '发票|invoice*'], [1, 'vat']] });
 */
export function defineLexicon<Tag extends string>(groups: Record<Tag, readonly CueGroup[]>): Lexicon<Tag> {
  const lexicon = lazy(() => compileLexicon(groups));
  return {
    get cues() {
      return lexicon().cues;
    },
    get byHead() {
      return lexicon().byHead;
    },
  };
}

function compileLexicon<Tag extends string>(groups: Record<Tag, readonly CueGroup[]>): Lexicon<Tag> {
  const cues: Cue<Tag>[] = [];
  for (const tag of Object.keys(groups) as Tag[]) {
    for (const [weight, phrases] of groups[tag]) {
      for (const raw of phrases.split('|')) {
        const wholeWord = raw.startsWith('=');
        const prefix = raw.endsWith('*');
        const phrase = raw.slice(wholeWord ? 1 : 0, prefix ? -1 : undefined).trim().toLowerCase();
        if (phrase.length > 0) cues.push({ tag, phrase, weight, wholeWord, prefix, head: phrase.slice(0, 2) });
      }
    }
  }
  // Code-unit order among phrases of one length: the same on every machine, and unlike localeCompare
  // (an ICU collation per comparison) it costs a Lambda's cold start no ~10 ms for ~3,900 cues.
  cues.sort((a, b) => b.phrase.length - a.phrase.length || (a.phrase < b.phrase ? -1 : a.phrase > b.phrase ? 1 : 0));
  const byHead = new Map<string, number[]>();
  cues.forEach((cue, index) => {
    const indexes = byHead.get(cue.head);
    if (indexes) indexes.push(index);
    else byHead.set(cue.head, [index]);
  });
  return { cues, byHead };
}

/** The Chinese phrases of `lexicon`: the word list the fallback segmenter matches against. */
export function chineseWords(lexicon: Lexicon<string>): string[] {
  return lexicon.cues.filter((cue) => hasCjk(cue.phrase)).map((cue) => cue.phrase);
}

const WORD_CHAR = /[a-z0-9]/;
const NEGATED_START = /^[不没]/;
const PLURAL = /^e?s(?![a-z0-9])/;

/**
 * Every cue of `lexicon` in `text`, in text order. Overlaps go to the longer phrase (`不满意` over
 * `满意`, `售后工程师` over `工程师`); zero-weight blockers claim their span and are left out.
 */
export function findCues<Tag extends string>(text: AnalysisText, lexicon: Lexicon<Tag>): CueHit<Tag>[] {
  const { lower } = text;
  const claimed = new Uint8Array(lower.length);
  const hits: CueHit<Tag>[] = [];
  const candidates: number[] = [];
  for (const head of text.heads) candidates.push(...(lexicon.byHead.get(head) ?? []));
  // Ascending index is the lexicon's longest-first order.
  candidates.sort((a, b) => a - b);
  for (const index of candidates) {
    const cue = lexicon.cues[index];
    if (cue === undefined) continue;
    let from = lower.indexOf(cue.phrase);
    while (from >= 0) {
      const end = cueEnd(text, cue, from);
      if (end > 0 && !isClaimed(claimed, from, end)) {
        claimed.fill(1, from, end);
        if (cue.weight !== 0) hits.push({ cue, start: from, end, matched: text.original.slice(from, end) });
      }
      from = lower.indexOf(cue.phrase, from + 1);
    }
  }
  return hits.sort((a, b) => a.start - b.start);
}

/** Where a match of `cue` at `start` ends, or -1 when the word boundaries rule it out. */
function cueEnd(text: AnalysisText, cue: Cue<string>, start: number): number {
  const { lower } = text;
  let end = start + cue.phrase.length;
  if (WORD_CHAR.test(cue.phrase[0] ?? '') && WORD_CHAR.test(lower[start - 1] ?? '')) return -1;
  if (cue.prefix) {
    while (WORD_CHAR.test(lower[end] ?? '')) end += 1;
  } else if (WORD_CHAR.test(cue.phrase.at(-1) ?? '') && WORD_CHAR.test(lower[end] ?? '')) {
    // English plurals and third persons: "corrective action" also reads "corrective actions".
    const suffix = PLURAL.exec(lower.slice(end, end + 3));
    if (suffix === null || !/[a-z]/.test(cue.phrase.at(-1) ?? '')) return -1;
    end += suffix[0].length;
  }
  if (cue.wholeWord && (text.wordBoundary[start] !== 1 || text.wordBoundary[end] !== 1)) return -1;
  // A cue opening with 不/没 must open a word: 不能用 is not in the A-not-A question 能不能|用于.
  if (NEGATED_START.test(cue.phrase) && text.wordBoundary[start] !== 1) return -1;
  return end;
}

function isClaimed(claimed: Uint8Array, start: number, end: number): boolean {
  for (let at = start; at < end; at += 1) if (claimed[at] === 1) return true;
  return false;
}

/** `退货(+3)`: how a hit is shown in the explanation. */
export function describeHit(hit: CueHit<string>, weight = hit.cue.weight): string {
  const rounded = Math.round(weight * 100) / 100;
  return `${hit.matched.trim()}(${rounded >= 0 ? '+' : ''}${rounded})`;
}

/** A cue too varied for a phrase list ("你们……到底", "how can you"): a global regex on the lowercased text. */
export interface PatternCue<Tag extends string> {
  readonly tag: Tag;
  readonly weight: number;
  /** Names the pattern in explanations. */
  readonly name: string;
  readonly pattern: RegExp;
}

/** Every match of every pattern, in text order; each match is a hit of a cue named after its pattern. */
export function findPatternCues<Tag extends string>(text: AnalysisText, cues: readonly PatternCue<Tag>[]): CueHit<Tag>[] {
  const hits: CueHit<Tag>[] = [];
  for (const { tag, weight, name, pattern } of cues) {
    const cue: Cue<Tag> = { tag, phrase: name, weight, wholeWord: false, prefix: false, head: '' };
    for (const match of text.lower.matchAll(pattern)) {
      hits.push({ cue, start: match.index, end: match.index + match[0].length, matched: text.original.slice(match.index, match.index + match[0].length) });
    }
  }
  return hits.sort((a, b) => a.start - b.start);
}
