import './quiet-sdk-warning.js';
import { parseArgs } from 'node:util';
import { SCOPES } from '../functions/http/routes.js';
import { seedDemoJourney } from './demo-journey.js';
import { hubSettingsFromEnv } from './hub-settings.js';
import { signToken } from './jwt.js';

/**
 * `npm run demo [-- --tenant T001]`: fills the hub `npm start` runs (same COMMHUB_* settings) with the
 * seed document's example journey, so the web console and the API have something to show.
 */
const { values } = parseArgs({ options: { tenant: { type: 'string', default: 'T001' }, 'no-report': { type: 'boolean', default: false } } });
const settings = await hubSettingsFromEnv();
const tenantId = values.tenant ?? 'T001';
const apiUrl = `http://${settings.host === '0.0.0.0' ? '127.0.0.1' : settings.host}:${settings.port}`;
const health = await fetch(`${apiUrl}/v1/health`).catch(() => null);
if (!health?.ok) {
  process.stderr.write(`No hub answers at ${apiUrl}: start it first with \`npm start\` (same COMMHUB_* settings), then run \`npm run demo\` again.\n`);
  process.exit(1);
}
const token = signToken({ sub: 'demo-seeder', 'custom:tenant_id': tenantId, scope: Object.values(SCOPES).join(' ') }, settings.jwtSecret, 600);
const seed = await seedDemoJourney({ apiUrl, smtpHost: settings.host === '0.0.0.0' ? '127.0.0.1' : settings.host, smtpPort: settings.smtpPort, token, tenantId, tenantsFile: settings.tenantsFile, runReport: !values['no-report'] });
process.stdout.write(
  [
    `Seeded tenant ${tenantId}: ${seed.recordIds.length} records for ${seed.customerId} (宁波奥克斯), ${seed.unmatchedRecordIds.length} in the unmatched inbox${seed.reportId ? `, customer report ${seed.reportId}` : ''}.`,
    `  console:  ${apiUrl}/customers/${seed.customerId} (sign in with the console link npm start printed)`,
    `  timeline: curl -s "${apiUrl}/v1/customers/${seed.customerId}/timeline" -H "Authorization: Bearer $TOKEN"`,
    '',
  ].join('\n'),
);
