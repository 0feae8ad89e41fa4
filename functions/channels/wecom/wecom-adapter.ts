import * as z from '../../core/zod.js';
import {
  SignatureError,
  type ChannelAdapter,
  type TenantContext,
  type VendorResponse,
  type VerifiedDelivery,
  type WebhookOutcome,
  type WebhookRequest,
} from '../../core/channels/channel-adapter.js';
import { parseCallbackEnvelope, parseDecryptedMessage } from './wecom-callback-body.js';
import { decryptWeComPayload, type WeComCryptoKeys } from './wecom-crypto.js';
import { normalizeWeComMessage } from './wecom-message.js';

/**
 * The WeCom (企业微信) app callback door, `GET|POST /v1/webhooks/{tenantId}/wecom`:
 * - GET is URL verification (验证URL有效性): verify `msg_signature` over `echostr`, decrypt it and
 *   answer the plaintext within 1 s (https://developer.work.weixin.qq.com/document/path/90930);
 * - POST carries one encrypted message or event (XML, or JSON for JSON-mode apps); WeCom wants
 *   HTTP 200 with an empty body or `success`, else it retries (doc 90930 "回调通知").
 */

/** A tenant's WeCom app callback settings (`webhooks.wecom`). */
export const WeComSettings = z.object({
  /** The callback Token (up to 32 letters and digits). */
  token: z.string().check(z.minLength(1), z.maxLength(128)),
  /** The callback EncodingAESKey: 43 base64 characters. */
  encodingAesKey: z.string().check(z.regex(/^[A-Za-z0-9+/]{43}$/, 'EncodingAESKey: 43 characters of base64')),
  /** The CorpID every decrypted plaintext must be addressed to. */
  corpId: z.string().check(z.minLength(1), z.maxLength(128)),
});
export type WeComSettings = z.infer<typeof WeComSettings>;

/** WeCom signs the timestamp; deliveries older or newer than this are refused as replays. */
export const WECOM_REPLAY_WINDOW_MS = 5 * 60 * 1000;

/** The answer WeCom expects to every delivered message or event. */
export const WECOM_ACK: VendorResponse = { statusCode: 200, contentType: 'text/plain', body: 'success' };

interface SignedQuery {
  readonly msgSignature: string;
  readonly timestamp: string;
  readonly nonce: string;
}

function signedQuery(query: WebhookRequest['query']): SignedQuery {
  const { msg_signature: msgSignature, timestamp, nonce } = query;
  for (const [name, value] of [
    ['msg_signature', msgSignature],
    ['timestamp', timestamp],
    ['nonce', nonce],
  ] as const) {
    if (value === undefined || value === '') throw new SignatureError('missing', `query parameter ${name} is missing`);
  }
  return { msgSignature: msgSignature as string, timestamp: timestamp as string, nonce: nonce as string };
}

/** Unix seconds of a signed timestamp, refused when outside the replay window around `receivedAt`. */
function freshTimestampSeconds(signed: SignedQuery, receivedAt: Date): number {
  if (!/^\d{1,12}$/.test(signed.timestamp)) throw new SignatureError('stale', 'timestamp is not unix seconds', signed.msgSignature);
  const seconds = Number(signed.timestamp);
  if (Math.abs(receivedAt.getTime() - seconds * 1000) > WECOM_REPLAY_WINDOW_MS) {
    throw new SignatureError('stale', `timestamp ${signed.timestamp} is more than 5 minutes from the time of receipt`, signed.msgSignature);
  }
  return seconds;
}

function replayOf(signed: SignedQuery, seconds: number): VerifiedDelivery {
  return {
    replayKey: `${signed.msgSignature}:${signed.timestamp}:${signed.nonce}`,
    expiresAt: new Date(seconds * 1000 + WECOM_REPLAY_WINDOW_MS),
  };
}

function keysOf(settings: WeComSettings): WeComCryptoKeys {
  return { token: settings.token, encodingAesKey: settings.encodingAesKey, receiveId: settings.corpId };
}

function verifyUrl(request: WebhookRequest, settings: WeComSettings): WebhookOutcome {
  const signed = signedQuery(request.query);
  // API Gateway has already URL-decoded `echostr` (doc 90930: "需要urldecode"); it is signed decoded.
  const echostr = request.query.echostr;
  if (echostr === undefined || echostr === '') throw new SignatureError('missing', 'query parameter echostr is missing');
  const plaintext = decryptWeComPayload(keysOf(settings), { ...signed, encrypt: echostr });
  freshTimestampSeconds(signed, request.receivedAt);
  return { kind: 'respond', response: { statusCode: 200, contentType: 'text/plain', body: plaintext } };
}

function receiveMessage(request: WebhookRequest, settings: WeComSettings, tenant: TenantContext): WebhookOutcome {
  const signed = signedQuery(request.query);
  const envelope = parseCallbackEnvelope(request.rawBody);
  const plaintext = decryptWeComPayload(keysOf(settings), { ...signed, encrypt: envelope.encrypt });
  const seconds = freshTimestampSeconds(signed, request.receivedAt);
  const replay = replayOf(signed, seconds);
  const normalized = normalizeWeComMessage(parseDecryptedMessage(plaintext), { tenant, signedAtSeconds: seconds });
  return normalized.kind === 'item' ? { kind: 'ingest', items: [normalized.item], ack: WECOM_ACK, replay } : { kind: 'ignore', reason: normalized.reason, ack: WECOM_ACK, replay };
}

/**
 * WeCom channel adapter (pure): URL verification and encrypted message callbacks.
 * @example
 * const outcome = wecomAdapter.handle(request, { token, encodingAesKey, corpId }, tenant);
 * // GET → { kind: 'respond', response: { statusCode: 200, body: '<echo>' } }
 */
export const wecomAdapter: ChannelAdapter<WeComSettings> = {
  channel: 'wecom',
  settingsKey: 'wecom',
  settingsSchema: WeComSettings,
  handle(request, settings, tenant) {
    return request.method === 'GET' ? verifyUrl(request, settings) : receiveMessage(request, settings, tenant);
  },
};
