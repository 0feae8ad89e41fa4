import * as z from '../../core/zod.js';
import { PayloadError } from '../../core/channels/channel-adapter.js';
import type { CommunicationInput } from '../../core/model/communication-input.js';
import type { Participant } from '../../core/model/participant.js';
import { parseCommunicationInput } from '../shared/parse-communication-input.js';

/** The Tencent Meeting events that are communications; every other event is acknowledged and ignored. */
export const TENCENT_MEETING_EVENTS = ['meeting.end', 'recording.completed'] as const;

const MAX_DURATION_SECONDS = 7 * 24 * 3600;
const id = z.pipe(z.union([z.string().check(z.minLength(1), z.maxLength(128)), z.number().check(z.int(), z.nonnegative())]), z.transform(String));
// Ids beyond 2^53 (meeting_id has 20 digits) lose digits as JSON numbers; Tencent sends them as strings.
const safeId = z.pipe(
  z.union([z.string().check(z.minLength(1), z.maxLength(128)), z.number().check(z.int(), z.nonnegative(), z.refine(Number.isSafeInteger, 'an id beyond 2^53 must be a string'))]),
  z.transform(String),
);
const time = z.union([z.number(), z.string().check(z.maxLength(40))]);

const TencentUser = z.object({
  userid: z.optional(z.string().check(z.maxLength(128))),
  uuid: z.optional(z.string()),
  user_name: z.optional(z.string()),
});
type TencentUser = z.infer<typeof TencentUser>;

/** One `payload[]` item of `meeting.end` / `recording.completed` (cloud.tencent.com/document/product/1095, 事件). */
const EventItem = z.object({
  operate_time: z.optional(z.number()),
  operator: z.optional(TencentUser),
  meeting_info: z.object({
    meeting_id: safeId,
    meeting_code: z.optional(id),
    sub_meeting_id: z.nullish(id),
    subject: z.optional(z.string()),
    creator: z.optional(TencentUser),
    meeting_type: z.optional(z.number()),
    start_time: z.optional(time),
    end_time: z.optional(time),
    sub_meeting_start_time: z.optional(time),
    sub_meeting_end_time: z.optional(time),
  }),
  recording_files: z.optional(z.array(z.object({ record_file_id: id })).check(z.maxLength(200))),
  record_info: z.optional(z.object({ meeting_record_id: z.optional(id) })),
});

/** The decoded event envelope: `{ event, trace_id, payload: [...] }`. */
export const TencentMeetingEvent = z.object({
  event: z.string().check(z.minLength(1), z.maxLength(200)),
  trace_id: z.optional(z.string().check(z.maxLength(200))),
  payload: z._default(z.array(z.unknown()).check(z.maxLength(100)), []),
});
export type TencentMeetingEvent = z.infer<typeof TencentMeetingEvent>;

/** A zod failure as a `PayloadError` naming the first offending field. */
export function payloadErrorFrom(error: z.core.$ZodError, prefix = ''): PayloadError {
  const issue = error.issues[0];
  const path = issue ? [prefix, ...issue.path.map(String)].filter(Boolean).join('.') : prefix;
  return new PayloadError(`${path || 'body'}: ${issue?.message ?? 'invalid'}`);
}

/**
 * A Tencent time as ISO 8601 in Beijing time (+08:00, no DST): unix seconds (the documented form),
 * unix milliseconds, or the older `YYYY-MM-DD HH:mm:ss` strings, which are Beijing wall time.
 */
export function beijingIso(value: number | string | undefined): string | undefined {
  if (value === undefined || value === '') return undefined;
  const wall = typeof value === 'string' ? /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}:\d{2})$/.exec(value) : null;
  if (wall) return `${wall[1]}T${wall[2]}+08:00`;
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) return undefined;
  const ms = n >= 1e12 ? n : n * 1000;
  const shifted = new Date(Math.round(ms) + 8 * 3600 * 1000);
  if (Number.isNaN(shifted.getTime()) || shifted.getUTCFullYear() > 9999) return undefined;
  return `${shifted.toISOString().slice(0, 19)}+08:00`;
}

const compact = <T extends Record<string, unknown>>(value: T) => Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;

/**
 * A member of the tenant's Tencent Meeting enterprise as a participant: `userid` is only returned
 * for users of the subscribing enterprise ("同企业用户才返回企业用户唯一id"), so one present marks staff.
 */
function participantOf(user: TencentUser | undefined, role: 'host' | 'attendee'): Participant | undefined {
  const name = user?.user_name?.trim().slice(0, 200) || undefined;
  const staffId = user?.userid?.trim() || undefined;
  if (!name && !staffId) return undefined;
  return { ...(name ? { name } : {}), ...(staffId ? { staffId, internal: true } : {}), role };
}

/**
 * One `meeting.end` / `recording.completed` payload item as canonical input. Keys:
 * `meeting:<meeting_id>[:<sub_meeting_id>]` (a recurring meeting's occurrences are separate meetings)
 * and `recording:<meeting_id>:<record_file_id>[+…]`; thread `tencent-meeting:<meeting_id>`. Recording
 * download URLs are not in the event (they come from the records API), so only file ids are kept.
 *
 * @throws PayloadError naming the field that is missing or malformed.
 */
export function normalizeTencentMeetingItem(event: TencentMeetingEvent, raw: unknown, index: number): CommunicationInput {
  const parsed = EventItem.safeParse(raw);
  if (!parsed.success) throw payloadErrorFrom(parsed.error, `payload.${index}`);
  const item = parsed.data;
  const meeting = item.meeting_info;
  const startedAt = beijingIso(meeting.sub_meeting_start_time ?? meeting.start_time);
  const endedAt = beijingIso(meeting.sub_meeting_end_time ?? meeting.end_time);
  if (!startedAt) throw new PayloadError(`payload.${index}.meeting_info.start_time is missing or not a unix time`);
  const duration = endedAt ? Math.round((Date.parse(endedAt) - Date.parse(startedAt)) / 1000) : undefined;
  const isRecording = event.event === 'recording.completed';
  const fileIds = (item.recording_files ?? []).map((f) => f.record_file_id);
  const occurrence = meeting.sub_meeting_id ? `:${meeting.sub_meeting_id}` : '';
  const recordingKey = fileIds.length > 0 ? `:${[...fileIds].sort().join('+')}` : item.record_info?.meeting_record_id ? `:${item.record_info.meeting_record_id}` : occurrence;
  const creator = participantOf(meeting.creator, 'host');
  const operator = item.operator?.userid !== meeting.creator?.userid ? participantOf(item.operator, 'attendee') : undefined;

  const draft = {
    sourceSystem: 'tencent-meeting',
    sourceRecordId: isRecording ? `recording:${meeting.meeting_id}${recordingKey}`.slice(0, 512) : `meeting:${meeting.meeting_id}${occurrence}`,
    type: 'meeting',
    channel: 'tencent-meeting',
    occurredAt: startedAt,
    ...(endedAt ? { endedAt } : {}),
    // A scheduled multi-day range (seen in Tencent's own examples) is not a call length.
    ...(duration !== undefined && duration >= 0 && duration <= MAX_DURATION_SECONDS ? { durationSeconds: duration } : {}),
    timezone: 'Asia/Shanghai',
    ...(meeting.subject?.trim() ? { subject: meeting.subject.trim().slice(0, 1000) } : {}),
    participants: [creator, operator].filter((p): p is Participant => p !== undefined),
    threadId: `tencent-meeting:${meeting.meeting_id}`,
    metadata: compact({
      tencentEvent: event.event,
      traceId: event.trace_id,
      meetingId: meeting.meeting_id,
      meetingCode: meeting.meeting_code,
      subMeetingId: meeting.sub_meeting_id ?? undefined,
      meetingType: meeting.meeting_type,
      creatorUserId: meeting.creator?.userid,
      operatorUserId: item.operator?.userid,
      operatedAt: beijingIso(item.operate_time),
      // Download URLs come from the REST API (GET /v1/addresses/{record_file_id}, 获取录制下载地址), later.
      recordFileIds: isRecording && fileIds.length > 0 ? fileIds : undefined,
      meetingRecordId: item.record_info?.meeting_record_id,
    }),
  };
  return parseCommunicationInput(draft, `${event.event} payload.${index}`);
}
