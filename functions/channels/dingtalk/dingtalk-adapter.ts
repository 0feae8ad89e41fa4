import * as z from '../../core/zod.js';
import {
  PayloadError,
  SignatureError,
  type ChannelAdapter,
  type TenantContext,
  type VendorResponse,
  type WebhookOutcome,
  type WebhookRequest,
} from '../../core/channels/channel-adapter.js';
import { asRecord, asText } from '../shared/json-values.js';
import { parseJsonKeepingBigInts } from '../shared/json-big-ints.js';
import { decryptDingTalkEvent, encryptDingTalkReply, type DingTalkCryptoKeys } from './dingtalk-crypto.js';
import { isMeetingEventType, normalizeDingTalkMeeting } from './dingtalk-meeting.js';

/**
 * The DingTalk (钉钉) HTTP event-callback door, `POST /v1/webhooks/{tenantId}/dingtalk`
 * (https://open.dingtalk.com/document/orgapp/configure-event-subcription): query `signature`,
 * `timestamp` (ms), `nonce`; body `{"encrypt": …}`. Every delivery — the URL checks included — must
 * be answered with the encrypted `success` JSON, or DingTalk retries and eventually disables the URL.
 */

/** A tenant's DingTalk callback settings (`webhooks.dingtalk`). */
export const DingTalkSettings = z.object({
  token: z.string().check(z.minLength(1), z.maxLength(128)),
  /** The callback aes_key: 43 base64 characters. */
  aesKey: z.string().check(z.regex(/^[A-Za-z0-9+/]{43}$/, 'aes_key: 43 characters of base64')),
  /** Suite key, CorpID or AppKey: what every plaintext ends with. */
  ownerKey: z.string().check(z.minLength(1), z.maxLength(128)),
});
export type DingTalkSettings = z.infer<typeof DingTalkSettings>;

/** Deliveries whose signed timestamp is further than this from receipt are refused as replays. */
export const DINGTALK_REPLAY_WINDOW_MS = 5 * 60 * 1000;

/** Handshakes that only ask for the encrypted `success` (URL registration and suite checks). */
const URL_CHECKS = new Set(['check_url', 'check_create_suite_url', 'check_update_suite_url']);

interface SignedQuery {
  readonly signature: string;
  readonly timestamp: string;
  readonly nonce: string;
}

// DingTalk's docs and SDKs use both `signature`/`timestamp` and `msg_signature`/`timeStamp`.
function signedQuery(query: WebhookRequest['query']): SignedQuery {
  const signature = query.signature ?? query.msg_signature;
  const timestamp = query.timestamp ?? query.timeStamp;
  const nonce = query.nonce;
  for (const [name, value] of [
    ['signature', signature],
    ['timestamp', timestamp],
    ['nonce', nonce],
  ] as const) {
    if (value === undefined || value === '') throw new SignatureError('missing', `query parameter ${name} is missing`);
  }
  return { signature: signature as string, timestamp: timestamp as string, nonce: nonce as string };
}

function encryptedField(rawBody: Buffer): string {
  let body: unknown;
  try {
    body = JSON.parse(rawBody.toString('utf8'));
  } catch (error) {
    throw new PayloadError('request body is not valid JSON', { cause: error });
  }
  const encrypt = asText(asRecord(body)?.encrypt);
  if (encrypt === undefined) throw new PayloadError('request body: "encrypt" is missing');
  return encrypt;
}

function freshTimestampMs(signed: SignedQuery, receivedAt: Date): number {
  if (!/^\d{1,15}$/.test(signed.timestamp)) throw new SignatureError('stale', 'timestamp is not epoch milliseconds', signed.signature);
  const ms = Number(signed.timestamp);
  if (Math.abs(receivedAt.getTime() - ms) > DINGTALK_REPLAY_WINDOW_MS) {
    throw new SignatureError('stale', `timestamp ${signed.timestamp} is more than 5 minutes from the time of receipt`, signed.signature);
  }
  return ms;
}

function parseEvent(plaintext: string): Record<string, unknown> {
  let event: unknown;
  try {
    event = parseJsonKeepingBigInts(plaintext);
  } catch (error) {
    throw new PayloadError('decrypted event is not valid JSON', { cause: error });
  }
  const record = asRecord(event);
  if (record === undefined) throw new PayloadError('decrypted event is not a JSON object');
  return record;
}

function handleEvent(request: WebhookRequest, settings: DingTalkSettings, tenant: TenantContext): WebhookOutcome {
  const signed = signedQuery(request.query);
  const keys: DingTalkCryptoKeys = settings;
  const plaintext = decryptDingTalkEvent(keys, { ...signed, encrypt: encryptedField(request.rawBody) });
  const signedAtMs = freshTimestampMs(signed, request.receivedAt);
  const reply = encryptDingTalkReply(keys, 'success', { timestampMs: request.receivedAt.getTime() });
  const ack: VendorResponse = { statusCode: 200, contentType: 'application/json', body: JSON.stringify(reply) };
  const event = parseEvent(plaintext);
  const eventType = asText(event.EventType) ?? asText(event.eventType);
  if (eventType === undefined) throw new PayloadError('decrypted event: EventType is missing');
  if (URL_CHECKS.has(eventType)) return { kind: 'respond', response: ack };
  const replay = { replayKey: `${signed.signature}:${signed.timestamp}:${signed.nonce}`, expiresAt: new Date(signedAtMs + DINGTALK_REPLAY_WINDOW_MS) };
  const meeting = isMeetingEventType(eventType) ? normalizeDingTalkMeeting(event, eventType, signedAtMs, tenant) : undefined;
  return meeting === undefined
    ? { kind: 'ignore', reason: `DingTalk event ${eventType} is not a communication${isMeetingEventType(eventType) ? ' (no conference id)' : ''}`, ack, replay }
    : { kind: 'ingest', items: [meeting], ack, replay };
}

/**
 * DingTalk channel adapter (pure apart from the random bytes of the encrypted reply).
 * @example dingtalkAdapter.handle(request, { token, aesKey, ownerKey: 'suite4xxxxxxxxxxxxxxx' }, tenant)
 */
export const dingtalkAdapter: ChannelAdapter<DingTalkSettings> = {
  channel: 'dingtalk',
  settingsKey: 'dingtalk',
  settingsSchema: DingTalkSettings,
  handle(request, settings, tenant) {
    if (request.method !== 'POST') throw new PayloadError('DingTalk callbacks are POST requests');
    return handleEvent(request, settings, tenant);
  },
};
