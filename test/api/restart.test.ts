import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { DeleteCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { EMBEDDED_NAMES } from '../../embedded/hub-settings.js';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../../embedded/local-servers.js';
import { createDocumentClient } from '../../functions/adapters/dynamodb/document-client.js';
import { keys } from '../../functions/adapters/dynamodb/keys.js';
import { afterAll, describe, expect, it } from 'vitest';
import { canonicalInput } from '../support/records.js';
import { callApi, startTestHub, tempDataDir, tokenFor } from '../support/test-hub.js';

describe('embedded hub data survives a restart', () => {
  let dataDir: string | undefined;
  afterAll(async () => {
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it('keeps records, customers, raw archives, cursors and tokens across a stop and start', async () => {
    // Prepare: a hub on disk with a customer and three records
    dataDir = await tempDataDir();
    const settings = { dataDir, jwtSecret: 'restart-test-secret' };
    const first = await startTestHub(settings);
    const token = tokenFor(first, 'T001');
    await callApi(first, 'PUT', '/v1/customers/CUST-R', { token, body: { name: 'Restart Ltd', emails: ['buyer@restart.cn'] } });
    const ids: string[] = [];
    for (let n = 0; n < 3; n++) {
      const res = await callApi(first, 'POST', '/v1/communications', {
        token,
        body: canonicalInput({ sourceRecordId: `r-${n}`, occurredAt: `2024-06-1${n}T09:00:00+08:00`, customer: { email: 'buyer@restart.cn' } }),
      });
      ids.push(res.body.recordId);
    }
    const page = await callApi(first, 'GET', '/v1/customers/CUST-R/timeline?limit=2', { token });
    const rawKey = (await first.deps.records.getRecord('T001', ids[0] as string))?.rawArchiveKey as string;
    await first.close();

    // Act: start again on the same data dir
    const second = await startTestHub(settings);
    try {
      const record = await callApi(second, 'GET', `/v1/communications/${ids[0]}`, { token });
      const next = await callApi(second, 'GET', `/v1/customers/CUST-R/timeline?limit=2&cursor=${encodeURIComponent(page.body.nextCursor)}`, { token });
      const replay = await callApi(second, 'POST', '/v1/communications', {
        token,
        body: canonicalInput({ sourceRecordId: 'r-0', occurredAt: '2024-06-10T09:00:00+08:00', customer: { email: 'buyer@restart.cn' } }),
      });
      // Assess
      expect(record.status).toBe(200);
      expect(record.body.customerId).toBe('CUST-R');
      expect(next.body.items.map((r: { recordId: string }) => r.recordId)).toEqual([ids[0]]);
      expect(replay).toEqual({ status: 200, body: { recordId: ids[0], duplicate: true } });
      expect(await second.deps.blobs.getBytes(rawKey)).not.toBeNull();
    } finally {
      await second.close();
    }
  });
});

describe('a backing service that is down', () => {
  it('answers 503 with Retry-After (never a crash), and the same delivery succeeds once it is back', async () => {
    // Prepare: a hub whose DynamoDB-API server is stopped mid-life
    const dataDir = await tempDataDir();
    const hub = await startTestHub({ dataDir, jwtSecret: 'outage-secret' });
    const token = tokenFor(hub, 'T001');
    const body = canonicalInput({ sourceRecordId: 'outage-1', customer: { id: 'CUST-O' } });
    await hub.servers.close();
    try {
      // Act
      const response = await fetch(`${hub.url}/v1/communications`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      // Assess
      expect(response.status).toBe(503);
      expect(response.headers.get('retry-after')).toBe('2');
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe('SERVICE_UNAVAILABLE');
    } finally {
      await hub.close().catch(() => undefined);
    }
    const revived = await startTestHub({ dataDir, jwtSecret: 'outage-secret' });
    try {
      const retry = await callApi(revived, 'POST', '/v1/communications', { token, body });
      expect(retry.status).toBe(201);
    } finally {
      await revived.close();
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});

describe('a data dir from before the customer directory', () => {
  it('lists and finds the customers stored before it once the hub starts on it again', async () => {
    // Prepare: a profile without directory entries (no search terms, no name-listing keys), as an older version stored it
    const dataDir = await tempDataDir();
    const settings = { dataDir, jwtSecret: 'directory-upgrade-secret' };
    const first = await startTestHub(settings);
    const token = tokenFor(first, 'T001');
    await callApi(first, 'PUT', '/v1/customers/CUST-OLD', { token, body: { name: '宁波奥克斯', domains: ['auxgroup.com'] } });
    const client = createDocumentClient({ region: LOCAL_REGION, endpoint: first.servers.dynamodbEndpoint, credentials: LOCAL_CREDENTIALS });
    const profile = keys.customer('T001', 'CUST-OLD');
    const items = await client.send(new QueryCommand({ TableName: EMBEDDED_NAMES.tableName, KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': profile.PK } }));
    for (const item of items.Items ?? []) {
      if (item.SK !== 'PROFILE') await client.send(new DeleteCommand({ TableName: EMBEDDED_NAMES.tableName, Key: { PK: item.PK, SK: item.SK } }));
    }
    await client.send(new UpdateCommand({ TableName: EMBEDDED_NAMES.tableName, Key: profile, UpdateExpression: 'REMOVE GSI1PK, GSI1SK' }));
    expect((await callApi(first, 'GET', '/v1/customers?q=奥克斯', { token })).body.items).toEqual([]);
    await first.close();
    await rm(join(dataDir, 'customer-directory.v1'));

    // Act
    const upgraded = await startTestHub(settings);
    try {
      const found = await callApi(upgraded, 'GET', '/v1/customers?q=奥克斯', { token });
      const listed = await callApi(upgraded, 'GET', '/v1/customers', { token });
      // Assess
      expect(found.body.items.map((c: { customerId: string }) => c.customerId)).toEqual(['CUST-OLD']);
      expect(listed.body.items.map((c: { customerId: string }) => c.customerId)).toEqual(['CUST-OLD']);
    } finally {
      await upgraded.close();
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
