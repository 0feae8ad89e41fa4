import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningHub } from '../../embedded/hub.js';
import { startTestHub } from '../support/test-hub.js';

describe('S3 blob store (against the local S3-API server)', () => {
  let hub: RunningHub;

  beforeAll(async () => {
    // Store mechanics only: no record workflows competing for the local servers.
    hub = await startTestHub({ workflows: false });
  });
  afterAll(() => hub?.close());

  it('archives raw payloads under tenant/channel/date/record, byte for byte, one key per distinct payload', async () => {
    const body = Buffer.from('{"content":"你好"}', 'utf8');
    const payload = { tenantId: 'T1', channel: 'api', receivedAt: '2024-06-15T02:30:00.000Z', recordId: 'EMAIL-20240615-X', body, contentType: 'application/json' };
    const first = await hub.deps.blobs.archiveRaw(payload);
    const again = await hub.deps.blobs.archiveRaw(payload);
    const other = await hub.deps.blobs.archiveRaw({ ...payload, body: Buffer.from('{"content":"changed"}') });
    expect(first).toMatch(/^raw\/T1\/api\/2024\/06\/15\/EMAIL-20240615-X\/[0-9a-f]{64}$/);
    expect(again).toBe(first);
    expect(other).not.toBe(first);
    expect(Buffer.from((await hub.deps.blobs.getBytes(first)) ?? [])).toEqual(body);
  });

  it('stores an attachment once per tenant and SHA-256', async () => {
    const bytes = Buffer.from('%PDF-1.4 quote');
    const first = await hub.deps.blobs.putAttachment('T1', bytes, 'application/pdf');
    const second = await hub.deps.blobs.putAttachment('T1', bytes, 'application/pdf');
    const otherTenant = await hub.deps.blobs.putAttachment('T2', bytes, 'application/pdf');
    expect(first.deduplicated).toBe(false);
    expect(second).toEqual({ ...first, deduplicated: true });
    expect(otherTenant.key).not.toBe(first.key);
    expect(first.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
    expect(first.key).toContain(first.sha256);
  });

  it('issues presigned URLs that upload and download through the S3 API', async () => {
    const key = 'uploads/T1/recording.mp3';
    const put = await hub.deps.blobs.presignUpload(key, 'audio/mpeg', 300);
    const upload = await fetch(put, { method: 'PUT', headers: { 'content-type': 'audio/mpeg' }, body: Buffer.from('ID3 fake audio') });
    expect(upload.status).toBe(200);
    const get = await hub.deps.blobs.presignDownload(key, 300);
    const download = await fetch(get);
    expect(await download.text()).toBe('ID3 fake audio');
    expect(await hub.deps.blobs.getBytes('uploads/T1/missing')).toBeNull();
  });
});
