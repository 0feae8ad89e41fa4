import { TenantSettingsDocument, type TenantSettings } from '../../core/model/tenant-settings.js';
import type { TenantDirectory } from '../../core/ports/tenant-directory.js';

/** Raised when a settings document is unreadable or invalid; names where the problem is. */
export class TenantSettingsError extends Error {
  override readonly name = 'TenantSettingsError';
}

/** Parses a settings document, with an error naming the file (or secret) and the field at fault. */
export function parseTenantDocument(text: string, source: string): TenantSettingsDocument {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new TenantSettingsError(`${source} is not valid JSON: ${(error as Error).message}`);
  }
  const result = TenantSettingsDocument.safeParse(json);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
    throw new TenantSettingsError(`${source} is not a valid tenants document: ${problems}`);
  }
  return result.data;
}

/**
 * A tenant directory over a settings document loaded by `load` (a file in embedded mode, a
 * Secrets Manager secret on AWS), re-read at most every `ttlMs` so rotated secrets take effect.
 */
export class TenantDocumentDirectory implements TenantDirectory {
  #cached: { at: number; document: Promise<TenantSettingsDocument> } | undefined;

  constructor(
    private readonly load: () => Promise<TenantSettingsDocument>,
    private readonly ttlMs = 5 * 60_000,
    private readonly now = () => Date.now(),
  ) {}

  async getTenant(tenantId: string): Promise<TenantSettings | null> {
    const document = await this.document();
    return Object.hasOwn(document.tenants, tenantId) ? (document.tenants[tenantId] ?? null) : null;
  }

  findTenantByInboundAddress(address: string): Promise<{ tenantId: string; settings: TenantSettings } | null> {
    const wanted = address.trim().toLowerCase();
    return this.findTenant((settings) => settings.inboundAddresses.includes(wanted));
  }

  findTenantByConnectInstance(instanceArn: string): Promise<{ tenantId: string; settings: TenantSettings } | null> {
    return this.findTenant((settings) => settings.webhooks.connect?.instanceArns?.includes(instanceArn) ?? false);
  }

  findTenantByMachineClient(clientId: string): Promise<{ tenantId: string; settings: TenantSettings } | null> {
    return this.findTenant((settings) => settings.machineClientIds.includes(clientId));
  }

  async listTenants(): Promise<{ tenantId: string; settings: TenantSettings }[]> {
    return Object.entries((await this.document()).tenants).map(([tenantId, settings]) => ({ tenantId, settings }));
  }

  private async findTenant(matches: (settings: TenantSettings) => boolean): Promise<{ tenantId: string; settings: TenantSettings } | null> {
    for (const [tenantId, settings] of Object.entries((await this.document()).tenants)) {
      if (matches(settings)) return { tenantId, settings };
    }
    return null;
  }

  private document(): Promise<TenantSettingsDocument> {
    if (!this.#cached || this.now() - this.#cached.at > this.ttlMs) {
      const document = this.load();
      this.#cached = { at: this.now(), document };
      // A failed load is not kept: the next request tries again.
      document.catch(() => {
        if (this.#cached?.document === document) this.#cached = undefined;
      });
    }
    return this.#cached.document;
  }
}
