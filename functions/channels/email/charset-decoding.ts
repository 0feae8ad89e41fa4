import { isUtf8 } from 'node:buffer';
import iconv from 'iconv-lite';
import { detectCharset, hasEightBit } from './charset-detection.js';

/**
 * Labels mail software writes for a charset whose real bytes need a wider table (the WHATWG Encoding
 * Standard maps them the same way). Each target was checked with `iconv.encodingExists`.
 * - gb2312 / gbk / x-gbk → gb18030: Outlook labels GBK text "gb2312" (`phpmime-gb2312-label-japanese-dsn.eml`,
 *   `webklex-x-gbk-charset-label.eml`); GB18030 is a superset of both.
 * - ks_c_5601-1987 → cp949 (Unified Hangul Code, what Windows actually sends; RFC 1557 names EUC-KR).
 * - iso-8859-8-i → iso-8859-8 (RFC 1556: "-i" only flags logical order; same bytes).
 * - x-mac-cyrillic → maccyrillic (`phpmime-x-mac-cyrillic.eml`).
 * - big5 → big5hkscs (superset used by Hong Kong senders); iso-8859-1 → windows-1252 (C1 range as sent).
 */
const SUPERSETS: Readonly<Record<string, string>> = {
  gb2312: 'gb18030', gbk: 'gb18030', xgbk: 'gb18030', cp936: 'gb18030', ms936: 'gb18030', windows936: 'gb18030',
  euccn: 'gb18030', csgb2312: 'gb18030', gb231280: 'gb18030', chinese: 'gb18030', gb18030: 'gb18030',
  ksc56011987: 'cp949', ksc5601: 'cp949', ksc56011989: 'cp949', euckr: 'cp949', cseuckr: 'cp949', korean: 'cp949', windows949: 'cp949',
  iso88598i: 'iso-8859-8', iso88598e: 'iso-8859-8', logical: 'iso-8859-8',
  xmaccyrillic: 'maccyrillic', maccyrillic: 'maccyrillic', xmacukrainian: 'maccyrillic',
  big5: 'big5hkscs', xxbig5: 'big5hkscs', cnbig5: 'big5hkscs', csbig5: 'big5hkscs', big5hkscs: 'big5hkscs',
  shiftjis: 'cp932', sjis: 'cp932', xsjis: 'cp932', mskanji: 'cp932', windows31j: 'cp932', csshiftjis: 'cp932',
  iso88591: 'windows-1252', latin1: 'windows-1252', l1: 'windows-1252', cp819: 'windows-1252',
};

/** Labels that promise nothing beyond ASCII (RFC 2045's default), so 8-bit content under them is mislabelled. */
const ASCII_LABELS = new Set(['usascii', 'ascii', 'ansix341968', 'iso646us', 'us']);
/** Labels that say outright that the charset is unknown (`unknown-8bit`, RFC 1428). */
const UNKNOWN_LABELS = new Set(['unknown8bit', 'unknown', 'xunknown', '8bit', 'none', 'default']);
const UTF8 = new Set(['utf8', 'xutf8', 'unicode11utf8', 'unicode20utf8']);

/** `ISO-2022-JP` is stateful and absent from iconv-lite: mailparser's own decoder handles it. */
export function isIso2022Jp(label: string): boolean {
  return /^(?:iso-?2022-?jp|jis|csiso2022jp)/i.test(label.trim());
}

const compact = (label: string) => label.trim().replace(/^["']|["']$/g, '').toLowerCase().replace(/[^a-z0-9]/g, '');

/** How the bytes of a part will be read. */
export type CharsetPlan =
  | { readonly kind: 'utf-8' }
  | { readonly kind: 'table'; readonly encoding: string }
  | { readonly kind: 'detect'; readonly why: 'undeclared' | 'ascii' | 'unknown' };

/** Resolves a declared charset label to a decoding plan; never throws. */
export function planCharset(label: string | undefined): CharsetPlan {
  const key = compact(label ?? '');
  if (UTF8.has(key)) return { kind: 'utf-8' };
  if (key === '') return { kind: 'detect', why: 'undeclared' };
  if (ASCII_LABELS.has(key)) return { kind: 'detect', why: 'ascii' };
  if (UNKNOWN_LABELS.has(key)) return { kind: 'detect', why: 'unknown' };
  const superset = SUPERSETS[key];
  if (superset !== undefined) return { kind: 'table', encoding: superset };
  const cleaned = (label ?? '').trim().replace(/^["']|["']$/g, '');
  if (iconv.encodingExists(cleaned)) return { kind: 'table', encoding: cleaned };
  return { kind: 'detect', why: 'unknown' };
}

/** Decoded text and, when the label could not be trusted, why and what was used instead. */
export interface DecodedText {
  readonly text: string;
  readonly charset: string;
  readonly warning?: string;
}

const utf8Decoder = new TextDecoder('utf-8');

/** Decodes with an iconv-lite table or UTF-8; `charset` is one `detectCharset` or `planCharset` returned. */
export function decodeWith(bytes: Uint8Array, charset: string): string {
  if (charset === 'utf-8') return utf8Decoder.decode(bytes);
  return iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), charset);
}

/**
 * Decodes the bytes of a text part (or header) under its declared charset label, falling back
 * instead of throwing: an unknown label (`fakescii`, `enmime-unknown-charset-part.eml`) or a
 * `us-ascii` label on 8-bit content (`enmime-big5-declared-us-ascii.eml`,
 * `enmime-utf8-declared-us-ascii.eml`) goes through `detectCharset`, with a warning naming both.
 *
 * @example decodeText(bytes, 'gb2312') // { text: '你好，中国', charset: 'gb18030' }
 */
export function decodeText(bytes: Uint8Array, label: string | undefined, where = 'text part'): DecodedText {
  const plan = planCharset(label);
  if (plan.kind === 'utf-8') {
    const text = decodeWith(bytes, 'utf-8');
    return isUtf8(bytes) ? { text, charset: 'utf-8' } : { text, charset: 'utf-8', warning: `invalid UTF-8 in ${where} declared "${label ?? ''}"; bad bytes replaced` };
  }
  if (plan.kind === 'table') return { text: decodeWith(bytes, plan.encoding), charset: plan.encoding };
  if (!hasEightBit(bytes)) {
    const text = decodeWith(bytes, 'utf-8');
    return plan.why === 'unknown' ? { text, charset: 'us-ascii', warning: `unknown charset "${label ?? ''}" in ${where}, decoded as us-ascii` } : { text, charset: 'us-ascii' };
  }
  const detected = detectCharset(bytes);
  const text = decodeWith(bytes, detected);
  const warning =
    plan.why === 'unknown'
      ? `unknown charset "${label ?? ''}" in ${where}, decoded as ${detected}`
      : plan.why === 'ascii'
        ? `${where} declared charset "${label ?? ''}" but contains 8-bit bytes; decoded as ${detected}`
        : `${where} has 8-bit bytes and no charset; decoded as ${detected}`;
  return { text, charset: detected, warning };
}
