import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { SignatureError, type VerifiedDelivery, type WebhookRequest } from '../../core/channels/channel-adapter.js';

/** How far `x-zm-request-timestamp` may be from our clock (either way) before a delivery is stale. */
export const ZOOM_REPLAY_WINDOW_SECONDS = 300;

const hmacHex = (secret: string, message: Buffer | string) => createHmac('sha256', secret).update(message).digest('hex');

/** Equal without leaking where they differ or how long the expected value is (both sides hashed first). */
function constantTimeEqual(received: string, expected: string): boolean {
  const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();
  return timingSafeEqual(digest(received), digest(expected)) && received.length === expected.length;
}

/**
 * The `x-zm-signature` Zoom puts on a delivery: `v0=` + hex HMAC-SHA256(secret token,
 * `v0:{x-zm-request-timestamp}:{raw body}`) (developers.zoom.us/docs/api/webhooks/#verify-webhook-events).
 * Computed over the exact bytes received, never over re-serialised JSON.
 *
 * @example zoomSignature('secret', '1700000000', Buffer.from('{}')) // 'v0=6c1f…'
 */
export function zoomSignature(secretToken: string, timestamp: string, rawBody: Buffer): string {
  return `v0=${hmacHex(secretToken, Buffer.concat([Buffer.from(`v0:${timestamp}:`, 'utf8'), rawBody]))}`;
}

/**
 * The answer to Zoom's `endpoint.url_validation` challenge: `encryptedToken` = hex
 * HMAC-SHA256(secret token, plainToken) (developers.zoom.us/docs/api/webhooks/#validate-your-webhook-endpoint).
 */
export function zoomValidationToken(secretToken: string, plainToken: string): string {
  return hmacHex(secretToken, plainToken);
}

/**
 * Verifies a Zoom delivery and returns what the replay guard must remember.
 *
 * The signature is checked before the clock, so `stale` always means "genuine but too old" (a
 * late retry or a replay) and an attacker's old-looking forgery is counted as `forged`.
 *
 * @throws SignatureError `missing` (a header absent), `forged` (bad HMAC or timestamp format),
 *   `stale` (more than 5 minutes from `receivedAt`).
 */
export function verifyZoomSignature(request: WebhookRequest, secretToken: string): VerifiedDelivery {
  const signature = request.headers['x-zm-signature']?.trim();
  const timestamp = request.headers['x-zm-request-timestamp']?.trim();
  if (!signature) throw new SignatureError('missing', 'the x-zm-signature header is missing');
  if (!timestamp) throw new SignatureError('missing', 'the x-zm-request-timestamp header is missing', signature);
  if (!/^\d{1,12}$/.test(timestamp)) throw new SignatureError('forged', 'x-zm-request-timestamp is not unix seconds', signature);
  if (!constantTimeEqual(signature, zoomSignature(secretToken, timestamp, request.rawBody))) {
    throw new SignatureError('forged', 'x-zm-signature does not match the body signed with the secret token', signature);
  }
  const signedAtMs = Number(timestamp) * 1000;
  if (Math.abs(request.receivedAt.getTime() - signedAtMs) > ZOOM_REPLAY_WINDOW_SECONDS * 1000) {
    throw new SignatureError('stale', `x-zm-request-timestamp is more than ${ZOOM_REPLAY_WINDOW_SECONDS / 60} minutes from now`, signature);
  }
  // After the window closes the timestamp check alone rejects the signature; remember it until then.
  return { replayKey: signature, expiresAt: new Date(signedAtMs + ZOOM_REPLAY_WINDOW_SECONDS * 1000) };
}
