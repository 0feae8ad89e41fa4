import * as z from 'zod';

export const TRANSCRIPTION_STATUSES = ['provided', 'in_progress', 'completed', 'unavailable', 'failed'] as const;
export const TRANSCRIPT_SOURCES = ['source', 'vtt', 'transcribe'] as const;

/**
 * How a record with media got (or did not get) its text. `provided`: the source sent a transcript
 * (Connect Contact Lens, a VTT file) and no speech engine ran; `unavailable`: no engine here (embedded
 * mode) and no transcript, with the reason.
 */
export const Transcription = z.object({
  status: z.enum(TRANSCRIPTION_STATUSES),
  source: z.enum(TRANSCRIPT_SOURCES).optional(),
  reason: z.string().max(1000).optional(),
  jobName: z.string().max(200).optional(),
  mediaKey: z.string().max(1024).optional(),
  languageCode: z.string().max(20).optional(),
  speakers: z.number().int().nonnegative().optional(),
  updatedAt: z.string(),
});
export type Transcription = z.infer<typeof Transcription>;
