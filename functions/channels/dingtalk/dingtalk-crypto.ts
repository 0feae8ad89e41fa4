import { randomBytes } from 'node:crypto';
import { SignatureError } from '../../core/channels/channel-adapter.js';
import { computeMsgSignature, decryptEnvelope, encryptEnvelope, verifyMsgSignature, type RandomSource } from '../shared/biz-msg-crypt.js';

/**
 * DingTalk HTTP event-callback crypto (https://open.dingtalk.com/document/orgapp/configure-event-subcription,
 * "加解密方案"): the WeCom construction unchanged (`../shared/biz-msg-crypt.ts`), except that the
 * timestamp is in **milliseconds** and the plaintext ends with the owner key — the suite key, CorpID
 * or AppKey the callback was registered for — instead of a CorpID.
 */

/** The callback credentials registered with DingTalk. */
export interface DingTalkCryptoKeys {
  readonly token: string;
  /** 43 base64 characters (DingTalk calls it `aes_key`). */
  readonly aesKey: string;
  /** Suite key / CorpID / AppKey every plaintext must end with. */
  readonly ownerKey: string;
}

/** What DingTalk sends: query `signature`, `timestamp`, `nonce` and body `{"encrypt": …}`. */
export interface DingTalkSignedPayload {
  readonly signature: string;
  readonly timestamp: string;
  readonly nonce: string;
  readonly encrypt: string;
}

/** The encrypted answer DingTalk requires to every callback (else it retries and may disable the URL). */
export interface DingTalkEncryptedReply {
  readonly msg_signature: string;
  readonly timeStamp: string;
  readonly nonce: string;
  readonly encrypt: string;
}

/**
 * Verifies the signature in constant time, decrypts, and checks the owner key.
 * @throws SignatureError `forged` or `wrong-recipient`.
 * @example decryptDingTalkEvent(keys, { signature: q.signature, timestamp: q.timestamp, nonce: q.nonce, encrypt: body.encrypt })
 */
export function decryptDingTalkEvent(keys: DingTalkCryptoKeys, payload: DingTalkSignedPayload): string {
  verifyMsgSignature(keys.token, payload, payload.signature);
  const { message, receiveId } = decryptEnvelope(keys.aesKey, payload.encrypt);
  if (receiveId !== keys.ownerKey) {
    throw new SignatureError('wrong-recipient', `event is addressed to ${JSON.stringify(receiveId)}, not the configured owner key`);
  }
  return message;
}

const NONCE_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** An 8-character alphanumeric nonce (the length DingTalk's own samples use). */
function randomNonce(random: RandomSource): string {
  return [...random(8)].map((byte) => NONCE_ALPHABET[byte % NONCE_ALPHABET.length]).join('');
}

/**
 * Encrypts and signs a reply — `success` for every event — as the JSON DingTalk expects.
 * @example encryptDingTalkReply(keys, 'success', { timestampMs: Date.now() })
 */
export function encryptDingTalkReply(
  keys: DingTalkCryptoKeys,
  plaintext: string,
  options: { readonly timestampMs: number; readonly nonce?: string; readonly random?: RandomSource },
): DingTalkEncryptedReply {
  const random = options.random ?? randomBytes;
  const timeStamp = String(Math.trunc(options.timestampMs));
  const nonce = options.nonce ?? randomNonce(random);
  const encrypt = encryptEnvelope(keys.aesKey, plaintext, keys.ownerKey, random);
  return { msg_signature: computeMsgSignature(keys.token, { timestamp: timeStamp, nonce, encrypt }), timeStamp, nonce, encrypt };
}

/** Hex signature of a request (tests build deliveries with it). */
export function signDingTalkPayload(token: string, fields: Omit<DingTalkSignedPayload, 'signature'>): string {
  return computeMsgSignature(token, fields);
}

/**
 * Encrypts an event the way DingTalk does (tests and replays build deliveries with it).
 * @example encryptDingTalkEvent(keys, JSON.stringify({ EventType: 'check_url' }))
 */
export function encryptDingTalkEvent(keys: Pick<DingTalkCryptoKeys, 'aesKey' | 'ownerKey'>, plaintext: string, random?: RandomSource): string {
  return encryptEnvelope(keys.aesKey, plaintext, keys.ownerKey, random);
}
