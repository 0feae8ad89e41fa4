import './quiet-sdk-warning.js';
import { parseArgs } from 'node:util';
import { SCOPES } from '../functions/http/routes.js';
import { hubSettingsFromEnv } from './hub-settings.js';
import { signToken } from './jwt.js';

/**
 * `npm run report -- --type daily|weekly|monthly|customer [--customer C001] [--period-start 2026-11-16]
 * [--tenant T001] [--url http://127.0.0.1:3000] [--token <JWT>] [--no-wait]`
 *
 * Runs one report now through `POST /v1/reports` — the running embedded hub by default (a token is
 * signed with its secret), or a deployed API with `--url` and a Cognito `--token` — then waits until
 * it is ready and prints its Markdown (the email goes to the tenant's report recipients: the outbox
 * in embedded mode).
 */
const { values } = parseArgs({
  options: {
    type: { type: 'string' },
    customer: { type: 'string' },
    'period-start': { type: 'string' },
    tenant: { type: 'string', default: 'T001' },
    url: { type: 'string' },
    token: { type: 'string' },
    'no-wait': { type: 'boolean', default: false },
    'timeout-seconds': { type: 'string', default: '300' },
  },
});
if (!values.type) {
  process.stderr.write('usage: npm run report -- --type daily|weekly|monthly|customer [--customer C001] [--period-start yyyy-mm-dd] [--tenant T001] [--url URL] [--token JWT] [--no-wait]\n');
  process.exit(2);
}
const settings = await hubSettingsFromEnv();
const base = (values.url ?? `http://${settings.host}:${settings.port}`).replace(/\/$/, '');
const token = values.token ?? process.env.COMMHUB_TOKEN ?? signToken({ sub: 'report-cli', 'custom:tenant_id': values.tenant!, scope: SCOPES.read }, settings.jwtSecret, 600);
const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };

const call = async (method: string, path: string, body?: unknown) => {
  const response = await fetch(`${base}${path}`, { method, headers, ...(body === undefined ? {} : { body: JSON.stringify(body) }) }).catch((error: Error) => {
    process.stderr.write(`cannot reach ${base}: ${error.message} (is the hub running? npm start)\n`);
    process.exit(1);
  });
  return { status: response.status, body: (await response.json().catch(() => ({}))) as Record<string, unknown> };
};

const requested = await call('POST', '/v1/reports', {
  type: values.type,
  ...(values.customer ? { customerId: values.customer } : {}),
  ...(values['period-start'] ? { periodStart: values['period-start'] } : {}),
});
if (requested.status !== 202) {
  process.stderr.write(`${requested.status} ${JSON.stringify(requested.body)}\n`);
  process.exit(1);
}
const reportId = requested.body.reportId as string;
process.stdout.write(`report ${reportId} requested (${JSON.stringify(requested.body.period)})\n`);
if (values['no-wait']) process.exit(0);

const deadline = Date.now() + Number(values['timeout-seconds']) * 1000;
for (;;) {
  const got = await call('GET', `/v1/reports/${encodeURIComponent(reportId)}`);
  const status = got.body.status;
  if (status === 'ready') {
    process.stdout.write(`${String(got.body.markdown ?? '')}\n`);
    process.stdout.write(`\nready: ${JSON.stringify(got.body.summary)}; emailed to ${JSON.stringify(got.body.emailedTo ?? [])}\n`);
    process.exit(0);
  }
  if (status === 'failed' || got.status !== 200) {
    process.stderr.write(`report ${reportId}: ${got.status} ${JSON.stringify(got.body)}\n`);
    process.exit(1);
  }
  if (Date.now() > deadline) {
    process.stderr.write(`report ${reportId} still ${String(status)} after ${values['timeout-seconds']} s\n`);
    process.exit(1);
  }
  await new Promise((resolve) => setTimeout(resolve, 500));
}
