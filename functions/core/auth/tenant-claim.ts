import type { TenantDirectory } from '../ports/tenant-directory.js';

/** The claim every API token carries its tenant in (Cognito access tokens on AWS, HS256 tokens embedded). */
export const TENANT_CLAIM = 'custom:tenant_id';

/** Who a token is being issued to, as the token issuer tells it. */
export type TokenSubject =
  /** A person signing in: the tenant is the user's immutable `custom:tenant_id` attribute, set by an administrator. */
  | { readonly kind: 'user'; readonly tenantAttribute: string | undefined }
  /** A machine client (client credentials): the tenant is the one whose settings list the client id. */
  | { readonly kind: 'machine'; readonly clientId: string };

/** No token may be issued: the subject belongs to no tenant (the issuer then refuses the sign-in). */
export class TenantClaimError extends Error {
  override readonly name = 'TenantClaimError';
}

/**
 * The tenant a token being issued must carry — the tenant of an API call comes from its token only,
 * so a token without one must not exist. A user's comes from the user's attribute; a machine
 * client's from the tenant settings (`machineClientIds`), never from anything the caller sends.
 *
 * @example
 * const tenantId = await tenantForToken(deps.tenants, { kind: 'machine', clientId: '4k2…' });
 */
export async function tenantForToken(tenants: TenantDirectory, subject: TokenSubject): Promise<string> {
  if (subject.kind === 'user') {
    const tenantId = subject.tenantAttribute?.trim();
    if (!tenantId) throw new TenantClaimError(`the user has no ${TENANT_CLAIM} attribute: an administrator sets it when creating the user`);
    if ((await tenants.getTenant(tenantId)) === null) throw new TenantClaimError(`the user's tenant ${tenantId} is not in the tenant settings`);
    return tenantId;
  }
  const owner = await tenants.findTenantByMachineClient(subject.clientId);
  if (owner === null) throw new TenantClaimError(`machine client ${subject.clientId} is not listed in any tenant's machineClientIds`);
  return owner.tenantId;
}
