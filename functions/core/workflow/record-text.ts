import { parseWebVtt, renderTranscript } from '../../channels/transcripts/vtt.js';
import type { CommunicationRecord } from '../model/communication-record.js';
import type { BlobStore } from '../ports/blob-store.js';

/** Text beyond this is not analysed: the opening of a long body carries its intent, and cost grows with length. */
export const ANALYSED_TEXT_LIMIT_CHARS = 8_000;

/** A WebVTT transcript attachment (a meeting platform's or a recorder's own transcript). */
export const isVttAttachment = (attachment: { fileName: string; contentType: string }) =>
  /\.vtt$/i.test(attachment.fileName) || /^text\/vtt\b/i.test(attachment.contentType);

/** The first WebVTT transcript attached to the record and stored here (a meeting's provided transcript). */
export async function providedVttTranscript(record: CommunicationRecord, blobs: BlobStore): Promise<string | undefined> {
  const attachment = record.attachments.find((a) => a.storageKey && isVttAttachment(a));
  if (!attachment?.storageKey) return undefined;
  const bytes = await blobs.getBytes(attachment.storageKey);
  if (bytes === null) return undefined;
  const rendered = renderTranscript(parseWebVtt(Buffer.from(bytes)));
  return rendered.trim() === '' ? undefined : rendered;
}

/** The record's body, fetched in full from the blob store when the item holds only a preview. */
export async function recordBody(record: CommunicationRecord, blobs: BlobStore): Promise<string> {
  if (record.contentTruncated && record.contentRef) {
    const full = await blobs.getText(record.contentRef);
    if (full !== null) return full;
  }
  return record.content ?? '';
}

/** What A10 reads: subject and body, capped. */
export function analysedText(subject: string | undefined, body: string): string {
  const parts = [subject?.trim(), body.trim()].filter((part): part is string => !!part);
  return parts.join('\n\n').slice(0, ANALYSED_TEXT_LIMIT_CHARS);
}

/** A record whose substance is media: a recording, and no body from the source. */
export function isMediaOnly(record: CommunicationRecord): boolean {
  return record.recording !== undefined && (record.content ?? '').trim() === '';
}
