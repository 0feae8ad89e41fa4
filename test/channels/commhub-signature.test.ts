import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SignatureError } from '../../functions/core/channels/channel-adapter.js';
import { COMMHUB_REPLAY_WINDOW_SECONDS, signCommHub, verifyCommHub } from '../../functions/channels/signing/commhub-signature.js';
import { signatureFailureOf } from '../support/adapter-errors.js';

const SECRET = 'whsec_test_secret';
const OLD_SECRET = 'whsec_previous_secret';
const T = 1_718_418_600; // 2024-06-15T02:30:00Z
const BODY = Buffer.from('{"callId":"C1","caller":"13800138000"}');
const at = (unixSeconds: number) => new Date(unixSeconds * 1000);


describe('signCommHub', () => {
  it('matches an independently computed HMAC-SHA256 over "<t>.<body>"', () => {
    // Prepare: value computed with Python's hmac module, not with this code.
    const expected = 'aa26cf96f91ef359c64e5410bc55326d1f87cb7cc791b5e81f1ed82afa8ceebf';

    // Act
    const header = signCommHub(SECRET, BODY, T);

    // Assess
    expect(header).toBe(`t=${T},v1=${expected}`);
  });

  it.skipIf(!existsSync('/usr/bin/openssl'))('agrees with the openssl recipe documented for integrators', () => {
    // Prepare
    const payload = `${T}.${BODY.toString('utf8')}`;

    // Act
    const out = execFileSync('/usr/bin/openssl', ['dgst', '-sha256', '-hmac', SECRET, '-hex'], { input: payload }).toString();

    // Assess
    expect(signCommHub(SECRET, BODY, T)).toBe(`t=${T},v1=${out.trim().replace(/^.*= /, '')}`);
  });

  it('refuses a time that is not whole unix seconds', () => {
    expect(() => signCommHub(SECRET, BODY, 1.5)).toThrow(RangeError);
    expect(() => signCommHub(SECRET, BODY, -1)).toThrow(RangeError);
  });
});

describe('verifyCommHub', () => {
  it('accepts a valid signature and returns a replay key that expires when t leaves the window', () => {
    // Prepare
    const header = signCommHub(SECRET, BODY, T);

    // Act
    const verified = verifyCommHub(header, SECRET, BODY, at(T + 10));

    // Assess
    expect(verified.replayKey).toBe(header);
    expect(verified.expiresAt.toISOString()).toBe(at(T + COMMHUB_REPLAY_WINDOW_SECONDS).toISOString());
  });

  it.each([
    ['another body', SECRET, Buffer.from('{"callId":"C2","caller":"13800138000"}')],
    ['another secret', 'whsec_someone_else', BODY],
    ['one flipped byte', SECRET, Buffer.from(BODY.toString().replace('C1', 'D1'))],
  ])('rejects %s as forged', (_case, secret, body) => {
    // Prepare
    const header = signCommHub(secret, BODY, T);

    // Act / Assess
    expect(signatureFailureOf(() => verifyCommHub(header, SECRET, body, at(T)))).toBe('forged');
  });

  it.each([
    ['more than 5 minutes old', T + 301],
    ['more than 5 minutes in the future', T - 301],
  ])('rejects a signature %s as stale, and accepts exactly 5 minutes', (_case, nowSeconds) => {
    // Prepare
    const header = signCommHub(SECRET, BODY, T);

    // Act
    const failure = signatureFailureOf(() => verifyCommHub(header, SECRET, BODY, at(nowSeconds)));
    const edge = signatureFailureOf(() => verifyCommHub(header, SECRET, BODY, at(nowSeconds > T ? T + 300 : T - 300)));

    // Assess
    expect(failure).toBe('stale');
    expect(edge).toBe('passed');
  });

  it.each([
    ['no header', undefined],
    ['an empty header', ''],
    ['a header without t', `v1=${'a'.repeat(64)}`],
    ['a header without v1', `t=${T}`],
    ['a non-numeric t', `t=soon,v1=${'a'.repeat(64)}`],
    ['two t values', `t=${T},t=${T + 1},v1=${'a'.repeat(64)}`],
    ['a v1 that is not 64 hex digits', `t=${T},v1=xyz`],
    ['a part without =', `t=${T},garbage`],
    ['a Stripe-style header', `sha256=${'a'.repeat(64)}`],
    ['an absurdly long header', `t=${T}${`,v1=${'a'.repeat(64)}`.repeat(40)}`],
  ])('reports %s as missing', (_case, header) => {
    expect(signatureFailureOf(() => verifyCommHub(header, SECRET, BODY, at(T)))).toBe('missing');
  });

  it('accepts a delivery signed with the old and the new secret while the secret rotates', () => {
    // Prepare
    const signedNew = signCommHub(SECRET, BODY, T);
    const signedOld = signCommHub(OLD_SECRET, BODY, T);
    const header = `${signedOld},${signedNew.split(',')[1]}`;

    // Act
    const withNew = verifyCommHub(header, SECRET, BODY, at(T));
    const withOld = verifyCommHub(header, OLD_SECRET, BODY, at(T));

    // Assess: both secrets verify; the replay key does not depend on which v1 values were sent.
    expect(header).toMatch(/^t=\d+,v1=[0-9a-f]{64},v1=[0-9a-f]{64}$/);
    expect(withNew.replayKey).toBe(verifyCommHub(signedNew, SECRET, BODY, at(T)).replayKey);
    expect(withOld.replayKey).toBe(signedOld);
  });

  it('ignores scheme versions it does not know and spaces around the parts', () => {
    // Prepare
    const v1 = signCommHub(SECRET, BODY, T).split(',')[1] ?? '';
    const header = ` t=${T} , v0=deadbeef , ${v1} `;

    // Act / Assess
    expect(signatureFailureOf(() => verifyCommHub(header, SECRET, BODY, at(T)))).toBe('passed');
  });

  it('property: any body signed now verifies, and any tampering is caught', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 8 }), fc.uint8Array({ maxLength: 512 }), fc.integer({ min: 0, max: 4_000_000_000 }), fc.nat(255), (secret, bytes, t, flip) => {
        const body = Buffer.from(bytes);
        const header = signCommHub(secret, body, t);
        expect(verifyCommHub(header, secret, body, at(t)).replayKey).toBe(header);
        if (body.length > 0) {
          const tampered = Buffer.from(body);
          tampered[flip % body.length] = (tampered[flip % body.length] ?? 0) ^ 0x01;
          expect(signatureFailureOf(() => verifyCommHub(header, secret, tampered, at(t)))).toBe('forged');
        }
      }),
      { numRuns: 300 },
    );
  });

  it('property: 500 random headers and bodies only ever raise SignatureError', () => {
    const header = fc.oneof(
      fc.constant(undefined),
      fc.string({ maxLength: 300 }),
      fc.tuple(fc.integer({ min: -5, max: 5_000_000_000 }), fc.array(fc.stringMatching(/^[0-9a-fA-Fxz]{0,70}$/), { maxLength: 4 })).map(
        ([t, sigs]) => [`t=${t}`, ...sigs.map((s) => `v1=${s}`)].join(','),
      ),
    );
    fc.assert(
      fc.property(header, fc.uint8Array({ maxLength: 256 }), fc.date({ noInvalidDate: true }), (value, bytes, now) => {
        try {
          verifyCommHub(value, SECRET, Buffer.from(bytes), now);
        } catch (error) {
          expect(error).toBeInstanceOf(SignatureError);
        }
      }),
      { numRuns: 500 },
    );
  });
});
