import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningHub } from '../../embedded/hub.js';
import { DEMO_TENANTS_FILE } from '../../embedded/hub-settings.js';
import type { HubDependencies } from '../../functions/core/dependencies.js';
import { RETENTION_PRINCIPAL, sweepRetention } from '../../functions/core/use-cases/sweep-retention.js';
import { build as buildRetentionSweep } from '../../functions/events/retention-sweep.js';
import { canonicalInput } from '../support/records.js';
import { callApi, startTestHub, tempDataDir, tokenFor } from '../support/test-hub.js';

/** T001 keeps records 30 days; T002 has no retentionDays (kept forever). */
async function tenantsFile(dir: string): Promise<string> {
  const demo = JSON.parse(await readFile(DEMO_TENANTS_FILE, 'utf8')) as { tenants: Record<string, Record<string, unknown>> };
  const file = join(dir, 'tenants.json');
  await writeFile(file, JSON.stringify({ tenants: { T001: { ...demo.tenants.T001, retentionDays: 30 }, T002: { name: 'keeps everything' } } }));
  return file;
}

describe('retention sweep (fixed clock, real local servers)', () => {
  let hub: RunningHub;
  let dir: string;
  let admin: string;
  const at = (iso: string): HubDependencies => Object.create(hub.deps, { clock: { value: { now: () => new Date(iso) } } });
  const inputOf = (sourceRecordId: string, occurredAt: string, customerId?: string) =>
    canonicalInput({ sourceRecordId, occurredAt, ...(customerId ? { customer: { id: customerId } } : {}), attachments: [{ fileName: 'n.txt', contentType: 'text/plain', contentBase64: Buffer.from(sourceRecordId).toString('base64') }] });
  const ingest = async (tenantId: string, sourceRecordId: string, occurredAt: string, customerId?: string) => {
    const result = await callApi(hub, 'POST', '/v1/communications', { token: tokenFor(hub, tenantId), body: inputOf(sourceRecordId, occurredAt, customerId) });
    expect(result.status, JSON.stringify(result.body)).toBe(201);
    return result.body.recordId as string;
  };
  const status = async (recordId: string, tenantId = 'T001') => (await callApi(hub, 'GET', `/v1/communications/${recordId}`, { token: tokenFor(hub, tenantId) })).status;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    dir = await tempDataDir();
    hub = await startTestHub({ tenantsFile: await tenantsFile(dir), workflows: false });
    admin = tokenFor(hub, 'T001');
    ids.december = await ingest('T001', 'dec', '2024-12-01T08:00:00+08:00', 'CUST-R');
    ids.justBefore = await ingest('T001', 'just-before', '2025-01-29T23:59:59Z', 'CUST-R');
    ids.atCutoff = await ingest('T001', 'at-cutoff', '2025-01-30T00:00:00Z', 'CUST-R');
    ids.recent = await ingest('T001', 'recent', '2025-02-20T10:00:00+08:00', 'CUST-R');
    ids.unmatched = await ingest('T001', 'stray', '2025-01-05T10:00:00+08:00');
    ids.otherTenant = await ingest('T002', 'other', '2024-12-01T08:00:00+08:00', 'CUST-X');
  });
  afterAll(async () => {
    await hub?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('deletes the records older than the tenant’s retentionDays and nothing else, with one audit entry', async () => {
    // Act: on 1 March, 30 days back is 30 January 00:00 UTC
    const sweeps = await sweepRetention(at('2025-03-01T00:00:00Z'));

    // Assess: the sweep's account
    expect(sweeps).toEqual([
      {
        tenantId: 'T001',
        retentionDays: 30,
        cutoff: '2025-01-30T00:00:00.000Z',
        recordIds: expect.arrayContaining([ids.december, ids.justBefore, ids.unmatched]),
        blobs: expect.any(Number),
        purgedBlobs: 0,
        complete: true,
        clearedBefore: '2025-01-30',
      },
    ]);
    expect(sweeps[0]!.recordIds).toHaveLength(3);
    expect(sweeps[0]!.blobs).toBe(6); // each record's raw payload and attachment
    // Assess: the records
    for (const id of [ids.december, ids.justBefore, ids.unmatched]) expect(await status(id!)).toBe(404);
    for (const id of [ids.atCutoff, ids.recent]) expect(await status(id!)).toBe(200);
    expect(await status(ids.otherTenant!, 'T002')).toBe(200);
    const inbox = await callApi(hub, 'GET', '/v1/unmatched', { token: admin });
    expect(inbox.body.items).toEqual([]);
    expect(await hub.deps.records.retentionState('T001')).toEqual({ clearedBefore: '2025-01-30', sweptAt: expect.any(Number) });
    // Assess: the audit log
    const audit = await callApi(hub, 'GET', '/v1/audit?action=retention-sweep', { token: admin });
    expect(audit.body.items).toHaveLength(1);
    expect(audit.body.items[0]).toMatchObject({
      actor: { principal: RETENTION_PRINCIPAL, scopes: [] },
      action: 'retention-sweep',
      outcome: 200,
      before: { records: 3, blobs: 6, retentionDays: 30, cutoff: '2025-01-30T00:00:00.000Z' },
      after: { clearedBefore: '2025-01-30', complete: true },
    });
    expect(audit.body.items[0].targets).toEqual(expect.arrayContaining([{ type: 'communication', id: ids.december }]));
    expect((await callApi(hub, 'GET', '/v1/audit?action=retention-sweep', { token: tokenFor(hub, 'T002') })).body.items).toEqual([]);
  });

  it('continues from its mark the next day, and refuses a redelivery of an expired record', async () => {
    // Act
    const [next] = await sweepRetention(at('2025-03-02T00:00:00Z'));
    const redelivered = await callApi(hub, 'POST', '/v1/communications', { token: admin, body: inputOf('dec', '2024-12-01T08:00:00+08:00', 'CUST-R') });

    // Assess
    expect(next).toMatchObject({ recordIds: [ids.atCutoff], clearedBefore: '2025-01-31', complete: true });
    expect(await status(ids.atCutoff!)).toBe(404);
    expect(await status(ids.recent!)).toBe(200);
    expect(redelivered).toEqual({ status: 200, body: { recordId: ids.december, duplicate: true } });
    expect(await status(ids.december!)).toBe(404);
    expect(await hub.deps.blobReferences.queuedPurges('T001', 10)).toEqual([ids.december]);
    const [purging] = await sweepRetention(at('2025-03-03T00:00:00Z'));
    expect(purging).toMatchObject({ recordIds: [], purgedBlobs: 2 }); // the raw payload and the attachment it stored again
    expect(await hub.deps.blobReferences.queuedPurges('T001', 10)).toEqual([]);
  });

  it('finds a backfill of old data stored after the last sweep on a day it had already cleared', async () => {
    // Prepare: an import of last autumn's mail, after the sweeps above
    const backfilled = await ingest('T001', 'import-2024-10', '2024-10-05T09:00:00+08:00', 'CUST-R');

    // Act
    const [sweep] = await sweepRetention(at('2025-03-04T00:00:00Z'));

    // Assess
    expect(sweep).toMatchObject({ recordIds: [backfilled], complete: true, clearedBefore: '2025-02-02' });
    expect(await status(backfilled)).toBe(404);
    expect(await status(ids.recent!)).toBe(200);
  });
});

describe('retention schedule in embedded mode', () => {
  it('arms the daily sweep at 03:00 UTC beside the report schedules, and not when schedules are off', async () => {
    // Prepare
    const on = await startTestHub({ schedules: true, workflows: false });
    const off = await startTestHub({ schedules: false, workflows: false });
    try {
      // Act
      const upcoming = on.retentionScheduler!.upcoming();

      // Assess
      expect(upcoming).toEqual([{ name: 'retention-sweep', timeZone: 'Etc/UTC', at: expect.any(Date) }]);
      expect(upcoming[0]!.at.toISOString()).toMatch(/T03:00:00\.000Z$/);
      expect(upcoming[0]!.at.getTime() - Date.now()).toBeLessThanOrEqual(86_400_000);
      expect(on.scheduler!.upcoming().map((s) => s.name)).not.toContain('retention-sweep');
      expect(off.retentionScheduler).toBeNull();
      // The function the AWS schedule invokes: the demo tenant keeps 3 years, so nothing is due yet.
      expect(await buildRetentionSweep(on.deps)()).toEqual({ tenants: 1, records: 0, complete: true });
    } finally {
      await Promise.all([on.close(), off.close()]);
    }
  });
});
