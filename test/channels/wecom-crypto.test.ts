import { createCipheriv } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SignatureError } from '../../functions/core/channels/channel-adapter.js';
import { decryptEnvelope } from '../../functions/channels/shared/biz-msg-crypt.js';
import { decryptWeComPayload, encryptWeComMessage, signWeComPayload, type WeComCryptoKeys } from '../../functions/channels/wecom/wecom-crypto.js';
import { signatureFailureOf } from '../support/adapter-errors.js';

interface Vector {
  id: string;
  token: string;
  encoding_aes_key: string;
  receive_id: string;
  request: { method: 'GET' | 'POST'; query_string: string; body_file: string | null };
  expected: { msg_signature: string; plaintext: string; plaintext_utf8_bytes: number; receive_id: string; pkcs7_pad_len: number; random16_hex: string };
}

const fixture = (path: string) => new URL(`../../../shared/fixtures/wecom/${path}`, import.meta.url);
const { vectors } = JSON.parse(readFileSync(fixture('crypto-vectors.json'), 'utf8')) as { vectors: Vector[] };

/** The signed ciphertext of a vector: `echostr` (already URL-decoded) or the body's `Encrypt` / `encrypt`. */
function signedPayload(vector: Vector) {
  const query = new URLSearchParams(vector.request.query_string);
  let encrypt = query.get('echostr') ?? '';
  if (vector.request.body_file !== null) {
    const body = readFileSync(fixture(vector.request.body_file), 'utf8');
    encrypt = /<Encrypt><!\[CDATA\[([^\]]+)\]\]><\/Encrypt>/.exec(body)?.[1] ?? (JSON.parse(body) as { encrypt: string }).encrypt;
  }
  return { msgSignature: query.get('msg_signature') ?? '', timestamp: query.get('timestamp') ?? '', nonce: query.get('nonce') ?? '', encrypt };
}

const keysOf = (vector: Vector): WeComCryptoKeys => ({ token: vector.token, encodingAesKey: vector.encoding_aes_key, receiveId: vector.receive_id });


describe('WeCom callback crypto — published known-answer vectors', () => {
  it.each(vectors.map((v) => [v.id, v] as const))('%s: signature verifies and decrypts to the expected plaintext', (_id, vector) => {
    // Prepare
    const payload = signedPayload(vector);

    // Act
    const signature = signWeComPayload(vector.token, payload);
    const plaintext = decryptWeComPayload(keysOf(vector), payload);

    // Assess
    expect(signature).toBe(vector.expected.msg_signature);
    expect(plaintext).toBe(vector.expected.plaintext);
    expect(Buffer.byteLength(plaintext, 'utf8')).toBe(vector.expected.plaintext_utf8_bytes);
    expect(decryptEnvelope(vector.encoding_aes_key, payload.encrypt).receiveId).toBe(vector.expected.receive_id);
  });

  it.each(vectors.map((v) => [v.id, v] as const))('%s: encrypt with the vector’s random prefix reproduces the ciphertext byte for byte', (_id, vector) => {
    // Prepare
    const payload = signedPayload(vector);
    const random = () => Buffer.from(vector.expected.random16_hex, 'hex');
    const unpadded = 16 + 4 + vector.expected.plaintext_utf8_bytes + Buffer.byteLength(vector.receive_id);

    // Act
    const encrypted = encryptWeComMessage(keysOf(vector), vector.expected.plaintext, random);

    // Assess
    expect(encrypted).toBe(payload.encrypt);
    expect(32 - (unpadded % 32)).toBe(vector.expected.pkcs7_pad_len);
  });
});

describe('WeCom callback crypto — rejections', () => {
  const vector = vectors[1] as Vector;
  const keys = keysOf(vector);
  const key = Buffer.from(`${vector.encoding_aes_key}=`, 'base64');
  /** Raw AES-CBC with the vector key and no padding logic, to craft malformed plaintexts. */
  const rawEncrypt = (plain: Buffer) => {
    const cipher = createCipheriv('aes-256-cbc', key, key.subarray(0, 16)).setAutoPadding(false);
    return Buffer.concat([cipher.update(plain), cipher.final()]).toString('base64');
  };
  const signed = (encrypt: string) => {
    const fields = { timestamp: '1409659813', nonce: '1372623149', encrypt };
    return { ...fields, msgSignature: signWeComPayload(vector.token, fields) };
  };

  it('refuses a signature with one character flipped as forged', () => {
    // Prepare
    const payload = signedPayload(vector);
    const flipped = `${payload.msgSignature.startsWith('4') ? '5' : '4'}${payload.msgSignature.slice(1)}`;

    // Act / Assess
    expect(signatureFailureOf(() => decryptWeComPayload(keys, { ...payload, msgSignature: flipped }))).toBe('forged');
    expect(signatureFailureOf(() => decryptWeComPayload({ ...keys, token: 'other' }, payload))).toBe('forged');
  });

  it('refuses a message addressed to another CorpID as wrong-recipient', () => {
    const payload = signedPayload(vector);
    expect(signatureFailureOf(() => decryptWeComPayload({ ...keys, receiveId: 'ww0000000000000000' }, payload))).toBe('wrong-recipient');
  });

  it.each([
    ['not base64', signed('%%%not base64%%%')],
    ['empty', signed('')],
    ['a length that is not whole AES blocks', signed(Buffer.alloc(40).toString('base64'))],
    ['too short', signed(Buffer.alloc(16).toString('base64'))],
    ['padding byte 0', signed(rawEncrypt(Buffer.alloc(32, 0)))],
    ['padding byte 33', signed(rawEncrypt(Buffer.alloc(64, 33)))],
    ['inconsistent padding bytes', signed(rawEncrypt(Buffer.concat([Buffer.alloc(29, 1), Buffer.from([2, 9, 3])])))],
    ['a length prefix beyond the payload', signed(rawEncrypt(Buffer.concat([Buffer.alloc(16), Buffer.from([0, 0, 1, 0]), Buffer.alloc(12, 12)])))],
  ])('refuses %s as forged, with a SignatureError and never a crash', (_label, payload) => {
    expect(signatureFailureOf(() => decryptWeComPayload(keys, payload))).toBe('forged');
  });

  it('refuses a malformed EncodingAESKey as forged', () => {
    expect(signatureFailureOf(() => decryptWeComPayload({ ...keys, encodingAesKey: 'short' }, signedPayload(vector)))).toBe('forged');
  });

  it('round-trips UTF-8 messages of every padding length', () => {
    for (let length = 0; length < 70; length += 1) {
      // Prepare
      const message = '你'.repeat(length % 5) + 'x'.repeat(length);

      // Act
      const decrypted = decryptWeComPayload(keys, signed(encryptWeComMessage(keys, message)));

      // Assess
      expect(decrypted).toBe(message);
    }
  });
});
