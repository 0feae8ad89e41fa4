import { createCipheriv, createDecipheriv, createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { PayloadError, SignatureError } from '../../core/channels/channel-adapter.js';

/**
 * The callback encryption Tencent published as `WXBizMsgCrypt` (WeChat, WeCom) and DingTalk copied
 * for its HTTP event callbacks:
 * - signature = hex SHA-1 of the sorted concatenation of [token, timestamp, nonce, encrypt];
 * - AES-256-CBC with key = base64(EncodingAESKey + '='), IV = key[0..16], PKCS#7 padded to **32**-byte
 *   blocks (not AES's 16 — the vendor samples pad with k = 32);
 * - plaintext = random(16) ‖ uint32be(byteLength(msg)) ‖ msg ‖ receiveId.
 *
 * Source: https://developer.work.weixin.qq.com/document/path/90968 (加解密方案说明) and
 * https://open.dingtalk.com/document/orgapp/configure-event-subcription (same scheme, ms timestamps).
 * Every failure to verify or decrypt is a `SignatureError`, never a crash.
 */

/** The four strings the vendor signs. */
export interface SignedFields {
  readonly timestamp: string;
  readonly nonce: string;
  readonly encrypt: string;
}

const PAD_BLOCK = 32;
const RANDOM_BYTES = 16;
const HEADER_BYTES = RANDOM_BYTES + 4;
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
const AES_KEY_TEXT = /^[A-Za-z0-9+/]{43}$/;
const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Hex SHA-1 over the sorted [token, timestamp, nonce, encrypt] (plain code-unit sort, as the samples do). */
export function computeMsgSignature(token: string, fields: SignedFields): string {
  const joined = [token, fields.timestamp, fields.nonce, fields.encrypt].sort().join('');
  return createHash('sha1').update(joined, 'utf8').digest('hex');
}

/** Constant-time comparison, so a forger learns nothing from response timing. */
export function isSignatureValid(token: string, fields: SignedFields, signature: string): boolean {
  const expected = Buffer.from(computeMsgSignature(token, fields), 'utf8');
  const given = Buffer.from(signature.toLowerCase(), 'utf8');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/**
 * Throws `SignatureError('forged')` unless `signature` matches.
 * @example verifyMsgSignature('QDG6eK', { timestamp, nonce, encrypt: echostr }, query.msg_signature)
 */
export function verifyMsgSignature(token: string, fields: SignedFields, signature: string): void {
  if (!isSignatureValid(token, fields, signature)) {
    throw new SignatureError('forged', 'msg_signature does not match sha1(sort(token, timestamp, nonce, encrypt))', signature);
  }
}

/** The 32-byte AES key of a 43-character EncodingAESKey; a malformed key is a configuration error. */
export function decodeAesKey(encodingAesKey: string): Buffer {
  if (!AES_KEY_TEXT.test(encodingAesKey)) {
    throw new SignatureError('forged', 'EncodingAESKey must be 43 characters of base64 (A-Z a-z 0-9 + /)');
  }
  return Buffer.from(`${encodingAesKey}=`, 'base64');
}

/** What an encrypted envelope held. */
export interface DecryptedEnvelope {
  readonly message: string;
  /** The CorpID / AppID / suite key the sender addressed. */
  readonly receiveId: string;
}

function removePadding(padded: Buffer): Buffer {
  const pad = padded[padded.length - 1] ?? 0;
  if (pad < 1 || pad > PAD_BLOCK || pad > padded.length) {
    throw new SignatureError('forged', `invalid PKCS#7 padding length ${pad} (must be 1..${PAD_BLOCK})`);
  }
  for (let i = padded.length - pad; i < padded.length; i += 1) {
    if (padded[i] !== pad) throw new SignatureError('forged', 'invalid PKCS#7 padding bytes');
  }
  return padded.subarray(0, padded.length - pad);
}

/**
 * Decrypts an `Encrypt` / `echostr` / `encrypt` value. Checks the base64, the block size, the
 * padding and the length prefix; the caller checks `receiveId`.
 */
export function decryptEnvelope(encodingAesKey: string, encrypted: string): DecryptedEnvelope {
  const key = decodeAesKey(encodingAesKey);
  if (encrypted.length === 0 || !BASE64.test(encrypted)) {
    throw new SignatureError('forged', 'encrypted payload is not valid base64');
  }
  const cipherText = Buffer.from(encrypted, 'base64');
  if (cipherText.length < PAD_BLOCK || cipherText.length % 16 !== 0) {
    throw new SignatureError('forged', `encrypted payload has ${cipherText.length} bytes, not a whole number of AES blocks`);
  }
  const decipher = createDecipheriv('aes-256-cbc', key, key.subarray(0, 16)).setAutoPadding(false);
  const plain = removePadding(Buffer.concat([decipher.update(cipherText), decipher.final()]));
  if (plain.length < HEADER_BYTES) throw new SignatureError('forged', 'decrypted payload is shorter than its header');
  const messageLength = plain.readUInt32BE(RANDOM_BYTES);
  if (HEADER_BYTES + messageLength > plain.length) {
    throw new SignatureError('forged', `message length ${messageLength} exceeds the decrypted payload`);
  }
  const messageBytes = plain.subarray(HEADER_BYTES, HEADER_BYTES + messageLength);
  const receiveId = plain.subarray(HEADER_BYTES + messageLength).toString('utf8');
  try {
    return { message: utf8.decode(messageBytes), receiveId };
  } catch (error) {
    throw new PayloadError('decrypted message is not valid UTF-8', { cause: error });
  }
}

/** Source of the 16 random prefix bytes; injectable so tests can reproduce vendor vectors. */
export type RandomSource = (size: number) => Buffer;

/**
 * Encrypts `message` for `receiveId` the way the vendor does (used for replies and by tests).
 * @example encryptEnvelope(key, 'success', 'suite4xxx') // → base64 ciphertext
 */
export function encryptEnvelope(encodingAesKey: string, message: string, receiveId: string, random: RandomSource = randomBytes): string {
  const key = decodeAesKey(encodingAesKey);
  const body = Buffer.from(message, 'utf8');
  const length = Buffer.alloc(4);
  length.writeUInt32BE(body.length, 0);
  const prefix = random(RANDOM_BYTES);
  if (prefix.length !== RANDOM_BYTES) throw new RangeError(`random source returned ${prefix.length} bytes, expected ${RANDOM_BYTES}`);
  const unpadded = Buffer.concat([prefix, length, body, Buffer.from(receiveId, 'utf8')]);
  const pad = PAD_BLOCK - (unpadded.length % PAD_BLOCK);
  const cipher = createCipheriv('aes-256-cbc', key, key.subarray(0, 16)).setAutoPadding(false);
  return Buffer.concat([cipher.update(Buffer.concat([unpadded, Buffer.alloc(pad, pad)])), cipher.final()]).toString('base64');
}
