import * as z from '../../core/zod.js';
import type { CommunicationInput } from '../../core/model/communication-input.js';
import {
  IdentitySet,
  compact,
  identityIdOf,
  isoTime,
  notificationMetadata,
  participantOf,
  payloadErrorFrom,
  teamsThreadOf,
  toCommunicationInput,
  type ChangeNotification,
  type NotificationContext,
} from './graph-notification.js';

const MAX_DURATION_SECONDS = 7 * 24 * 3600;

/**
 * callTranscript / callRecording members (learn.microsoft.com/graph/api/resources/calltranscript).
 * Present when the notification is rich (decrypted `encryptedContent`) or re-delivered enriched; a
 * basic notification has only `id` and the `@odata` members.
 */
const ArtifactData = z.object({
  id: z.optional(z.string()),
  meetingId: z.optional(z.string()),
  callId: z.nullish(z.string()),
  contentCorrelationId: z.nullish(z.string()),
  createdDateTime: z.nullish(isoTime),
  endDateTime: z.nullish(isoTime),
  transcriptContentUrl: z.nullish(z.string().check(z.maxLength(4096))),
  recordingContentUrl: z.nullish(z.string().check(z.maxLength(4096))),
  meetingOrganizer: z.nullish(IdentitySet),
});

/** A transcript or recording of an online meeting, as named by a notification's `resource`. */
export interface MeetingArtifact {
  readonly meetingId: string;
  readonly kind: 'transcript' | 'recording';
  readonly artifactId: string;
}

/**
 * A transcript (or recording) of a Teams online meeting as a `meeting` record. Its content is not in
 * the notification: `metadata.transcriptResource` (or `recordingResource`) names the Graph resource
 * whose `/content` the record workflow fetches (`?$format=text/vtt` for transcripts).
 *
 * Keyed `onlineMeeting:<meeting id>:<kind>:<id>`: one meeting can have several transcripts (each
 * start of transcription makes one) and each must survive dedup; the thread is the meeting's.
 */
export function normalizeMeetingArtifact(notification: ChangeNotification, artifact: MeetingArtifact, index: number, ctx: NotificationContext): CommunicationInput {
  const parsed = ArtifactData.safeParse(notification.resourceData ?? {});
  if (!parsed.success) throw payloadErrorFrom(parsed.error, `value[${index}].resourceData`);
  const data = parsed.data;
  const start = data.createdDateTime ?? undefined;
  const end = data.endDateTime ?? undefined;
  const duration = start && end ? Math.round((Date.parse(end) - Date.parse(start)) / 1000) : undefined;
  const organizer = participantOf(data.meetingOrganizer, 'host', notification.tenantId, ctx.tenant);
  const resource = notification.resource ?? '';
  const contentUrl = artifact.kind === 'transcript' ? data.transcriptContentUrl : data.recordingContentUrl;
  return toCommunicationInput(
    {
      sourceSystem: 'teams',
      sourceRecordId: `onlineMeeting:${artifact.meetingId}:${artifact.kind}:${artifact.artifactId}`,
      type: 'meeting',
      channel: 'teams',
      occurredAt: start ?? ctx.receivedAt.toISOString(),
      ...(end ? { endedAt: end } : {}),
      ...(duration !== undefined && duration >= 0 && duration <= MAX_DURATION_SECONDS ? { durationSeconds: duration } : {}),
      participants: organizer ? [organizer] : [],
      threadId: teamsThreadOf({ onlineMeetingId: artifact.meetingId }) ?? `teams:onlineMeeting:${artifact.meetingId}`,
      metadata: compact({
        ...notificationMetadata(notification),
        onlineMeetingId: artifact.meetingId,
        [artifact.kind === 'transcript' ? 'transcriptId' : 'recordingId']: artifact.artifactId,
        [artifact.kind === 'transcript' ? 'transcriptResource' : 'recordingResource']: resource,
        [artifact.kind === 'transcript' ? 'transcriptContentUrl' : 'recordingContentUrl']: contentUrl ?? undefined,
        callRecordId: data.callId ?? undefined,
        contentCorrelationId: data.contentCorrelationId ?? undefined,
        organizerId: identityIdOf(data.meetingOrganizer),
        occurredAtSource: start ? `${artifact.kind}.createdDateTime` : 'notification-received',
      }),
    },
    index,
  );
}
