import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningHub } from '../../embedded/hub.js';
import type { HubDependencies } from '../../functions/core/dependencies.js';
import { deleteCustomer } from '../../functions/core/use-cases/delete-customer.js';
import { customerErasureView } from '../../functions/http/erasure-views.js';
import { bucketContents, objectsMentioning } from '../support/bucket-contents.js';
import { canonicalInput } from '../support/records.js';
import { callApi, startTestHub, tokenFor } from '../support/test-hub.js';

const TENANT = 'T001';

describe('deleting a customer in more than one go', () => {
  let hub: RunningHub;
  let admin: string;

  /** A customer with `count` records (each with its own attachment); returns the record ids. */
  async function seed(customerId: string, count: number): Promise<string[]> {
    expect((await callApi(hub, 'PUT', `/v1/customers/${customerId}`, { token: admin, body: { name: `客户 ${customerId}`, domains: [`${customerId.toLowerCase()}.example.cn`] } })).status).toBe(201);
    const ids: string[] = [];
    for (let i = 0; i < count; i++) {
      const attachment = { fileName: 'a.txt', contentType: 'text/plain', contentBase64: Buffer.from(`attachment ${customerId} ${i}`).toString('base64') };
      const input = canonicalInput({ sourceRecordId: `${customerId}-${i}`, occurredAt: `2024-06-${String(10 + i).padStart(2, '0')}T10:00:00+08:00`, customer: { id: customerId }, attachments: [attachment] });
      ids.push((await callApi(hub, 'POST', '/v1/communications', { token: admin, body: input })).body.recordId as string);
    }
    return ids;
  }

  beforeAll(async () => {
    // Stores only: no record workflows competing for the local servers.
    hub = await startTestHub({ workflows: false });
    admin = tokenFor(hub, TENANT);
  });
  afterAll(() => hub?.close());

  it('stops cleanly when its time budget is spent (202 in_progress), and the next call resumes', async () => {
    // Prepare
    const ids = await seed('CUST-BUDGET', 3);

    // Act
    const spent = await deleteCustomer(hub.deps, { tenantId: TENANT, customerId: 'CUST-BUDGET' }, { deadline: Date.now() - 1 });
    const view = customerErasureView(spent);
    const resumed = await callApi(hub, 'DELETE', '/v1/customers/CUST-BUDGET', { token: admin });

    // Assess: nothing done past the deadline, said so; the repeated call finishes
    expect(spent).toMatchObject({ complete: false, recordIds: [], profile: false });
    expect(view.body).toMatchObject({ status: 'in_progress', message: expect.stringContaining('repeat DELETE') });
    expect(view.audit.after).toEqual({ status: 'in_progress' });
    expect(resumed.status).toBe(200);
    expect(resumed.body.removed.records).toBe(3);
    expect([...resumed.body.removed.recordIds].sort()).toEqual([...ids].sort());
    expect((await callApi(hub, 'GET', '/v1/customers/CUST-BUDGET', { token: admin })).status).toBe(404);
  });

  it('finishes a deletion that failed halfway when the DELETE is repeated', async () => {
    // Prepare: the blob store fails on the fourth delete, after the first record's blobs are gone
    const ids = await seed('CUST-CRASH', 4);
    let deletes = 0;
    const failing = Object.create(hub.deps.blobs, {
      deleteBlob: { value: (key: string) => (++deletes === 4 ? Promise.reject(new Error('S3 went away')) : hub.deps.blobs.deleteBlob(key)) },
    });
    const flaky: HubDependencies = Object.create(hub.deps, { blobs: { value: failing } });

    // Act
    const failed = await deleteCustomer(flaky, { tenantId: TENANT, customerId: 'CUST-CRASH' }).catch((error: Error) => error);
    const halfway = await callApi(hub, 'GET', '/v1/customers/CUST-CRASH/timeline', { token: admin });
    const retried = await callApi(hub, 'DELETE', '/v1/customers/CUST-CRASH', { token: admin });

    // Assess: the failure left the customer findable (profile last), the retry removed the rest
    expect(failed).toBeInstanceOf(Error);
    expect(halfway.status).toBe(200);
    expect(halfway.body.items.length).toBeGreaterThan(0);
    expect(retried.status).toBe(200);
    expect(retried.body).toMatchObject({ status: 'deleted', removed: { profile: true, identities: 1 } });
    for (const path of ['/v1/customers/CUST-CRASH', '/v1/customers/CUST-CRASH/timeline']) expect((await callApi(hub, 'GET', path, { token: admin })).status).toBe(404);
    for (const id of ids) expect((await callApi(hub, 'GET', `/v1/communications/${id}`, { token: admin })).status).toBe(404);
    expect(objectsMentioning(await bucketContents(hub), ['CUST-CRASH', ...ids])).toEqual([]);
    expect((await callApi(hub, 'DELETE', '/v1/customers/CUST-CRASH', { token: admin })).status).toBe(404);
  });

  it('deletes a customer known only from records (an explicit id without a profile)', async () => {
    // Prepare
    const input = canonicalInput({ sourceRecordId: 'crm-only-1', customer: { id: 'CRM-4711' } });
    const recordId = (await callApi(hub, 'POST', '/v1/communications', { token: admin, body: input })).body.recordId as string;

    // Act
    const deleted = await callApi(hub, 'DELETE', '/v1/customers/CRM-4711', { token: admin });

    // Assess
    expect(deleted.body).toMatchObject({ status: 'deleted', removed: { records: 1, recordIds: [recordId], profile: false, identities: 0 } });
    expect((await callApi(hub, 'GET', '/v1/customers/CRM-4711/timeline', { token: admin })).status).toBe(404);
  });
});
