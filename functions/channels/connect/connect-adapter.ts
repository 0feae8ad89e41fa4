import type * as z from '../../core/zod.js';
import type { ChannelAdapter, TenantContext, WebhookOutcome, WebhookRequest } from '../../core/channels/channel-adapter.js';
import { TenantSettings } from '../../core/model/tenant-settings.js';
import { readSignedJson } from '../signing/signed-json-payload.js';
import { normalizeConnectEvent } from './normalize-connect-event.js';

/** `webhooks.connect` of the tenant settings (defined once there): `{ secret }`. */
export const ConnectSettings = TenantSettings.shape.webhooks.def.innerType.shape.connect.def.innerType;
export type ConnectSettings = z.infer<typeof ConnectSettings>;

const SUBJECT = 'Amazon Connect payload';

/**
 * The `connect` webhook of embedded mode (`POST /v1/webhooks/{tenantId}/connect`): a forwarder posts
 * Amazon Connect EventBridge events and Contact Lens output files, signed with `X-CommHub-Signature`
 * (see `signing/commhub-signature.ts`). On AWS, the EventBridge-triggered Lambda calls
 * {@link normalizeConnectEvent} directly instead.
 *
 * Query parameters, for Contact Lens voice files (which carry neither their contact id nor a time):
 * `contactId` and/or `objectKey` (the S3 key, `…/<ContactId>_analysis_<time>.json`).
 *
 * @example
 * ```ts
 * const outcome = connectAdapter.handle(request, { secret }, tenant);
 * // DISCONNECTED event → { kind: 'ingest', items: [{ sourceSystem: 'connect', sourceRecordId: '<ContactId>', … }], replay }
 * ```
 */
export const connectAdapter: ChannelAdapter<ConnectSettings> = {
  channel: 'connect',
  settingsKey: 'connect',
  settingsSchema: ConnectSettings,
  handle(request: WebhookRequest, settings: ConnectSettings, tenant: TenantContext): WebhookOutcome {
    const { body, replay } = readSignedJson(request, settings.secret, SUBJECT);
    const outcome = normalizeConnectEvent(body, tenant, {
      contactId: request.query.contactId,
      objectKey: request.query.objectKey,
      receivedAt: request.receivedAt,
    });
    if (outcome.kind === 'ignore') return { kind: 'ignore', reason: outcome.reason, replay };
    return { kind: 'ingest', items: outcome.items, replay };
  },
};
