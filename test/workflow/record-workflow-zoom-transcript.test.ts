import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningHub } from '../../embedded/hub.js';
import { createZoomTranscriptSource } from '../../functions/adapters/zoom/zoom-transcript-source.js';
import { zoomSignature } from '../../functions/channels/zoom/zoom-signature.js';
import type { CommunicationRecord } from '../../functions/core/model/communication-record.js';
import { callApi, startTestHub } from '../support/test-hub.js';
import { storedRecord } from '../support/records.js';
import { fixtureText, settledRecord, TENANT } from './workflow-kit.js';

const ZOOM_SECRET = 'demo-zoom-secret-token'; // embedded/tenants.demo.json
const TOKEN = 'eyJ0eXAiOiJKV1QiLCJhbGciOiJIUzUxMiJ9.download';

describe("a Zoom recording's own transcript (downloaded with the delivery's token, no speech-to-text)", () => {
  let hub: RunningHub;
  let zoom: Server;
  let base: string;
  const seen: (string | undefined)[] = [];
  beforeAll(async () => {
    const vtt = await fixtureText('meetings/graph-calltranscript-content.docs.vtt');
    // Stands in for zoom.us/rec/download: serves the transcript to the bearer of the download token only.
    zoom = createServer((request, response) => {
      seen.push(request.headers.authorization);
      if (request.headers.authorization !== `Bearer ${TOKEN}`) return void response.writeHead(401).end();
      response.writeHead(200, { 'content-type': 'text/vtt' }).end(vtt);
    });
    await new Promise<void>((resolve) => zoom.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(zoom.address() as AddressInfo).port}`;
    hub = await startTestHub(
      { workflowRetryIntervalMs: 0 },
      { workflowOverrides: { transcriptSources: [createZoomTranscriptSource({ allowedHosts: ['127.0.0.1'], allowHttp: true })] } },
    );
  });
  afterAll(async () => {
    await hub.close();
    await new Promise((resolve) => zoom.close(resolve));
  });

  it('fetches the TRANSCRIPT file of recording.completed and analyses it', async () => {
    // Prepare: a signed recording.completed delivery whose transcript lives on "Zoom"
    const body = Buffer.from(
      JSON.stringify({
        event: 'recording.completed',
        event_ts: Date.now(),
        download_token: TOKEN,
        payload: {
          account_id: 'AAAAAABBBB',
          object: {
            id: 85_746_065_432,
            uuid: `uuid-${Date.now()}`,
            host_id: 'x1yCzABCDEfg23HiJKl4mN',
            topic: '华东科技 报价评审',
            type: 2,
            start_time: '2024-06-15T01:30:00Z',
            duration: 55,
            recording_files: [
              { id: 'f-audio', file_type: 'M4A', file_extension: 'M4A', download_url: `${base}/rec/download/audio`, recording_type: 'audio_only' },
              { id: 'f-vtt', file_type: 'TRANSCRIPT', file_extension: 'VTT', download_url: `${base}/rec/download/transcript`, recording_type: 'audio_transcript' },
            ],
          },
        },
      }),
    );
    const timestamp = String(Math.floor(Date.now() / 1000));
    const headers = { 'content-type': 'application/json', 'x-zm-request-timestamp': timestamp, 'x-zm-signature': zoomSignature(ZOOM_SECRET, timestamp, body) };

    // Act
    const delivered = await callApi(hub, 'POST', `/v1/webhooks/${TENANT}/zoom`, { rawBody: body, headers });
    const recordId = delivered.body.records?.[0]?.recordId as string;
    const record = await settledRecord(hub, recordId);

    // Assess
    expect(delivered.status).toBeLessThan(300);
    expect(seen).toContain(`Bearer ${TOKEN}`);
    expect(record.transcription).toMatchObject({ status: 'provided', source: 'vtt' });
    expect(record.content).toMatch(/\[00:00:0\d\]/);
    expect(record.analysis.status).toBe('completed');
  });
});

describe('createZoomTranscriptSource', () => {
  const zoomRecord = (metadata: Record<string, unknown>): CommunicationRecord => ({
    ...storedRecord({ tenantId: TENANT, customerId: null, sourceRecordId: 'z1', occurredAt: '2024-06-15T01:30:00.000Z', type: 'meeting' }),
    sourceSystem: 'zoom',
    metadata,
  });
  const raw = async () => JSON.stringify({ download_token: TOKEN });
  const never = (() => {
    throw new Error('must not be called');
  }) as unknown as typeof fetch;

  it('never follows a transcript URL off Zoom, over plain http, or with an expired token', async () => {
    const source = createZoomTranscriptSource({ fetch: never, now: () => new Date('2024-06-17T00:00:00Z') });
    expect(await source.fetch(zoomRecord({ transcriptUrl: 'https://169.254.169.254/latest/meta-data' }), raw)).toMatchObject({ kind: 'unavailable', reason: /not an allowed Zoom download host/ });
    expect(await source.fetch(zoomRecord({ transcriptUrl: 'http://zoom.us/rec/download/t' }), raw)).toMatchObject({ kind: 'unavailable' });
    expect(await source.fetch(zoomRecord({ transcriptUrl: 'https://us02web.zoom.us/rec/download/t', downloadTokenExpiresAt: '2024-06-16T00:00:00Z' }), raw)).toMatchObject({
      kind: 'unavailable',
      reason: /expired/,
    });
    expect(await source.fetch(zoomRecord({ transcriptUrl: 'https://zoom.us/rec/download/t' }), async () => '{}')).toMatchObject({ kind: 'unavailable', reason: /no download_token/ });
  });

  it('ignores records that are not Zoom recordings with a transcript', async () => {
    const source = createZoomTranscriptSource({ fetch: never });
    expect(await source.fetch({ ...zoomRecord({}), sourceSystem: 'teams' }, raw)).toBeUndefined();
    expect(await source.fetch(zoomRecord({}), raw)).toBeUndefined();
  });
});
