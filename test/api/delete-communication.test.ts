import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningHub } from '../../embedded/hub.js';
import type { HubDependencies } from '../../functions/core/dependencies.js';
import { purgeRefusedDeliveries } from '../../functions/core/erasure/purge-refused-deliveries.js';
import type { Insight } from '../../functions/core/model/insight.js';
import { deleteCommunication } from '../../functions/core/use-cases/delete-communication.js';
import { bucketContents, objectsMentioning } from '../support/bucket-contents.js';
import { canonicalInput } from '../support/records.js';
import { callApi, startTestHub, tokenFor } from '../support/test-hub.js';

const TENANT = 'T001';
const CUSTOMER = 'CUST-REC';
const base64 = (text: string) => Buffer.from(text).toString('base64');
const ONLY_HERE = { fileName: 'quote.pdf', contentType: 'application/pdf', contentBase64: base64('%PDF-1.4 quote only for the erased record') };
const SHARED = { fileName: 'catalogue.pdf', contentType: 'application/pdf', contentBase64: base64('%PDF-1.4 catalogue used by two records') };

const finding = (insightId: string, relatedRecordIds: string[]): Insight => ({
  insightId,
  tenantId: TENANT,
  customerId: CUSTOMER,
  type: 'opportunity',
  title: `opportunity ${insightId}`,
  detail: '追加 50 吨',
  status: 'new',
  confidence: 0.7,
  importance: 'medium',
  relatedRecordIds,
  data: { evidence_record_ids: relatedRecordIds },
  createdAt: '2024-06-20T00:00:00.000Z',
  updatedAt: '2024-06-20T00:00:00.000Z',
});

describe('DELETE /v1/communications/{recordId}: one record out of every place it reached', () => {
  let hub: RunningHub;
  let admin: string;
  let erasedId: string;
  let keptId: string;
  // An urgent, oversized message with two attachments: follow-up tasks, an alert, a body in the blob store.
  const erasedInput = canonicalInput({
    sourceRecordId: 'mail-erase-1',
    customer: { id: CUSTOMER },
    content: `第二批货到现在还没到，我们产线明天早上就要停线了，今天必须给个答复！${'附：交货明细。'.repeat(20_000)}`,
    attachments: [ONLY_HERE, SHARED],
  });

  beforeAll(async () => {
    hub = await startTestHub();
    admin = tokenFor(hub, TENANT);
    expect((await callApi(hub, 'PUT', `/v1/customers/${CUSTOMER}`, { token: admin, body: { name: '宁海塑料厂', owner: 'li.wei@demo-materials.cn' } })).status).toBe(201);
    erasedId = (await callApi(hub, 'POST', '/v1/communications', { token: admin, body: erasedInput })).body.recordId;
    keptId = (await callApi(hub, 'POST', '/v1/communications', { token: admin, body: canonicalInput({ sourceRecordId: 'mail-keep-1', customer: { id: CUSTOMER }, attachments: [SHARED] }) })).body.recordId;
    await hub.workflows.engine.idle();
    await hub.deps.workItems.putInsight(finding('OPP-ONLY', [erasedId]));
    await hub.deps.workItems.putInsight(finding('OPP-BOTH', [erasedId, keptId]));
  }, 60_000);
  afterAll(() => hub?.close());

  it('refuses a non-admin token (403) and another tenant (404), deleting nothing', async () => {
    // Act
    const ingest = await callApi(hub, 'DELETE', `/v1/communications/${erasedId}`, { token: tokenFor(hub, TENANT, 'commhub/read commhub/ingest') });
    const foreign = await callApi(hub, 'DELETE', `/v1/communications/${erasedId}`, { token: tokenFor(hub, 'T002') });
    const unknown = await callApi(hub, 'DELETE', '/v1/communications/EMAIL-20240615-0000000000000000000000AB', { token: admin });
    const malformed = await callApi(hub, 'DELETE', '/v1/communications/not%20an%20id', { token: admin });

    // Assess
    expect(ingest.status).toBe(403);
    expect(foreign.status).toBe(404);
    expect(unknown.status).toBe(404);
    expect(malformed.status).toBe(400);
    expect((await callApi(hub, 'GET', `/v1/communications/${erasedId}`, { token: admin })).status).toBe(200);
  });

  it('deletes the record, its blobs, tasks, alert and sole-evidence finding; a finding citing another record keeps that one', async () => {
    // Prepare
    const before = (await hub.deps.records.getRecord(TENANT, erasedId))!;
    const taskIds = before.analysis.followUps.map((f) => f.taskId);
    expect(taskIds.length).toBeGreaterThan(0);
    expect(before.analysis.alertInsightId).toBe(`ALERT-${erasedId}`);
    expect(before.contentRef).toBeDefined();
    const [onlyHereKey, sharedKey] = before.attachments.map((a) => a.storageKey!);

    // Act
    const deleted = await callApi(hub, 'DELETE', `/v1/communications/${erasedId}`, { token: admin });

    // Assess: the answer lists ids, never content
    expect(deleted.status, JSON.stringify(deleted.body)).toBe(200);
    expect(deleted.body).toEqual({
      recordId: erasedId,
      deleted: true,
      removed: { blobs: expect.any(Number), taskIds: expect.arrayContaining(taskIds), insightIds: expect.arrayContaining([`ALERT-${erasedId}`, 'OPP-ONLY']), insightIdsUpdated: ['OPP-BOTH'] },
    });
    expect(deleted.body.removed.blobs).toBeGreaterThanOrEqual(3); // raw payload, body, the attachment only it used
    // Assess: gone from every route and store
    expect((await callApi(hub, 'GET', `/v1/communications/${erasedId}`, { token: admin })).status).toBe(404);
    const timeline = await callApi(hub, 'GET', `/v1/customers/${CUSTOMER}/timeline`, { token: admin });
    expect(timeline.body.items.map((r: { recordId: string }) => r.recordId)).toEqual([keptId]);
    for (const taskId of taskIds) expect(await hub.deps.workItems.getTask(TENANT, taskId!)).toBeNull();
    expect(await hub.deps.workItems.getInsight(TENANT, `ALERT-${erasedId}`)).toBeNull();
    expect(await hub.deps.workItems.getInsight(TENANT, 'OPP-ONLY')).toBeNull();
    expect(await hub.deps.workItems.getInsight(TENANT, 'OPP-BOTH')).toMatchObject({ relatedRecordIds: [keptId], data: { evidence_record_ids: [keptId] } });
    // Assess: the blobs
    expect(await hub.deps.blobs.getBytes(before.rawArchiveKey)).toBeNull();
    expect(await hub.deps.blobs.getBytes(before.contentRef!)).toBeNull();
    expect(await hub.deps.blobs.getBytes(onlyHereKey!)).toBeNull();
    expect(Buffer.from((await hub.deps.blobs.getBytes(sharedKey!))!).toString()).toBe('%PDF-1.4 catalogue used by two records');
    expect(objectsMentioning(await bucketContents(hub), [erasedId, '停线', 'quote only for the erased record'])).toEqual([]);
  });

  it('refuses the redelivery of the deleted message (its tombstone), and the daily purge removes what the redelivery stored', async () => {
    // Act
    const redelivered = await callApi(hub, 'POST', '/v1/communications', { token: admin, body: erasedInput });
    const leftover = objectsMentioning(await bucketContents(hub), [erasedId, 'quote only for the erased record']);
    const purged = await purgeRefusedDeliveries(hub.deps, TENANT, {});

    // Assess: acknowledged (the sender's retries stop), not stored
    expect(redelivered).toEqual({ status: 200, body: { recordId: erasedId, duplicate: true } });
    expect((await callApi(hub, 'GET', `/v1/communications/${erasedId}`, { token: admin })).status).toBe(404);
    expect((await callApi(hub, 'GET', `/v1/customers/${CUSTOMER}/timeline`, { token: admin })).body.items).toHaveLength(1);
    // Assess: the raw payload, body and attachment it stored again were queued, then purged
    expect(leftover.length).toBeGreaterThan(0);
    expect(purged).toEqual({ blobs: leftover.length, complete: true });
    expect(objectsMentioning(await bucketContents(hub), [erasedId, '停线', 'quote only for the erased record'])).toEqual([]);
    expect(await hub.deps.blobReferences.queuedPurges(TENANT, 10)).toEqual([]);
  });

  it('answers a second DELETE with 404 and shows the deletion in the audit log', async () => {
    // Act
    const again = await callApi(hub, 'DELETE', `/v1/communications/${erasedId}`, { token: admin });
    const audit = await callApi(hub, 'GET', '/v1/audit?action=delete-communication', { token: admin });

    // Assess
    expect(again.status).toBe(404);
    const done = audit.body.items.find((entry: { outcome: number }) => entry.outcome === 200);
    expect(done).toMatchObject({ action: 'delete-communication', actor: { principal: 'tester' }, before: { customerId: CUSTOMER, insightIdsUpdated: ['OPP-BOTH'] } });
    expect(done.targets).toContainEqual({ type: 'communication', id: erasedId });
    expect(audit.body.items.map((entry: { outcome: number }) => entry.outcome).sort()).toEqual([200, 400, 403, 404, 404]);
  });

  it('finishes a deletion that failed halfway when it is repeated', async () => {
    // Prepare: a record with an attachment, and a blob store that fails on its second delete
    const input = canonicalInput({ sourceRecordId: 'mail-halfway', customer: { id: CUSTOMER }, attachments: [{ ...ONLY_HERE, contentBase64: base64('%PDF-1.4 halfway') }] });
    const recordId = (await callApi(hub, 'POST', '/v1/communications', { token: admin, body: input })).body.recordId as string;
    await hub.workflows.engine.idle();
    let deletes = 0;
    const failing = Object.create(hub.deps.blobs, {
      deleteBlob: { value: (key: string) => (++deletes === 2 ? Promise.reject(new Error('S3 went away')) : hub.deps.blobs.deleteBlob(key)) },
    });
    const flaky: HubDependencies = Object.create(hub.deps, { blobs: { value: failing } });

    // Act
    const failed = await deleteCommunication(flaky, { tenantId: TENANT, recordId }).catch((error: Error) => error);
    const stillThere = await callApi(hub, 'GET', `/v1/communications/${recordId}`, { token: admin });
    const retried = await callApi(hub, 'DELETE', `/v1/communications/${recordId}`, { token: admin });

    // Assess
    expect(failed).toBeInstanceOf(Error);
    expect(deletes).toBeGreaterThanOrEqual(2);
    expect(stillThere.status).toBe(200);
    expect(retried.status).toBe(200);
    expect((await callApi(hub, 'GET', `/v1/communications/${recordId}`, { token: admin })).status).toBe(404);
    expect(objectsMentioning(await bucketContents(hub), [recordId, '%PDF-1.4 halfway'])).toEqual([]);
  });
});
