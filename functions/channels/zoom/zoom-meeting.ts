import * as z from '../../core/zod.js';
import { PayloadError, type TenantContext } from '../../core/channels/channel-adapter.js';
import type { CommunicationInput } from '../../core/model/communication-input.js';
import { emailDomain } from '../../core/model/identity.js';
import type { Participant } from '../../core/model/participant.js';
import { parseCommunicationInput } from '../shared/parse-communication-input.js';

/** The Zoom events that are communications; every other event is acknowledged and ignored. */
export const ZOOM_MEETING_EVENTS = ['meeting.ended', 'recording.completed'] as const;

const MAX_DURATION_SECONDS = 7 * 24 * 3600;
const isoTime = z.iso.datetime({ offset: true });

const ZoomRecordingFile = z.object({
  id: z.optional(z.string()),
  file_type: z.optional(z.string()),
  file_extension: z.optional(z.string()),
  recording_type: z.optional(z.string()),
  download_url: z.optional(z.string()),
  play_url: z.optional(z.string()),
  file_size: z.optional(z.number()),
  recording_start: z.optional(isoTime),
  recording_end: z.optional(isoTime),
  status: z.optional(z.string()),
});
type ZoomRecordingFile = z.infer<typeof ZoomRecordingFile>;

/**
 * The fields we read of `meeting.ended` and `recording.completed` (developers.zoom.us/docs/api/meetings/events/
 * and .../cloud-recording/events/). Zoom sends the meeting `id` as a JSON number; `duration` is minutes.
 */
export const ZoomMeetingPayload = z.object({
  event: z.enum(ZOOM_MEETING_EVENTS),
  event_ts: z.optional(z.number()),
  download_token: z.optional(z.string()),
  payload: z.object({
    account_id: z.optional(z.string()),
    object: z.object({
      id: z.pipe(z.union([z.string().check(z.minLength(1)), z.number().check(z.int(), z.nonnegative())]), z.transform(String)),
      uuid: z.string().check(z.minLength(1), z.maxLength(200)),
      host_id: z.optional(z.string()),
      host_email: z.optional(z.string()),
      topic: z.optional(z.string()),
      type: z.optional(z.number()),
      start_time: isoTime,
      end_time: z.optional(isoTime),
      timezone: z.optional(z.string().check(z.maxLength(64))),
      duration: z.optional(z.number().check(z.nonnegative())),
      share_url: z.optional(z.string()),
      recording_files: z.optional(z.array(ZoomRecordingFile).check(z.maxLength(200))),
    }),
  }),
});
export type ZoomMeetingPayload = z.infer<typeof ZoomMeetingPayload>;

/** A zod failure as a `PayloadError` naming the first offending field. */
export function payloadErrorFrom(error: z.core.$ZodError, prefix = ''): PayloadError {
  const issue = error.issues[0];
  const path = issue ? [prefix, ...issue.path.map(String)].filter(Boolean).join('.') : prefix;
  return new PayloadError(`${path || 'body'}: ${issue?.message ?? 'invalid'}`);
}

const httpUrl = (value: string | undefined) => (value !== undefined && /^https?:\/\/\S+$/i.test(value) ? value : undefined);
const seconds = (from?: string, to?: string) => (from && to ? Math.round((Date.parse(to) - Date.parse(from)) / 1000) : undefined);
const plausibleDuration = (value: number | undefined) => (value !== undefined && Number.isFinite(value) && value >= 0 && value <= MAX_DURATION_SECONDS ? value : undefined);
const isoFromMs = (ms: number) => {
  const date = new Date(ms);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
};
/** Drops `undefined` members so metadata stays small and storable. */
const compact = <T extends Record<string, unknown>>(value: T) => Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;

function hostParticipant(email: string | undefined, tenant: TenantContext): Participant[] {
  if (!email || !z.email().safeParse(email).success) return [];
  const domain = emailDomain(email) ?? '';
  const internal = tenant.internalDomains.some((d) => domain === d || domain.endsWith(`.${d}`));
  return [{ email: email.toLowerCase(), role: 'host', internal }];
}

const isMedia = (file: ZoomRecordingFile) => ['MP4', 'M4A'].includes((file.file_type ?? '').toUpperCase());
// The audio transcript is file_type TRANSCRIPT; closed captions (CC) are VTT too and only a fallback.
const transcriptOf = (files: readonly ZoomRecordingFile[]) => {
  const withUrl = files.filter((f) => httpUrl(f.download_url) !== undefined);
  return withUrl.find((f) => (f.file_type ?? '').toUpperCase() === 'TRANSCRIPT') ?? withUrl.find((f) => (f.file_extension ?? '').toUpperCase() === 'VTT');
};

const describeFile = (file: ZoomRecordingFile) =>
  compact({
    id: file.id,
    fileType: file.file_type,
    fileExtension: file.file_extension,
    recordingType: file.recording_type,
    downloadUrl: httpUrl(file.download_url),
    playUrl: httpUrl(file.play_url),
    fileSize: file.file_size,
    recordingStart: file.recording_start,
    recordingEnd: file.recording_end,
  });

/**
 * A Zoom meeting event as canonical input. `meeting.ended` and `recording.completed` of one meeting
 * stay two records (`meeting:<uuid>`, `recording:<uuid>`) on one thread (`zoom:meeting:<id>`): the
 * meeting record exists even when nobody records, and neither delivery overwrites the other.
 * Recording files are only referenced (URLs); the record workflow downloads them.
 *
 * @throws PayloadError when the result would not be valid canonical input.
 */
export function normalizeZoomMeeting(event: ZoomMeetingPayload, tenant: TenantContext): CommunicationInput {
  const meeting = event.payload.object;
  const files = meeting.recording_files ?? [];
  const media = files.find((f) => isMedia(f) && httpUrl(f.download_url) !== undefined);
  const transcript = transcriptOf(files);
  const isRecording = event.event === 'recording.completed';
  // meeting.ended's `duration` is the *scheduled* length; the real one is end − start when Zoom gives both.
  const durationSeconds = plausibleDuration(
    (isRecording ? undefined : seconds(meeting.start_time, meeting.end_time)) ?? (meeting.duration === undefined ? undefined : meeting.duration * 60),
  );
  const draft = {
    sourceSystem: 'zoom',
    sourceRecordId: `${isRecording ? 'recording' : 'meeting'}:${meeting.uuid}`,
    type: 'meeting',
    channel: 'zoom',
    occurredAt: meeting.start_time,
    ...(meeting.end_time ? { endedAt: meeting.end_time } : {}),
    ...(durationSeconds === undefined ? {} : { durationSeconds }),
    ...(meeting.timezone ? { timezone: meeting.timezone } : {}),
    ...(meeting.topic?.trim() ? { subject: meeting.topic.trim().slice(0, 1000) } : {}),
    participants: hostParticipant(meeting.host_email, tenant),
    ...(media
      ? {
          recording: compact({
            url: httpUrl(media.download_url),
            format: (media.file_extension ?? media.file_type ?? '').toLowerCase().slice(0, 40) || undefined,
            durationSeconds: plausibleDuration(seconds(media.recording_start, media.recording_end)),
          }),
        }
      : {}),
    threadId: `zoom:meeting:${meeting.id}`,
    metadata: compact({
      zoomEvent: event.event,
      meetingId: meeting.id,
      meetingUuid: meeting.uuid,
      zoomMeetingType: meeting.type,
      hostId: meeting.host_id,
      accountId: event.payload.account_id,
      shareUrl: httpUrl(meeting.share_url),
      recordingFiles: isRecording ? files.filter((f) => f !== media).map(describeFile) : undefined,
      // Only the URL is known now; the record workflow fetches and parses the VTT.
      transcriptUrl: httpUrl(transcript?.download_url),
      // The download_token (a 24-hour bearer credential, Zoom "recording.completed" docs) stays in the
      // raw archive only; the workflow reads it from there before this deadline.
      downloadTokenExpiresAt: event.download_token ? isoFromMs((event.event_ts ?? Number.NaN) + 24 * 3600 * 1000) : undefined,
    }),
  };
  return parseCommunicationInput(draft, `zoom ${event.event} ${meeting.uuid}`);
}
