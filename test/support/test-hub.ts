import { randomBytes } from 'node:crypto';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startHub, type HubOptions, type RunningHub } from '../../embedded/hub.js';
import { DEMO_TENANTS_FILE, EMBEDDED_NAMES, type HubSettings } from '../../embedded/hub-settings.js';
import { signToken } from '../../embedded/jwt.js';
import { SCOPES } from '../../functions/http/routes.js';

export const ALL_SCOPES = Object.values(SCOPES).join(' ');

/** An embedded hub on a random loopback port; in memory unless a data dir is given. */
export function startTestHub(overrides: Partial<HubSettings> = {}, options: HubOptions = {}): Promise<RunningHub> {
  return startHub({
    dataDir: null,
    port: 0,
    smtpPort: 0,
    host: '127.0.0.1',
    jwtSecret: randomBytes(24).toString('hex'),
    tenantsFile: DEMO_TENANTS_FILE,
    // Tests run periodic runs themselves; a risk check firing mid-test would race them.
    schedules: false,
    ...EMBEDDED_NAMES,
    ...overrides,
  }, options);
}

export const tempDataDir = () => mkdtemp(join(tmpdir(), 'commhub-test-'));

export function tokenFor(hub: RunningHub, tenantId: string, scope = ALL_SCOPES, sub = 'tester'): string {
  return signToken({ sub, 'custom:tenant_id': tenantId, scope }, hub.settings.jwtSecret);
}

export interface ApiResult {
  readonly status: number;
  // Tests assert on shapes; `any` keeps those assertions readable.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  readonly body: any;
}

/** Calls the hub's HTTP API as an integrator would. `body` objects are sent as JSON. */
export async function callApi(
  hub: RunningHub,
  method: string,
  path: string,
  options: { token?: string; body?: unknown; rawBody?: string | Buffer; headers?: Record<string, string> } = {},
): Promise<ApiResult> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  let body: string | Buffer | undefined = options.rawBody;
  if (options.body !== undefined) {
    body = JSON.stringify(options.body);
    headers['content-type'] ??= 'application/json';
  }
  const response = await fetch(`${hub.url}${path}`, { method, headers, body });
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // Non-JSON bodies are returned as text; a test asserting JSON then fails visibly.
  }
  return { status: response.status, body: parsed };
}
