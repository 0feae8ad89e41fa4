import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningHub } from '../../embedded/hub.js';
import { signToken } from '../../embedded/jwt.js';
import { callApi, startTestHub, tokenFor } from '../support/test-hub.js';

/** Two tenants: one in Shanghai writing Chinese (the defaults), one in Berlin writing English. */
const TENANTS = {
  tenants: {
    T001: { name: '示例新材料', timezone: 'Asia/Shanghai' },
    T_EN: { name: 'Demo GmbH', timezone: 'Europe/Berlin', language: 'en' },
  },
};

describe('GET /v1/me: who the caller is, for the console (embedded hub)', () => {
  let hub: RunningHub;

  beforeAll(async () => {
    const file = join(await mkdtemp(join(tmpdir(), 'commhub-me-')), 'tenants.json');
    await writeFile(file, JSON.stringify(TENANTS));
    hub = await startTestHub({ workflows: false, tenantsFile: file });
  });
  afterAll(() => hub?.close());

  it("answers the token's tenant, subject and CommHub scopes with the tenant's zone and language", async () => {
    // Act
    const reader = await callApi(hub, 'GET', '/v1/me', { token: tokenFor(hub, 'T001', 'commhub/read', 'li.wei') });
    const english = await callApi(hub, 'GET', '/v1/me', { token: tokenFor(hub, 'T_EN', 'commhub/read commhub/admin', 'anna') });

    // Assess
    expect(reader).toEqual({ status: 200, body: { tenantId: 'T001', principal: 'li.wei', scopes: ['commhub/read'], timeZone: 'Asia/Shanghai', language: 'zh-CN' } });
    expect(english.body).toEqual({ tenantId: 'T_EN', principal: 'anna', scopes: ['commhub/read', 'commhub/admin'], timeZone: 'Europe/Berlin', language: 'en' });
  });

  it('falls back to Asia/Shanghai and zh-CN for a tenant without settings, and lists only CommHub scopes', async () => {
    // Prepare
    const token = signToken({ sub: 'machine-1', 'custom:tenant_id': 'T-NONE', scope: 'openid commhub/read profile' }, hub.settings.jwtSecret);

    // Act
    const result = await callApi(hub, 'GET', '/v1/me', { token });

    // Assess
    expect(result.body).toEqual({ tenantId: 'T-NONE', principal: 'machine-1', scopes: ['commhub/read'], timeZone: 'Asia/Shanghai', language: 'zh-CN' });
  });

  it('refuses a token without a CommHub read or admin scope', async () => {
    // Act
    const result = await callApi(hub, 'GET', '/v1/me', { token: tokenFor(hub, 'T001', 'commhub/ingest') });

    // Assess
    expect(result.status).toBe(403);
  });
});
