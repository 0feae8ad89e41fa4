import { isUtf8 } from 'node:buffer';
import { Transform, type TransformCallback } from 'node:stream';
import { decodeText } from './charset-decoding.js';

/** Collects what the decoders notice, so broken MIME yields warnings instead of errors. */
export type WarningSink = (warning: string) => void;

/**
 * Decodes a text part's bytes to UTF-8 once it is complete (text parts are read whole anyway), so the
 * charset can be guessed from all of it when the label is missing, `us-ascii` or unknown.
 */
export class CharsetTextDecoder extends Transform {
  private readonly chunks: Buffer[] = [];

  constructor(
    private readonly label: string | undefined,
    private readonly where: string,
    private readonly warn: WarningSink,
  ) {
    super();
  }

  override _transform(chunk: Buffer | string, _encoding: BufferEncoding, done: TransformCallback): void {
    this.chunks.push(typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk);
    done();
  }

  override _flush(done: TransformCallback): void {
    const bytes = this.chunks.length === 1 ? (this.chunks[0] as Buffer) : Buffer.concat(this.chunks);
    this.chunks.length = 0;
    try {
      const decoded = decodeText(bytes, this.label, this.where);
      if (decoded.warning !== undefined) this.warn(decoded.warning);
      done(null, Buffer.from(decoded.text, 'utf8'));
    } catch (error) {
      // A decoder bug must cost this part its charset, not the whole message.
      this.warn(`${this.where} could not be decoded as "${this.label ?? ''}" (${error instanceof Error ? error.message : String(error)}); read as UTF-8`);
      done(null, bytes);
    }
  }
}

const NOT_BASE64 = /[^A-Za-z0-9+/=\s]/;
const NOT_BASE64_GLOBAL = /[^A-Za-z0-9+/=]/g;
const WHITESPACE = /\s+/g;

/**
 * Incremental, lenient base64 (RFC 2045 §6.8): whitespace is skipped, characters outside the
 * alphabet are dropped and reported once (`enmime-malformed-base64-attachment.eml` has a `*` in it),
 * `=` closes a quantum and whatever follows starts a new one (concatenated encoders), and a missing
 * final padding is tolerated.
 */
class LenientBase64 {
  private carry = '';
  malformed = false;

  /** Decodes one chunk; keeps an incomplete quantum for the next. */
  push(chunk: Buffer): Buffer[] {
    const text = chunk.toString('latin1');
    let data: string;
    if (NOT_BASE64.test(text)) {
      this.malformed = true;
      data = this.carry + text.replace(NOT_BASE64_GLOBAL, '');
    } else {
      data = this.carry + text.replace(WHITESPACE, '');
    }
    const out: Buffer[] = [];
    let padding = data.indexOf('=');
    while (padding !== -1) {
      const quantum = data.slice(0, padding);
      if (quantum.length % 4 === 1) this.malformed = true;
      if (quantum.length > 0) out.push(Buffer.from(quantum, 'base64'));
      data = data.slice(padding).replace(/^=+/, '');
      padding = data.indexOf('=');
    }
    const whole = data.length - (data.length % 4);
    if (whole > 0) out.push(Buffer.from(data.slice(0, whole), 'base64'));
    this.carry = data.slice(whole);
    return out;
  }

  /** Decodes what is left; a single leftover character cannot encode a byte. */
  end(): Buffer[] {
    const rest = this.carry;
    this.carry = '';
    if (rest.length % 4 === 1) this.malformed = true;
    return rest.length > 1 ? [Buffer.from(rest, 'base64')] : [];
  }
}

/** Streams an attachment's base64 body, reporting (not failing on) characters outside the alphabet. */
export class AttachmentBase64Decoder extends Transform {
  private readonly base64 = new LenientBase64();

  constructor(
    private readonly what: string,
    private readonly warn: WarningSink,
  ) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    for (const bytes of this.base64.push(chunk)) this.push(bytes);
    done();
  }

  override _flush(done: TransformCallback): void {
    for (const bytes of this.base64.end()) this.push(bytes);
    if (this.base64.malformed) this.warn(`malformed base64 in ${this.what}; invalid characters skipped`);
    done();
  }
}

/**
 * Decodes a text part declared `Content-Transfer-Encoding: base64`. Some senders label plain text
 * base64 (`demisto-attached-eml-html.eml`: "Email with attached another email"): when the body has
 * characters or word spacing base64 never has and decoding it yields no valid text, the body is kept
 * as written, with a warning.
 */
export class TextBase64Decoder extends Transform {
  private readonly chunks: Buffer[] = [];

  constructor(
    private readonly where: string,
    private readonly warn: WarningSink,
  ) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.chunks.push(chunk);
    done();
  }

  override _flush(done: TransformCallback): void {
    const raw = Buffer.concat(this.chunks);
    this.chunks.length = 0;
    const base64 = new LenientBase64();
    const decoded = Buffer.concat([...base64.push(raw), ...base64.end()]);
    const rawText = raw.toString('latin1');
    const spacedLikeProse = /[A-Za-z0-9+/][ \t]+[A-Za-z0-9+/]/.test(rawText);
    if ((base64.malformed || spacedLikeProse) && !looksLikeText(decoded) && isUtf8(raw)) {
      this.warn(`${this.where} is declared base64 but is not base64-encoded; kept as written`);
      done(null, raw);
      return;
    }
    if (base64.malformed) this.warn(`malformed base64 in ${this.where}; invalid characters skipped`);
    done(null, decoded);
  }
}

/** Decoded bytes that are not valid UTF-8, or contain C0 controls other than tab and line ends, are not text. */
function looksLikeText(bytes: Buffer): boolean {
  if (!isUtf8(bytes)) return false;
  for (const byte of bytes) if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d) return false;
  return true;
}
