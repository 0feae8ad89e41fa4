import type { PreTokenGenerationV3TriggerEvent } from 'aws-lambda';
import { TENANT_CLAIM, tenantForToken, type TokenSubject } from '../core/auth/tenant-claim.js';
import type { HubDependencies } from '../core/dependencies.js';
import { logger } from '../http/logger.js';
import { onAws } from '../wiring/lambda-entry.js';

/** Cognito's trigger source for the client-credentials grant (the V3_0 event's M2M case). */
const CLIENT_CREDENTIALS = 'TokenGeneration_ClientCredentials';

/** What the trigger reads of the V3_0 event (the rest passes through untouched). */
function subjectOf(event: PreTokenGenerationV3TriggerEvent): TokenSubject {
  if (event.triggerSource === CLIENT_CREDENTIALS) return { kind: 'machine', clientId: event.callerContext.clientId };
  return { kind: 'user', tenantAttribute: event.request.userAttributes?.[TENANT_CLAIM] };
}

/**
 * Cognito's pre-token-generation trigger (V3_0: people and machine clients): writes the tenant into
 * every access token as `custom:tenant_id` — the claim the API's routes read. Throwing refuses the
 * token, so a user without a tenant or a machine client no tenant lists gets no token at all.
 */
export const build = (deps: Pick<HubDependencies, 'tenants'>) => async (event: PreTokenGenerationV3TriggerEvent): Promise<PreTokenGenerationV3TriggerEvent> => {
  const subject = subjectOf(event);
  try {
    const tenantId = await tenantForToken(deps.tenants, subject);
    event.response = {
      claimsAndScopeOverrideDetails: {
        ...event.response?.claimsAndScopeOverrideDetails,
        accessTokenGeneration: {
          ...event.response?.claimsAndScopeOverrideDetails?.accessTokenGeneration,
          claimsToAddOrOverride: { ...event.response?.claimsAndScopeOverrideDetails?.accessTokenGeneration?.claimsToAddOrOverride, [TENANT_CLAIM]: tenantId },
        },
      },
    };
    return event;
  } catch (error) {
    // Ids only: the client id or the pool's user name, never attributes.
    logger.warn('token refused: no tenant', { trigger: event.triggerSource, clientId: event.callerContext.clientId, reason: (error as Error).message });
    throw error;
  }
};

export const handler = onAws(build);
