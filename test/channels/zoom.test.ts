import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  PayloadError,
  type TenantContext,
  type WebhookOutcome,
  type WebhookRequest,
} from '../../functions/core/channels/channel-adapter.js';
import { CommunicationInput } from '../../functions/core/model/communication-input.js';
import { zoomAdapter } from '../../functions/channels/zoom/zoom-adapter.js';
import { zoomSignature } from '../../functions/channels/zoom/zoom-signature.js';
import { signatureFailureOf } from '../support/adapter-errors.js';

const SECRET = 'zoom-secret-token-123';
const T = 1_718_418_600; // 2024-06-15T02:30:00Z
const TENANT: TenantContext = { tenantId: 'T001', timezone: 'Asia/Shanghai', internalDomains: ['huadong-tech.cn'] };

/** Signs like Zoom does, computed here with node:crypto directly (not with the adapter's helper). */
function request(body: unknown, options: { ts?: number; receivedAt?: number; secret?: string; headers?: Record<string, string | undefined> } = {}): WebhookRequest {
  const rawBody = Buffer.from(typeof body === 'string' ? body : JSON.stringify(body));
  const ts = String(options.ts ?? T);
  const signature = `v0=${createHmac('sha256', options.secret ?? SECRET).update(`v0:${ts}:${rawBody.toString('utf8')}`).digest('hex')}`;
  return {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-zm-request-timestamp': ts, 'x-zm-signature': signature, ...options.headers },
    query: {},
    rawBody,
    receivedAt: new Date((options.receivedAt ?? T + 2) * 1000),
  };
}

const handle = (req: WebhookRequest) => zoomAdapter.handle(req, { secretToken: SECRET }, TENANT);
function itemsOf(outcome: WebhookOutcome): CommunicationInput[] {
  if (outcome.kind !== 'ingest') throw new Error(`expected ingest, got ${outcome.kind}`);
  return outcome.items.map((item) => CommunicationInput.parse(item));
}

// Shaped after the `meeting.ended` and `recording.completed` examples of Zoom's webhook reference
// (Zoom publishes no reusable sample files — see SOURCES.md, "Looked for but not found").
const meetingEnded = {
  event: 'meeting.ended',
  event_ts: 1_718_418_590_000,
  payload: {
    account_id: 'AAAAAABBBB',
    object: {
      id: 85_746_065_432,
      uuid: 'mBwG4Q/pTJ2wqZnBo1lS7g==',
      host_id: 'x1yCzABCDEfg23HiJKl4mN',
      topic: '华东科技 报价评审',
      type: 2,
      start_time: '2024-06-15T01:30:00Z',
      end_time: '2024-06-15T02:25:30Z',
      timezone: 'Asia/Shanghai',
      duration: 60,
    },
  },
};
const recordingCompleted = {
  event: 'recording.completed',
  event_ts: 1_718_418_595_000,
  download_token: 'eyJ0eXAiOiJKV1QiLCJhbGciOiJIUzUxMiJ9.abc',
  payload: {
    account_id: 'AAAAAABBBB',
    object: {
      id: 85_746_065_432,
      uuid: 'mBwG4Q/pTJ2wqZnBo1lS7g==',
      host_id: 'x1yCzABCDEfg23HiJKl4mN',
      host_email: 'Li.Ming@huadong-tech.cn',
      topic: '华东科技 报价评审',
      type: 2,
      start_time: '2024-06-15T01:30:00Z',
      timezone: 'Asia/Shanghai',
      duration: 55,
      share_url: 'https://zoom.us/rec/share/abc',
      recording_files: [
        { id: 'f-timeline', file_type: 'TIMELINE', file_extension: 'JSON', download_url: 'https://zoom.us/rec/download/timeline', recording_type: 'timeline' },
        {
          id: 'f-video',
          file_type: 'MP4',
          file_extension: 'MP4',
          file_size: 24_681_357,
          recording_start: '2024-06-15T01:30:05Z',
          recording_end: '2024-06-15T02:25:05Z',
          download_url: 'https://zoom.us/rec/download/video',
          play_url: 'https://zoom.us/rec/play/video',
          recording_type: 'shared_screen_with_speaker_view',
          status: 'completed',
        },
        { id: 'f-audio', file_type: 'M4A', file_extension: 'M4A', download_url: 'https://zoom.us/rec/download/audio', recording_type: 'audio_only' },
        { id: 'f-cc', file_type: 'CC', file_extension: 'VTT', download_url: 'https://zoom.us/rec/download/captions', recording_type: 'closed_caption' },
        { id: 'f-vtt', file_type: 'TRANSCRIPT', file_extension: 'VTT', download_url: 'https://zoom.us/rec/download/transcript', recording_type: 'audio_transcript' },
      ],
    },
  },
};

describe('zoom signature', () => {
  it('matches an independently computed v0 HMAC (Python hmac)', () => {
    // Prepare
    const body = Buffer.from('{"event":"meeting.started","payload":{"object":{"id":1}}}');

    // Act
    const signature = zoomSignature(SECRET, String(T), body);

    // Assess
    expect(signature).toBe('v0=07d7edc304dc83335b9ba28992386ac3b58349bfca8eaea71660c6896f27a345');
  });

  it('accepts a valid signature and hands back the replay key with the window end', () => {
    // Prepare
    const req = request(meetingEnded);

    // Act
    const outcome = handle(req);

    // Assess
    expect(outcome.kind).toBe('ingest');
    expect(outcome.kind !== 'respond' && outcome.replay).toEqual({ replayKey: req.headers['x-zm-signature'], expiresAt: new Date((T + 300) * 1000) });
  });

  it.each([
    ['a tampered body', () => ({ ...request(meetingEnded), rawBody: Buffer.from(JSON.stringify({ ...meetingEnded, event: 'meeting.endeD' })) }), 'forged'],
    ['another secret', () => request(meetingEnded, { secret: 'not-the-secret-token' }), 'forged'],
    ['a timestamp that is not unix seconds', () => request(meetingEnded, { headers: { 'x-zm-request-timestamp': '2024-06-15' } }), 'forged'],
    ['a delivery signed 5 min 1 s ago', () => request(meetingEnded, { receivedAt: T + 301 }), 'stale'],
    ['a delivery signed 10 min in the future', () => request(meetingEnded, { receivedAt: T - 600 }), 'stale'],
    ['no x-zm-signature', () => request(meetingEnded, { headers: { 'x-zm-signature': undefined } }), 'missing'],
    ['no x-zm-request-timestamp', () => request(meetingEnded, { headers: { 'x-zm-request-timestamp': undefined } }), 'missing'],
    ['an unsigned url_validation challenge', () => request({ event: 'endpoint.url_validation', payload: { plainToken: 'v0:1:{}' } }, { headers: { 'x-zm-signature': '' } }), 'missing'],
  ])('rejects %s', (_, build, failure) => {
    // Act / Assess
    expect(signatureFailureOf(() => handle(build()))).toBe(failure);
  });

  it('accepts a delivery exactly 5 minutes old', () => {
    expect(signatureFailureOf(() => handle(request(meetingEnded, { receivedAt: T + 300 })))).toBe('passed');
  });
});

describe('zoom events', () => {
  it('answers endpoint.url_validation with hex HMAC-SHA256(secret, plainToken)', () => {
    // Prepare
    const req = request({ event: 'endpoint.url_validation', payload: { plainToken: 'qgg8vlvZRS6UYooatFL8Aw' }, event_ts: 1_718_418_600_000 });

    // Act
    const outcome = handle(req);

    // Assess: encryptedToken recomputed with Python's hmac.
    expect(outcome).toEqual({
      kind: 'respond',
      response: {
        statusCode: 200,
        contentType: 'application/json; charset=utf-8',
        body: JSON.stringify({ plainToken: 'qgg8vlvZRS6UYooatFL8Aw', encryptedToken: 'bb14734995b1296db328f8a0bf605e48f34f4c9ca4ab1f001ddc76ee33bd9975' }),
      },
    });
  });

  it('normalises meeting.ended: topic, times, the real duration, thread by meeting id', () => {
    // Act
    const [item, ...rest] = itemsOf(handle(request(meetingEnded)));

    // Assess
    expect(rest).toEqual([]);
    expect(item).toMatchObject({
      sourceSystem: 'zoom',
      sourceRecordId: 'meeting:mBwG4Q/pTJ2wqZnBo1lS7g==',
      type: 'meeting',
      channel: 'zoom',
      subject: '华东科技 报价评审',
      occurredAt: '2024-06-15T01:30:00Z',
      endedAt: '2024-06-15T02:25:30Z',
      durationSeconds: 3330, // end − start; `duration: 60` is the scheduled length
      timezone: 'Asia/Shanghai',
      participants: [],
      threadId: 'zoom:meeting:85746065432',
      metadata: { zoomEvent: 'meeting.ended', meetingId: '85746065432', hostId: 'x1yCzABCDEfg23HiJKl4mN', accountId: 'AAAAAABBBB', zoomMeetingType: 2 },
    });
    expect(item?.recording).toBeUndefined();
  });

  it('normalises recording.completed: host, first media file, other files and the transcript (not the captions) URL', () => {
    // Act
    const [item] = itemsOf(handle(request(recordingCompleted)));

    // Assess
    expect(item).toMatchObject({
      sourceRecordId: 'recording:mBwG4Q/pTJ2wqZnBo1lS7g==',
      threadId: 'zoom:meeting:85746065432',
      type: 'meeting',
      occurredAt: '2024-06-15T01:30:00Z',
      durationSeconds: 3300, // 55 minutes
      participants: [{ email: 'li.ming@huadong-tech.cn', role: 'host', internal: true }],
      recording: { url: 'https://zoom.us/rec/download/video', format: 'mp4', durationSeconds: 3300 },
    });
    expect(item?.endedAt).toBeUndefined();
    expect(item?.metadata).toMatchObject({
      transcriptUrl: 'https://zoom.us/rec/download/transcript',
      shareUrl: 'https://zoom.us/rec/share/abc',
      downloadTokenExpiresAt: '2024-06-16T02:29:55.000Z',
    });
    expect((item?.metadata.recordingFiles as { id: string }[]).map((f) => f.id)).toEqual(['f-timeline', 'f-audio', 'f-cc', 'f-vtt']);
    expect(JSON.stringify(item)).not.toContain('eyJ0eXAi'); // the bearer download_token stays in the raw archive
  });

  it('marks a host outside the internal domains as not internal', () => {
    // Prepare
    const external = structuredClone(recordingCompleted);
    external.payload.object.host_email = 'buyer@customer.com';

    // Act
    const [item] = itemsOf(handle(request(external)));

    // Assess
    expect(item?.participants).toEqual([{ email: 'buyer@customer.com', role: 'host', internal: false }]);
  });

  it('ignores other events by name, still returning the replay key', () => {
    // Act
    const outcome = handle(request({ event: 'meeting.participant_joined', payload: { object: { id: 1 } } }));

    // Assess
    expect(outcome).toMatchObject({ kind: 'ignore', reason: 'zoom event meeting.participant_joined is not a communication' });
    expect(outcome.kind !== 'respond' && outcome.replay?.replayKey).toMatch(/^v0=/);
  });

  it.each([
    ['a body that is not JSON', 'event=meeting.ended', /^body is not valid JSON/],
    ['an event without a name', { payload: {} }, /^event: /],
    ['meeting.ended without a uuid', { ...meetingEnded, payload: { object: { ...meetingEnded.payload.object, uuid: undefined } } }, /^payload\.object\.uuid: /],
    ['a start_time without offset', { ...meetingEnded, payload: { object: { ...meetingEnded.payload.object, start_time: '2024-06-15 09:30' } } }, /^payload\.object\.start_time: /],
    ['a validation without plainToken', { event: 'endpoint.url_validation', payload: {} }, /^payload\.plainToken: /],
  ])('rejects a signed %s with a PayloadError naming the field', (_, body, message) => {
    expect(() => handle(request(body))).toThrow(PayloadError);
    expect(() => handle(request(body))).toThrow(message);
  });
});
