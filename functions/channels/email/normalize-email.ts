import { createHash } from 'node:crypto';
import type { TenantContext } from '../../core/channels/channel-adapter.js';
import type { CommunicationInput } from '../../core/model/communication-input.js';
import { parseCommunicationInput } from '../shared/parse-communication-input.js';
import { plainJson } from '../shared/plain-json.js';
import { emailParticipants, isInternalAddress } from './email-participants.js';
import type { ParsedAttachment, ParsedEmail } from './parsed-email.js';

export type { ParsedAttachment } from './parsed-email.js';

/** Where and when the message arrived: what the transport knows and the headers do not. */
export interface EmailContext {
  readonly tenant: TenantContext;
  /** Envelope recipients (SMTP `RCPT TO`), which may differ from `To`/`Cc` (Bcc, lists, aliases). */
  readonly recipients: readonly string[];
  readonly receivedAt: Date;
  /** The mailbox (or S3 key) the message was read from, for the record's trail. */
  readonly mailbox?: string;
}

/** The canonical input, plus the attachment bytes the ingest layer stores by SHA-256 and links. */
export interface NormalizedEmail {
  readonly input: CommunicationInput;
  readonly attachments: readonly ParsedAttachment[];
}

const MAX_CONTENT_CHARS = 1_000_000;
const MAX_SUBJECT_CHARS = 1000;
/** The References chain is kept as its root plus the newest entries: the root threads, the tail is the parent. */
const MAX_REFERENCES = 50;
const MAX_WARNINGS = 50;

/** Cuts without splitting a UTF-16 surrogate pair (a cut emoji would not be valid text). */
function cut(text: string, max: number): string {
  if (text.length <= max) return text;
  const end = /[\uD800-\uDBFF]/.test(text[max - 1] ?? '') ? max - 1 : max;
  return text.slice(0, end);
}

/**
 * The dedup key. The Message-ID when there is one (RFC 5322 §3.6.4: unique per message), so the same
 * mail seen through two mailboxes is one record; otherwise a SHA-256 over what every copy shares
 * (sender, Date header, subject, body) — never the arrival time, which differs per mailbox.
 */
export function emailSourceRecordId(parsed: ParsedEmail): string {
  if (parsed.messageId !== null) return parsed.messageId;
  const digest = createHash('sha256')
    .update([parsed.from?.address.toLowerCase() ?? '', parsed.date ?? '', parsed.subject, parsed.text].join('\u0000'))
    .digest('hex');
  return `sha256:${digest}`;
}

/**
 * The thread root, robust when `In-Reply-To` varies or is empty (`rubymail-empty-in-reply-to.eml`):
 * the first `References` entry (RFC 5322 §3.6.4 keeps the chain oldest first), else `In-Reply-To`,
 * else the message itself starts the thread.
 */
export function emailThreadRoot(parsed: ParsedEmail, sourceRecordId: string): string {
  return parsed.references[0] ?? parsed.inReplyTo ?? sourceRecordId;
}

function capReferences(references: readonly string[]): string[] {
  if (references.length <= MAX_REFERENCES) return [...references];
  return [references[0] as string, ...references.slice(references.length - (MAX_REFERENCES - 1))];
}

/**
 * Turns a parsed email into canonical input for one tenant: participants with `internal` from the
 * tenant's domains, direction from the sender (`outbound` when staff wrote it, `internal` when
 * everyone is staff), the customer hint (the first external address), dedup by Message-ID and the
 * thread root as `threadId`. Bounces and ARF reports are kept but tagged `bounce`.
 * `parentRecordId` is left to the ingest layer, which resolves `metadata.inReplyTo`; attachments are
 * returned separately for the ingest layer to store.
 *
 * @throws PayloadError when the result would not pass `CommunicationInput` (not expected for any parse result).
 * @example const { input, attachments } = normalizeEmail(await parseEmail(mime), { tenant, recipients, receivedAt });
 */
export function normalizeEmail(parsed: ParsedEmail, ctx: EmailContext): NormalizedEmail {
  const { participants, unrepresentable } = emailParticipants(parsed, ctx.tenant);
  const fromInternal = parsed.from !== null && isInternalAddress(parsed.from.address, ctx.tenant);
  // `internal` needs visible recipients: staff mailing only Bcc is still outbound as far as we can tell.
  const everyoneInternal = participants.some((p) => p.role !== 'from') && participants.every((p) => p.internal === true);
  const direction = fromInternal ? (everyoneInternal ? 'internal' : 'outbound') : 'inbound';
  const customerEmail =
    direction === 'inbound'
      ? participants.find((p) => p.role === 'from' && p.internal !== true)?.email
      : direction === 'outbound'
        ? participants.find((p) => (p.role === 'to' || p.role === 'cc') && p.internal !== true && p.email !== undefined)?.email
        : undefined;
  const sourceRecordId = emailSourceRecordId(parsed);
  const content = cut(parsed.text.trim(), MAX_CONTENT_CHARS);
  const subject = cut(parsed.subject.trim(), MAX_SUBJECT_CHARS);
  const tags = parsed.report !== null ? ['bounce', parsed.report] : parsed.autoSubmitted !== null ? ['auto-submitted'] : [];
  const metadata = plainJson({
    messageId: parsed.messageId ?? undefined,
    inReplyTo: parsed.inReplyTo ?? undefined,
    references: capReferences(parsed.references),
    envelopeRecipients: ctx.recipients.slice(0, 100),
    mailbox: ctx.mailbox,
    receivedAt: ctx.receivedAt.toISOString(),
    occurredAtIsArrival: parsed.date === null ? true : undefined,
    report: parsed.report ?? undefined,
    autoSubmitted: parsed.autoSubmitted ?? undefined,
    unrepresentableAddresses: unrepresentable.length > 0 ? unrepresentable : undefined,
    warnings: parsed.warnings.slice(0, MAX_WARNINGS),
  });
  const candidate = {
    sourceSystem: 'email',
    sourceRecordId,
    type: 'email',
    channel: 'email',
    occurredAt: parsed.date ?? ctx.receivedAt.toISOString(),
    direction,
    ...(customerEmail === undefined ? {} : { customer: { email: customerEmail } }),
    participants,
    ...(subject === '' ? {} : { subject }),
    ...(content === '' ? {} : { content }),
    threadId: `email:${emailThreadRoot(parsed, sourceRecordId)}`,
    tags,
    metadata,
  };
  return { input: parseCommunicationInput(candidate, `email ${sourceRecordId}`), attachments: parsed.attachments };
}
