import { createHash, timingSafeEqual } from 'node:crypto';
import * as z from '../../core/zod.js';
import { PayloadError, SignatureError, type TenantContext } from '../../core/channels/channel-adapter.js';
import type { CommunicationInput } from '../../core/model/communication-input.js';
import { emailDomain } from '../../core/model/identity.js';
import type { Participant } from '../../core/model/participant.js';
import { parseCommunicationInput } from '../shared/parse-communication-input.js';

/** Graph's DateTimeOffset: ISO 8601, up to 7 fractional digits, `Z` or an offset. */
export const isoTime = z.iso.datetime({ offset: true });

/** One Graph `identity` (user, guest, phone, acsUser, …): every member may be null in Graph output. */
const GraphIdentity = z.object({
  id: z.nullish(z.string()),
  displayName: z.nullish(z.string()),
  tenantId: z.nullish(z.string()),
  userPrincipalName: z.nullish(z.string()),
});
/** A Graph `identitySet`; only the kinds that name a person are read. */
export const IdentitySet = z.object({
  user: z.nullish(GraphIdentity),
  guest: z.nullish(GraphIdentity),
  phone: z.nullish(GraphIdentity),
  acsUser: z.nullish(GraphIdentity),
  spoolUser: z.nullish(GraphIdentity),
});
export type IdentitySet = z.infer<typeof IdentitySet>;

/**
 * One change notification (learn.microsoft.com/graph/change-notifications-delivery-webhooks).
 * Rich notifications add `encryptedContent` (the doc example spells it `EncryptedContent`); without the
 * subscription's certificate key this adapter cannot decrypt it and reads `resource`/`resourceData`.
 */
export const ChangeNotification = z.object({
  subscriptionId: z.optional(z.string().check(z.maxLength(200))),
  clientState: z.nullish(z.string()),
  changeType: z.optional(z.string().check(z.maxLength(50))),
  resource: z.optional(z.string().check(z.maxLength(2000))),
  resourceData: z.nullish(z.record(z.string(), z.unknown())),
  tenantId: z.optional(z.string().check(z.maxLength(200))),
  lifecycleEvent: z.optional(z.string().check(z.maxLength(100))),
  encryptedContent: z.optional(z.unknown()),
  EncryptedContent: z.optional(z.unknown()),
});
export type ChangeNotification = z.infer<typeof ChangeNotification>;

/** What every normaliser needs besides the notification itself. */
export interface NotificationContext {
  readonly tenant: TenantContext;
  readonly receivedAt: Date;
}

/** A zod failure as a `PayloadError` naming the first offending field. */
export function payloadErrorFrom(error: z.core.$ZodError, prefix = ''): PayloadError {
  const issue = error.issues[0];
  const path = issue ? [prefix, ...issue.path.map(String)].filter(Boolean).join('.') : prefix;
  return new PayloadError(`${path || 'body'}: ${issue?.message ?? 'invalid'}`);
}

/** Canonical input or a `PayloadError`: every item an adapter returns passes the strict schema. */
export function toCommunicationInput(draft: unknown, index: number): CommunicationInput {
  return parseCommunicationInput(draft, `value[${index}]`);
}

/**
 * Graph signs nothing on basic notifications: the only proof of origin is the `clientState` we gave
 * the subscription, echoed in every notification (learn.microsoft.com/graph/change-notifications-delivery-webhooks,
 * "Receive notifications"). It is compared in constant time; it is static, so a captured body could
 * be replayed — dedup by source record id keeps that harmless.
 *
 * @throws SignatureError `missing` or `forged`.
 */
export function verifyClientState(received: unknown, expected: string, index: number): void {
  if (typeof received !== 'string' || received === '') {
    throw new SignatureError('missing', `value[${index}].clientState is missing`);
  }
  const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();
  if (!timingSafeEqual(digest(received), digest(expected))) {
    throw new SignatureError('forged', `value[${index}].clientState does not match the subscription's clientState`);
  }
}

/** A key segment of a Graph resource path: `name('key')` (OData) or `name/key`. */
const segment = (name: string) => `${name}(?:\\('([^']+)'\\)|/([^/()'?]+))`;
const CALL_RECORD_RESOURCE = new RegExp(`^/?communications/${segment('callRecords')}$`, 'i');
const MEETING_ARTIFACT_RESOURCE = new RegExp(`${segment('onlineMeetings')}/(transcripts|recordings)(?:\\('([^']+)'\\)|/([^/()'?]+))$`, 'i');

/** `communications/callRecords/{id}` or `communications/callRecords('{id}')` → the call record id. */
export function callRecordIdOf(resource: string): string | undefined {
  const match = CALL_RECORD_RESOURCE.exec(resource);
  return match?.[1] ?? match?.[2];
}

/** `…/onlineMeetings/{m}/transcripts/{t}` (either key syntax) → meeting id, artifact kind and id. */
export function meetingArtifactOf(resource: string): { meetingId: string; kind: 'transcript' | 'recording'; artifactId: string } | undefined {
  const match = MEETING_ARTIFACT_RESOURCE.exec(resource);
  const meetingId = match?.[1] ?? match?.[2];
  const artifactId = match?.[4] ?? match?.[5];
  if (!match || !meetingId || !artifactId) return undefined;
  return { meetingId, kind: match[3]?.toLowerCase() === 'recordings' ? 'recording' : 'transcript', artifactId };
}

const TEAMS_CHAT_THREAD = /^19:[^\s*/]+@thread\.(?:v2|skype|tacv2)$/;

/**
 * The Teams chat thread of a meeting (`19:meeting_…@thread.v2`), the one id that both a callRecord
 * (`joinWebUrl`) and an onlineMeeting id (base64 of `1*{organizer}*0**{thread}`) carry — so a
 * meeting's call record and its transcripts share a thread.
 */
export function teamsThreadOf(source: { joinWebUrl?: string | null; onlineMeetingId?: string }): string | undefined {
  if (source.onlineMeetingId) {
    const decoded = Buffer.from(source.onlineMeetingId, 'base64').toString('utf8');
    const thread = decoded.split('*').find((part) => TEAMS_CHAT_THREAD.test(part));
    if (thread) return `teams:meeting:${thread}`;
  }
  const encoded = source.joinWebUrl ? /\/meetup-join\/([^/?#]+)/.exec(source.joinWebUrl)?.[1] : undefined;
  if (encoded) {
    try {
      const thread = decodeURIComponent(encoded);
      if (TEAMS_CHAT_THREAD.test(thread)) return `teams:meeting:${thread}`;
    } catch {
      // A malformed escape in the URL: no thread from it.
    }
  }
  return undefined;
}

/**
 * A Graph identity set as a participant. A user of the notification's own Entra tenant is staff;
 * otherwise an email (UPN) in the tenant's internal domains is.
 */
export function participantOf(set: IdentitySet | null | undefined, role: 'host' | 'attendee', graphTenantId: string | undefined, tenant: TenantContext): Participant | undefined {
  const identity = set?.user ?? set?.guest ?? set?.acsUser ?? set?.spoolUser ?? undefined;
  const upn = identity?.userPrincipalName ?? undefined;
  const email = upn && z.email().safeParse(upn).success ? upn.toLowerCase() : undefined;
  const phone = set?.phone?.id?.slice(0, 40) || undefined;
  const name = (identity?.displayName ?? set?.phone?.displayName ?? '').trim().slice(0, 200) || undefined;
  if (!name && !email && !phone) return undefined;
  const domain = email ? (emailDomain(email) ?? '') : '';
  const internal =
    (identity?.tenantId != null && graphTenantId !== undefined && identity.tenantId === graphTenantId) ||
    tenant.internalDomains.some((d) => domain === d || domain.endsWith(`.${d}`));
  return { ...(name ? { name } : {}), ...(email ? { email } : {}), ...(phone ? { phone } : {}), role, internal };
}

/** The Graph user id of an identity set, kept in metadata when no name is given (common in notifications). */
export const identityIdOf = (set: IdentitySet | null | undefined) => set?.user?.id ?? set?.guest?.id ?? set?.acsUser?.id ?? undefined;

/** Drops `undefined` members so metadata stays small and storable. */
export const compact = <T extends Record<string, unknown>>(value: T) => Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;

/** Common metadata of every Teams record: where the notification came from. */
export function notificationMetadata(notification: ChangeNotification) {
  return compact({
    graphResource: notification.resource,
    changeType: notification.changeType,
    subscriptionId: notification.subscriptionId,
    graphTenantId: notification.tenantId,
    encryptedContentPresent: notification.encryptedContent !== undefined || notification.EncryptedContent !== undefined ? true : undefined,
  });
}
