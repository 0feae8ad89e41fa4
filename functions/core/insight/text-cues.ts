import type { CommunicationRecord } from '../model/communication-record.js';

/**
 * A small list of phrases that signal something in a customer's text.
 *
 * - `chinese`: matched as substrings — Chinese has no spaces to mark word boundaries.
 * - `english`: matched as whole words, case-insensitively (`cheaper` does not fire inside a longer
 *   word); a space in a cue matches any run of white space.
 * - `exclusions`: phrases that contain a cue but say the opposite (`不太贵` contains `太贵`). They are
 *   blanked out before matching, so "不太贵，但别家更便宜" still fires on `便宜`.
 */
export interface TextCues {
  readonly chinese: readonly string[];
  readonly english: readonly string[];
  readonly exclusions?: readonly string[];
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const phrasePattern = (phrase: string) => phrase.trim().split(/\s+/).map(escapeRegExp).join('\\s+');
/** Word boundaries only where the cue starts or ends with a word character, so `\b` stays meaningful. */
const wordPattern = (phrase: string) => {
  const pattern = phrasePattern(phrase);
  return `${/^\w/.test(phrase) ? '\\b' : ''}${pattern}${/\w$/.test(phrase) ? '\\b' : ''}`;
};

/**
 * Compiles cues into a test on text.
 *
 * @example
 * const mentionsRefund = textCueMatcher({ chinese: ['退款'], english: ['refund'] });
 * mentionsRefund('Please REFUND the order') // true
 * mentionsRefund('refunded') // false: whole words only
 */
export function textCueMatcher(cues: TextCues): (text: string) => boolean {
  const alternatives = [...cues.chinese.map((cue) => escapeRegExp(cue)), ...cues.english.map(wordPattern)];
  const cuePattern = alternatives.length === 0 ? null : new RegExp(alternatives.join('|'), 'iu');
  const exclusions = cues.exclusions ?? [];
  const exclusionPattern = exclusions.length === 0 ? null : new RegExp(exclusions.map(wordPattern).join('|'), 'giu');
  return (text) => {
    if (cuePattern === null) return false;
    const cleaned = exclusionPattern === null ? text : text.replace(exclusionPattern, ' ');
    return cuePattern.test(cleaned);
  };
}

/** The text the cues are read in: subject, summary and body (a preview when the body is large). */
export function searchableText(record: Pick<CommunicationRecord, 'subject' | 'summary' | 'content'>): string {
  return [record.subject, record.summary, record.content].filter((part): part is string => !!part).join('\n');
}
