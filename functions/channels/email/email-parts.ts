import { createHash } from 'node:crypto';
import type { MimeAttachment } from './mime-reader.js';
import type { ParsedAttachment } from './parsed-email.js';

/** Extensions for parts that arrive without a file name (forwarded messages, calendar parts, bare images). */
const EXTENSIONS: Readonly<Record<string, string>> = {
  'message/rfc822': '.eml', 'message/delivery-status': '.txt', 'message/feedback-report': '.txt',
  'text/calendar': '.ics', 'application/ics': '.ics', 'text/plain': '.txt', 'text/html': '.html',
  'text/watch-html': '.html', 'image/png': '.png', 'image/jpeg': '.jpg', 'image/gif': '.gif',
  'application/pdf': '.pdf', 'application/x-gzip': '.gz', 'application/pgp-signature': '.asc',
};

/** Longest file name kept; the canonical schema allows 512, file systems and S3 consoles like less. */
const MAX_FILE_NAME = 255;

/**
 * A file name safe to show and store: the last path segment only (senders include `C:\…\x.doc`),
 * no control characters, at most 255 characters with the extension kept.
 */
export function safeFileName(name: string | undefined): string {
  const base = (name ?? '').split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  const clean = base.replace(/[\u0000-\u001f\u007f]/g, '').trim();
  if (clean.length <= MAX_FILE_NAME) return clean;
  const dot = clean.lastIndexOf('.');
  const extension = dot > 0 && clean.length - dot <= 16 ? clean.slice(dot) : '';
  return clean.slice(0, MAX_FILE_NAME - extension.length) + extension;
}

/** Shapes mailparser's attachments; bytes are passed on as they are (no base64, no copy). */
export function emailAttachments(attachments: readonly MimeAttachment[]): ParsedAttachment[] {
  return attachments.map(({ stream, content }, index) => {
    const contentType = (stream.contentType || 'application/octet-stream').toLowerCase();
    const fileName = safeFileName(stream.filename) || `part-${stream.partId ?? index + 1}${EXTENSIONS[contentType] ?? '.bin'}`;
    const checksum = typeof stream.checksum === 'string' && /^[0-9a-f]{64}$/.test(stream.checksum) ? stream.checksum : undefined;
    const contentId = (stream.cid ?? '').trim().slice(0, 512);
    return {
      fileName,
      contentType,
      content,
      sizeBytes: content.length,
      sha256: checksum ?? createHash('sha256').update(content).digest('hex'),
      inline: stream.contentDisposition === 'inline' || stream.related === true,
      ...(contentId === '' ? {} : { contentId }),
    };
  });
}

/** Checking more boundaries than this only lets a crafted message burn CPU (each check scans the message). */
const MAX_BOUNDARY_CHECKS = 50;

/**
 * Boundaries whose close-delimiter line (`--boundary--`, RFC 2046 §5.1.1) never appears at the start
 * of a line. mailparser silently reads such a multipart to the end of the message
 * (`enmime-missing-final-boundary.eml`, `stalwart-thirdparty-005.eml`); the caller reports it.
 */
export function missingFinalBoundaries(message: Buffer, boundaries: readonly Buffer[]): string[] {
  const distinct = [...new Map(boundaries.map((b) => [b.toString('latin1'), b])).values()].slice(0, MAX_BOUNDARY_CHECKS);
  return distinct
    .filter((boundary) => {
      const delimiter = Buffer.concat([Buffer.from('--'), boundary, Buffer.from('--')]);
      for (let at = message.indexOf(delimiter); at !== -1; at = message.indexOf(delimiter, at + 1)) {
        if (at === 0 || message[at - 1] === 0x0a) return false;
      }
      return true;
    })
    .map((boundary) => boundary.toString('latin1'));
}
