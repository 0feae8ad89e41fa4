import * as z from '../../core/zod.js';
import { PayloadError, type TenantContext } from '../../core/channels/channel-adapter.js';
import { normalizePhone } from '../../core/model/identity.js';
import type { Participant } from '../../core/model/participant.js';
import { compact } from '../signing/signed-json-payload.js';
import { formatInZone } from '../telephony/call-time.js';
import { callThreadId } from '../telephony/normalize-telephony-call.js';
import { CONNECT_CHANNEL, CONNECT_SOURCE_SYSTEM, type ConnectOutcome, agentIdFromArn, directionOfInitiationMethod, recordTypeOfChannel } from './connect-mapping.js';

/**
 * The contact events data model spells its keys camelCase (`agentInfo.agentArn`) but the
 * EventBridge DISCONNECTED sample in the same guide uses `AgentInfo.AgentArn`
 * (https://docs.aws.amazon.com/connect/latest/adminguide/contact-events.html): each level is read
 * with its first letter lower-cased. Only structural levels go through this; attribute maps (user data)
 * are never re-keyed.
 */
function lowerFirstKeys(value: unknown): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  return Object.fromEntries(Object.entries(value).map(([key, v]) => [key.charAt(0).toLowerCase() + key.slice(1), v]));
}
const connectObject = <Shape extends z.core.$ZodLooseShape>(shape: Shape) => z.pipe(z.transform(lowerFirstKeys), z.object(shape));

const Timestamp = z.iso.datetime({ offset: true, error: 'an ISO 8601 timestamp, e.g. 2021-08-04T17:17:53.000Z' });
const Text = (max: number) => z.nullish(z.string().check(z.maxLength(max)));
const Endpoint = connectObject({ address: Text(256), type: Text(64) });

/** The `detail` of an "Amazon Connect Contact Event" (only the fields a record needs; the rest is ignored). */
export const ContactEventDetail = connectObject({
  eventType: z.string().check(z.minLength(1), z.maxLength(64)),
  contactId: z.string().check(z.minLength(1), z.maxLength(256)),
  initialContactId: Text(256),
  previousContactId: Text(256),
  channel: z.string().check(z.minLength(1), z.maxLength(32)),
  instanceArn: Text(512),
  initiationMethod: Text(64),
  initiationTimestamp: z.nullish(Timestamp),
  connectedToSystemTimestamp: z.nullish(Timestamp),
  disconnectTimestamp: z.nullish(Timestamp),
  disconnectReason: Text(128),
  agentInfo: z.nullish(connectObject({ agentArn: Text(512), connectedToAgentTimestamp: z.nullish(Timestamp) })),
  queueInfo: z.nullish(connectObject({ queueArn: Text(512), queueType: Text(64), enqueueTimestamp: z.nullish(Timestamp) })),
  customerEndpoint: z.nullish(Endpoint),
  systemEndpoint: z.nullish(Endpoint),
});
export type ContactEventDetail = z.infer<typeof ContactEventDetail>;

/** Where the event came from, when it arrived in an EventBridge envelope. */
export interface EventEnvelopeInfo {
  readonly id?: string;
  readonly account?: string;
  readonly region?: string;
}

/**
 * DISCONNECTED ends the conversation; COMPLETED follows after after-contact work, with the same data
 * when there was none (contact-events.html). Both map to the same record (same ContactId), so
 * whichever arrives first is stored and the other is a duplicate.
 */
const FINAL_EVENT_TYPES: ReadonlySet<string> = new Set(['DISCONNECTED', 'COMPLETED']);

const present = (value: string | null | undefined) => (value === null || value === undefined || value.trim() === '' ? undefined : value);
const millis = (iso: string | null | undefined) => (iso ? Date.parse(iso) : undefined);

function customerPhone(detail: ContactEventDetail): string | undefined {
  const endpoint = detail.customerEndpoint;
  const address = present(endpoint?.address);
  if (address === undefined || (endpoint?.type && endpoint.type !== 'TELEPHONE_NUMBER')) return undefined;
  return normalizePhone(address) ?? undefined;
}

/**
 * Maps a contact event to canonical input. Only the final event of a contact (DISCONNECTED /
 * COMPLETED) makes a record — keyed by ContactId, threaded by the InitialContactId so transfers stay
 * on one thread; every earlier event is ignored with a reason.
 */
export function normalizeContactEvent(detail: ContactEventDetail, tenant: TenantContext, envelope: EventEnvelopeInfo = {}): ConnectOutcome {
  const eventType = detail.eventType.toUpperCase();
  if (!FINAL_EVENT_TYPES.has(eventType)) {
    return { kind: 'ignore', reason: `only the final contact event makes a record (DISCONNECTED or COMPLETED); this is ${eventType} for contact ${detail.contactId}` };
  }
  const type = recordTypeOfChannel(detail.channel);
  if (type === null) return { kind: 'ignore', reason: `a ${detail.channel} contact is not a conversation with a customer (contact ${detail.contactId})` };
  const direction = directionOfInitiationMethod(present(detail.initiationMethod));
  if (direction === null) return { kind: 'ignore', reason: `a ${detail.initiationMethod} contact is a supervisor listening in, not a conversation (contact ${detail.contactId})` };
  if (!detail.initiationTimestamp) {
    throw new PayloadError(`Amazon Connect contact event: detail.initiationTimestamp is required on a ${eventType} event (contact ${detail.contactId})`);
  }

  const startMs = Date.parse(detail.initiationTimestamp);
  const endMs = millis(detail.disconnectTimestamp);
  const phone = customerPhone(detail);
  const agentArn = present(detail.agentInfo?.agentArn);
  const agentId = agentArn === undefined ? undefined : agentIdFromArn(agentArn);
  const participants: Participant[] = [];
  if (phone !== undefined) participants.push({ phone, role: 'customer' });
  if (agentId !== undefined) participants.push({ staffId: agentId, role: 'agent', internal: true });
  const at = (iso: string | null | undefined) => (iso ? formatInZone(new Date(iso), tenant.timezone) : undefined);

  const item = compact({
    sourceSystem: CONNECT_SOURCE_SYSTEM,
    sourceRecordId: detail.contactId,
    type,
    channel: CONNECT_CHANNEL,
    occurredAt: formatInZone(new Date(startMs), tenant.timezone),
    endedAt: at(detail.disconnectTimestamp),
    durationSeconds: endMs !== undefined && endMs >= startMs ? (endMs - startMs) / 1000 : undefined,
    direction,
    customer: phone === undefined ? undefined : { phone },
    participants,
    handledBy: agentId,
    threadId: callThreadId(present(detail.initialContactId) ?? detail.contactId),
    attachments: [],
    tags: [],
    metadata: {
      connect: compact({
        contactId: detail.contactId,
        initialContactId: present(detail.initialContactId),
        previousContactId: present(detail.previousContactId),
        eventType,
        channel: detail.channel.toUpperCase(),
        initiationMethod: present(detail.initiationMethod),
        instanceArn: present(detail.instanceArn),
        agentArn,
        connectedToSystemAt: at(detail.connectedToSystemTimestamp),
        connectedToAgentAt: at(detail.agentInfo?.connectedToAgentTimestamp),
        enqueuedAt: at(detail.queueInfo?.enqueueTimestamp),
        queueArn: present(detail.queueInfo?.queueArn),
        disconnectReason: present(detail.disconnectReason),
        systemAddress: present(detail.systemEndpoint?.address),
        eventId: envelope.id,
        account: envelope.account,
        region: envelope.region,
      }),
    },
  });
  return { kind: 'ingest', items: [item] };
}
