import type { Attachment } from '../model/attachment.js';
import type { AttachmentInput, CommunicationInput } from '../model/communication-input.js';
import type { CommunicationRecord } from '../model/communication-record.js';
import type { Participant } from '../model/participant.js';
import type { BlobStore } from '../ports/blob-store.js';
import type { CustomerMatch } from './identify-customer.js';
import { createHash } from 'node:crypto';
import { ValidationError } from '../errors.js';
import { uploadPrefix } from './create-upload.js';

/** Bodies above this many UTF-8 bytes live in the blob store; the item keeps a preview (items max 400 KB). */
export const INLINE_CONTENT_LIMIT_BYTES = 100_000;
export const CONTENT_PREVIEW_CHARS = 2_000;

/** `2024-06-15T10:30:00+08:00` → `2024-06-15T02:30:00.000Z`: fixed width, so it sorts as text. */
export const toUtcIso = (isoWithOffset: string) => new Date(isoWithOffset).toISOString();

/** The `±hh:mm` (or `Z`) of an ISO 8601 time: the zone the source lived in when none is given. */
const offsetOf = (iso: string) => /([+-]\d{2}:?\d{2}|Z)$/.exec(iso)?.[1];

/** Outbound when the sender is staff; inbound otherwise (finding a customer says nothing about direction). */
export function inferDirection(participants: readonly Participant[]): CommunicationRecord['direction'] {
  const sender = participants.find((p) => p.role === 'from' || p.role === 'host' || p.role === 'agent');
  return sender && (sender.internal === true || sender.staffId !== undefined) ? 'outbound' : 'inbound';
}

async function storeAttachment(blobs: BlobStore, tenantId: string, input: AttachmentInput): Promise<Attachment> {
  const common = { fileName: input.fileName, contentType: input.contentType, inline: input.inline ?? false, contentId: input.contentId };
  if (input.contentBase64 !== undefined) {
    const stored = await blobs.putAttachment(tenantId, Buffer.from(input.contentBase64, 'base64'), input.contentType);
    return { ...common, attachmentId: `ATT-${stored.sha256.slice(0, 24)}`, sizeBytes: stored.sizeBytes, sha256: stored.sha256, storageKey: stored.key };
  }
  const url = input.url as string;
  const reference = input.sha256 ?? createHash('sha256').update(url).digest('hex');
  return { ...common, attachmentId: `ATT-${reference.slice(0, 24)}`, sizeBytes: input.sizeBytes ?? 0, sha256: reference, sourceUrl: url };
}

export interface RecordDraft {
  readonly tenantId: string;
  readonly recordId: string;
  readonly input: CommunicationInput;
  readonly match: CustomerMatch;
  readonly rawArchiveKey: string;
  readonly principal: string;
  readonly now: string;
}

/**
 * Turns canonical input into the stored record: times to UTC, attachments into the blob store,
 * an oversized body out of the item. Analysis starts `pending` (the record workflow fills it).
 */
export async function buildRecord(blobs: BlobStore, draft: RecordDraft): Promise<CommunicationRecord> {
  const { input, tenantId, recordId } = draft;
  const storageKey = input.recording?.storageKey;
  if (storageKey !== undefined && !storageKey.startsWith(uploadPrefix(tenantId))) {
    // Only keys handed out by POST /v1/uploads to this tenant: never another tenant's objects.
    throw new ValidationError('recording.storageKey must be a key returned by POST /v1/uploads', [
      { path: 'recording.storageKey', message: `must start with ${uploadPrefix(tenantId)}` },
    ]);
  }
  const attachments = await Promise.all(input.attachments.map((a) => storeAttachment(blobs, tenantId, a)));
  let content = input.content;
  let contentRef: string | undefined;
  if (content !== undefined && Buffer.byteLength(content, 'utf8') > INLINE_CONTENT_LIMIT_BYTES) {
    contentRef = await blobs.putContent(tenantId, recordId, content);
    content = content.slice(0, CONTENT_PREVIEW_CHARS);
  }
  return {
    recordId,
    tenantId,
    customerId: draft.match.customerId,
    contactId: input.contactId,
    projectId: input.projectId,
    opportunityId: input.opportunityId,
    type: input.type,
    direction: input.direction ?? inferDirection(input.participants),
    channel: input.channel ?? input.type,
    occurredAt: toUtcIso(input.occurredAt),
    endedAt: input.endedAt === undefined ? undefined : toUtcIso(input.endedAt),
    durationSeconds: input.durationSeconds,
    timezone: input.timezone ?? offsetOf(input.occurredAt),
    initiatedBy: input.initiatedBy,
    handledBy: input.handledBy,
    assignedTo: input.assignedTo,
    participants: input.participants,
    subject: input.subject,
    summary: input.summary,
    content,
    contentTruncated: contentRef === undefined ? undefined : true,
    contentRef,
    recording: input.recording,
    attachments,
    location: input.location,
    analysis: { status: 'pending', followUps: [], insights: [], suggestions: [], tags: [] },
    threadId: input.threadId,
    parentRecordId: input.parentRecordId,
    relatedRecordIds: [],
    tags: input.tags,
    matchedBy: draft.match.matchedBy,
    sourceSystem: input.sourceSystem,
    sourceRecordId: input.sourceRecordId,
    rawArchiveKey: draft.rawArchiveKey,
    syncStatus: 'synced',
    metadata: input.metadata,
    createdAt: draft.now,
    updatedAt: draft.now,
    createdBy: draft.principal,
    updatedBy: draft.principal,
    version: 1,
  };
}
