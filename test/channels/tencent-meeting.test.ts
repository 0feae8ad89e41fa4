import { createCipheriv, createHash, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  PayloadError,
  type TenantContext,
  type WebhookOutcome,
  type WebhookRequest,
} from '../../functions/core/channels/channel-adapter.js';
import { CommunicationInput } from '../../functions/core/model/communication-input.js';
import { TENCENT_MEETING_ACK, tencentMeetingAdapter, type TencentMeetingSettings } from '../../functions/channels/tencent-meeting/tencent-meeting-adapter.js';
import { tencentMeetingSignature } from '../../functions/channels/tencent-meeting/tencent-signature.js';
import { signatureFailureOf } from '../support/adapter-errors.js';

const fixture = (name: string) => readFileSync(new URL(`../../../shared/fixtures/meetings/tencent-meeting/${name}`, import.meta.url), 'utf8');
/** The doc examples carry `//` annotations (and recording.updated a missing comma); this is how they read once valid. */
const repaired = (docText: string) => docText.replace(/\/\/[^\n"]*/g, '').replace(/}\s*\n"meeting_info"/, '},\n"meeting_info"');

const TENANT: TenantContext = { tenantId: 'T001', timezone: 'Asia/Shanghai', internalDomains: ['huadong-tech.cn'] };
const TOKEN = 'hJqcu3uJ9Tn2gXPmxx2w9kkCk';
const AES_KEY = 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG';
const NOW_MS = 1_718_418_600_000; // 2024-06-15T02:30:00Z

// The signature example of cloud.tencent.com/document/product/1095/51612 (签名校验): the page masks
// the token in one place but prints it whole in sort_str, and the printed signature verifies.
const DOC = {
  token: 'bVPU6F8Htxl5XkAbp3jGV2xWp',
  timestamp: '1609239040864',
  nonce: '14964161',
  signature: 'b11e507817336a91d7df0c8536ee2aca18bbbae8',
  data: 'eyJldmVudCI6Im1lZXRpbmcuY3JlYXRlZCIsInVuaXF1ZV9zZXF1ZW5jZSI6ImYyMDA5NmVlLThhYzgtNGRmMi1hN2RlLTA1NzQ2NDlmMjExYiIsInBheWxvYWQiOlt7Im9wZXJhdGVfdGltZSI6IjIwMjAtMTItMjkgMTc6NDE6MDYiLCJvcGVyYXRvciI6eyJ1c2VyaWQiOiJ0ZXN0ZXIwMDAwNmJhNWJhYjMzOTg1OGMxM2M5MzBjY2E5NTY4NCJ9LCJtZWV0aW5nX2luZm8iOnsibWVldGluZ19pZCI6IjYwNTg4OTAzODU0ODA5MjEwNTIiLCJtZWV0aW5nX2NvZGUiOiI1MzA4MTI0NTIiLCJzdWJqZWN0IjoibWVkaWEgdGVzdGVyIG1lZXRpbmciLCJjcmVhdG9yX2lkIjoidGVzdGVyMDAwMDZiYTViYWIzMzk4NThjMTNjOTMwY2NhOTU2ODQiLCJob3N0cyI6WyJ0ZXN0ZXIwMDAwNmJhNWJhYjMzOTg1OGMxM2M5MzBjY2E5NTY4NCJdLCJtZWV0aW5nX3R5cGUiOjAsInN0YXJ0X3RpbWUiOiIyMDIwLTEyLTI5IDE3OjQxOjA0IiwiZW5kX3RpbWUiOiIyMDIwLTEyLTI5IDE4OjAxOjA0In19XX0',
};

/** Signs like Tencent Meeting does, computed here with node:crypto directly. */
function sign(token: string, timestamp: string, nonce: string, signed: string): string {
  return createHash('sha1').update([token, timestamp, nonce, signed].sort().join('')).digest('hex');
}
function encrypt(plaintext: string, encodingAesKey = AES_KEY): string {
  const key = Buffer.from(`${encodingAesKey}=`, 'base64');
  const cipher = createCipheriv('aes-256-cbc', key, key.subarray(0, 16));
  return Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]).toString('base64');
}
interface Options {
  timestamp?: string;
  receivedAtMs?: number;
  token?: string;
  headers?: Record<string, string | undefined>;
  aes?: boolean;
}
/** A POST whose `data` is the event JSON, base64 or AES-encrypted, signed with TOKEN. */
function post(event: unknown, options: Options = {}): WebhookRequest {
  const json = typeof event === 'string' ? event : JSON.stringify(event);
  const data = options.aes ? encrypt(json) : Buffer.from(json, 'utf8').toString('base64');
  return postData(data, options);
}
function postData(data: string, options: Options = {}): WebhookRequest {
  const timestamp = options.timestamp ?? String(NOW_MS);
  const nonce = '83927461';
  return {
    method: 'POST',
    headers: { 'content-type': 'application/json', timestamp, nonce, signature: sign(options.token ?? TOKEN, timestamp, nonce, data), ...options.headers },
    query: {},
    rawBody: Buffer.from(JSON.stringify({ data })),
    receivedAt: new Date(options.receivedAtMs ?? NOW_MS + 1500),
  };
}
const handle = (req: WebhookRequest, settings: TencentMeetingSettings = { token: TOKEN }) => tencentMeetingAdapter.handle(req, settings, TENANT);
function itemsOf(outcome: WebhookOutcome): CommunicationInput[] {
  if (outcome.kind !== 'ingest') throw new Error(`expected ingest, got ${outcome.kind}`);
  return outcome.items.map((item) => CommunicationInput.parse(item));
}

const creator = { userid: 'tester-2', uuid: 'WMfgHRYj6m36mcDGtK', user_name: 'tester-2_name' };
const operator = { userid: 'tester', uuid: 'WMfgHRYj6m36mcDGtK', user_name: 'tester_name', ms_open_id: 'tester_id' };
const meetingInfo = { meeting_id: '13339451618278424869', meeting_code: '445999969', subject: 'tester的快速会议', creator, meeting_type: 0, start_time: 1_718_415_000, end_time: 1_718_418_330 };
// Shaped after the documented event bodies (same envelope and meeting_info as the fixtures).
const meetingEnd = { event: 'meeting.end', trace_id: 'e7aa65dd-f7e6-4b62-912c-2035173b34a9', payload: [{ operate_time: 1_718_418_331_000, operator, meeting_info: meetingInfo }] };
const recordingCompleted = {
  event: 'recording.completed',
  trace_id: 'b1c2',
  payload: [{ operate_time: 1_718_418_500_000, operator: creator, meeting_info: meetingInfo, recording_files: [{ record_file_id: '1752523' }, { record_file_id: '1752521' }] }],
};

describe('tencent-meeting signature', () => {
  it('verifies the documented example (known answer)', () => {
    expect(tencentMeetingSignature(DOC.token, DOC.timestamp, DOC.nonce, DOC.data)).toBe(DOC.signature);
  });

  it('accepts the documented delivery: meeting.created is verified, acknowledged and ignored', () => {
    // Prepare
    const req: WebhookRequest = {
      method: 'POST',
      headers: { timestamp: DOC.timestamp, nonce: DOC.nonce, signature: DOC.signature },
      query: {},
      rawBody: Buffer.from(JSON.stringify({ data: DOC.data })),
      receivedAt: new Date(Number(DOC.timestamp) + 1000),
    };

    // Act
    const outcome = handle(req, { token: DOC.token });

    // Assess
    expect(outcome).toEqual({
      kind: 'ignore',
      reason: 'tencent-meeting event meeting.created is not a communication',
      ack: TENCENT_MEETING_ACK,
      replay: { replayKey: DOC.signature, expiresAt: new Date(Number(DOC.timestamp) + 300_000) },
    });
  });

  it.each([
    ['tampered data', () => ({ ...post(meetingEnd), rawBody: Buffer.from(JSON.stringify({ data: Buffer.from(JSON.stringify({ ...meetingEnd, trace_id: 'x' })).toString('base64') })) }), 'forged'],
    ['another token', () => post(meetingEnd, { token: 'not-our-token-000000000000' }), 'forged'],
    ['a timestamp that is not a number', () => post(meetingEnd, { timestamp: 'now' }), 'forged'],
    ['a delivery signed 5 min 1 s ago (ms timestamp)', () => post(meetingEnd, { receivedAtMs: NOW_MS + 301_000 }), 'stale'],
    ['a delivery signed 6 min ago (seconds timestamp)', () => post(meetingEnd, { timestamp: String(NOW_MS / 1000), receivedAtMs: NOW_MS + 360_000 }), 'stale'],
    ['no signature header', () => post(meetingEnd, { headers: { signature: undefined } }), 'missing'],
    ['no timestamp header', () => post(meetingEnd, { headers: { timestamp: undefined } }), 'missing'],
    ['no nonce header', () => post(meetingEnd, { headers: { nonce: undefined } }), 'missing'],
  ])('rejects %s', (_, build, failure) => {
    expect(signatureFailureOf(() => handle(build()))).toBe(failure);
  });

  it('accepts a seconds timestamp within the window', () => {
    expect(signatureFailureOf(() => handle(post(meetingEnd, { timestamp: String(NOW_MS / 1000) })))).toBe('passed');
  });
});

describe('tencent-meeting URL verification', () => {
  const verification = (checkStr: string, token = TOKEN): WebhookRequest => {
    const timestamp = String(NOW_MS);
    return { method: 'GET', headers: { timestamp, nonce: '1', signature: sign(token, timestamp, '1', checkStr) }, query: { check_str: checkStr }, rawBody: Buffer.alloc(0), receivedAt: new Date(NOW_MS) };
  };

  it('answers the base64-decoded check_str when the signature verifies', () => {
    const outcome = handle(verification(Buffer.from('verify-me-9527').toString('base64')));
    expect(outcome).toEqual({ kind: 'respond', response: { statusCode: 200, contentType: 'text/plain; charset=utf-8', body: 'verify-me-9527' } });
  });

  it('answers the decrypted check_str when an EncodingAESKey is configured', () => {
    const outcome = handle(verification(encrypt('verify-me-aes')), { token: TOKEN, encodingAesKey: AES_KEY });
    expect(outcome.kind === 'respond' && outcome.response.body).toBe('verify-me-aes');
  });

  it('refuses a check_str signed with another token', () => {
    expect(signatureFailureOf(() => handle(verification('aGVsbG8=', 'other-token')))).toBe('forged');
  });
});

describe('tencent-meeting events', () => {
  it('normalises meeting.end: subject, Beijing times, duration, creator and operator, thread', () => {
    // Act
    const outcome = handle(post(meetingEnd));
    const [item, ...rest] = itemsOf(outcome);

    // Assess
    expect(outcome).toMatchObject({ ack: TENCENT_MEETING_ACK });
    expect(rest).toEqual([]);
    expect(item).toMatchObject({
      sourceSystem: 'tencent-meeting',
      sourceRecordId: 'meeting:13339451618278424869',
      type: 'meeting',
      channel: 'tencent-meeting',
      subject: 'tester的快速会议',
      occurredAt: '2024-06-15T09:30:00+08:00',
      endedAt: '2024-06-15T10:25:30+08:00',
      durationSeconds: 3330,
      timezone: 'Asia/Shanghai',
      participants: [
        { name: 'tester-2_name', staffId: 'tester-2', internal: true, role: 'host' },
        { name: 'tester_name', staffId: 'tester', internal: true, role: 'attendee' },
      ],
      threadId: 'tencent-meeting:13339451618278424869',
      metadata: { tencentEvent: 'meeting.end', meetingId: '13339451618278424869', meetingCode: '445999969', creatorUserId: 'tester-2', operatedAt: '2024-06-15T10:25:31+08:00' },
    });
  });

  it('normalises an AES-encrypted recording.completed: file ids in key and metadata, same thread', () => {
    // Act
    const [item] = itemsOf(handle(post(recordingCompleted, { aes: true }), { token: TOKEN, encodingAesKey: AES_KEY }));

    // Assess
    expect(item).toMatchObject({
      sourceRecordId: 'recording:13339451618278424869:1752521+1752523',
      threadId: 'tencent-meeting:13339451618278424869',
      participants: [{ name: 'tester-2_name', staffId: 'tester-2', role: 'host' }],
      metadata: { tencentEvent: 'recording.completed', recordFileIds: ['1752523', '1752521'] },
    });
  });

  it('keeps a 20-digit meeting_id sent as a bare JSON number exact', () => {
    // Prepare
    const json = JSON.stringify(meetingEnd).replace('"meeting_id":"13339451618278424869"', '"meeting_id":13339451618278424869');

    // Act
    const [item] = itemsOf(handle(post(json)));

    // Assess
    expect(item?.threadId).toBe('tencent-meeting:13339451618278424869');
  });

  it('recording.updated fixture: not JSON as published, refused naming data', () => {
    const run = () => handle(post(fixture('recording.updated.docs.txt')));
    expect(run).toThrow(PayloadError);
    expect(run).toThrow(/^data is not valid JSON/);
  });

  it('recording.updated fixture, repaired: verified, acknowledged, ignored by name', () => {
    expect(handle(post(repaired(fixture('recording.updated.docs.txt'))))).toMatchObject({ kind: 'ignore', reason: 'tencent-meeting event recording.updated is not a communication', ack: TENCENT_MEETING_ACK });
  });

  it("recording.updated fixture's meeting_info as a meeting.end: sub-meeting times, no 10-day duration", () => {
    // Prepare
    const doc = JSON.parse(repaired(fixture('recording.updated.docs.txt'))) as { payload: Record<string, unknown>[] };
    const asMeetingEnd = { ...doc, event: 'meeting.end' };

    // Act
    const [item] = itemsOf(handle(post(asMeetingEnd)));

    // Assess: 1608522626 → 1609415039 is 10.3 days, a scheduled range, not a meeting length.
    expect(item).toMatchObject({ sourceRecordId: 'meeting:13339451618278424869', subject: 'tester的快速会议', occurredAt: '2020-12-21T11:50:26+08:00', endedAt: '2020-12-31T19:43:59+08:00' });
    expect(item?.durationSeconds).toBeUndefined();
  });

  it('enroll.cancel fixture: refused as published, ignored by name once valid', () => {
    expect(() => handle(post(fixture('enroll.cancel.docs.txt')))).toThrow(/^data is not valid JSON/);
    expect(handle(post(repaired(fixture('enroll.cancel.docs.txt'))))).toMatchObject({ kind: 'ignore', reason: 'tencent-meeting event enroll.cancel is not a communication' });
  });

  it.each([
    ['a fixture posted as the body itself', { ...post(meetingEnd), rawBody: Buffer.from(fixture('enroll.cancel.docs.txt')) }, /^body is not valid JSON/],
    ['a body without data', { ...post(meetingEnd), rawBody: Buffer.from('{"encrypt":"x"}') }, /^data: /],
    ['meeting.end without meeting_info', post({ event: 'meeting.end', payload: [{ operator }] }), /^payload\.0\.meeting_info: /],
    ['meeting.end without a start time', post({ event: 'meeting.end', payload: [{ meeting_info: { meeting_id: '1' } }] }), /^payload\.0\.meeting_info\.start_time is missing/],
    ['meeting.end with an empty payload', post({ event: 'meeting.end', payload: [] }), /^data\.payload of meeting\.end is empty/],
  ])('refuses %s with a PayloadError naming the field', (_, req, message) => {
    expect(() => handle(req)).toThrow(PayloadError);
    expect(() => handle(req)).toThrow(message);
  });

  it('refuses data that does not decrypt with the configured key', () => {
    const req = postData(randomBytes(40).toString('base64'));
    expect(() => handle(req, { token: TOKEN, encodingAesKey: AES_KEY })).toThrow(/does not decrypt/);
  });
});
