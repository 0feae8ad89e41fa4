import './quiet-sdk-warning.js';
import { parseArgs } from 'node:util';
import { SCOPES } from '../functions/http/routes.js';
import { hubSettingsFromEnv } from './hub-settings.js';
import { signToken } from './jwt.js';

/**
 * `npm run replay -- --from 2024-06-01 --to 2024-06-30 [--select failed|unfinished|all] [--tenant T001]
 * [--replay-id fix-1] [--url http://127.0.0.1:3000] [--token <JWT>]`
 *
 * Re-runs the record workflow for a tenant's records of those days through `POST /v1/admin/replays`
 * — the embedded hub by default (a token is signed with its secret), or a deployed API with `--url`
 * and a Cognito `--token` (or `COMMHUB_TOKEN`) carrying `commhub/admin`. Re-running with the same
 * `--replay-id` starts nothing twice.
 */
const { values } = parseArgs({
  options: {
    from: { type: 'string' },
    to: { type: 'string' },
    select: { type: 'string', default: 'failed' },
    tenant: { type: 'string', default: 'T001' },
    'replay-id': { type: 'string' },
    url: { type: 'string' },
    token: { type: 'string' },
    limit: { type: 'string', default: '500' },
  },
});
if (!values.from || !values.to) {
  process.stderr.write('usage: npm run replay -- --from yyyy-mm-dd --to yyyy-mm-dd [--select failed|unfinished|all] [--tenant T001] [--replay-id id] [--url URL] [--token JWT]\n');
  process.exit(2);
}
const settings = await hubSettingsFromEnv();
const url = values.url ?? `http://${settings.host}:${settings.port}`;
const token =
  values.token ?? process.env.COMMHUB_TOKEN ?? signToken({ sub: 'replay-cli', 'custom:tenant_id': values.tenant!, scope: SCOPES.admin }, settings.jwtSecret, 600);
const body = { from: values.from, to: values.to, select: values.select, limit: Number(values.limit), ...(values['replay-id'] ? { replayId: values['replay-id'] } : {}) };
const response = await fetch(`${url.replace(/\/$/, '')}/v1/admin/replays`, {
  method: 'POST',
  headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
  body: JSON.stringify(body),
}).catch((error: Error) => {
  process.stderr.write(`cannot reach ${url}: ${error.message} (is the hub running? npm start)\n`);
  process.exit(1);
});
const text = await response.text();
process.stdout.write(`${response.status} ${text}\n`);
process.exit(response.ok ? 0 : 1);
