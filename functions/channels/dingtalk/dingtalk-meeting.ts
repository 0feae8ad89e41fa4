import type { TenantContext } from '../../core/channels/channel-adapter.js';
import type { CommunicationInput } from '../../core/model/communication-input.js';
import type { Participant } from '../../core/model/participant.js';
import { asArray, asNumber, asRecord, asString, asText } from '../shared/json-values.js';
import { parseJsonKeepingBigInts } from '../shared/json-big-ints.js';
import { parseCommunicationInput } from '../shared/parse-communication-input.js';
import { plainJson } from '../shared/plain-json.js';
import { epochMsToZonedIso } from '../shared/zoned-time.js';

/**
 * DingTalk video-conference (视频会议) events → `meeting` records.
 *
 * ASSUMPTION — no published sample of a DingTalk conference callback was found (SOURCES.md, "Looked
 * for but not found"). An event is taken for a meeting when its `EventType` mentions `conference`
 * or `meeting` and it (or a `bizData` / `data` object or JSON string inside it) carries an id under
 * one of the names DingTalk uses in its conference APIs: `conferenceId`, `meetingId`, `confId`,
 * `conference_id`, `meeting_id`. Title, times (ms or s) and participants are read from the usual
 * names when present. Anything else is ignored with its `EventType`. Revisit with a real sample.
 */

type Json = Record<string, unknown>;

const ID_KEYS = ['conferenceId', 'meetingId', 'confId', 'conference_id', 'meeting_id'] as const;
const TITLE_KEYS = ['title', 'confTitle', 'topic', 'subject', 'conferenceTitle'] as const;
const START_KEYS = ['startTime', 'start_time', 'beginTime', 'confStartTime'] as const;
const END_KEYS = ['endTime', 'end_time', 'finishTime', 'confEndTime'] as const;
const PEOPLE_KEYS = ['participants', 'attendees', 'members', 'memberList', 'userList'] as const;
const RECORDING_KEYS = ['recordingUrl', 'recordUrl', 'playUrl', 'fileUrl'] as const;

const first = (source: Json, keys: readonly string[]) => keys.map((k) => source[k]).find((v) => v !== undefined && v !== null && v !== '');

/** Nested payloads (`bizData` is often a JSON string in DingTalk events) merged under the top level. */
function flatten(event: Json): Json {
  const nested = ['bizData', 'data', 'content'].map((key) => {
    const value = event[key];
    if (typeof value !== 'string') return asRecord(value) ?? {};
    try {
      return asRecord(parseJsonKeepingBigInts(value)) ?? {};
    } catch {
      return {};
    }
  });
  return Object.assign({}, ...nested, event) as Json;
}

/** Seconds or milliseconds (DingTalk mixes both) → epoch ms. */
function epochMs(value: unknown): number | undefined {
  const number = asNumber(value);
  if (number === undefined || number <= 0) return undefined;
  return number < 1e11 ? number * 1000 : number;
}

function participantOf(raw: unknown, role: Participant['role']): Participant | undefined {
  if (typeof raw === 'string') return raw.trim() === '' ? undefined : { staffId: raw, role, internal: true };
  const person = asRecord(raw);
  if (person === undefined) return undefined;
  const staffId = asText(person.userId) ?? asText(person.userid) ?? asText(person.unionId);
  const email = asText(person.email);
  const participant: Participant = {
    name: asText(person.name) ?? asText(person.nick) ?? asText(person.nickName),
    email: email !== undefined && /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email) ? email : undefined,
    phone: asText(person.mobile) ?? asText(person.phone),
    // A DingTalk user id means an org member; guests appear by name / phone only.
    ...(staffId === undefined ? {} : { staffId, internal: true }),
    role,
  };
  return Object.values(participant).some((v) => v !== undefined && v !== role) ? participant : undefined;
}

/** The host usually reappears among the attendees: keep each person once, first role wins. */
function distinctPeople(people: readonly (Participant | undefined)[]): Participant[] {
  const seen = new Set<string>();
  return people.filter((p): p is Participant => {
    if (p === undefined) return false;
    const key = p.staffId ?? p.phone ?? p.email ?? p.name ?? '';
    return seen.has(key) ? false : (seen.add(key), true);
  });
}

/** Whether an event type looks like a conference / meeting event (see the assumption above). */
export function isMeetingEventType(eventType: string): boolean {
  return /conference|meeting/i.test(eventType);
}

/**
 * A conference / meeting event → a `meeting` record, or `undefined` when it carries no meeting id.
 * @param signedAtMs the request's signed timestamp: the time of an event that states none.
 * @throws PayloadError when a value breaks the canonical schema.
 */
export function normalizeDingTalkMeeting(event: Json, eventType: string, signedAtMs: number, tenant: TenantContext): CommunicationInput | undefined {
  const fields = flatten(event);
  const id = asText(first(fields, ID_KEYS));
  if (id === undefined) return undefined;
  const start = epochMs(first(fields, START_KEYS));
  const end = epochMs(first(fields, END_KEYS));
  const host = participantOf(fields.host ?? fields.organizer ?? fields.creatorId ?? fields.hostUserId, 'host');
  const people = PEOPLE_KEYS.flatMap((key) => asArray(fields[key])).map((p) => participantOf(p, 'attendee'));
  const recordingUrl = asString(first(fields, RECORDING_KEYS));
  const duration = start !== undefined && end !== undefined && end >= start ? Math.round((end - start) / 1000) : undefined;
  return parseCommunicationInput(
    {
      sourceSystem: 'dingtalk',
      sourceRecordId: id,
      type: 'meeting',
      channel: 'dingtalk',
      occurredAt: epochMsToZonedIso(start ?? end ?? signedAtMs, tenant.timezone),
      endedAt: end === undefined ? undefined : epochMsToZonedIso(end, tenant.timezone),
      durationSeconds: duration,
      participants: distinctPeople([host, ...people]).slice(0, 500),
      subject: asText(first(fields, TITLE_KEYS)),
      recording: recordingUrl !== undefined && /^https?:\/\//.test(recordingUrl) ? { url: recordingUrl } : undefined,
      threadId: `dingtalk:meeting:${id}`,
      metadata: plainJson({ eventType, corpId: asString(fields.CorpId ?? fields.corpId), assumedMapping: true }),
    },
    `DingTalk ${eventType} ${id}`,
  );
}
