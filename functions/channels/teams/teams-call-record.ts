import * as z from '../../core/zod.js';
import type { CommunicationInput } from '../../core/model/communication-input.js';
import type { Participant } from '../../core/model/participant.js';
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
 * The callRecord members we read (learn.microsoft.com/graph/api/resources/callrecords-callrecord).
 * A basic notification carries only `id`; a rich one (or an enriched re-delivery) carries the rest.
 */
const CallRecordData = z.object({
  id: z.optional(z.string()),
  version: z.optional(z.number()),
  type: z.optional(z.string().check(z.maxLength(50))),
  modalities: z.optional(z.array(z.string().check(z.maxLength(50))).check(z.maxLength(20))),
  startDateTime: z.optional(isoTime),
  endDateTime: z.optional(isoTime),
  joinWebUrl: z.nullish(z.string().check(z.maxLength(4096))),
  organizer: z.nullish(IdentitySet),
  participants: z.nullish(z.array(IdentitySet).check(z.maxLength(500))),
});

/** peerToPeer calls are calls (`phone`, or `video` when video flowed); group calls are meetings. */
function recordTypeOf(callType: string | undefined, modalities: readonly string[]): 'meeting' | 'phone' | 'video' {
  if (callType !== 'peerToPeer') return 'meeting';
  return modalities.includes('video') ? 'video' : 'phone';
}

function participantsOf(data: z.infer<typeof CallRecordData>, notification: ChangeNotification, ctx: NotificationContext): Participant[] {
  const organizerId = identityIdOf(data.organizer);
  const organizer = participantOf(data.organizer, 'host', notification.tenantId, ctx.tenant);
  const others = (data.participants ?? [])
    // The organizer is listed among the participants too; keep them once, as host.
    .filter((set) => organizerId === undefined || identityIdOf(set) !== organizerId)
    .map((set) => participantOf(set, 'attendee', notification.tenantId, ctx.tenant))
    .filter((p): p is Participant => p !== undefined);
  return organizer ? [organizer, ...others] : others;
}

/**
 * A `communications/callRecords` notification as canonical input, keyed by the call record id.
 * Graph creates a call record only after the call ends, so a basic notification (id only) knows no
 * times: `occurredAt` is then the delivery time and `metadata.occurredAtSource` says so, for the
 * record workflow to correct after a `GET /communications/callRecords/{id}`.
 */
export function normalizeCallRecord(notification: ChangeNotification, callRecordId: string, index: number, ctx: NotificationContext): CommunicationInput {
  const parsed = CallRecordData.safeParse(notification.resourceData ?? {});
  if (!parsed.success) throw payloadErrorFrom(parsed.error, `value[${index}].resourceData`);
  const data = parsed.data;
  const modalities = data.modalities ?? [];
  const start = data.startDateTime;
  const end = data.endDateTime;
  const duration = start && end ? Math.round((Date.parse(end) - Date.parse(start)) / 1000) : undefined;
  const complete = start !== undefined;
  return toCommunicationInput(
    {
      sourceSystem: 'teams',
      sourceRecordId: callRecordId,
      type: recordTypeOf(data.type, modalities),
      channel: 'teams',
      occurredAt: start ?? ctx.receivedAt.toISOString(),
      ...(end ? { endedAt: end } : {}),
      ...(duration !== undefined && duration >= 0 && duration <= MAX_DURATION_SECONDS ? { durationSeconds: duration } : {}),
      participants: participantsOf(data, notification, ctx),
      threadId: teamsThreadOf({ joinWebUrl: data.joinWebUrl }) ?? `teams:call:${callRecordId}`,
      metadata: compact({
        ...notificationMetadata(notification),
        callRecordId,
        callType: data.type,
        modalities: modalities.length > 0 ? modalities : undefined,
        callRecordVersion: data.version,
        joinWebUrl: data.joinWebUrl ?? undefined,
        organizerId: identityIdOf(data.organizer),
        occurredAtSource: complete ? 'callRecord.startDateTime' : 'notification-received',
        // The workflow fetches the full record (sessions, participants) when the notification lacked it.
        callRecordResource: complete ? undefined : `communications/callRecords/${callRecordId}`,
      }),
    },
    index,
  );
}
