import { createHmac, timingSafeEqual } from 'node:crypto';
import { SignatureError, type VerifiedDelivery } from '../../core/channels/channel-adapter.js';

/**
 * The CommHub webhook signature, used by the `telephony` and `connect` webhooks.
 *
 * The sender puts one header on every `POST /v1/webhooks/{tenantId}/{channel}`:
 *
 * ```text
 * X-CommHub-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<raw body bytes>")>
 * ```
 *
 * - `t` is the sender's clock when it signed; the hub refuses a `t` more than
 *   {@link COMMHUB_REPLAY_WINDOW_SECONDS} away from its own clock (either direction) and accepts each
 *   signed delivery only once inside that window.
 * - The HMAC covers the exact bytes sent: sign after serialising, and do not re-serialise.
 * - Several `v1=` values may be sent (e.g. signed with the old and the new secret while rotating);
 *   one match is enough. Keys other than `t` and `v1` are ignored, so later scheme versions can be
 *   added beside `v1`.
 *
 * @example Signing in a shell (the body is sent exactly as signed)
 * ```sh
 * body='{"callId":"C1","caller":"13800138000","callee":"4008108888","direction":"inbound","startedAt":1718418600}'
 * t=$(date +%s)
 * v1=$(printf '%s.%s' "$t" "$body" | openssl dgst -sha256 -hmac "$SECRET" -hex | sed 's/^.*= //')
 * curl -X POST "$HUB/v1/webhooks/T001/telephony" -H "X-CommHub-Signature: t=$t,v1=$v1" \
 *   -H 'Content-Type: application/json' --data-binary "$body"
 * ```
 */
export const COMMHUB_SIGNATURE_HEADER = 'x-commhub-signature';

/** How far (seconds) the signing time may be from the hub's clock, in either direction. */
export const COMMHUB_REPLAY_WINDOW_SECONDS = 300;

/** Far beyond any honest header (a few rotated `v1` values); longer ones are not parsed at all. */
const MAX_HEADER_LENGTH = 2048;
const HEX_SHA256 = /^[0-9a-fA-F]{64}$/;

function digest(secret: string, body: Buffer, unixSeconds: number): Buffer {
  return createHmac('sha256', secret).update(`${unixSeconds}.`, 'utf8').update(body).digest();
}

/**
 * Signs a webhook body the way integrators must: the value of the `X-CommHub-Signature` header.
 *
 * @example
 * ```ts
 * const body = Buffer.from(JSON.stringify(cdr));
 * const header = signCommHub(secret, body, Math.floor(Date.now() / 1000));
 * // → 't=1718418600,v1=5f0c…'
 * ```
 */
export function signCommHub(secret: string, body: Buffer, unixSeconds: number): string {
  if (!Number.isSafeInteger(unixSeconds) || unixSeconds < 0) throw new RangeError('unixSeconds must be a non-negative integer');
  return `t=${unixSeconds},v1=${digest(secret, body, unixSeconds).toString('hex')}`;
}

interface ParsedHeader {
  readonly t: number;
  readonly v1: readonly Buffer[];
}

function parseHeader(header: string): ParsedHeader | null {
  if (header.length > MAX_HEADER_LENGTH) return null;
  let t: number | undefined;
  const v1: Buffer[] = [];
  for (const part of header.split(',')) {
    const eq = part.indexOf('=');
    if (eq <= 0) return null;
    const key = part.slice(0, eq).trim();
    const value = part.slice(eq + 1).trim();
    if (key === 't') {
      if (t !== undefined || !/^\d{1,12}$/.test(value)) return null;
      t = Number(value);
    } else if (key === 'v1') {
      if (!HEX_SHA256.test(value)) return null;
      v1.push(Buffer.from(value, 'hex'));
    }
  }
  return t === undefined || v1.length === 0 ? null : { t, v1 };
}

/**
 * Verifies an `X-CommHub-Signature` header against the raw body.
 *
 * @returns the replay key (stable for the signed `t` and body, whichever `v1` values were sent) and
 *   when it may be forgotten (the moment `t` leaves the window).
 * @throws SignatureError `missing` (no or unparsable header), `forged` (no `v1` matches — compared
 *   in constant time) or `stale` (authentic, but `t` is more than 5 minutes from `now`).
 *
 * @example
 * ```ts
 * const replay = verifyCommHub(request.headers['x-commhub-signature'], settings.secret, request.rawBody, request.receivedAt);
 * ```
 */
export function verifyCommHub(header: string | undefined, secret: string, body: Buffer, now: Date): VerifiedDelivery {
  if (header === undefined || header.trim() === '') {
    throw new SignatureError('missing', 'the X-CommHub-Signature header is missing');
  }
  const parsed = parseHeader(header);
  if (parsed === null) {
    throw new SignatureError('missing', 'the X-CommHub-Signature header is not of the form t=<unix seconds>,v1=<64 hex digits>');
  }
  const expected = digest(secret, body, parsed.t);
  // Check every value (no early exit) so the time taken does not say which one was close.
  let matched = false;
  for (const candidate of parsed.v1) matched = timingSafeEqual(candidate, expected) || matched;
  const replayKey = `t=${parsed.t},v1=${expected.toString('hex')}`;
  if (!matched) throw new SignatureError('forged', 'the X-CommHub-Signature does not match the body and the webhook secret');
  const skewSeconds = Math.abs(now.getTime() / 1000 - parsed.t);
  if (!(skewSeconds <= COMMHUB_REPLAY_WINDOW_SECONDS)) {
    throw new SignatureError(
      'stale',
      `the X-CommHub-Signature was made at t=${parsed.t}, ${Math.round(skewSeconds)} s from now; the window is ${COMMHUB_REPLAY_WINDOW_SECONDS} s`,
      replayKey,
    );
  }
  return { replayKey, expiresAt: new Date((parsed.t + COMMHUB_REPLAY_WINDOW_SECONDS) * 1000) };
}
