import * as z from '../../core/zod.js';
import { PayloadError, type ChannelAdapter, type VendorResponse, type WebhookOutcome, type WebhookRequest } from '../../core/channels/channel-adapter.js';
import { parseJsonKeepingBigInts } from '../shared/json-big-ints.js';
import { decodeTencentMeetingData, verifyTencentMeetingSignature } from './tencent-signature.js';
import { TENCENT_MEETING_EVENTS, TencentMeetingEvent, normalizeTencentMeetingItem, payloadErrorFrom } from './tencent-meeting-event.js';

/**
 * `webhooks.tencentMeeting` of the tenant settings: the subscription's Token and, when encrypted
 * pushes are enabled, its 43-character EncodingAESKey.
 */
export const TencentMeetingSettings = z.object({
  token: z.string().check(z.minLength(1)),
  encodingAesKey: z.optional(z.string().check(z.regex(/^[A-Za-z0-9+/]{43}$/, 'an EncodingAESKey is 43 base64 characters'))),
});
export type TencentMeetingSettings = z.infer<typeof TencentMeetingSettings>;

/** The literal answer Tencent Meeting expects to a POST within 3 seconds, or it retries. */
export const TENCENT_MEETING_ACK: VendorResponse = { statusCode: 200, contentType: 'text/plain; charset=utf-8', body: 'successfully received callback' };

const PostBody = z.object({ data: z.string().check(z.minLength(1)) });

/** Big integers stay exact strings: a 20-digit meeting_id sent as a number must not lose digits. */
function parseJson(text: string, what: string): unknown {
  try {
    return parseJsonKeepingBigInts(text);
  } catch (error) {
    throw new PayloadError(`${what} is not valid JSON (${(error as Error).message.slice(0, 120)})`);
  }
}

function handleTencentMeeting(request: WebhookRequest, settings: TencentMeetingSettings): WebhookOutcome {
  if (request.method === 'GET') {
    // URL verification (meeting.tencent.com/support/topic/588): sign over check_str, answer its
    // plaintext. The hub's query map is already URL-decoded, as the doc asks.
    const checkStr = request.query.check_str;
    if (!checkStr) throw new PayloadError('the check_str query parameter is missing');
    verifyTencentMeetingSignature(request, settings.token, checkStr);
    const plaintext = decodeTencentMeetingData(checkStr, settings.encodingAesKey);
    return { kind: 'respond', response: { statusCode: 200, contentType: 'text/plain; charset=utf-8', body: plaintext } };
  }

  const body = PostBody.safeParse(parseJson(request.rawBody.toString('utf8'), 'body'));
  if (!body.success) throw payloadErrorFrom(body.error);
  const replay = verifyTencentMeetingSignature(request, settings.token, body.data.data);
  const envelope = TencentMeetingEvent.safeParse(parseJson(decodeTencentMeetingData(body.data.data, settings.encodingAesKey), 'data'));
  if (!envelope.success) throw payloadErrorFrom(envelope.error, 'data');
  const event = envelope.data;
  if (!(TENCENT_MEETING_EVENTS as readonly string[]).includes(event.event)) {
    return { kind: 'ignore', reason: `tencent-meeting event ${event.event} is not a communication`, ack: TENCENT_MEETING_ACK, replay };
  }
  if (event.payload.length === 0) throw new PayloadError(`data.payload of ${event.event} is empty`);
  const items = event.payload.map((raw, index) => normalizeTencentMeetingItem(event, raw, index));
  return { kind: 'ingest', items, ack: TENCENT_MEETING_ACK, replay };
}

/**
 * Tencent Meeting (腾讯会议) webhooks (`GET|POST /v1/webhooks/{tenantId}/tencent-meeting`): URL
 * verification, SHA-1 signature over sorted token/timestamp/nonce/data with a 5-minute window,
 * optional AES decryption, and `meeting.end` / `recording.completed` as `meeting` records.
 */
export const tencentMeetingAdapter: ChannelAdapter<TencentMeetingSettings> = {
  channel: 'tencent-meeting',
  settingsKey: 'tencentMeeting',
  settingsSchema: TencentMeetingSettings,
  handle: handleTencentMeeting,
};
