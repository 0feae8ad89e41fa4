import { describe, expect, it } from 'vitest';
import { CLOCK_SKEW_SECONDS, EMBEDDED_CLIENT_ID, EMBEDDED_ISSUER, signToken, type HubClaims, verifyToken } from '../../embedded/jwt.js';

/** The claim checks API Gateway's JWT authorizer makes, mirrored by the embedded gateway. */
describe('embedded token claims', () => {
  const NOW = Date.parse('2024-06-15T02:30:00Z');
  const SECONDS = NOW / 1000;
  const claims = (overrides: Partial<HubClaims> = {}): HubClaims => ({ sub: 'u1', 'custom:tenant_id': 'T001', scope: 'commhub/read', ...overrides });
  const verify = (overrides: Partial<HubClaims>, now = NOW) => () => verifyToken(signToken(claims(overrides), 'secret', 3600, NOW), 'secret', now);

  it('issues Cognito-shaped access tokens: iss, client_id (no aud), token_use access, iat and exp', () => {
    // Act
    const verified = verifyToken(signToken(claims(), 'secret', 3600, NOW), 'secret', NOW);

    // Assess
    expect(verified).toEqual({ ...claims(), iss: EMBEDDED_ISSUER, client_id: EMBEDDED_CLIENT_ID, token_use: 'access', iat: SECONDS, exp: SECONDS + 3600 });
    expect(verified.aud).toBeUndefined();
  });

  it('checks the issuer, and aud before client_id, as API Gateway does', () => {
    // Assess
    expect(verify({ iss: 'https://cognito-idp.ap-southeast-1.amazonaws.com/pool' })).toThrow(/issuer/);
    expect(verify({ client_id: 'another-client' })).toThrow(/audience/);
    expect(verify({ aud: 'another-client' })).toThrow(/audience/);
    expect(verify({ aud: EMBEDDED_CLIENT_ID, client_id: 'another-client' })).not.toThrow();
    expect(verify({ aud: ['x', EMBEDDED_CLIENT_ID] })).not.toThrow();
    expect(() => verifyToken(signToken(claims(), 'secret', 3600, NOW), 'secret', NOW, { issuer: 'https://issuer', audiences: ['c1'] })).toThrow(/issuer/);
    expect(() => verifyToken(signToken(claims({ iss: 'https://issuer', client_id: 'c1' }), 'secret', 3600, NOW), 'secret', NOW, { issuer: 'https://issuer', audiences: ['c1'] })).not.toThrow();
  });

  it('accepts access tokens only', () => {
    // Assess
    expect(verify({ token_use: 'id' })).toThrow(/access token/);
    expect(verify({ token_use: 'access' })).not.toThrow();
  });

  it(`requires exp and honours exp, nbf and iat within ${CLOCK_SKEW_SECONDS} s of skew`, () => {
    // Prepare
    const skew = CLOCK_SKEW_SECONDS * 1000;
    const expiry = NOW + 3600_000;

    // Assess
    expect(verify({ exp: undefined as never })).toThrow(/no exp/);
    expect(verify({}, expiry + skew - 1)).not.toThrow();
    expect(verify({}, expiry + skew)).toThrow(/expired/);
    expect(verify({ nbf: SECONDS + 60 })).toThrow(/nbf/);
    expect(verify({ nbf: SECONDS + CLOCK_SKEW_SECONDS })).not.toThrow();
    expect(verify({ iat: SECONDS + 60 })).toThrow(/iat/);
    expect(verify({ iat: SECONDS + CLOCK_SKEW_SECONDS })).not.toThrow();
  });
});
