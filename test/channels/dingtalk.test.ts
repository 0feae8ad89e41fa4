import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PayloadError, SignatureError, type TenantContext, type WebhookOutcome, type WebhookRequest } from '../../functions/core/channels/channel-adapter.js';
import { CommunicationInput } from '../../functions/core/model/communication-input.js';
import { dingtalkAdapter, type DingTalkSettings } from '../../functions/channels/dingtalk/dingtalk-adapter.js';
import { decryptDingTalkEvent, encryptDingTalkEvent, signDingTalkPayload } from '../../functions/channels/dingtalk/dingtalk-crypto.js';
import { signatureFailureOf } from '../support/adapter-errors.js';

interface DingTalkVector {
  token: string;
  aes_key: string;
  owner_key: string;
  request: { query_string: string; body: { encrypt: string } };
  expected: { plaintext: string; random16: string; pkcs7_pad_len: number };
}

const file = new URL('../../../shared/fixtures/meetings/dingtalk/callback-crypto-vector.json', import.meta.url);
const vector = (JSON.parse(readFileSync(file, 'utf8')) as { vectors: DingTalkVector[] }).vectors[0] as DingTalkVector;
const settings: DingTalkSettings = { token: vector.token, aesKey: vector.aes_key, ownerKey: vector.owner_key };
const tenant: TenantContext = { tenantId: 'T001', timezone: 'Asia/Shanghai', internalDomains: [] };
const vectorQuery = Object.fromEntries(new URLSearchParams(vector.request.query_string));
const SIGNED_AT = 1_445_827_045_067;

function vectorRequest(receivedAt = new Date(SIGNED_AT + 1_500), query: Record<string, string | undefined> = vectorQuery): WebhookRequest {
  return { method: 'POST', headers: { 'content-type': 'application/json' }, query, rawBody: Buffer.from(JSON.stringify(vector.request.body)), receivedAt };
}

/** A delivery of `event` encrypted and signed with the vector's keys, as DingTalk would send it now. */
function deliver(event: unknown, ownerKey = settings.ownerKey): WebhookOutcome {
  const timestamp = '1718418600000';
  const encrypt = encryptDingTalkEvent({ aesKey: settings.aesKey, ownerKey }, typeof event === 'string' ? event : JSON.stringify(event));
  const query = { signature: signDingTalkPayload(settings.token, { timestamp, nonce: 'aBcD1234', encrypt }), timestamp, nonce: 'aBcD1234' };
  return dingtalkAdapter.handle({ method: 'POST', headers: {}, query, rawBody: Buffer.from(JSON.stringify({ encrypt })), receivedAt: new Date(1_718_418_600_000) }, settings, tenant);
}

/** Decrypts the adapter's `{msg_signature,timeStamp,nonce,encrypt}` answer the way DingTalk checks it. */
function decryptReply(body: string): string {
  const reply = JSON.parse(body) as { msg_signature: string; timeStamp: string; nonce: string; encrypt: string };
  return decryptDingTalkEvent(settings, { signature: reply.msg_signature, timestamp: reply.timeStamp, nonce: reply.nonce, encrypt: reply.encrypt });
}


describe('DingTalk callback crypto — the documentation vector', () => {
  it('verifies signature 5a65ce… and decrypts to check_create_suite_url for the suite key', () => {
    // Prepare
    const payload = { signature: vectorQuery.signature ?? '', timestamp: vectorQuery.timestamp ?? '', nonce: vectorQuery.nonce ?? '', encrypt: vector.request.body.encrypt };

    // Act
    const plaintext = decryptDingTalkEvent(settings, payload);

    // Assess
    expect(payload.signature).toBe('5a65ceeef9aab2d149439f82dc191dd6c5cbe2c0');
    expect(signDingTalkPayload(settings.token, payload)).toBe(payload.signature);
    expect(plaintext).toBe(vector.expected.plaintext);
  });

  it('reproduces the vector ciphertext from its random prefix', () => {
    const encrypted = encryptDingTalkEvent(settings, vector.expected.plaintext, () => Buffer.from(vector.expected.random16, 'utf8'));
    expect(encrypted).toBe(vector.request.body.encrypt);
  });
});

describe('DingTalk adapter', () => {
  it('answers the check_create_suite_url handshake with an encrypted, signed "success"', () => {
    // Act
    const outcome = dingtalkAdapter.handle(vectorRequest(), settings, tenant);

    // Assess
    expect(outcome.kind).toBe('respond');
    const response = outcome.kind === 'respond' ? outcome.response : undefined;
    expect(response).toMatchObject({ statusCode: 200, contentType: 'application/json' });
    expect(JSON.parse(response?.body ?? '{}')).toEqual({ msg_signature: expect.stringMatching(/^[0-9a-f]{40}$/), timeStamp: String(SIGNED_AT + 1_500), nonce: expect.stringMatching(/^[A-Za-z0-9]{8}$/), encrypt: expect.any(String) });
    expect(decryptReply(response?.body ?? '')).toBe('success');
  });

  it('accepts the msg_signature / timeStamp spelling of the query too', () => {
    const query = { msg_signature: vectorQuery.signature, timeStamp: vectorQuery.timestamp, nonce: vectorQuery.nonce };
    expect(dingtalkAdapter.handle(vectorRequest(undefined, query), settings, tenant).kind).toBe('respond');
  });

  it.each([
    ['stale', () => dingtalkAdapter.handle(vectorRequest(new Date(SIGNED_AT + 6 * 60_000)), settings, tenant)],
    ['forged', () => dingtalkAdapter.handle(vectorRequest(undefined, { ...vectorQuery, signature: `6${vectorQuery.signature?.slice(1)}` }), settings, tenant)],
    ['forged', () => dingtalkAdapter.handle(vectorRequest(undefined, { ...vectorQuery, timestamp: String(SIGNED_AT + 1) }), settings, tenant)],
    ['missing', () => dingtalkAdapter.handle(vectorRequest(undefined, { timestamp: vectorQuery.timestamp, nonce: vectorQuery.nonce }), settings, tenant)],
    ['wrong-recipient', () => dingtalkAdapter.handle(vectorRequest(), { ...settings, ownerKey: 'dingCorpOther' }, tenant)],
    ['wrong-recipient', () => deliver({ EventType: 'check_url' }, 'suiteSomeoneElse')],
  ])('refuses as %s', (failure, action) => {
    expect(signatureFailureOf(action)).toBe(failure);
  });

  it.each([
    ['a non-JSON body', { ...vectorRequest(), rawBody: Buffer.from('<xml/>') }],
    ['a body without encrypt', { ...vectorRequest(), rawBody: Buffer.from('{"data":"x"}') }],
    ['a GET', { ...vectorRequest(), method: 'GET' as const }],
  ])('refuses %s with a PayloadError', (_label, request) => {
    expect(() => dingtalkAdapter.handle(request, settings, tenant)).toThrow(PayloadError);
  });

  it.each([['not JSON', 'success?'], ['no EventType', '{"Random":"x"}'], ['an array', '[1]']])('refuses a verified event that is %s with a PayloadError', (_label, plaintext) => {
    expect(() => deliver(plaintext)).toThrow(PayloadError);
  });

  it('ignores events that are not communications, still answering the encrypted success', () => {
    // Act
    const outcome = deliver({ EventType: 'user_add_org', UserId: ['manager1'], CorpId: 'dingCorp' });

    // Assess
    expect(outcome).toMatchObject({ kind: 'ignore', reason: 'DingTalk event user_add_org is not a communication', replay: { replayKey: expect.stringMatching(/:1718418600000:aBcD1234$/) } });
    expect(decryptReply(outcome.kind === 'ignore' ? (outcome.ack?.body ?? '') : '')).toBe('success');
  });

  it('maps a (synthetic, assumed-shape) conference-end event to a meeting record', () => {
    // Prepare: no DingTalk sample exists — this is the shape dingtalk-meeting.ts assumes.
    const event = {
      EventType: 'conference_end',
      CorpId: 'dingCorp',
      conferenceId: 'CONF-2024-0615-001',
      title: '华东区季度复盘',
      startTime: 1_718_416_800_000,
      endTime: 1_718_420_400_000,
      host: { userId: 'manager1', name: '王经理' },
      participants: [{ userId: 'manager1', name: '王经理' }, { name: '李客户', mobile: '13800138000', email: 'li@customer.cn' }],
      recordingUrl: 'https://dingtalk.example/recordings/CONF-2024-0615-001.mp4',
    };

    // Act
    const outcome = deliver(event);

    // Assess
    expect(outcome.kind).toBe('ingest');
    const item = CommunicationInput.parse(outcome.kind === 'ingest' ? outcome.items[0] : undefined);
    expect(item).toMatchObject({
      sourceSystem: 'dingtalk',
      sourceRecordId: 'CONF-2024-0615-001',
      type: 'meeting',
      channel: 'dingtalk',
      threadId: 'dingtalk:meeting:CONF-2024-0615-001',
      subject: '华东区季度复盘',
      occurredAt: '2024-06-15T10:00:00+08:00',
      endedAt: '2024-06-15T11:00:00+08:00',
      durationSeconds: 3600,
      recording: { url: event.recordingUrl },
      participants: [
        { staffId: 'manager1', name: '王经理', role: 'host', internal: true },
        { name: '李客户', phone: '13800138000', email: 'li@customer.cn', role: 'attendee' },
      ],
      metadata: { eventType: 'conference_end', assumedMapping: true },
    });
  });

  it('reads a meeting id from a bizData JSON string, keeping a 64-bit id exact, and times in seconds', () => {
    const outcome = deliver(`{"EventType":"meeting_end","bizData":"{\\"meetingId\\":11101571002822706744,\\"topic\\":\\"周会\\",\\"start_time\\":1718416800}"}`);
    expect(outcome.kind === 'ingest' ? outcome.items[0] : undefined).toMatchObject({ sourceRecordId: '11101571002822706744', subject: '周会', occurredAt: '2024-06-15T10:00:00+08:00' });
  });

  it('ignores a meeting-like event without a conference id, naming its EventType', () => {
    expect(deliver({ EventType: 'conference_status_change' })).toMatchObject({ kind: 'ignore', reason: 'DingTalk event conference_status_change is not a communication (no conference id)' });
  });

  it('property: 500 random queries, bodies and signed plaintexts only ever yield SignatureError or PayloadError', () => {
    const junk = fc.record({ query: fc.dictionary(fc.constantFrom('signature', 'timestamp', 'nonce', 'timeStamp'), fc.string({ maxLength: 50 })), body: fc.string({ maxLength: 200 }) });
    const meetingish = fc.record({ EventType: fc.constantFrom('conference_end', 'meeting_x', 'check_url', 'other'), conferenceId: fc.option(fc.oneof(fc.string({ maxLength: 600 }), fc.integer())), startTime: fc.option(fc.oneof(fc.double(), fc.bigInt().map(String))), participants: fc.option(fc.array(fc.jsonValue(), { maxLength: 4 })) });
    const input = fc.oneof(junk, fc.oneof(fc.string(), fc.jsonValue().map((v) => JSON.stringify(v)), meetingish.map((e) => JSON.stringify(e))));
    fc.assert(
      fc.property(input, (value) => {
        try {
          const outcome = typeof value === 'string' ? deliver(value) : dingtalkAdapter.handle({ ...vectorRequest(), query: value.query, rawBody: Buffer.from(value.body) }, settings, tenant);
          if (outcome.kind === 'ingest') outcome.items.forEach((item) => CommunicationInput.parse(item));
        } catch (error) {
          if (!(error instanceof SignatureError) && !(error instanceof PayloadError)) throw error;
        }
      }),
      { numRuns: 500 },
    );
  });
});
