import type * as z from '../../core/zod.js';
import type { ChannelAdapter, TenantContext, WebhookOutcome, WebhookRequest } from '../../core/channels/channel-adapter.js';
import { TenantSettings } from '../../core/model/tenant-settings.js';
import { checkedInputs, parseOrThrow, readSignedJson } from '../signing/signed-json-payload.js';
import { normalizeTelephonyCall } from './normalize-telephony-call.js';
import { telephonyBodySchema } from './telephony-cdr.js';

/** `webhooks.telephony` of the tenant settings (defined once there): `{ secret }`. */
export const TelephonySettings = TenantSettings.shape.webhooks.def.innerType.shape.telephony.def.innerType;
export type TelephonySettings = z.infer<typeof TelephonySettings>;

const SUBJECT = 'telephony CDR';

/**
 * The generic signed CDR webhook for 400 call-center providers
 * (`POST /v1/webhooks/{tenantId}/telephony`, signed with `X-CommHub-Signature`, see
 * `signing/commhub-signature.ts`). The body is one call or `{ "calls": [...] }` (≤ 500); each call
 * becomes one `phone` record.
 *
 * @example
 * ```ts
 * const outcome = telephonyAdapter.handle(request, { secret }, tenant);
 * // { kind: 'ingest', items: [{ sourceSystem: 'telephony', sourceRecordId: 'C1', type: 'phone', … }], replay }
 * ```
 */
export const telephonyAdapter: ChannelAdapter<TelephonySettings> = {
  channel: 'telephony',
  settingsKey: 'telephony',
  settingsSchema: TelephonySettings,
  handle(request: WebhookRequest, settings: TelephonySettings, tenant: TenantContext): WebhookOutcome {
    const { body, replay } = readSignedJson(request, settings.secret, SUBJECT);
    const { calls } = parseOrThrow(telephonyBodySchema(body), body, SUBJECT);
    const items = checkedInputs(
      calls.map((call) => normalizeTelephonyCall(call, tenant)),
      SUBJECT,
    );
    return { kind: 'ingest', items, replay };
  },
};
