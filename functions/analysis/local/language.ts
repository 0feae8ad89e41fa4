import type { RecordLanguage } from '../../core/agents/a10-communication-analysis.js';

/** CJK unified ideographs (basic block, extension A and compatibility ideographs). */
const CJK_CHAR = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/;
const CJK_CHARS = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/g;
const LATIN_LETTERS = /[A-Za-z]/g;

/**
 * A Chinese message that quotes product codes (`PCR-ABS-1000`) or an English phrase still reads as
 * Chinese: one ideograph carries about as much as a short English word, so a CJK share of 30% of the
 * letters is already a Chinese sentence with Latin codes in it.
 */
const CJK_SHARE_FOR_CHINESE = 0.3;

/** Whether `text` contains at least one CJK ideograph. */
export function hasCjk(text: string): boolean {
  return CJK_CHAR.test(text);
}

/**
 * The dominant language of a message, from the share of CJK ideographs among its letters.
 * Text without letters (empty, digits, emoji) counts as English.
 *
 * @example
 * detectLanguage('请问PCR-ABS-1000的价格？'); // 'zh'
 * detectLanguage('Please send the datasheet for 阻燃ABS.'); // 'en'
 */
export function detectLanguage(text: string): RecordLanguage {
  const cjk = text.match(CJK_CHARS)?.length ?? 0;
  const latin = text.match(LATIN_LETTERS)?.length ?? 0;
  if (cjk === 0) return 'en';
  return cjk / (cjk + latin) >= CJK_SHARE_FOR_CHINESE ? 'zh' : 'en';
}
