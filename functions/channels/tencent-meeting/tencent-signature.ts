import { createDecipheriv, createHash, timingSafeEqual } from 'node:crypto';
import { PayloadError, SignatureError, type VerifiedDelivery, type WebhookRequest } from '../../core/channels/channel-adapter.js';

/** How far the `timestamp` header may be from our clock (either way) before a delivery is stale. */
export const TENCENT_REPLAY_WINDOW_SECONDS = 300;

/**
 * Tencent Meeting's webhook signature: hex SHA-1 of token, timestamp, nonce and the signed string
 * (`data` of a POST body, `check_str` of the GET verification) sorted as strings and concatenated
 * (cloud.tencent.com/document/product/1095/51612, "签名校验").
 *
 * @example tencentMeetingSignature('bVPU6F8Htxl5XkAbp3jGV2xWp', '1609239040864', '14964161', data)
 * // 'b11e507817336a91d7df0c8536ee2aca18bbbae8' for the doc's meeting.created example
 */
export function tencentMeetingSignature(token: string, timestamp: string, nonce: string, signed: string): string {
  return createHash('sha1').update([token, timestamp, nonce, signed].sort().join(''), 'utf8').digest('hex');
}

/** The doc's example timestamp has 13 digits (milliseconds); seconds are accepted too. */
function timestampMs(timestamp: string): number {
  return timestamp.length >= 12 ? Number(timestamp) : Number(timestamp) * 1000;
}

/**
 * Verifies the `timestamp`/`nonce`/`signature` headers over `signed` and returns what the replay
 * guard must remember. The signature is checked before the clock, so `stale` means "genuine but old".
 *
 * @throws SignatureError `missing`, `forged` or `stale` (more than 5 minutes from `receivedAt`).
 */
export function verifyTencentMeetingSignature(request: WebhookRequest, token: string, signed: string): VerifiedDelivery {
  const { timestamp, nonce } = request.headers;
  const signature = request.headers.signature?.trim().toLowerCase();
  if (!signature) throw new SignatureError('missing', 'the signature header is missing');
  if (!timestamp || !nonce) throw new SignatureError('missing', 'the timestamp or nonce header is missing', signature);
  if (!/^\d{1,13}$/.test(timestamp)) throw new SignatureError('forged', 'the timestamp header is not a unix time', signature);
  const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();
  const expected = tencentMeetingSignature(token, timestamp, nonce, signed);
  if (!timingSafeEqual(digest(signature), digest(expected))) {
    throw new SignatureError('forged', 'signature does not match sha1(sort(token, timestamp, nonce, data))', signature);
  }
  const signedAtMs = timestampMs(timestamp);
  if (Math.abs(request.receivedAt.getTime() - signedAtMs) > TENCENT_REPLAY_WINDOW_SECONDS * 1000) {
    throw new SignatureError('stale', `the timestamp header is more than ${TENCENT_REPLAY_WINDOW_SECONDS / 60} minutes from now`, signature);
  }
  return { replayKey: signature, expiresAt: new Date(signedAtMs + TENCENT_REPLAY_WINDOW_SECONDS * 1000) };
}

/**
 * The plaintext of a signed `data` / `check_str`: base64 of UTF-8 JSON, or — with an EncodingAESKey
 * configured — AES-256-CBC with key = base64(EncodingAESKey + "="), IV = its first 16 bytes, PKCS#7
 * (Tencent Meeting "事件加解密"). Runs only after the signature is verified.
 *
 * @throws PayloadError when the value does not decode or decrypt.
 */
export function decodeTencentMeetingData(value: string, encodingAesKey: string | undefined): string {
  const bytes = Buffer.from(value, 'base64');
  if (bytes.length === 0) throw new PayloadError('data is empty or not base64');
  if (encodingAesKey === undefined) return bytes.toString('utf8');
  const key = Buffer.from(`${encodingAesKey}=`, 'base64');
  try {
    const decipher = createDecipheriv('aes-256-cbc', key, key.subarray(0, 16));
    return Buffer.concat([decipher.update(bytes), decipher.final()]).toString('utf8');
  } catch {
    throw new PayloadError('data does not decrypt with the configured EncodingAESKey');
  }
}
