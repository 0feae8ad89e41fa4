import * as z from '../../core/zod.js';
import { PayloadError, type ChannelAdapter, type TenantContext, type WebhookOutcome, type WebhookRequest } from '../../core/channels/channel-adapter.js';
import { verifyZoomSignature, zoomValidationToken } from './zoom-signature.js';
import { ZOOM_MEETING_EVENTS, ZoomMeetingPayload, normalizeZoomMeeting, payloadErrorFrom } from './zoom-meeting.js';

/** `webhooks.zoom` of the tenant settings: the app's Secret Token (Zoom Marketplace → Feature → Event Subscriptions). */
export const ZoomSettings = z.object({ secretToken: z.string().check(z.minLength(8)) });
export type ZoomSettings = z.infer<typeof ZoomSettings>;

const Envelope = z.object({ event: z.string().check(z.minLength(1), z.maxLength(200)) });
const UrlValidation = z.object({ payload: z.object({ plainToken: z.string().check(z.minLength(1), z.maxLength(1024)) }) });

function parseJson(rawBody: Buffer): unknown {
  try {
    return JSON.parse(rawBody.toString('utf8'));
  } catch (error) {
    throw new PayloadError(`body is not valid JSON (${(error as Error).message.slice(0, 120)})`);
  }
}

function handleZoom(request: WebhookRequest, settings: ZoomSettings, tenant: TenantContext): WebhookOutcome {
  // Every Zoom delivery is signed, the URL-validation challenge included (Zoom's webhook-sample app
  // verifies before answering). Answering an *unsigned* challenge would be an HMAC oracle:
  // encryptedToken = HMAC(secret, plainToken), and a plainToken of `v0:{ts}:{body}` would return a
  // valid x-zm-signature for any body.
  const replay = verifyZoomSignature(request, settings.secretToken);
  const body = parseJson(request.rawBody);
  const envelope = Envelope.safeParse(body);
  if (!envelope.success) throw payloadErrorFrom(envelope.error);
  const { event } = envelope.data;

  if (event === 'endpoint.url_validation') {
    const challenge = UrlValidation.safeParse(body);
    if (!challenge.success) throw payloadErrorFrom(challenge.error);
    const { plainToken } = challenge.data.payload;
    return {
      kind: 'respond',
      response: {
        statusCode: 200,
        contentType: 'application/json; charset=utf-8',
        body: JSON.stringify({ plainToken, encryptedToken: zoomValidationToken(settings.secretToken, plainToken) }),
      },
    };
  }
  if (!(ZOOM_MEETING_EVENTS as readonly string[]).includes(event)) {
    return { kind: 'ignore', reason: `zoom event ${event} is not a communication`, replay };
  }
  const meeting = ZoomMeetingPayload.safeParse(body);
  if (!meeting.success) throw payloadErrorFrom(meeting.error);
  return { kind: 'ingest', items: [normalizeZoomMeeting(meeting.data, tenant)], replay };
}

/**
 * Zoom webhooks (`POST /v1/webhooks/{tenantId}/zoom`): answers the `endpoint.url_validation`
 * challenge, verifies `x-zm-signature` with a 5-minute window, and turns `meeting.ended` and
 * `recording.completed` into `meeting` records. Pure: recordings and transcripts are fetched later.
 */
export const zoomAdapter: ChannelAdapter<ZoomSettings> = {
  channel: 'zoom',
  settingsKey: 'zoom',
  settingsSchema: ZoomSettings,
  handle: handleZoom,
};
