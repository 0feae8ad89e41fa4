import type { Transcriber } from '../../core/ports/transcriber.js';

/**
 * Thrown when a transcription is asked of a runtime with no speech engine. Its `name` is stable:
 * workflow Catch rules match on it.
 */
export class TranscriptionUnavailableError extends Error {
  override readonly name = 'TranscriptionUnavailableError';
  constructor(readonly reason: string) {
    super(`No speech-to-text engine is available: ${reason}`);
  }
}

/**
 * The transcriber of a runtime without one (embedded mode has no Amazon Transcribe). Callers check
 * `available` first and mark the record's transcription `unavailable` with the reason; a call anyway
 * is a bug, and throws rather than leaving the record waiting for a job that will never finish.
 *
 * @example unavailableTranscriber('embedded mode has no speech-to-text engine')
 */
export function unavailableTranscriber(reason: string): Transcriber {
  return {
    available: false,
    unavailableReason: reason,
    startJob: () => Promise.reject(new TranscriptionUnavailableError(reason)),
    getJob: () => Promise.reject(new TranscriptionUnavailableError(reason)),
  };
}
