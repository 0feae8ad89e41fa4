import type { Headers, HeaderValue } from 'mailparser';
import { parseEmailDate } from './email-date.js';
import { mailboxesOf } from './email-addresses.js';
import { emailAttachments, missingFinalBoundaries } from './email-parts.js';
import { htmlToText } from './html-text.js';
import { firstMessageId, messageIdList } from './message-ids.js';
import { readMime } from './mime-reader.js';
import { EMAIL_REPORT_TYPES, type EmailReportType, type ParsedEmail } from './parsed-email.js';
import { rawHeaderValue, readHeaderBlock, transcodeRawHeaders, type RawHeaderBlock } from './raw-header-block.js';

export type { EmailAddress, ParsedAttachment, ParsedEmail } from './parsed-email.js';

/** Enough to explain any broken message; more would only repeat itself (e.g. one per bad part). */
const MAX_WARNINGS = 50;

function warningCollector(): { readonly warnings: string[]; readonly warn: (warning: string) => void } {
  const warnings: string[] = [];
  return {
    warnings,
    warn(warning) {
      if (warnings.length < MAX_WARNINGS && !warnings.includes(warning)) warnings.push(warning);
    },
  };
}

const stringHeader = (value: HeaderValue | undefined): string => {
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === 'string' ? first.trim() : '';
};

function reportType(block: RawHeaderBlock): EmailReportType | null {
  const contentType = rawHeaderValue(block, 'content-type') ?? '';
  if (!/^\s*multipart\/report\b/i.test(contentType)) return null;
  const type = /report-type\s*=\s*"?([\w-]+)/i.exec(contentType)?.[1]?.toLowerCase();
  return EMAIL_REPORT_TYPES.find((known) => known === type) ?? null;
}

function dateOf(block: RawHeaderBlock, warn: (warning: string) => void): string | null {
  const raw = rawHeaderValue(block, 'date');
  if (raw === undefined || raw === '') {
    warn('no Date header');
    return null;
  }
  const date = parseEmailDate(raw);
  if (date === null) warn(`unreadable Date header "${raw.slice(0, 80)}"`);
  return date;
}

function bodyText(text: string | undefined, html: string | undefined): string {
  const plain = (text ?? '').replace(/\r\n?/g, '\n');
  if (plain.trim() !== '' || html === undefined) return plain;
  return htmlToText(html);
}

/**
 * Parses one raw RFC 5322 / MIME message (what SES stores in S3, or the embedded SMTP listener
 * receives) with mailparser, repairing what it gets wrong for the mail CommHub sees:
 * raw 8-bit GBK/Big5 headers, mislabelled or unknown charsets, base64 that is not, a `Date` that is
 * missing (never "now"), ids normalised without angle brackets. Broken MIME never throws: what could
 * be recovered is returned, with `warnings` saying what was wrong.
 *
 * Memory: the input is fed to mailparser in 64 KB views (mailparser copies each write, so slices keep
 * that copy small); an attachment exists as its decoded chunks and then once as one Buffer, which is
 * handed on as is (never re-encoded to base64). A 25.8 MB message with an 18.9 MB attachment peaks
 * at the input plus ~42 MB, about 2.6 message sizes in all (`test/channels/email-parse-robustness.test.ts`).
 *
 * @throws PayloadError only when the input is empty or is not a message at all.
 * @example const mail = await parseEmail(readFileSync('mail.eml')); mail.subject // '示例邮件'
 */
export async function parseEmail(mime: Buffer): Promise<ParsedEmail> {
  const block = readHeaderBlock(mime);
  const { warnings, warn } = warningCollector();
  const transcoded = transcodeRawHeaders(mime, block);
  if (transcoded !== undefined) {
    warn(`raw 8-bit ${transcoded.fieldNames.join(', ')} header${transcoded.fieldNames.length > 1 ? 's' : ''} without RFC 2047 encoding decoded as ${transcoded.charset}`);
  }
  const input = transcoded === undefined ? [mime.subarray(block.start)] : [transcoded.bytes, mime.subarray(block.bodyStart)];
  const parts = await readMime(input, warn);
  const headers: Headers = parts.headers ?? new Map();
  for (const boundary of missingFinalBoundaries(mime, parts.boundaries)) warn(`missing final boundary "--${boundary}--"; parts read up to the end of the message`);

  const from = mailboxesOf(headers.get('from'))[0] ?? null;
  if (from === null) warn('no From header');
  const date = dateOf(block, warn);
  const autoSubmitted = rawHeaderValue(block, 'auto-submitted')?.split(';')[0]?.trim().toLowerCase() ?? '';
  return {
    messageId: firstMessageId(rawHeaderValue(block, 'message-id')),
    inReplyTo: firstMessageId(rawHeaderValue(block, 'in-reply-to')),
    references: messageIdList(rawHeaderValue(block, 'references')),
    from,
    to: mailboxesOf(headers.get('to')),
    cc: mailboxesOf(headers.get('cc')),
    bcc: mailboxesOf(headers.get('bcc')),
    replyTo: mailboxesOf(headers.get('reply-to')),
    date,
    subject: stringHeader(headers.get('subject')),
    text: bodyText(parts.text, parts.html),
    ...(parts.html === undefined ? {} : { html: parts.html }),
    attachments: emailAttachments(parts.attachments),
    report: reportType(block),
    autoSubmitted: autoSubmitted === '' || autoSubmitted === 'no' ? null : autoSubmitted,
    warnings,
  };
}
