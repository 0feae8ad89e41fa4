import type { TenantSettings } from '../model/tenant-settings.js';

/** Looks up tenants' settings (cached by the adapters; settings change rarely). */
export interface TenantDirectory {
  /** `null` for an unknown tenant. */
  getTenant(tenantId: string): Promise<TenantSettings | null>;
  /** The tenant an inbound email address belongs to, or `null`. */
  findTenantByInboundAddress(address: string): Promise<{ tenantId: string; settings: TenantSettings } | null>;
  /** Every tenant with its settings (the scheduled runs: each tenant's reports in its own time zone). */
  listTenants(): Promise<{ tenantId: string; settings: TenantSettings }[]>;
  /** The tenant an Amazon Connect instance belongs to (`webhooks.connect.instanceArns`), or `null`. */
  findTenantByConnectInstance(instanceArn: string): Promise<{ tenantId: string; settings: TenantSettings } | null>;
  /** The tenant a Cognito machine client (client credentials) acts for (`machineClientIds`), or `null`. */
  findTenantByMachineClient(clientId: string): Promise<{ tenantId: string; settings: TenantSettings } | null>;
}
