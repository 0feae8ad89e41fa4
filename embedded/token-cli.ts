import './quiet-sdk-warning.js';
import { parseArgs } from 'node:util';
import { SCOPES } from '../functions/http/routes.js';
import { hubSettingsFromEnv } from './hub-settings.js';
import { signToken } from './jwt.js';

/**
 * `npm run token -- --tenant T001 --scope "commhub/read commhub/ingest" [--sub alice] [--ttl 3600]`
 * prints an HS256 token the embedded hub accepts (signed with COMMHUB_JWT_SECRET or the data dir's secret).
 */
const { values } = parseArgs({
  options: {
    tenant: { type: 'string', default: 'T001' },
    scope: { type: 'string', default: Object.values(SCOPES).join(' ') },
    sub: { type: 'string', default: 'dev-user' },
    ttl: { type: 'string', default: '43200' },
  },
});
const known = new Set<string>(Object.values(SCOPES));
const scopes = (values.scope ?? '').split(/\s+/).filter(Boolean);
const unknown = scopes.filter((scope) => !known.has(scope));
const ttl = Number(values.ttl);
if (unknown.length > 0 || !/^[A-Za-z0-9_-]{1,64}$/.test(values.tenant ?? '') || !Number.isInteger(ttl) || ttl <= 0) {
  process.stderr.write(
    `usage: npm run token -- --tenant <id> --scope "<scopes>" [--sub <subject>] [--ttl <seconds>]\n` +
      (unknown.length > 0 ? `unknown scope(s): ${unknown.join(', ')}; known: ${[...known].join(', ')}\n` : '') +
      (!Number.isInteger(ttl) || ttl <= 0 ? `--ttl must be a positive number of seconds\n` : ''),
  );
  process.exit(2);
}
const settings = await hubSettingsFromEnv();
process.stdout.write(`${signToken({ sub: values.sub ?? 'dev-user', 'custom:tenant_id': values.tenant as string, scope: scopes.join(' ') }, settings.jwtSecret, ttl)}\n`);
