import * as z from '../../core/zod.js';
import { PayloadError, type ChannelAdapter, type TenantContext, type WebhookOutcome, type WebhookRequest } from '../../core/channels/channel-adapter.js';
import type { CommunicationInput } from '../../core/model/communication-input.js';
import { ChangeNotification, callRecordIdOf, meetingArtifactOf, payloadErrorFrom, verifyClientState, type NotificationContext } from './graph-notification.js';
import { normalizeCallRecord } from './teams-call-record.js';
import { normalizeMeetingArtifact } from './teams-meeting-artifact.js';

/** `webhooks.teams` of the tenant settings: the `clientState` given to every Graph subscription (max 128 chars, Graph). */
export const TeamsSettings = z.object({ clientState: z.string().check(z.minLength(8), z.maxLength(128)) });
export type TeamsSettings = z.infer<typeof TeamsSettings>;

/** Graph posts `{ value: [...] }` (plus `validationTokens` for rich notifications). */
const NotificationCollection = z.object({ value: z.array(z.unknown()).check(z.minLength(1), z.maxLength(1000)) });

type Mapped = { readonly item: CommunicationInput } | { readonly skipped: string };

function mapNotification(notification: ChangeNotification, index: number, ctx: NotificationContext): Mapped {
  if (notification.lifecycleEvent) {
    // reauthorizationRequired / subscriptionRemoved / missed: the subscription owner must act
    // (learn.microsoft.com/graph/change-notifications-lifecycle-events); nothing to store.
    return { skipped: `lifecycle event ${notification.lifecycleEvent} for subscription ${notification.subscriptionId ?? '?'}` };
  }
  if (notification.changeType === 'deleted') return { skipped: `deleted ${notification.resource ?? 'resource'}` };
  const resource = notification.resource;
  if (!resource) throw new PayloadError(`value[${index}].resource is missing`);
  const callRecordId = callRecordIdOf(resource);
  if (callRecordId) return { item: normalizeCallRecord(notification, callRecordId, index, ctx) };
  const artifact = meetingArtifactOf(resource);
  if (artifact) return { item: normalizeMeetingArtifact(notification, artifact, index, ctx) };
  return { skipped: `resource ${resource.slice(0, 200)} is not a call record, transcript or recording` };
}

function handleTeams(request: WebhookRequest, settings: TeamsSettings, tenant: TenantContext): WebhookOutcome {
  const validationToken = request.query.validationToken;
  if (validationToken !== undefined) {
    // Graph's tokens are short; a long one is someone using the echo as a reflector.
    if (validationToken.length > 1024) throw new PayloadError('validationToken is longer than 1024 characters');
    if (validationToken === '') throw new PayloadError('validationToken is empty');
    // Subscription validation: echo the token as text/plain within 10 s
    // (learn.microsoft.com/graph/change-notifications-delivery-webhooks#notificationurl-validation).
    // The hub's query map is already URL-decoded (API Gateway v2 / URLSearchParams); decoding again
    // would corrupt a token holding `%` or `+`. Echoing it creates nothing, so it needs no secret.
    return { kind: 'respond', response: { statusCode: 200, contentType: 'text/plain; charset=utf-8', body: validationToken } };
  }
  let body: unknown;
  try {
    body = JSON.parse(request.rawBody.toString('utf8'));
  } catch (error) {
    throw new PayloadError(`body is not valid JSON (${(error as Error).message.slice(0, 120)})`);
  }
  const collection = NotificationCollection.safeParse(body);
  if (!collection.success) throw payloadErrorFrom(collection.error);

  // Verify every notification before reading any: one forged member rejects the whole delivery.
  const notifications = collection.data.value.map((raw, index) => {
    const clientState = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>).clientState : undefined;
    verifyClientState(clientState, settings.clientState, index);
    const parsed = ChangeNotification.safeParse(raw);
    if (!parsed.success) throw payloadErrorFrom(parsed.error, `value[${index}]`);
    return parsed.data;
  });

  const ctx: NotificationContext = { tenant, receivedAt: request.receivedAt };
  const mapped = notifications.map((n, index) => mapNotification(n, index, ctx));
  const items = mapped.flatMap((m) => ('item' in m ? [m.item] : []));
  if (items.length === 0) return { kind: 'ignore', reason: mapped.map((m) => ('skipped' in m ? m.skipped : '')).join('; ') };
  return { kind: 'ingest', items };
}

/**
 * Microsoft Teams through Microsoft Graph change notifications (`POST /v1/webhooks/{tenantId}/teams`):
 * answers subscription validation, checks `clientState`, and turns callRecords into `meeting`
 * (`phone`/`video` for peer-to-peer calls) records and transcript/recording notifications into
 * `meeting` records whose content the record workflow fetches. No replay key: Graph signs no
 * timestamp (dedup by source record id makes re-deliveries harmless).
 */
export const teamsAdapter: ChannelAdapter<TeamsSettings> = {
  channel: 'teams',
  settingsKey: 'teams',
  settingsSchema: TeamsSettings,
  handle: handleTeams,
};
