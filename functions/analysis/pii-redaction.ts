import { PII_KIND_NAMES, PII_PLACEHOLDER_PATTERN, type PiiKindName } from '../core/model/pii-kinds.js';

/** The kinds of personal data masked before any model call, in the model's vocabulary. */
export const PII_KINDS = PII_KIND_NAMES;
export type PiiKind = PiiKindName;

/** Text safe to send to a model, and how many placeholders of each kind were put in. */
export interface PiiRedaction {
  readonly text: string;
  /** Placeholders put in, by kind: occurrences, so a number said twice counts twice. */
  readonly counts: Readonly<Partial<Record<PiiKind, number>>>;
  readonly total: number;
}

interface Detector {
  readonly kind: PiiKind;
  readonly pattern: RegExp;
  /** Checks what a regex cannot (checksums, calendar dates); a refused match is left as it is. */
  readonly accepts: (match: string) => boolean;
  /** The value behind the formatting, so `138-0013-8000` and `13800138000` share a placeholder. */
  readonly key: (match: string) => string;
  /** Whether a refused match is still one number that later detectors must not search inside. */
  readonly keepsRefused?: (match: string) => boolean;
}

/** A stretch of the input claimed by a detector: masked when it has a kind, kept as it is otherwise. */
interface Claim {
  readonly start: number;
  readonly end: number;
  readonly found?: { readonly kind: PiiKind; readonly key: string };
}

// Token boundaries. A match may not touch a letter, digit or `_` (a digit run inside `INV2291A` or a
// 20-digit run is not PII), nor be joined to one by `-`, `/` or `.` (`PO-20240617-88`, `v1.138…`).
// `]` before and `[` after count as such characters: a placeholder then blocks its neighbours just as
// the value it replaced did (every masked value ends in a letter or digit), so a second redaction
// finds nothing the first one left — redaction is idempotent.
const BEFORE = String.raw`(?<![A-Za-z0-9_\]]|[A-Za-z0-9_\]][-/.])`;
const AFTER = String.raw`(?![A-Za-z0-9_\[]|[-/.][A-Za-z0-9_\[])`;

// Every quantifier is bounded, so backtracking from one start position is bounded by the longest
// possible match: matching stays linear in the input (no catastrophic backtracking on megabyte-long
// transcripts; the test suite times adversarial inputs).

// An address: a local part (RFC 5321 allows 64 characters) not cut out of a longer one, and a domain
// of up to 8 labels ending in an alphabetic top-level label.
const EMAIL_LOCAL = String.raw`(?<![A-Za-z0-9._%+\-@\]])[A-Za-z0-9][A-Za-z0-9._%+-]{0,63}`;
const EMAIL_DOMAIN = String.raw`(?:[A-Za-z0-9-]{1,63}\.){1,8}[A-Za-z]{2,63}(?![A-Za-z0-9_@\[-]|\.[A-Za-z0-9\[])`;
const EMAIL = `${EMAIL_LOCAL}@${EMAIL_DOMAIN}`;
const ID_CARD = String.raw`${BEFORE}[1-8]\d{16}[\dXx]${AFTER}`;
// Mainland mobiles (1[3-9] + 9 digits, 3-4-4 grouping) with an optional +86 / 86 / 0086 prefix, then
// any other E.164 number (ITU-T E.164: country code plus at most 15 digits in all).
const CN_MOBILE = String.raw`(?:\(?(?:\+|00)?86\)?[ -]?)?1[3-9]\d(?:[ -]?\d{4}){2}`;
const INTERNATIONAL = String.raw`\+(?!86)[1-9]\d{0,2}(?:[ -]?\(\d{1,4}\))?(?:[ -]?\d){6,12}`;
const MOBILE = `${BEFORE}(?:${CN_MOBILE}|${INTERNATIONAL})${AFTER}`;
// 13–19 digits, plain or in groups of four split by one repeated space or dash (ISO/IEC 7812 lengths).
const BANK_CARD = String.raw`${BEFORE}(?:\d{4}([ -])\d{4}(?:\1\d{4}){1,2}(?:\1\d{1,4})?|\d{13,19})${AFTER}`;
// Mainland fixed lines: 0 + 2–3 digit area code (or +86 without the trunk 0), a 7–8 digit local
// number, and an optional extension (`转123`, `ext. 12`, `-123`).
// 400/800 numbers are excluded on purpose: they are vendors' published service lines (400 shared-cost,
// 800 toll-free), identify a company rather than a person, and tell the model whom the customer called.
const AREA_CODE = String.raw`(?:(?:\+|00)86[ -]?\(?|\(?0)(?![48]00)[1-9]\d{1,2}\)?`;
const EXTENSION = String.raw`(?:[ ]?(?:转|分机|[Ee]xt\.?|x)[ ]?\d{1,6}|-\d{1,6})`;
const LANDLINE = String.raw`${BEFORE}${AREA_CODE}[ -]?\d{3,4}[ -]?\d{4}${EXTENSION}?${AFTER}`;

// GB 11643-1999 §8.2: ISO 7064 MOD 11-2 over the first 17 digits.
const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const ID_CHECK_CHARS = '10X98765432';

/**
 * Whether `value` is a valid 18-character PRC resident identity number (GB 11643-1999): region
 * first digit 1–8, a real birth date from 1900 to this year, and the MOD 11-2 check character.
 */
export function isResidentIdNumber(value: string): boolean {
  if (!/^[1-8]\d{16}[\dXx]$/.test(value)) return false;
  const year = Number(value.slice(6, 10));
  const month = Number(value.slice(10, 12));
  const day = Number(value.slice(12, 14));
  const birth = new Date(Date.UTC(year, month - 1, day));
  const realDate = birth.getUTCFullYear() === year && birth.getUTCMonth() === month - 1 && birth.getUTCDate() === day;
  if (!realDate || year < 1900 || year > new Date().getUTCFullYear()) return false;
  const sum = ID_WEIGHTS.reduce((total, weight, index) => total + weight * Number(value[index]), 0);
  return ID_CHECK_CHARS[sum % 11] === value[17]?.toUpperCase();
}

/** The Luhn (ISO/IEC 7812-1 Annex B) check over a string of digits. */
export function passesLuhn(digits: string): boolean {
  let sum = 0;
  for (let index = 0; index < digits.length; index += 1) {
    let digit = Number(digits[digits.length - 1 - index]);
    if (index % 2 === 1) digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
    sum += digit;
  }
  return digits.length > 0 && sum % 10 === 0;
}

const digitsOf = (value: string) => value.replace(/\D/g, '');

// Card numbers start with an ISO/IEC 7812 issuer prefix: 3 (Amex, JCB, Diners), 4–5 (Visa,
// Mastercard), 6 (UnionPay, Discover) or Mastercard's 2221–2720. Requiring one keeps Luhn-valid
// timestamps and serials (`20240617…`, `1…`) out, since one random number in ten passes Luhn.
function isCardNumber(match: string): boolean {
  const digits = digitsOf(match);
  const prefix = Number(digits.slice(0, 4));
  const issued = /^[3-6]/.test(digits) || (prefix >= 2221 && prefix <= 2720);
  return digits.length >= 13 && digits.length <= 19 && issued && passesLuhn(digits);
}

function mobileKey(match: string): string {
  const digits = digitsOf(match);
  // `+13800138000` is a +1 number, not the mainland mobile 138…: keep the plus in international keys.
  return /^\(?\+(?!86)/.test(match) ? `+${digits}` : digits.slice(-11);
}

// `+86 21 6123 4567` and `021-6123 4567` are one line: international forms get the trunk 0 back.
const landlineKey = (match: string) => digitsOf(match).replace(/^(?:0086|86)/, '0');

const compile = (source: string) => new RegExp(source, 'g');

// A refused card shape of 13–19 digits in groups (`6222 0202 0000 1234 567`, Luhn-invalid) is one
// long number: the landline detector must not find `0202 0000 1234` inside it.
const isGroupedLongNumber = (match: string) => /[ -]/.test(match) && digitsOf(match).length >= 13;

// Order matters: an email may hold a mobile (`13800138000@139.com`); an 18-digit identity number
// may pass Luhn; `86` + a mobile is 13 digits, a card length. The earlier detector wins.
const DETECTORS: readonly Detector[] = [
  { kind: 'EMAIL', pattern: compile(EMAIL), accepts: () => true, key: (match) => match.toLowerCase() },
  { kind: 'ID_CARD', pattern: compile(ID_CARD), accepts: isResidentIdNumber, key: (match) => match.toUpperCase() },
  { kind: 'MOBILE', pattern: compile(MOBILE), accepts: () => true, key: mobileKey },
  { kind: 'BANK_CARD', pattern: compile(BANK_CARD), accepts: isCardNumber, key: digitsOf, keepsRefused: isGroupedLongNumber },
  { kind: 'LANDLINE', pattern: compile(LANDLINE), accepts: () => true, key: landlineKey },
];

/** What one detector claims, and whether it was refused room by a value found in the same round. */
interface DetectorClaims {
  readonly claims: Claim[];
  readonly collided: boolean;
}

/** Claims of one detector over `text`, skipping what earlier detectors claimed (`claimed` is sorted). */
function claimsOf(detector: Detector, text: string, claimed: readonly Claim[]): DetectorClaims {
  const claims: Claim[] = [];
  let collided = false;
  let next = 0;
  // Matches arrive in text order, so one forward cursor over the earlier claims finds overlaps.
  for (const match of text.matchAll(detector.pattern)) {
    const start = match.index;
    const end = start + match[0].length;
    while (next < claimed.length && (claimed[next]?.end ?? 0) <= start) next += 1;
    const overlapped = claimed[next];
    if (overlapped && overlapped.start < end) {
      collided ||= overlapped.found !== undefined;
      continue;
    }
    if (detector.accepts(match[0])) claims.push({ start, end, found: { kind: detector.kind, key: detector.key(match[0]) } });
    else if (detector.keepsRefused?.(match[0])) claims.push({ start, end });
  }
  return { claims, collided };
}

// A placeholder already in the text (from an earlier pass, or redacted text sent again) is opaque.
const PLACEHOLDER = new RegExp(PII_PLACEHOLDER_PATTERN, 'g');

/** Per kind: the number given to each value, counted on from the highest number the input already used. */
class PlaceholderNumbers {
  private readonly used = new Map<PiiKind, number>();
  private readonly given = new Map<string, number>();

  constructor(input: string) {
    for (const [, kind, number] of input.matchAll(PLACEHOLDER)) {
      this.used.set(kind as PiiKind, Math.max(this.used.get(kind as PiiKind) ?? 0, Number(number)));
    }
  }

  placeholder(kind: PiiKind, key: string): string {
    const slot = `${kind}:${key}`;
    let number = this.given.get(slot);
    if (number === undefined) {
      number = (this.used.get(kind) ?? 0) + 1;
      this.used.set(kind, number);
      this.given.set(slot, number);
    }
    return `[${kind}_${number}]`;
  }
}

/** Every claim over `text`: existing placeholders first, then each detector in order. */
function claimAll(text: string): DetectorClaims {
  let claims: Claim[] = [...text.matchAll(PLACEHOLDER)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
  let collided = false;
  for (const detector of DETECTORS) {
    const found = claimsOf(detector, text, claims);
    // Both lists are sorted and disjoint: the sort merges two runs in linear time (V8's TimSort).
    claims = [...claims, ...found.claims].sort((a, b) => a.start - b.start);
    collided ||= found.collided;
  }
  return { claims, collided };
}

/**
 * Masks personal data before text leaves for a model: PRC identity numbers (checksum verified),
 * Luhn-valid card numbers, mainland and international mobiles, mainland landlines and emails become
 * `[ID_CARD_1]`, `[BANK_CARD_1]`, `[MOBILE_1]`, `[LANDLINE_1]`, `[EMAIL_1]`, numbered per kind in
 * order of appearance. The same value gets the same number however it is formatted; everything else
 * is kept byte for byte. Order numbers, product codes, prices, dates, 400/800 service lines and digits
 * inside longer tokens are left alone.
 *
 * When a value claimed a stretch that a later detector wanted (an email swallowing a phone number's
 * tail), the text is scanned again with the placeholder in, so what is left is found too.
 *
 * @example redactPii('请回电 138-0013-8000 或 13800138000，邮箱 li@example.cn')
 * // { text: '请回电 [MOBILE_1] 或 [MOBILE_1]，邮箱 [EMAIL_1]', counts: { MOBILE: 2, EMAIL: 1 }, total: 3 }
 */
export function redactPii(text: string): PiiRedaction {
  const counts: Partial<Record<PiiKind, number>> = {};
  const numbers = new PlaceholderNumbers(text);
  let current = text;
  // Each round masks at least one character outside every placeholder, so the loop ends.
  for (let again = true; again; ) {
    const { claims, collided } = claimAll(current);
    const pieces: string[] = [];
    let copied = 0;
    for (const { start, end, found } of claims) {
      if (!found) continue;
      counts[found.kind] = (counts[found.kind] ?? 0) + 1;
      pieces.push(current.slice(copied, start), numbers.placeholder(found.kind, found.key));
      copied = end;
    }
    current = pieces.join('') + current.slice(copied);
    again = collided;
  }
  const total = Object.values(counts).reduce((sum, count) => sum + count, 0);
  return { text: current, counts, total };
}
