import type { PreTokenGenerationV3TriggerEvent } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { parseTenantDocument, TenantDocumentDirectory } from '../../functions/adapters/tenants/tenant-document-directory.js';
import { TenantClaimError } from '../../functions/core/auth/tenant-claim.js';
import { build } from '../../functions/events/pre-token-generation.js';

const SETTINGS = {
  tenants: {
    T001: { name: 'Tenant one', machineClientIds: ['client-of-t001'] },
    T002: { name: 'Tenant two', machineClientIds: ['client-of-t002', 'second-client-of-t002'] },
  },
};

const trigger = () => build({ tenants: new TenantDocumentDirectory(async () => parseTenantDocument(JSON.stringify(SETTINGS), 'test settings')) });

/** A V3_0 event as Cognito sends it (shape from the Cognito developer guide, pre token generation). */
function eventOf(triggerSource: string, options: { clientId: string; userAttributes?: Record<string, string> }): PreTokenGenerationV3TriggerEvent {
  return {
    version: '3',
    triggerSource,
    region: 'ap-southeast-1',
    userPoolId: 'ap-southeast-1_EXAMPLE',
    userName: triggerSource === 'TokenGeneration_ClientCredentials' ? undefined : 'staff-7c1e',
    callerContext: { awsSdkVersion: 'aws-sdk-unknown-unknown', clientId: options.clientId },
    request: {
      userAttributes: options.userAttributes ?? {},
      groupConfiguration: { groupsToOverride: [], iamRolesToOverride: [] },
      scopes: ['commhub/read'],
    },
    response: { claimsAndScopeOverrideDetails: null },
  } as unknown as PreTokenGenerationV3TriggerEvent;
}

const accessClaims = (event: PreTokenGenerationV3TriggerEvent) => event.response.claimsAndScopeOverrideDetails?.accessTokenGeneration?.claimsToAddOrOverride;

describe('pre-token-generation trigger (tenant claim)', () => {
  it('gives a machine client the tenant whose settings list it', async () => {
    // Prepare
    const event = eventOf('TokenGeneration_ClientCredentials', { clientId: 'second-client-of-t002' });

    // Act
    const result = await trigger()(event);

    // Assess
    expect(accessClaims(result)).toEqual({ 'custom:tenant_id': 'T002' });
  });

  it('refuses a token to a machine client no tenant lists', async () => {
    // Prepare
    const event = eventOf('TokenGeneration_ClientCredentials', { clientId: 'unlisted-client' });

    // Act
    const issued = trigger()(event);

    // Assess
    await expect(issued).rejects.toBeInstanceOf(TenantClaimError);
    await expect(issued).rejects.toThrow('machine client unlisted-client is not listed');
  });

  it.each(['TokenGeneration_HostedAuth', 'TokenGeneration_Authentication', 'TokenGeneration_RefreshTokens'])(
    'copies a person’s tenant attribute into the access token (%s)',
    async (triggerSource) => {
      // Prepare
      const event = eventOf(triggerSource, { clientId: 'people-client', userAttributes: { sub: 'u-1', 'custom:tenant_id': 'T001' } });

      // Act
      const result = await trigger()(event);

      // Assess
      expect(accessClaims(result)).toEqual({ 'custom:tenant_id': 'T001' });
    },
  );

  it('takes a person’s tenant from the attribute, not from the client they sign in through', async () => {
    // Prepare: T001's person signing in through a client T002 lists
    const event = eventOf('TokenGeneration_HostedAuth', { clientId: 'client-of-t002', userAttributes: { 'custom:tenant_id': 'T001' } });

    // Act
    const result = await trigger()(event);

    // Assess
    expect(accessClaims(result)).toEqual({ 'custom:tenant_id': 'T001' });
  });

  it.each([
    ['no tenant attribute', {}, 'has no custom:tenant_id attribute'],
    ['a tenant the settings do not know', { 'custom:tenant_id': 'T999' }, 'T999 is not in the tenant settings'],
  ])('refuses a person with %s', async (_case, userAttributes, message) => {
    // Prepare
    const event = eventOf('TokenGeneration_Authentication', { clientId: 'people-client', userAttributes });

    // Act
    const issued = trigger()(event);

    // Assess
    await expect(issued).rejects.toThrow(message);
  });

  it('keeps other claim overrides already in the response', async () => {
    // Prepare
    const event = eventOf('TokenGeneration_ClientCredentials', { clientId: 'client-of-t001' });
    event.response = { claimsAndScopeOverrideDetails: { accessTokenGeneration: { claimsToAddOrOverride: { region: 'cn' }, scopesToAdd: ['x/y'] } } };

    // Act
    const result = await trigger()(event);

    // Assess
    expect(result.response.claimsAndScopeOverrideDetails?.accessTokenGeneration).toEqual({ claimsToAddOrOverride: { region: 'cn', 'custom:tenant_id': 'T001' }, scopesToAdd: ['x/y'] });
  });

  it('refuses a settings document that gives one machine client to two tenants', () => {
    // Prepare
    const doubled = { tenants: { A: { name: 'A', machineClientIds: ['shared'] }, B: { name: 'B', machineClientIds: ['shared'] } } };

    // Act
    const parse = () => parseTenantDocument(JSON.stringify(doubled), 'doubled settings');

    // Assess
    expect(parse).toThrow(/client shared is already listed by tenant A/);
  });
});
