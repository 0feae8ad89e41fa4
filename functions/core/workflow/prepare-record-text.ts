import { parseWebVtt, renderTranscript } from '../../channels/transcripts/vtt.js';
import type { CommunicationRecord } from '../model/communication-record.js';
import { CONTENT_PREVIEW_CHARS, INLINE_CONTENT_LIMIT_BYTES } from '../use-cases/build-record.js';
import type { Transcription } from '../model/transcription.js';
import { analysedText, isMediaOnly, providedVttTranscript, recordBody } from './record-text.js';
import type { RecordWorkflowDependencies } from './record-workflow-dependencies.js';

/**
 * The text A10 analyses, settling first how a media record got its text: a transcript its source
 * provided (a Contact Lens body, an attached VTT — no speech-to-text cost), the one the speech engine
 * wrote earlier in the workflow, or none — then it is marked `unavailable` with the reason, and the
 * analysis runs on whatever text exists (the subject, say).
 */
export async function prepareRecordText(deps: RecordWorkflowDependencies, record: CommunicationRecord): Promise<string> {
  if (record.recording === undefined || record.transcription?.status === 'completed') {
    return analysedText(record.subject, await recordBody(record, deps.blobs));
  }
  const at = deps.clock.now().toISOString();
  const mediaKey = record.recording.storageKey;
  if (!isMediaOnly(record)) {
    if (record.transcription === undefined) {
      await save(deps, record, { status: 'provided', source: 'source', mediaKey, updatedAt: at });
    }
    return analysedText(record.subject, await recordBody(record, deps.blobs));
  }
  const vtt = await providedVttTranscript(record, deps.blobs);
  if (vtt !== undefined) {
    await save(deps, record, { status: 'provided', source: 'vtt', mediaKey, updatedAt: at }, vtt);
    return analysedText(record.subject, vtt);
  }
  const fromSource = await sourceTranscript(deps, record);
  if (fromSource?.kind === 'found') {
    await save(deps, record, { status: 'provided', source: 'vtt', mediaKey, updatedAt: at }, fromSource.text);
    return analysedText(record.subject, fromSource.text);
  }
  if (fromSource?.kind === 'unavailable') {
    await save(deps, record, { status: 'unavailable', reason: fromSource.reason, mediaKey, updatedAt: at });
  } else if (record.transcription?.status !== 'failed') {
    const reason = deps.transcriber.available
      ? 'the recording is not in the hub’s storage (only a source URL), so it cannot be transcribed'
      : (deps.transcriber.unavailableReason ?? 'no speech-to-text engine is configured');
    await save(deps, record, { status: 'unavailable', reason, mediaKey, updatedAt: at });
  }
  return analysedText(record.subject, '');
}

/** The first transcript a source system provides for the record, rendered speaker by speaker. */
async function sourceTranscript(deps: RecordWorkflowDependencies, record: CommunicationRecord) {
  for (const source of deps.transcriptSources) {
    const found = await source.fetch(record, () => deps.blobs.getText(record.rawArchiveKey));
    if (found?.kind === 'found') {
      const text = renderTranscript(parseWebVtt(found.vtt));
      return text.trim() === '' ? { kind: 'unavailable' as const, reason: 'the provided transcript is empty' } : { kind: 'found' as const, text };
    }
    if (found) return found;
  }
  return undefined;
}

async function save(deps: RecordWorkflowDependencies, record: CommunicationRecord, transcription: Transcription, transcript?: string): Promise<void> {
  const content = transcript === undefined ? undefined : await storedBody(deps, record, transcript);
  await deps.records.saveTranscription(record.tenantId, record.recordId, transcription, content);
}

/** A transcript too large for the item goes to the blob store, the item keeps a preview. */
export async function storedBody(deps: RecordWorkflowDependencies, record: CommunicationRecord, text: string) {
  if (Buffer.byteLength(text, 'utf8') <= INLINE_CONTENT_LIMIT_BYTES) return { content: text };
  const contentRef = await deps.blobs.putContent(record.tenantId, record.recordId, text);
  return { content: text.slice(0, CONTENT_PREVIEW_CHARS), contentTruncated: true, contentRef };
}
