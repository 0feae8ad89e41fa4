import type { EmailAddress } from './email-addresses.js';

export type { EmailAddress } from './email-addresses.js';

/** A file carried by the message, with its bytes (not re-encoded: the blob store takes the Buffer). */
export interface ParsedAttachment {
  /** The sender's file name, or one made up from the part number and type (`part-2.eml`). */
  readonly fileName: string;
  /** Bare MIME type, lower case (`image/png`). */
  readonly contentType: string;
  readonly content: Buffer;
  readonly sizeBytes: number;
  /** Lower-case hex SHA-256 of `content`: the blob store's dedup key. */
  readonly sha256: string;
  /** Shown in the body (`Content-Disposition: inline` or referenced from `multipart/related`). */
  readonly inline: boolean;
  /** `Content-ID` without angle brackets, for `cid:` references in `html`. */
  readonly contentId?: string;
}

/** Machine-generated reports (RFC 6522 `multipart/report`) a mailbox receives. */
export const EMAIL_REPORT_TYPES = ['delivery-status', 'feedback-report'] as const;
export type EmailReportType = (typeof EMAIL_REPORT_TYPES)[number];

/**
 * What `parseEmail` recovered from one RFC 5322 message. Message ids are normalised **without angle
 * brackets** (`abc@example.com`), the form `sourceRecordId` and `threadId` use.
 */
export interface ParsedEmail {
  readonly messageId: string | null;
  readonly inReplyTo: string | null;
  /** The `References` chain, oldest first (RFC 5322 §3.6.4): the first entry is the thread root. */
  readonly references: readonly string[];
  /** `null` when the message has no usable `From` header (`webklex-missing-from.eml`). */
  readonly from: EmailAddress | null;
  readonly to: readonly EmailAddress[];
  readonly cc: readonly EmailAddress[];
  readonly bcc: readonly EmailAddress[];
  readonly replyTo: readonly EmailAddress[];
  /** The `Date` header as ISO 8601 with the sender's offset; `null` when absent or unreadable. */
  readonly date: string | null;
  /** `''` when there is no subject. */
  readonly subject: string;
  /** Plain text, line ends `\n`; derived from `html` for HTML-only messages. */
  readonly text: string;
  readonly html?: string;
  readonly attachments: readonly ParsedAttachment[];
  /** `report-type` of a top-level `multipart/report` (bounces, DSNs, ARF), else `null`. */
  readonly report: EmailReportType | null;
  /** The `Auto-Submitted` header (RFC 3834) unless absent or `no`. */
  readonly autoSubmitted: string | null;
  /** What was wrong with the message and how it was recovered, for people and filters. */
  readonly warnings: readonly string[];
}
