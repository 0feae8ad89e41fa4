import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningHub } from '../../embedded/hub.js';
import { HeadObjectCommand, ListObjectsV2Command } from '@aws-sdk/client-s3';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../../embedded/local-servers.js';
import { createS3Client } from '../../functions/adapters/s3/s3-client.js';
import { signCommHub } from '../../functions/channels/signing/commhub-signature.js';
import { callApi, startTestHub, tokenFor } from '../support/test-hub.js';

/** The demo tenant's telephony secret (embedded/tenants.demo.json). */
const SECRET = 'demo-telephony-secret-change-me';

const cdr = (callId: string) => ({
  callId,
  caller: '138 0013 8000',
  callee: '400-810-8888',
  direction: 'inbound',
  startedAt: '2024-06-15T09:00:00+08:00',
  endedAt: '2024-06-15T09:05:12+08:00',
  agent: { id: 'A-007', name: '李客服' },
  transcript: [
    { speaker: 'customer', text: '你好，我想问一下PCR-ABS的交期。' },
    { speaker: 'agent', text: '您好，下周三可以发货。' },
  ],
});

function post(hub: RunningHub, body: string, signature: string | undefined, path = '/v1/webhooks/T001/telephony') {
  return callApi(hub, 'POST', path, { rawBody: body, headers: { 'content-type': 'application/json', ...(signature ? { 'x-commhub-signature': signature } : {}) } });
}

describe('signed webhooks through the embedded hub', () => {
  let hub: RunningHub;
  const now = () => Math.floor(Date.now() / 1000);

  beforeAll(async () => {
    hub = await startTestHub();
    await callApi(hub, 'PUT', '/v1/customers/CUST-TEL', { token: tokenFor(hub, 'T001'), body: { name: '宁波奥克斯', phones: ['13800138000'] } });
  });
  afterAll(() => hub?.close());

  it('stores a signed telephony CDR on the caller’s timeline with a speaker-labelled transcript', async () => {
    const body = JSON.stringify(cdr('call-1'));
    const response = await post(hub, body, signCommHub(SECRET, Buffer.from(body), now()));
    expect(response.status).toBe(200);
    expect(response.body.records).toEqual([{ recordId: expect.stringMatching(/^PHONE-20240615-/), duplicate: false }]);
    const record = await callApi(hub, 'GET', `/v1/communications/${response.body.records[0].recordId}`, { token: tokenFor(hub, 'T001') });
    expect(record.body).toMatchObject({ customerId: 'CUST-TEL', matchedBy: 'phone', type: 'phone', threadId: 'call:call-1', direction: 'inbound' });
    expect(record.body.content).toContain('客户: 你好');
    expect(record.body.rawArchiveKey).toMatch(/^raw\/T001\/telephony\/\d{4}\/\d{2}\/\d{2}\/deliveries\//);
  });

  it('rejects forged, stale, missing and replayed signatures with 401, archiving them apart', async () => {
    const body = JSON.stringify(cdr('call-2'));
    const signature = signCommHub(SECRET, Buffer.from(body), now());
    const forged = await post(hub, body, signCommHub('not-the-secret-at-all', Buffer.from(body), now()));
    const stale = await post(hub, body, signCommHub(SECRET, Buffer.from(body), now() - 301));
    const missing = await post(hub, body, undefined);
    const first = await post(hub, body, signature);
    const replay = await post(hub, body, signature);
    expect(forged.status).toBe(401);
    expect(forged.body.error).toMatchObject({ code: 'SIGNATURE_REJECTED', message: expect.stringMatching(/^forged/) });
    expect(stale.body.error.message).toMatch(/^stale/);
    expect(missing.body.error.message).toMatch(/^missing/);
    expect(first.status).toBe(200);
    expect(replay.status).toBe(401);
    expect(replay.body.error.message).toMatch(/^replayed/);
    // Nothing stored for the refused deliveries but their archive entries, marked rejected with the reason.
    const page = await hub.deps.records.queryTimeline({ tenantId: 'T001', customerId: 'CUST-TEL', limit: 50 });
    expect(page.items.filter((r) => r.sourceRecordId === 'call-2')).toHaveLength(1);
    const s3 = createS3Client({ region: LOCAL_REGION, endpoint: hub.servers.s3Endpoint, credentials: LOCAL_CREDENTIALS });
    const listed = await s3.send(new ListObjectsV2Command({ Bucket: hub.settings.rawArchiveBucket, Prefix: 'raw/T001/telephony/' }));
    const rejected = (listed.Contents ?? []).filter((object) => object.Key?.includes('/rejected/'));
    expect(rejected.length).toBeGreaterThanOrEqual(3);
    const head = await s3.send(new HeadObjectCommand({ Bucket: hub.settings.rawArchiveBucket, Key: rejected[0]?.Key }));
    expect(decodeURIComponent(head.Metadata?.['rejected-because'] ?? '')).toMatch(/^signature (forged|stale|missing|replayed)/);
  });

  it('gives a redelivery with a fresh signature the same record (duplicate)', async () => {
    const body = JSON.stringify(cdr('call-3'));
    const first = await post(hub, body, signCommHub(SECRET, Buffer.from(body), now()));
    const again = await post(hub, body, signCommHub(SECRET, Buffer.from(body), now() - 5));
    expect(again.body.records).toEqual([{ recordId: first.body.records[0].recordId, duplicate: true }]);
  });

  it('answers 400 naming the field for a signed but invalid CDR, and 404 for unknown tenants and channels', async () => {
    const body = JSON.stringify({ ...cdr('call-4'), startedAt: 'yesterday' });
    const invalid = await post(hub, body, signCommHub(SECRET, Buffer.from(body), now()));
    expect(invalid.status).toBe(400);
    expect(invalid.body.error).toMatchObject({ code: 'INVALID_PAYLOAD', message: expect.stringContaining('startedAt') });
    const unknownTenant = await post(hub, '{}', signCommHub(SECRET, Buffer.from('{}'), now()), '/v1/webhooks/T404/telephony');
    const unknownChannel = await post(hub, '{}', undefined, '/v1/webhooks/T001/fax');
    expect(unknownTenant.status).toBe(404);
    expect(unknownChannel.status).toBe(404);
    expect(unknownTenant.body.error.message).not.toContain('T404');
  });
});
