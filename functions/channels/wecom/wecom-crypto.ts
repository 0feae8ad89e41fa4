import { SignatureError } from '../../core/channels/channel-adapter.js';
import {
  computeMsgSignature,
  decryptEnvelope,
  encryptEnvelope,
  verifyMsgSignature,
  type RandomSource,
  type SignedFields,
} from '../shared/biz-msg-crypt.js';

/**
 * WeCom (企业微信) callback crypto: `msg_signature` check and AES decryption of `echostr` / `Encrypt`,
 * per https://developer.work.weixin.qq.com/document/path/90968 (加解密方案说明). The construction
 * itself lives in `../shared/biz-msg-crypt.ts` because DingTalk reuses it unchanged.
 */

/** The WeCom app's callback credentials (企业微信管理后台 → 应用 → 接收消息 → API 接收). */
export interface WeComCryptoKeys {
  readonly token: string;
  /** 43 characters; base64 of the AES key without its trailing `=`. */
  readonly encodingAesKey: string;
  /** The CorpID (or suite id / AppID) the plaintext must end with. */
  readonly receiveId: string;
}

/** A signed, encrypted value as WeCom delivers it. */
export interface WeComSignedPayload extends SignedFields {
  readonly msgSignature: string;
}

/**
 * Verifies `msg_signature` in constant time, decrypts, and checks the plaintext is addressed to
 * this corp. Returns the message text (the echo for URL verification, XML or JSON for callbacks).
 * @throws SignatureError `forged` (signature, base64, length, padding) or `wrong-recipient`.
 * @example
 * decryptWeComPayload({ token, encodingAesKey, receiveId: corpId },
 *   { msgSignature: q.msg_signature, timestamp: q.timestamp, nonce: q.nonce, encrypt: q.echostr });
 */
export function decryptWeComPayload(keys: WeComCryptoKeys, payload: WeComSignedPayload): string {
  verifyMsgSignature(keys.token, payload, payload.msgSignature);
  const { message, receiveId } = decryptEnvelope(keys.encodingAesKey, payload.encrypt);
  if (receiveId !== keys.receiveId) {
    // A delivery signed with our token but encrypted for another corp: a misrouted or replayed body.
    throw new SignatureError('wrong-recipient', `message is addressed to ${JSON.stringify(receiveId)}, not the configured CorpID`);
  }
  return message;
}

/** Hex `msg_signature` for a reply or a test request. */
export function signWeComPayload(token: string, fields: SignedFields): string {
  return computeMsgSignature(token, fields);
}

/**
 * Encrypts a message for `keys.receiveId` (passive replies; tests build deliveries with it).
 * `random` supplies the 16-byte prefix (defaults to `crypto.randomBytes`).
 * @example encryptWeComMessage(keys, '<xml>…</xml>', () => Buffer.alloc(16))
 */
export function encryptWeComMessage(keys: Pick<WeComCryptoKeys, 'encodingAesKey' | 'receiveId'>, message: string, random?: RandomSource): string {
  return encryptEnvelope(keys.encodingAesKey, message, keys.receiveId, random);
}

export type { RandomSource, SignedFields };
