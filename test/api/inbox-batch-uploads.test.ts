import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningHub } from '../../embedded/hub.js';
import { canonicalInput } from '../support/records.js';
import { callApi, startTestHub, tokenFor } from '../support/test-hub.js';

describe('unmatched inbox, assignment, batch ingest and uploads', () => {
  let hub: RunningHub;
  let token: string;

  beforeAll(async () => {
    hub = await startTestHub();
    token = tokenFor(hub, 'T001');
    await callApi(hub, 'PUT', '/v1/customers/CUST-NB', { token, body: { name: '宁波奥克斯', domains: ['auxgroup.com'] } });
  });
  afterAll(() => hub?.close());

  it('matches a company domain, keeps a qq.com sender unmatched, and learns the sender on assignment', async () => {
    // Prepare / Act: an unknown address at the customer's domain, then a free-mail sender
    const byDomain = await callApi(hub, 'POST', '/v1/communications', {
      token,
      body: canonicalInput({ sourceRecordId: 'dom-1', participants: [{ email: 'new.buyer@auxgroup.com', role: 'from' }] }),
    });
    const freeMail = await callApi(hub, 'POST', '/v1/communications', {
      token,
      body: canonicalInput({ sourceRecordId: 'qq-1', participants: [{ email: 'zhanggong@qq.com', role: 'from' }] }),
    });
    const inbox = await callApi(hub, 'GET', '/v1/unmatched?limit=50', { token });
    const assigned = await callApi(hub, 'POST', `/v1/communications/${freeMail.body.recordId}/assign`, { token, body: { customerId: 'CUST-NB' } });
    const next = await callApi(hub, 'POST', '/v1/communications', {
      token,
      body: canonicalInput({ sourceRecordId: 'qq-2', participants: [{ email: 'ZhangGong@qq.com', role: 'from' }] }),
    });
    const timeline = await callApi(hub, 'GET', '/v1/customers/CUST-NB/timeline', { token });
    const inboxAfter = await callApi(hub, 'GET', '/v1/unmatched?limit=50', { token });
    // Assess
    expect((await callApi(hub, 'GET', `/v1/communications/${byDomain.body.recordId}`, { token })).body).toMatchObject({ customerId: 'CUST-NB', matchedBy: 'domain' });
    expect(inbox.body.items.map((r: { recordId: string }) => r.recordId)).toContain(freeMail.body.recordId);
    expect(assigned.status).toBe(200);
    expect(assigned.body).toMatchObject({ customerId: 'CUST-NB', matchedBy: 'assigned' });
    expect((await callApi(hub, 'GET', `/v1/communications/${next.body.recordId}`, { token })).body).toMatchObject({ customerId: 'CUST-NB', matchedBy: 'email' });
    expect(timeline.body.items.map((r: { recordId: string }) => r.recordId)).toEqual(expect.arrayContaining([byDomain.body.recordId, freeMail.body.recordId, next.body.recordId]));
    expect(inboxAfter.body.items.map((r: { recordId: string }) => r.recordId)).not.toContain(freeMail.body.recordId);
  });

  it('refuses to assign to an unknown customer or another tenant’s record (404)', async () => {
    const record = await callApi(hub, 'POST', '/v1/communications', { token, body: canonicalInput({ sourceRecordId: 'qq-3', participants: [{ email: 'x@qq.com', role: 'from' }] }) });
    const unknownCustomer = await callApi(hub, 'POST', `/v1/communications/${record.body.recordId}/assign`, { token, body: { customerId: 'NOPE' } });
    const otherTenant = await callApi(hub, 'POST', `/v1/communications/${record.body.recordId}/assign`, { token: tokenFor(hub, 'T002'), body: { customerId: 'CUST-NB' } });
    expect(unknownCustomer.status).toBe(404);
    expect(otherTenant.status).toBe(404);
  });

  it('ingests a batch with a result per item: created, duplicate and invalid side by side', async () => {
    const items = [
      canonicalInput({ sourceRecordId: 'batch-1', customer: { id: 'CUST-NB' } }),
      canonicalInput({ sourceRecordId: 'batch-2', type: 'visit', customer: { id: 'CUST-NB' }, location: { latitude: 29.87, longitude: 121.54, address: '宁波' } }),
      canonicalInput({ sourceRecordId: 'batch-1', customer: { id: 'CUST-NB' } }),
      { ...canonicalInput({ sourceRecordId: 'batch-bad' }), type: 'fax' },
    ];
    const result = await callApi(hub, 'POST', '/v1/communications/batch', { token, body: { items } });
    expect(result.status).toBe(200);
    expect(result.body).toMatchObject({ created: 2, duplicates: 1, rejected: 1 });
    expect(result.body.results.map((r: { status: number }) => r.status)).toEqual([201, 201, 200, 400]);
    expect(result.body.results[2].recordId).toBe(result.body.results[0].recordId);
    expect(result.body.results[3].error.details[0].path).toBe('type');
    const tooMany = await callApi(hub, 'POST', '/v1/communications/batch', { token, body: { items: Array.from({ length: 501 }, () => ({})) } });
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.error.message).toMatch(/items/);
  });

  it('hands out a presigned upload URL under the tenant prefix that a recording can reference', async () => {
    const upload = await callApi(hub, 'POST', '/v1/uploads', { token, body: { fileName: '通话录音.mp3', contentType: 'audio/mpeg', purpose: 'recording' } });
    expect(upload.status).toBe(201);
    expect(upload.body.storageKey).toMatch(/^uploads\/T001\/recording\//);
    const put = await fetch(upload.body.uploadUrl, { method: 'PUT', headers: upload.body.headers, body: Buffer.from('ID3 audio') });
    expect(put.status).toBe(200);
    const call = await callApi(hub, 'POST', '/v1/communications', {
      token,
      body: canonicalInput({ sourceRecordId: 'mob-1', type: 'mobile', customer: { id: 'CUST-NB' }, recording: { storageKey: upload.body.storageKey, format: 'mp3' } }),
    });
    expect(call.status).toBe(201);
    const foreign = await callApi(hub, 'POST', '/v1/communications', {
      token,
      body: canonicalInput({ sourceRecordId: 'mob-2', type: 'mobile', customer: { id: 'CUST-NB' }, recording: { storageKey: 'uploads/T002/recording/x.mp3' } }),
    });
    expect(foreign.status).toBe(400);
    expect(foreign.body.error.details[0].path).toBe('recording.storageKey');
  });
});
