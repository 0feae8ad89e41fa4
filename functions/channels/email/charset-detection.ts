import { isUtf8 } from 'node:buffer';

/** What undeclared or mis-declared 8-bit text most likely is, as an iconv-lite encoding name. */
export type DetectedCharset = 'utf-8' | 'gb18030' | 'big5hkscs' | 'windows-1252';

/** Enough bytes to tell GB from Big5 in any real message; keeps detection O(1) on a 25 MB body. */
const SAMPLE_BYTES = 64 * 1024;

const isHigh = (byte: number) => byte >= 0x80;

/**
 * Guesses the charset of bytes that carry no trustworthy label (raw 8-bit headers, a body declared
 * `us-ascii`, an unknown charset name). Order, as the project's mail brief asks: valid UTF-8 first
 * (RFC 6532 headers, `demisto-utf8-chinese-8bit.eml`), then GB18030, then Big5.
 *
 * Two refinements keep this from garbling mail it was not meant for:
 * - 8-bit bytes that only ever occur singly (`HÄNSCHEL`, `Müller`) are a single-byte Latin charset:
 *   every CJK character is two bytes, both 8-bit unless its trail byte is ASCII (a lone Big5/GBK
 *   character with such a trail byte is the one case this misreads). See `rubymail-encoding-madness.eml`.
 * - GB18030 decodes nearly any byte string, so Big5 wins only when its decoding is more plausible: the
 *   bytes are scored in both encodings by how common the characters are (GB2312 level 1 vs Big5
 *   常用字), see `scoreGb` / `scoreBig5`. Ties go to GB18030. When neither scores like Chinese
 *   (under half a point per character), the bytes are Latin text with adjacent accents (`Grüße`).
 *
 * @example detectCharset(Buffer.from('c4e3bac3', 'hex')) // 'gb18030' (你好)
 */
export function detectCharset(bytes: Uint8Array): DetectedCharset {
  if (isUtf8(bytes)) return 'utf-8';
  const sample = bytes.length > SAMPLE_BYTES ? bytes.subarray(0, SAMPLE_BYTES) : bytes;
  if (!hasAdjacentHighBytes(sample)) return 'windows-1252';
  const gb = scoreGb(sample);
  const big5 = scoreBig5(sample);
  // Real Chinese averages well above 1 point per character; Latin text with a few adjacent accents
  // (`Grüße`) scores negative in both, so it is not CJK at all.
  if (Math.max(gb, big5) * 4 < countHighBytes(sample)) return 'windows-1252';
  return big5 > gb ? 'big5hkscs' : 'gb18030';
}

/** Whether any byte ≥ 0x80 exists at all (plain ASCII needs no detection). */
export function hasEightBit(bytes: Uint8Array): boolean {
  for (const byte of bytes) if (isHigh(byte)) return true;
  return false;
}

function countHighBytes(bytes: Uint8Array): number {
  let count = 0;
  for (const byte of bytes) if (isHigh(byte)) count += 1;
  return count;
}

function hasAdjacentHighBytes(bytes: Uint8Array): boolean {
  for (let i = 1; i < bytes.length; i += 1) {
    if (isHigh(bytes[i] as number) && isHigh(bytes[i - 1] as number)) return true;
  }
  return false;
}

const INVALID = -3;

/**
 * Plausibility of the bytes as GBK/GB18030 Chinese: GB2312 level-1 hanzi (the 3,755 most common,
 * lead 0xB0–0xD7) score 2, level-2 hanzi and CJK punctuation / full-width forms 1, kana / Greek /
 * Cyrillic / box-drawing rows 0, GBK extensions and four-byte sequences (rare characters) −1.
 */
export function scoreGb(bytes: Uint8Array): number {
  let score = 0;
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i] as number;
    if (lead < 0x80) {
      i += 1;
      continue;
    }
    const trail = bytes[i + 1] ?? -1;
    if (lead === 0x80 || lead === 0xff || trail < 0x30) {
      score += INVALID;
      i += 1;
    } else if (trail <= 0x39) {
      score -= 1; // four-byte GB18030 sequence: outside GBK, rare in real text
      i += 4;
    } else if (trail === 0x7f || trail === 0xff || trail < 0x40) {
      score += INVALID;
      i += 1;
    } else {
      score += gbPairScore(lead, trail);
      i += 2;
    }
  }
  return score;
}

function gbPairScore(lead: number, trail: number): number {
  if (trail < 0xa1) return -1; // GBK/3, GBK/4 extension area
  if (lead >= 0xb0 && lead <= 0xd7) return 2;
  if (lead >= 0xd8 && lead <= 0xf7) return 1;
  if (lead === 0xa1 || lead === 0xa3) return 1;
  if (lead === 0xa2 || (lead >= 0xa4 && lead <= 0xa9)) return 0;
  return -1; // user-defined area
}

/**
 * Plausibility of the bytes as Big5 Chinese: 常用字 (0xA440–0xC67E) score 2, 次常用字
 * (0xC940–0xF9D5) and the punctuation block (0xA140–0xA3BF) 1, everything else −1. A trail byte
 * outside 0x40–0x7E / 0xA1–0xFE cannot be Big5 at all.
 */
export function scoreBig5(bytes: Uint8Array): number {
  let score = 0;
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i] as number;
    if (lead < 0x80) {
      i += 1;
      continue;
    }
    const trail = bytes[i + 1] ?? -1;
    const validTrail = (trail >= 0x40 && trail <= 0x7e) || (trail >= 0xa1 && trail <= 0xfe);
    if (lead < 0x81 || lead > 0xfe || !validTrail) {
      score += INVALID;
      i += 1;
      continue;
    }
    const code = (lead << 8) | trail;
    if (code >= 0xa440 && code <= 0xc67e) score += 2;
    else if ((code >= 0xc940 && code <= 0xf9d5) || (code >= 0xa140 && code <= 0xa3bf)) score += 1;
    else score -= 1;
    i += 2;
  }
  return score;
}
