import { describe, expect, it } from 'vitest';
import { TranscriptionUnavailableError, unavailableTranscriber } from '../../../functions/adapters/transcribe/unavailable-transcriber.js';

describe('unavailable transcriber', () => {
  it('says it is unavailable and why, and refuses every call with TranscriptionUnavailableError', async () => {
    // Prepare
    const transcriber = unavailableTranscriber('embedded mode has no speech-to-text engine');

    // Act
    const started = transcriber.startJob({
      jobName: 'commhub-T001-x',
      tenantId: 'T001',
      recordId: 'CALL-20240615-X',
      mediaKey: 'uploads/T001/call.mp3',
      outputKey: 'transcripts/T001/CALL-20240615-X/transcribe.json',
      channelIdentification: false,
      redactPii: false,
    });
    const polled = transcriber.getJob('commhub-T001-x');

    // Assess
    expect(transcriber.available).toBe(false);
    expect(transcriber.unavailableReason).toBe('embedded mode has no speech-to-text engine');
    await expect(started).rejects.toThrow(TranscriptionUnavailableError);
    await expect(polled).rejects.toMatchObject({
      name: 'TranscriptionUnavailableError',
      reason: 'embedded mode has no speech-to-text engine',
      message: 'No speech-to-text engine is available: embedded mode has no speech-to-text engine',
    });
  });
});
