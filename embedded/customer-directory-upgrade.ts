import { access, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { HubDependencies } from '../functions/core/dependencies.js';
import { indexUnlistedCustomers } from '../functions/core/use-cases/reindex-customer-directory.js';
import { logger } from '../functions/http/logger.js';

/** Written once the data dir's customer profiles all have directory entries (name listing, search terms). */
const MARKER = 'customer-directory.v1';

/**
 * Data dirs from before the customer directory (`GET /v1/customers`) hold profiles that are neither
 * listed nor found by search until re-`PUT`: on the first start of this version, index every
 * tenant's customers once (idempotent, so an interrupted run simply runs again next start).
 */
export async function upgradeCustomerDirectory(deps: HubDependencies, dataDir: string): Promise<void> {
  const marker = join(dataDir, MARKER);
  if (await access(marker).then(() => true, () => false)) return;
  let indexed = 0;
  for (const { tenantId } of await deps.tenants.listTenants()) indexed += await indexUnlistedCustomers(deps, tenantId);
  if (indexed > 0) logger.info('indexed customers stored before the customer directory', { count: indexed });
  await writeFile(marker, `${new Date().toISOString()}\n`);
}
