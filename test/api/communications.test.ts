import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningHub } from '../../embedded/hub.js';
import { canonicalInput } from '../support/records.js';
import { callApi, startTestHub, tokenFor } from '../support/test-hub.js';

describe('communications API (embedded hub, real local servers)', () => {
  let hub: RunningHub;
  let token: string;

  beforeAll(async () => {
    hub = await startTestHub();
    token = tokenFor(hub, 'T001');
    const put = await callApi(hub, 'PUT', '/v1/customers/CUST-001', {
      token,
      body: { name: '华东塑业', domains: ['huadong-plastics.com'], emails: ['li.ming@huadong-plastics.com'], phones: ['13800138000'] },
    });
    expect(put.status).toBe(201);
  });
  afterAll(() => hub?.close());

  it('walks through ingest → duplicate → record → timeline → customer overview', async () => {
    // Prepare
    const input = canonicalInput({ sourceRecordId: 'mail-1', participants: [{ email: 'wang@huadong-plastics.com', role: 'from' }] });
    // Act
    const created = await callApi(hub, 'POST', '/v1/communications', { token, body: input });
    const replay = await callApi(hub, 'POST', '/v1/communications', { token, body: input });
    const record = await callApi(hub, 'GET', `/v1/communications/${created.body.recordId}`, { token });
    const timeline = await callApi(hub, 'GET', '/v1/customers/CUST-001/timeline?limit=10', { token });
    const overview = await callApi(hub, 'GET', '/v1/customers/CUST-001', { token });
    // Assess
    expect(created.status).toBe(201);
    expect(created.body.recordId).toMatch(/^EMAIL-20240615-[0-9A-Z]{24}$/);
    expect(replay).toEqual({ status: 200, body: { recordId: created.body.recordId, duplicate: true } });
    expect(record.status).toBe(200);
    expect(record.body).toMatchObject({
      customerId: 'CUST-001',
      matchedBy: 'domain',
      direction: 'inbound',
      occurredAt: '2024-06-15T02:30:00.000Z',
      timezone: '+08:00',
      createdBy: 'tester',
    });
    // Analysis runs after the response, in the record workflow: pending until it has finished.
    expect(['pending', 'completed']).toContain(record.body.analysis.status);
    expect(timeline.body.items.map((r: { recordId: string }) => r.recordId)).toContain(created.body.recordId);
    expect(overview.body.overview.lastContactAt).toBe('2024-06-15T02:30:00.000Z');
    expect(overview.body.name).toBe('华东塑业');
  });

  it('archives the raw payload byte for byte before acknowledging', async () => {
    const raw = JSON.stringify(canonicalInput({ sourceRecordId: 'raw-1', customer: { id: 'CUST-001' } }), null, 2);
    const created = await callApi(hub, 'POST', '/v1/communications', { token, rawBody: raw, headers: { 'content-type': 'application/json' } });
    const stored = await hub.deps.records.getRecord('T001', created.body.recordId);
    const archived = await hub.deps.blobs.getBytes(stored?.rawArchiveKey ?? '');
    expect(Buffer.from(archived ?? []).toString('utf8')).toBe(raw);
    expect(stored?.rawArchiveKey).toContain(`raw/T001/api/`);
  });

  it('stores inline attachments once per SHA-256 and keeps oversized bodies whole outside the item', async () => {
    const pdf = Buffer.from('%PDF-1.4 报价单');
    const attachment = { fileName: '报价单.pdf', contentType: 'application/pdf', contentBase64: pdf.toString('base64') };
    const longBody = '长'.repeat(60_000); // 180 KB of UTF-8: above the inline limit
    const a = await callApi(hub, 'POST', '/v1/communications', {
      token,
      body: canonicalInput({ sourceRecordId: 'att-1', customer: { id: 'CUST-001' }, attachments: [attachment], content: longBody }),
    });
    const b = await callApi(hub, 'POST', '/v1/communications', { token, body: canonicalInput({ sourceRecordId: 'att-2', customer: { id: 'CUST-001' }, attachments: [attachment] }) });
    const first = await callApi(hub, 'GET', `/v1/communications/${a.body.recordId}`, { token });
    const second = await callApi(hub, 'GET', `/v1/communications/${b.body.recordId}`, { token });
    const sha = createHash('sha256').update(pdf).digest('hex');
    expect(first.body.attachments[0]).toMatchObject({ sha256: sha, sizeBytes: pdf.byteLength, fileName: '报价单.pdf' });
    expect(second.body.attachments[0].storageKey).toBe(first.body.attachments[0].storageKey);
    expect(first.body.content).toBe(longBody);
    const preview = await hub.deps.records.getRecord('T001', a.body.recordId);
    expect(preview?.contentTruncated).toBe(true);
    expect((preview?.content ?? '').length).toBeLessThan(longBody.length);
  });

  it('keeps records nobody can be identified for in the unmatched inbox, never failing', async () => {
    const created = await callApi(hub, 'POST', '/v1/communications', {
      token,
      body: canonicalInput({ sourceRecordId: 'stranger-1', participants: [{ email: 'someone@gmail.com', role: 'from' }] }),
    });
    expect(created.status).toBe(201);
    const record = await callApi(hub, 'GET', `/v1/communications/${created.body.recordId}`, { token });
    expect(record.body).toMatchObject({ customerId: null, matchedBy: 'unmatched' });
    const inbox = await hub.deps.records.listUnmatched('T001', { limit: 50 });
    expect(inbox.items.map((r) => r.recordId)).toContain(created.body.recordId);
  });

  it("makes another tenant's record and timeline indistinguishable from absent (404)", async () => {
    const created = await callApi(hub, 'POST', '/v1/communications', { token, body: canonicalInput({ sourceRecordId: 'wall-1', customer: { id: 'CUST-001' } }) });
    const other = tokenFor(hub, 'T002');
    const record = await callApi(hub, 'GET', `/v1/communications/${created.body.recordId}`, { token: other });
    const missing = await callApi(hub, 'GET', '/v1/communications/EMAIL-20240615-0000000000000000000000AA', { token });
    const timeline = await callApi(hub, 'GET', '/v1/customers/CUST-001/timeline', { token: other });
    const customer = await callApi(hub, 'GET', '/v1/customers/CUST-001', { token: other });
    expect(record).toEqual({ status: 404, body: { error: { code: 'NOT_FOUND', message: expect.any(String), details: [] } } });
    expect(record.body.error.message).toBe(missing.body.error.message.replace('EMAIL-20240615-0000000000000000000000AA', created.body.recordId));
    expect(timeline.status).toBe(404);
    expect(customer.status).toBe(404);
  });

  it('pages the timeline over HTTP with filters, and rejects a cursor of another customer with 400', async () => {
    for (let n = 0; n < 9; n++) {
      const type = n % 3 === 0 ? 'phone' : 'email';
      const occurredAt = new Date(Date.UTC(2024, 6, 1, 8, n)).toISOString();
      const res = await callApi(hub, 'POST', '/v1/communications', { token, body: canonicalInput({ sourceRecordId: `page-${n}`, type, occurredAt, customer: { id: 'CUST-PAGE' } }) });
      expect(res.status).toBe(201);
    }
    const first = await callApi(hub, 'GET', '/v1/customers/CUST-PAGE/timeline?types=phone,email&limit=4', { token });
    const second = await callApi(hub, 'GET', `/v1/customers/CUST-PAGE/timeline?limit=4&cursor=${encodeURIComponent(first.body.nextCursor)}`, { token });
    const phones = await callApi(hub, 'GET', '/v1/customers/CUST-PAGE/timeline?types=phone&from=2024-07-01T16:02:00%2B08:00', { token });
    const foreign = await callApi(hub, 'GET', `/v1/customers/CUST-001/timeline?cursor=${encodeURIComponent(first.body.nextCursor)}`, { token });
    expect(first.body.items).toHaveLength(4);
    expect(second.body.items).toHaveLength(4);
    expect(new Set([...first.body.items, ...second.body.items].map((r: { recordId: string }) => r.recordId)).size).toBe(8);
    expect(phones.body.items.map((r: { sourceRecordId: string }) => r.sourceRecordId)).toEqual(['page-6', 'page-3']);
    expect(phones.body.nextCursor).toBeNull();
    expect(foreign.status).toBe(400);
    expect(foreign.body.error.code).toBe('INVALID_CURSOR');
  });

  it('answers health without a token', async () => {
    expect(await callApi(hub, 'GET', '/v1/health')).toEqual({ status: 200, body: { status: 'ok', service: 'commhub', version: 'v1' } });
  });
});
