import { parseEmail } from '../../channels/email/parse-email.js';
import { normalizeEmail } from '../../channels/email/normalize-email.js';
import type { HubDependencies } from '../dependencies.js';
import type { Attachment } from '../model/attachment.js';
import type { TenantSettings } from '../model/tenant-settings.js';
import { ingestCommunication } from './ingest-communication.js';

export interface InboundEmail {
  /** The message exactly as received (SES stored it in S3; the embedded SMTP listener likewise). */
  readonly mime: Buffer;
  /** Envelope recipients: they decide the tenant(s), never the headers. */
  readonly recipients: readonly string[];
  readonly receivedAt: Date;
  /** Where the transport stored the message (its inbound object key), for the record's trail; deleting the record deletes it. */
  readonly mailbox?: string;
  /** Tags from the transport's screening (e.g. `spam`). */
  readonly tags?: readonly string[];
}

export interface EmailDelivery {
  readonly tenantId: string;
  readonly recordId: string;
  readonly duplicate: boolean;
  readonly attachments: number;
}

/** The tenants the envelope recipients belong to, each with the recipients that chose it. */
export async function tenantsOfRecipients(deps: HubDependencies, recipients: readonly string[]) {
  const byTenant = new Map<string, { settings: TenantSettings; recipients: string[] }>();
  const unknown: string[] = [];
  for (const recipient of recipients) {
    const found = await deps.tenants.findTenantByInboundAddress(recipient);
    if (!found) {
      unknown.push(recipient);
      continue;
    }
    const entry = byTenant.get(found.tenantId) ?? { settings: found.settings, recipients: [] };
    entry.recipients.push(recipient);
    byTenant.set(found.tenantId, entry);
  }
  return { byTenant, unknown };
}

/**
 * An inbound email, end to end: tenant by envelope recipient, MIME parsed once, then per tenant
 * the raw message archived, attachments stored once per SHA-256, the parent found by
 * In-Reply-To, and the record ingested — deduplicated by Message-ID, so the same message seen
 * through two mailboxes is one record.
 */
export async function receiveEmail(deps: HubDependencies, email: InboundEmail): Promise<EmailDelivery[]> {
  const { byTenant } = await tenantsOfRecipients(deps, email.recipients);
  if (byTenant.size === 0) return [];
  const parsed = await parseEmail(email.mime);
  const deliveries: EmailDelivery[] = [];
  for (const [tenantId, { settings, recipients }] of byTenant) {
    const tenant = { tenantId, timezone: settings.timezone, internalDomains: settings.internalDomains };
    const normalized = normalizeEmail(parsed, { tenant, recipients, receivedAt: email.receivedAt, mailbox: email.mailbox });
    const { attachments } = normalized;
    const input = email.tags?.length ? { ...normalized.input, tags: [...new Set([...normalized.input.tags, ...email.tags])] } : normalized.input;
    const rawArchiveKey = await deps.blobs.archiveRaw({
      tenantId,
      channel: 'email',
      receivedAt: email.receivedAt.toISOString(),
      body: email.mime,
      contentType: 'message/rfc822',
    });
    // One at a time, on purpose: a 25 MB mail's attachments uploaded at once would hold them all in
    // flight (bench/email: peak RSS growth 2.3× the message; the target is 3×).
    const stored: Attachment[] = [];
    for (const attachment of attachments) {
      const blob = await deps.blobs.putAttachment(tenantId, attachment.content, attachment.contentType);
      stored.push({
        attachmentId: `ATT-${blob.sha256.slice(0, 24)}`,
        fileName: attachment.fileName,
        contentType: attachment.contentType,
        sizeBytes: blob.sizeBytes,
        sha256: blob.sha256,
        storageKey: blob.key,
        inline: attachment.inline,
        contentId: attachment.contentId,
      });
    }
    const inReplyTo = input.metadata.inReplyTo;
    const parent = typeof inReplyTo === 'string' && inReplyTo !== '' ? await deps.records.findBySource(tenantId, 'email', inReplyTo) : null;
    const result = await ingestCommunication(deps, {
      tenantId,
      principal: 'email',
      channel: 'email',
      input: parent && input.parentRecordId === undefined ? { ...input, parentRecordId: parent.recordId } : input,
      rawArchiveKey,
      storedAttachments: stored,
      ownedBlobKeys: email.mailbox === undefined ? [] : [email.mailbox],
    });
    deliveries.push({ tenantId, recordId: result.recordId, duplicate: result.duplicate, attachments: stored.length });
  }
  return deliveries;
}
