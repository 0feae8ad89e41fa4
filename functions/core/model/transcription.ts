import * as z from '../zod.js';

export const TRANSCRIPTION_STATUSES = ['provided', 'in_progress', 'completed', 'unavailable', 'failed'] as const;
export const TRANSCRIPT_SOURCES = ['source', 'vtt', 'transcribe'] as const;

/**
 * How a record with media got (or did not get) its text. `provided`: the source sent a transcript
 * (Connect Contact Lens, a VTT file) and no speech engine ran; `unavailable`: no engine here (embedded
 * mode) and no transcript, with the reason.
 */
export const Transcription = z.object({
  status: z.enum(TRANSCRIPTION_STATUSES),
  source: z.optional(z.enum(TRANSCRIPT_SOURCES)),
  reason: z.optional(z.string().check(z.maxLength(1000))),
  jobName: z.optional(z.string().check(z.maxLength(200))),
  mediaKey: z.optional(z.string().check(z.maxLength(1024))),
  languageCode: z.optional(z.string().check(z.maxLength(20))),
  speakers: z.optional(z.number().check(z.int(), z.nonnegative())),
  updatedAt: z.string(),
});
export type Transcription = z.infer<typeof Transcription>;
