import { isUtf8 } from 'node:buffer';
import { PayloadError } from '../../core/channels/channel-adapter.js';
import { decodeWith } from './charset-decoding.js';
import { detectCharset, hasEightBit } from './charset-detection.js';

/** One header field as it was sent: name and the raw bytes of the whole (folded) field. */
export interface RawHeaderField {
  /** Lower-cased field name. */
  readonly name: string;
  /** `Name: value` including folding and the line end, exactly as in the message. */
  readonly raw: Buffer;
}

/** The top-level header block, located without copying the message. */
export interface RawHeaderBlock {
  readonly fields: readonly RawHeaderField[];
  /** Where the header block starts (after a UTF-8 BOM, blank lines and an mbox `From ` line, when present). */
  readonly start: number;
  /** Where the last field ends: the empty line that separates the body, or the message end. */
  readonly fieldsEnd: number;
  /** Where the body starts (after the empty line), or the message length when there is none. */
  readonly bodyStart: number;
}

const LF = 0x0a;
const FIELD_NAME_LINE = /^[\x21-\x39\x3b-\x7e]+[ \t]*:/;

/** The line starting at `from`, without its line end, and where the next line starts. */
function lineAt(message: Buffer, from: number): { readonly end: number; readonly next: number } {
  const lf = message.indexOf(LF, from);
  if (lf === -1) return { end: message.length, next: message.length };
  return { end: lf > from && message[lf - 1] === 0x0d ? lf - 1 : lf, next: lf + 1 };
}

/**
 * Finds the top-level header fields. Skips a UTF-8 BOM and an mbox `From ` separator line (present in
 * `phpmime-iso-8859-8-i-subject.eml`, `rubymail-illegal-boundary.eml`). Lines that are neither a
 * field nor a continuation (lost folding whitespace, `phpmime-reply-in-reply-to.eml`) are kept inside
 * the preceding field, as mailparser does.
 *
 * @throws PayloadError when the input is empty or does not start with a header field, i.e. is not an
 *   RFC 5322 message at all.
 */
export function readHeaderBlock(message: Buffer): RawHeaderBlock {
  let start = 0;
  if (message[0] === 0xef && message[1] === 0xbb && message[2] === 0xbf) start = 3;
  while (message[start] === 0x0d || message[start] === 0x0a) start += 1;
  if (message.subarray(start, start + 5).toString('latin1') === 'From ') start = lineAt(message, start).next;
  const first = lineAt(message, start);
  const firstLine = message.subarray(start, Math.min(first.end, start + 1000)).toString('latin1');
  if (start >= message.length || message.subarray(start).every((byte) => byte === 0x20 || byte === 0x09 || byte === 0x0d || byte === 0x0a)) {
    throw new PayloadError('email: the message is empty');
  }
  if (!FIELD_NAME_LINE.test(firstLine)) {
    throw new PayloadError('email: not an RFC 5322 message (the first line is not a header field such as "From: …")');
  }
  const fields: RawHeaderField[] = [];
  let fieldStart = start;
  let fieldName = '';
  let position = start;
  while (position < message.length) {
    const line = lineAt(message, position);
    if (line.end === position) {
      if (fieldName !== '') fields.push({ name: fieldName, raw: message.subarray(fieldStart, position) });
      return { fields, start, fieldsEnd: position, bodyStart: line.next };
    }
    const byte = message[position];
    const text = message.subarray(position, Math.min(line.end, position + 200)).toString('latin1');
    if (byte !== 0x20 && byte !== 0x09 && FIELD_NAME_LINE.test(text)) {
      if (fieldName !== '') fields.push({ name: fieldName, raw: message.subarray(fieldStart, position) });
      fieldStart = position;
      fieldName = text.slice(0, text.indexOf(':')).trim().toLowerCase();
    }
    position = line.next;
  }
  if (fieldName !== '') fields.push({ name: fieldName, raw: message.subarray(fieldStart, position) });
  return { fields, start, fieldsEnd: message.length, bodyStart: message.length };
}

/** The unfolded value of the first field with that name, as Latin-1 text (ASCII fields are exact). */
export function rawHeaderValue(block: RawHeaderBlock, name: string): string | undefined {
  const field = block.fields.find((f) => f.name === name);
  if (field === undefined) return undefined;
  const text = field.raw.toString('latin1');
  return text
    .slice(text.indexOf(':') + 1)
    .replace(/\r?\n[ \t]*/g, ' ')
    .trim();
}

/** A header block re-encoded as UTF-8, for the fields that carried raw 8-bit bytes in another charset. */
export interface TranscodedHeaders {
  readonly bytes: Buffer;
  readonly fieldNames: readonly string[];
  readonly charset: string;
}

/**
 * RFC 5322 headers are ASCII; non-ASCII text belongs in RFC 2047 encoded words. Chinese mailers
 * nevertheless send raw GBK/Big5 bytes in Subject/From/To, which mailparser reads as UTF-8 and turns
 * into U+FFFD. Fields whose 8-bit bytes are not valid UTF-8 are decoded (one charset detected over
 * all of them, more text than a single field gives) and re-encoded as UTF-8, which mailparser reads
 * correctly (RFC 6532). Returns `undefined` when no field needs it.
 */
export function transcodeRawHeaders(message: Buffer, block: RawHeaderBlock): TranscodedHeaders | undefined {
  const foreign = block.fields.filter((f) => hasEightBit(f.raw) && !isUtf8(f.raw));
  if (foreign.length === 0) return undefined;
  const charset = detectCharset(Buffer.concat(foreign.map((f) => f.raw)));
  const parts = block.fields.map((f) => (foreign.includes(f) ? Buffer.from(decodeWith(f.raw, charset), 'utf8') : f.raw));
  const separator = message.subarray(block.fieldsEnd, block.bodyStart);
  return { bytes: Buffer.concat([...parts, separator]), fieldNames: [...new Set(foreign.map((f) => f.name))], charset };
}
