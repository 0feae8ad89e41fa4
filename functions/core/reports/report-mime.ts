import type { A15Report } from '../agents/a15-report.js';
import { MESSAGE_ID_HEADER } from '../ports/mailer.js';
import { composeMimeMessage, messageIdHeader } from './mime-message.js';
import { renderReportHtmlEmail } from './render-html-email.js';
import { renderReportPlainText } from './render-plain-text.js';
import { reportView } from './report-view.js';

export interface ReportMimeOptions {
  readonly report: A15Report;
  /** The sending identity (SES-verified on AWS), e.g. `CommHub <reports@example.com>`. */
  readonly from: string;
  readonly to: readonly string[];
  /** The `Date` header (the report run's clock, so a rebuilt message is byte-stable apart from boundaries). */
  readonly date: Date;
  /** Stable id of this mail (e.g. the report id): the `Message-ID` is derived from it. */
  readonly messageId: string;
}

export interface ReportMime {
  /** The whole message, ready for SES `Content.Raw` or an `.eml` file. */
  readonly raw: Buffer;
  readonly subject: string;
  readonly html: string;
  readonly text: string;
}

/**
 * Composes a report email as one MIME message: `multipart/alternative` with a UTF-8 `text/plain`
 * and `text/html` part, the subject RFC 2047-encoded, `From`, `To`, `Date`, a `Message-ID` derived
 * from the stable id, and the `X-CommHub-Message-Id` header the other hub mails carry.
 *
 * @example
 * const { raw } = await buildReportMime({ report, from: 'CommHub <reports@example.com>', to: ['ops@example.com'], date: clock.now(), messageId: reportId });
 * await mailer.sendRaw({ to: ['ops@example.com'], raw, messageId: reportId });
 */
// Async for its callers' sake: composing could move off the event loop without changing them.
export async function buildReportMime(options: ReportMimeOptions): Promise<ReportMime> {
  const { report, from, to, date, messageId } = options;
  const subject = reportView(report).subject;
  const html = renderReportHtmlEmail(report);
  const text = renderReportPlainText(report);
  const raw = composeMimeMessage({ from, to, subject, text, html, date, messageId: messageIdHeader(messageId, from), headers: { [MESSAGE_ID_HEADER]: messageId } });
  return { raw, subject, html, text };
}
