import { MailParser, type AttachmentStream, type Headers, type MessageText } from 'mailparser';
import type { Transform } from 'node:stream';
import { isIso2022Jp } from './charset-decoding.js';
import { AttachmentBase64Decoder, CharsetTextDecoder, TextBase64Decoder, type WarningSink } from './part-decoders.js';

/**
 * The parts of mailparser 3.9.31 (`lib/mail-parser.js`, pinned in package.json) this reader hooks
 * into. mailparser exposes no charset or transfer-decoding hook for parts declared `us-ascii`/`utf-8`
 * (it skips decoding them) and swallows unknown charsets and bad base64 silently; wrapping
 * `createNode` and `decoder` is the smallest change that lets every part go through our decoders.
 * If a mailparser upgrade renames them, `hook` says so in a warning and parsing still works, unrepaired.
 */
interface MailsplitNode {
  readonly root: boolean;
  readonly contentType: string | false;
  readonly charset: string | false;
  readonly encoding: string | false;
  readonly disposition: string | false;
  readonly filename: string | false;
  readonly multipart: string | false;
  readonly _boundary: Buffer | false;
  readonly partNr: ReadonlyArray<number | string> | false;
  readonly headers: { readonly lines?: ReadonlyArray<{ readonly key: string; readonly line: string }> } | false;
  getDecoder: () => Transform;
}
interface MailParserNode {
  isAttachment?: boolean;
  charset?: string;
  decoder?: unknown;
}
interface MailParserInternals {
  createNode: (data: MailsplitNode) => MailParserNode;
  decoder: { decodeStream: (charset: string) => Transform };
  hasFailed?: boolean;
}

/** mailparser's `textTypes` (delivery-status is read as text so a bounce's `Status: 5.1.1` shows). */
const TEXT_TYPES = ['text/plain', 'text/html', 'message/delivery-status'];
/** Marks a text part's charset so mailparser hands even `us-ascii`/`utf-8` parts to `decodeStream`. */
const CHARSET_MARK = 'x-commhub-charset:';
/**
 * Last-resort bound on one parse (a 25 MB message takes about 2 s here): a stream that stops without
 * ending must not hang the ingest Lambda until its own timeout; what was read so far is returned.
 */
const MAX_PARSE_MS = 60_000;
/** Input is fed in slices: mailparser's ChunkedPassthrough copies each write, so one 25 MB write would copy it all. */
const WRITE_SLICE = 64 * 1024;

/** An attachment as mailparser streamed it, collected into one Buffer. */
export interface MimeAttachment {
  readonly stream: AttachmentStream;
  readonly content: Buffer;
}

/** What the MIME layer yielded, before it is shaped into a `ParsedEmail`. */
export interface MimeReadResult {
  readonly headers: Headers | undefined;
  readonly text: string | undefined;
  readonly html: string | undefined;
  readonly attachments: readonly MimeAttachment[];
  /** Boundaries of the multiparts that were split, to check for their closing delimiters. */
  readonly boundaries: readonly Buffer[];
}

const partLabel = (node: MailsplitNode) => {
  const numbers = node.partNr === false ? [] : node.partNr.filter((n) => typeof n === 'number');
  return node.root || numbers.length === 0 ? 'the message' : `part ${numbers.join('.')}`;
};

/** Lines that are neither `Name: value` nor folded (RFC 5322 §2.2), e.g. folding whitespace lost in transit. */
function reportMalformedHeaderLines(node: MailsplitNode, where: string, warn: WarningSink): void {
  const lines = ((node.headers && node.headers.lines) || []).filter((l) => l.key === '' && l.line.trim() !== '');
  const first = lines[0];
  if (first === undefined) return;
  const count = lines.length === 1 ? 'a malformed header line' : `${lines.length} malformed header lines`;
  warn(`${count} in ${where} ignored (first: "${first.line.trim().slice(0, 60)}")`);
}

function hook(parser: MailParser, warn: WarningSink, boundaries: Buffer[]): void {
  const internals = parser as unknown as Partial<MailParserInternals>;
  if (typeof internals.createNode !== 'function' || typeof internals.decoder?.decodeStream !== 'function') {
    warn('mailparser internals changed: charset and base64 repairs are off');
    return;
  }
  const createNode = internals.createNode.bind(parser);
  const original = internals.decoder;
  internals.decoder = {
    decodeStream(charset: string) {
      if (!charset.startsWith(CHARSET_MARK)) return original.decodeStream(charset);
      const [declared = '', where = 'a text part'] = charset.slice(CHARSET_MARK.length).split('\n');
      return isIso2022Jp(declared) ? original.decodeStream(declared) : new CharsetTextDecoder(declared || undefined, where, warn);
    },
  };
  internals.createNode = (data: MailsplitNode) => {
    const where = partLabel(data);
    const textWhere = where === 'the message' ? 'the message body' : `text ${where}`;
    reportMalformedHeaderLines(data, where, warn);
    if (data.multipart && data._boundary) boundaries.push(data._boundary);
    const contentType = data.contentType || (data.root ? 'text/plain' : '');
    const isText = TEXT_TYPES.includes(contentType) && (data.disposition === false || data.disposition === 'inline');
    if (!data.multipart && data.encoding === 'base64') {
      const what = isText ? textWhere : `attachment ${data.filename ? `"${data.filename}"` : where}`;
      data.getDecoder = () => (isText ? new TextBase64Decoder(what, warn) : new AttachmentBase64Decoder(what, warn));
    }
    const node = createNode(data);
    if (node.decoder !== undefined && node.isAttachment === false) node.charset = `${CHARSET_MARK}${node.charset ?? ''}\n${textWhere}`;
    return node;
  };
}

async function writeInSlices(parser: MailParser, input: readonly Buffer[]): Promise<void> {
  for (const buffer of input) {
    for (let offset = 0; offset < buffer.length; offset += WRITE_SLICE) {
      if (parser.destroyed || parser.writableEnded) return;
      if (!parser.write(buffer.subarray(offset, offset + WRITE_SLICE))) {
        await new Promise<void>((resolve) => {
          const done = () => {
            parser.off('drain', done);
            parser.off('close', done);
            resolve();
          };
          parser.on('drain', done);
          parser.on('close', done);
        });
      }
    }
  }
  if (!parser.destroyed) parser.end();
}

/**
 * Runs mailparser over the message with our repairs hooked in. Never rejects: a parser failure is a
 * warning and whatever was read so far is returned.
 */
export function readMime(input: readonly Buffer[], warn: WarningSink): Promise<MimeReadResult> {
  const boundaries: Buffer[] = [];
  const attachments: MimeAttachment[] = [];
  let headers: Headers | undefined;
  let text: string | undefined;
  let html: string | undefined;
  const parser = new MailParser({ checksumAlgo: 'sha256', skipImageLinks: true, skipTextLinks: true, skipTextToHtml: true });
  hook(parser, warn, boundaries);

  return new Promise<MimeReadResult>((resolve) => {
    let settled = false;
    const settle = () => {
      if (settled) return;
      settled = true;
      clearTimeout(watchdog);
      resolve({ headers, text, html, attachments, boundaries });
    };
    const watchdog = setTimeout(() => {
      warn(`MIME parsing stopped after ${MAX_PARSE_MS / 1000} s; the result is partial`);
      parser.destroy();
      settle();
    }, MAX_PARSE_MS);
    watchdog.unref();
    let reading = false;
    const read = (): void => {
      reading = true;
      const data = parser.read() as AttachmentStream | MessageText | null;
      if (data === null) {
        reading = false;
        return;
      }
      if (data.type === 'text') {
        if (typeof data.text === 'string') text = data.text;
        if (typeof data.html === 'string') html = data.html;
        read();
        return;
      }
      const chunks: Buffer[] = [];
      data.content.on('data', (chunk: Buffer) => chunks.push(chunk));
      data.content.once('end', () => {
        attachments.push({ stream: data, content: chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks) });
        chunks.length = 0;
        data.release();
        read();
      });
    };
    parser.on('headers', (value: Headers) => {
      headers = value;
    });
    parser.on('readable', () => {
      if (!reading) read();
    });
    parser.on('error', (error: Error) => {
      warn(`MIME parser: ${error.message}`);
      // A splitter failure stops the stream for good; a late non-fatal error (HTML too long) still ends.
      if ((parser as unknown as MailParserInternals).hasFailed === true) settle();
    });
    parser.once('end', settle);
    parser.once('close', settle);
    writeInSlices(parser, input).catch((error: unknown) => {
      warn(`MIME parser input: ${error instanceof Error ? error.message : String(error)}`);
      settle();
    });
  });
}
