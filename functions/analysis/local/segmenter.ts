import { createRequire } from 'node:module';

/** Which word segmenter cut the Chinese text: jieba, or the analyzer's own lexicon when jieba is absent. */
export type SegmenterKind = 'jieba' | 'lexicon';

/** One word of the analysed text, with its offsets in that text (`end` exclusive). */
export interface Token {
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

/** Cuts a run of Chinese ideographs into words. */
export interface Segmenter {
  readonly kind: SegmenterKind;
  cut(run: string): readonly string[];
}

type JiebaModule = typeof import('@node-rs/jieba');
type JiebaDictModule = typeof import('@node-rs/jieba/dict.js');

// Non-literal specifiers on purpose: the Lambda bundle (esbuild, ESM) must not try to inline the
// native addon and its 5 MB dictionary; at run time the package is simply absent there and the
// lexicon segmenter takes over.
const JIEBA_PACKAGE = ['@node-rs', 'jieba'].join('/');
const JIEBA_DICT = `${JIEBA_PACKAGE}/dict`;

/**
 * Loads jieba with its default dictionary. Throws when the package or its per-platform native
 * binary (an optional dependency, often missing on Lambda) cannot be loaded.
 */
export function loadJiebaSegmenter(): Segmenter {
  const requireOptional = createRequire(import.meta.url);
  const { Jieba } = requireOptional(JIEBA_PACKAGE) as JiebaModule;
  const { dict } = requireOptional(JIEBA_DICT) as JiebaDictModule;
  const jieba = Jieba.withDict(dict);
  return { kind: 'jieba', cut: (run) => jieba.cut(run, true) };
}

/**
 * Forward maximum matching over a word list: the longest listed word starting at each position,
 * else one ideograph. Because the list is the analyzer's own cue lexicon (plus the compounds that
 * must not be split, such as 差别), the rules see the same boundaries jieba would give them.
 */
export function createLexiconSegmenter(words: Iterable<string>): Segmenter {
  const known = new Set<string>();
  let longest = 1;
  for (const word of words) {
    if (word.length < 2) continue;
    known.add(word);
    longest = Math.max(longest, word.length);
  }
  return {
    kind: 'lexicon',
    cut(run) {
      const out: string[] = [];
      let at = 0;
      while (at < run.length) {
        let size = Math.min(longest, run.length - at);
        while (size > 1 && !known.has(run.slice(at, at + size))) size -= 1;
        out.push(run.slice(at, at + size));
        at += size;
      }
      return out;
    },
  };
}

let sharedJieba: Segmenter | null | undefined;

/**
 * jieba, built once per process (building its dictionary takes ~200 ms), or `fallback()` when
 * jieba cannot be loaded. `loadJieba` is injectable so tests can play a Lambda without the native
 * binary; a custom loader's result is not cached.
 */
export function resolveSegmenter(fallback: () => Segmenter, loadJieba?: () => Segmenter): Segmenter {
  if (loadJieba !== undefined) {
    try {
      return loadJieba();
    } catch {
      return fallback();
    }
  }
  if (sharedJieba === undefined) {
    try {
      sharedJieba = loadJiebaSegmenter();
    } catch {
      sharedJieba = null;
    }
  }
  return sharedJieba ?? fallback();
}

const CJK_RUN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+/g;
const LATIN_WORD = /[a-z0-9]+(?:['’][a-z]+)*/gi;

/**
 * The words of `text` in order: Chinese runs cut by `segmenter`, everything else as lowercase
 * Latin words and numbers (`doesn't` stays one word, so English negation is one token).
 * Punctuation, spaces and emoji are not tokens.
 */
export function tokenize(text: string, segmenter: Segmenter): Token[] {
  const tokens: Token[] = [];
  for (const run of text.matchAll(CJK_RUN)) {
    let at = run.index;
    const words = segmenter.cut(run[0]);
    // jieba covers a pure-ideograph run exactly; if it ever did not, keep the offsets honest.
    if (words.join('') !== run[0]) {
      for (const char of run[0]) tokens.push({ text: char, start: at, end: (at += char.length) });
      continue;
    }
    for (const word of words) tokens.push({ text: word, start: at, end: (at += word.length) });
  }
  for (const word of text.matchAll(LATIN_WORD)) {
    tokens.push({ text: word[0].toLowerCase(), start: word.index, end: word.index + word[0].length });
  }
  return tokens.sort((a, b) => a.start - b.start);
}
