import { createHash } from 'node:crypto';

/** One hub mail: a plain-text part and, when given, an HTML alternative. */
export interface MimeMessageParts {
  /** `Name <address>` or a bare address; the name may be any Unicode. */
  readonly from: string;
  readonly to: readonly string[];
  readonly subject: string;
  readonly date: Date;
  /** The whole `Message-ID` value, `<left@domain>`; omitted, the receiving server assigns one. */
  readonly messageId?: string;
  /** Further unstructured headers, e.g. `X-CommHub-Message-Id`. */
  readonly headers?: Readonly<Record<string, string>>;
  readonly text: string;
  readonly html?: string;
}

/** An address the message cannot carry (not `Name <local@domain>` in ASCII, or a header name that is not a token). */
export class MimeMessageError extends Error {
  override readonly name = 'MimeMessageError';
}

const CRLF = '\r\n';
/** RFC 5322 §2.1.1: lines should stay within 78 characters. */
const FOLD_AT = 78;
/** RFC 2047 §2: an encoded word is at most 75 characters. */
const ENCODED_WORD_MAX = 75;
const BASE64_LINE = 76;
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;
/** An `atext` phrase (RFC 5322 §3.2.3), which a display name may be written as without quotes. */
const ATOM_PHRASE = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~ -]*$/;
const ADDRESS = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]+@[A-Za-z0-9.-]+$/;
/** Past this, a word cannot be folded within RFC 5322's 998-character line: it is written as encoded words. */
const LONGEST_WORD = 900;
const HEADER_NAME = /^[\x21-\x39\x3b-\x7e]+$/;

/** Line breaks inside a header value would start a header of their own: they become a space. */
const oneLine = (value: string) => value.replace(/[\r\n]+/g, ' ');

/**
 * RFC 2047 `B` encoded words for `value`, each within 75 characters and never splitting a character
 * (a UTF-8 sequence, or a surrogate pair) across two words.
 */
function encodedWords(value: string, headerName: string): string[] {
  const prefix = '=?UTF-8?B?';
  // The first word shares its line with `Name: `, and still ends within 78 characters.
  const longest = Math.min(ENCODED_WORD_MAX, FOLD_AT - headerName.length - 2);
  const budget = Math.floor((longest - prefix.length - 2) / 4) * 3; // bytes per word
  const words: string[] = [];
  let chunk: Buffer[] = [];
  let size = 0;
  for (const char of value) {
    const bytes = Buffer.from(char, 'utf8');
    if (size + bytes.length > budget && chunk.length > 0) {
      words.push(`${prefix}${Buffer.concat(chunk).toString('base64')}?=`);
      chunk = [];
      size = 0;
    }
    chunk.push(bytes);
    size += bytes.length;
  }
  if (chunk.length > 0) words.push(`${prefix}${Buffer.concat(chunk).toString('base64')}?=`);
  return words;
}

/** Folds `Name: token token …` at the spaces between tokens so that no line passes 78 characters. */
function folded(name: string, tokens: readonly string[]): string {
  const lines: string[] = [];
  let line = `${name}:`;
  for (const token of tokens) {
    if (line.length + 1 + token.length > FOLD_AT && line.length > name.length + 1) {
      lines.push(line);
      line = ` ${token}`;
    } else {
      line += ` ${token}`;
    }
  }
  lines.push(line);
  return lines.join(CRLF);
}

/** An unstructured header (Subject, X-…): as written when printable ASCII, else RFC 2047 words. */
function unstructured(name: string, value: string): string {
  if (!HEADER_NAME.test(name)) throw new MimeMessageError(`"${name}" is not a header name`);
  const flat = oneLine(value);
  const words = flat.split(' ');
  return folded(name, PRINTABLE_ASCII.test(flat) && words.every((word) => word.length <= LONGEST_WORD) ? words : encodedWords(flat, name));
}

/** `Name <address>` as header tokens: the name as an atom phrase, a quoted string, or encoded words. */
function mailbox(headerName: string, value: string): string[] {
  const match = /^\s*(?:([^<>]*?)\s*<([^<>]*)>|([^<>\s]+))\s*$/.exec(oneLine(value));
  const address = match?.[2] ?? match?.[3];
  if (!match || address === undefined || !ADDRESS.test(address)) throw new MimeMessageError(`"${value}" is not an address of the form Name <local@domain>`);
  const name = (match[1] ?? '').replace(/^"(.*)"$/, '$1').trim();
  if (name === '') return [address];
  if (!PRINTABLE_ASCII.test(name)) return [...encodedWords(name, headerName), `<${address}>`];
  if (ATOM_PHRASE.test(name)) return [...name.split(/\s+/), `<${address}>`];
  return [`"${name.replace(/(["\\])/g, '\\$1')}"`, `<${address}>`];
}

/** Each mailbox's tokens, the last of every mailbox but the last followed by a comma. */
function addressList(name: string, values: readonly string[]): string {
  const tokens = values.flatMap((value, i) => {
    const own = mailbox(name, value);
    return i < values.length - 1 ? [...own.slice(0, -1), `${own[own.length - 1]},`] : own;
  });
  return folded(name, tokens);
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const two = (n: number) => String(n).padStart(2, '0');

/** RFC 5322 §3.3 date-time in UTC: `Mon, 17 Jun 2024 01:00:05 +0000`. */
export function rfc5322Date(date: Date): string {
  return `${DAYS[date.getUTCDay()]}, ${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()} ${two(date.getUTCHours())}:${two(date.getUTCMinutes())}:${two(date.getUTCSeconds())} +0000`;
}

/** A UTF-8 text part, base64 in 76-character lines: 7-bit whatever the language. */
function textPart(subtype: 'plain' | 'html', content: string): string {
  const base64 = Buffer.from(content, 'utf8').toString('base64');
  const lines = base64.match(new RegExp(`.{1,${BASE64_LINE}}`, 'g')) ?? [''];
  return [`Content-Type: text/${subtype}; charset=utf-8`, 'Content-Transfer-Encoding: base64', '', ...lines].join(CRLF);
}

/**
 * Composes one RFC 5322 / MIME message: 7-bit, CRLF line ends, no line over 78 characters, headers
 * with non-ASCII text written as RFC 2047 encoded words, the parts as UTF-8 in base64 —
 * `multipart/alternative` when there is HTML. The same parts give the same bytes: the boundary is
 * derived from the content (base64 lines never begin with `--`, so no boundary can occur in a part).
 *
 * @example
 * const raw = composeMimeMessage({ from: 'CommHub <reports@example.com>', to: ['ops@example.com'], subject: '每日报告', date, text, html });
 *
 * @throws MimeMessageError for an address that is not ASCII `local@domain` (with an optional name)
 *   or a header name that is not a token.
 */
export function composeMimeMessage(parts: MimeMessageParts): Buffer {
  const headers = [
    addressList('From', [parts.from]),
    addressList('To', parts.to),
    unstructured('Subject', parts.subject),
    `Date: ${rfc5322Date(parts.date)}`,
    ...(parts.messageId === undefined ? [] : [unstructured('Message-ID', parts.messageId)]),
    ...Object.entries(parts.headers ?? {}).map(([name, value]) => unstructured(name, value)),
    'MIME-Version: 1.0',
  ];
  if (parts.html === undefined) return Buffer.from([...headers, textPart('plain', parts.text)].join(CRLF) + CRLF, 'ascii');

  const boundary = `commhub-${createHash('sha256').update(parts.text).update('\0').update(parts.html).digest('hex').slice(0, 32)}`;
  return Buffer.from(
    [
      ...headers,
      `Content-Type: multipart/alternative; boundary="${boundary}"`,
      '',
      `--${boundary}`,
      textPart('plain', parts.text),
      `--${boundary}`,
      textPart('html', parts.html),
      `--${boundary}--`,
      '',
    ].join(CRLF),
    'ascii',
  );
}

/**
 * `<id@sender-domain>` (RFC 5322 §3.6.4): characters outside a dot-atom are percent-encoded, which
 * keeps distinct ids distinct, and the sender's domain keeps the id unique across installations.
 */
export function messageIdHeader(id: string, from: string): string {
  const left = Array.from(Buffer.from(id, 'utf8'), (byte) => {
    const char = String.fromCharCode(byte);
    return /[A-Za-z0-9._+=-]/.test(char) ? char : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  })
    .join('')
    // A dot-atom has no leading, trailing or doubled dot.
    .replace(/^\.|\.$|\.(?=\.)/g, '%2E');
  const domain = /@([A-Za-z0-9.-]+)>?\s*$/.exec(from)?.[1] ?? 'commhub.invalid';
  return `<${left || 'report'}@${domain}>`;
}
