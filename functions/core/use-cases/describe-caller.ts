import * as z from '../zod.js';
import type { HubDependencies } from '../dependencies.js';
import { DEFAULT_TENANT_ZONE } from '../model/follow-up-due.js';
import type { TenantSettings } from '../model/tenant-settings.js';

/** The console's languages: a BCP 47 tag per tenant report language. */
const CONSOLE_LANGUAGES = { zh: 'zh-CN', en: 'en' } as const satisfies Record<TenantSettings['language'], string>;

/** Who the caller is, as a client needs it to set itself up (`GET /v1/me`). */
export const CallerProfile = z.object({
  tenantId: z.string(),
  /** The `sub` of the token: what `assignee=me` and `updatedBy` stand for. */
  principal: z.string(),
  /** The CommHub scopes the token carries (`commhub/read`, `commhub/ingest`, `commhub/admin`). */
  scopes: z.array(z.string()),
  /** The tenant's IANA time zone (days, due times and reports follow it). */
  timeZone: z.string(),
  /** The tenant's language (its reports' language) as a BCP 47 tag. */
  language: z.enum(['zh-CN', 'en']),
});
export type CallerProfile = z.infer<typeof CallerProfile>;

/**
 * The caller's tenant, identity and scopes with the tenant's time zone and language (from its
 * settings; Asia/Shanghai and zh-CN when the tenant has none). Reads nothing else.
 *
 * @example
 * await describeCaller(deps, { tenantId: 'T001', principal: 'li.wei', scopes: ['commhub/read'] });
 * // { tenantId: 'T001', principal: 'li.wei', scopes: ['commhub/read'], timeZone: 'Asia/Shanghai', language: 'zh-CN' }
 */
export async function describeCaller(deps: Pick<HubDependencies, 'tenants'>, caller: { tenantId: string; principal: string; scopes: readonly string[] }): Promise<CallerProfile> {
  const settings = await deps.tenants.getTenant(caller.tenantId);
  return {
    tenantId: caller.tenantId,
    principal: caller.principal,
    scopes: [...caller.scopes],
    timeZone: settings?.timezone ?? DEFAULT_TENANT_ZONE,
    language: CONSOLE_LANGUAGES[settings?.language ?? 'zh'],
  };
}
