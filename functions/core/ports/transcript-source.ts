import type { CommunicationRecord } from '../model/communication-record.js';

/** What a source system says about a meeting's transcript. */
export type ProvidedTranscript =
  | { readonly kind: 'found'; readonly vtt: string }
  | { readonly kind: 'unavailable'; readonly reason: string };

/**
 * Where a source system keeps a transcript it made (Zoom's cloud-recording transcript, …): fetched
 * instead of paying for speech-to-text. `undefined` when the record is not this source's.
 */
export interface TranscriptSource {
  fetch(record: CommunicationRecord, rawPayload: () => Promise<string | null>): Promise<ProvidedTranscript | undefined>;
}
