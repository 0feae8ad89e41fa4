import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RunningHub } from '../../embedded/hub.js';
import { DEMO_TENANTS_FILE } from '../../embedded/hub-settings.js';
import type { CommunicationRecord } from '../../functions/core/model/communication-record.js';
import { callApi, tokenFor } from '../support/test-hub.js';

export const TENANT = 'T001';
export const FIXTURES = join(import.meta.dirname, '../../../shared/fixtures');
export const fixtureText = (path: string) => readFile(join(FIXTURES, path), 'utf8');

/** Waits until the record's workflow has settled its analysis (and every execution has ended). */
export async function settledRecord(hub: RunningHub, recordId: string, timeoutMs = 20_000): Promise<CommunicationRecord> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const record = await hub.deps.records.getRecord(TENANT, recordId);
    if (record && record.analysis.status !== 'pending') {
      await hub.workflows.engine.idle();
      return (await hub.deps.records.getRecord(TENANT, recordId))!;
    }
    if (Date.now() > deadline) throw new Error(`record ${recordId} still pending after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

let sequence = 0;

/** Posts one canonical communication for customer C001 (created with an owner on first use). */
export async function postCommunication(hub: RunningHub, fields: Record<string, unknown>): Promise<string> {
  const token = tokenFor(hub, TENANT);
  const body = {
    sourceSystem: 'crm',
    sourceRecordId: `wf-${Date.now()}-${++sequence}`,
    type: 'wechat',
    occurredAt: '2024-06-17T10:00:00+08:00',
    customer: { id: 'C001' },
    ...fields,
  };
  const response = await callApi(hub, 'POST', '/v1/communications', { token, body });
  if (response.status !== 201) throw new Error(`POST /v1/communications → ${response.status} ${JSON.stringify(response.body)}`);
  return response.body.recordId as string;
}

export async function putCustomerWithOwner(hub: RunningHub): Promise<void> {
  const response = await callApi(hub, 'PUT', '/v1/customers/C001', {
    token: tokenFor(hub, TENANT),
    body: { name: '宁波奥克斯', domains: ['aux-ningbo.com'], owner: 'li.wei@demo-materials.cn' },
  });
  if (response.status >= 300) throw new Error(`PUT customer → ${response.status}`);
}

/** Uploads bytes through `POST /v1/uploads` and the presigned PUT, as the sales app does. */
export async function uploadRecording(hub: RunningHub, bytes: Buffer, fileName: string, contentType: string): Promise<string> {
  const created = await callApi(hub, 'POST', '/v1/uploads', { token: tokenFor(hub, TENANT), body: { fileName, contentType, purpose: 'recording' } });
  if (created.status !== 201) throw new Error(`POST /v1/uploads → ${created.status} ${JSON.stringify(created.body)}`);
  const put = await fetch(created.body.uploadUrl as string, { method: 'PUT', body: bytes, headers: { 'content-type': contentType } });
  if (!put.ok) throw new Error(`upload PUT → ${put.status}`);
  return created.body.storageKey as string;
}

/** A tenants file: the demo one with T001's settings changed (e.g. `{ modelPolicy: 'always' }`). */
export async function demoTenantsWith(changes: Record<string, unknown>): Promise<string> {
  const document = JSON.parse(await readFile(DEMO_TENANTS_FILE, 'utf8')) as { tenants: Record<string, Record<string, unknown>> };
  document.tenants[TENANT] = { ...document.tenants[TENANT], ...changes };
  const file = join(await mkdtemp(join(tmpdir(), 'commhub-tenants-')), 'tenants.json');
  await writeFile(file, JSON.stringify(document));
  return file;
}
