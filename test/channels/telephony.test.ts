import { describe, expect, it } from 'vitest';
import { PayloadError, SignatureError, type TenantContext, type WebhookRequest } from '../../functions/core/channels/channel-adapter.js';
import { CommunicationInput } from '../../functions/core/model/communication-input.js';
import { signCommHub, verifyCommHub } from '../../functions/channels/signing/commhub-signature.js';
import { telephonyAdapter } from '../../functions/channels/telephony/telephony-adapter.js';

const SECRET = 'telephony-secret-0123456789';
const NOW = new Date('2024-06-15T02:35:00Z');
const TENANT: TenantContext = { tenantId: 'T001', timezone: 'Asia/Shanghai', internalDomains: ['example.cn'] };

/** A delivery signed like a provider would sign it (or with the given header). */
function delivery(body: unknown, header?: string): WebhookRequest {
  const rawBody = Buffer.isBuffer(body) ? body : Buffer.from(typeof body === 'string' ? body : JSON.stringify(body));
  const signature = header ?? signCommHub(SECRET, rawBody, Math.floor(NOW.getTime() / 1000));
  return { method: 'POST', headers: { 'x-commhub-signature': signature }, query: {}, rawBody, receivedAt: NOW };
}

function ingest(body: unknown): CommunicationInput[] {
  const outcome = telephonyAdapter.handle(delivery(body), { secret: SECRET }, TENANT);
  if (outcome.kind !== 'ingest') throw new Error(`expected ingest, got ${outcome.kind}`);
  for (const item of outcome.items) expect(CommunicationInput.parse(item)).toEqual(item);
  return [...outcome.items];
}

function payloadErrorOf(body: unknown): string {
  try {
    telephonyAdapter.handle(delivery(body), { secret: SECRET }, TENANT);
  } catch (error) {
    if (error instanceof PayloadError) return error.message;
    throw error;
  }
  throw new Error('expected a PayloadError');
}

const baseCall = {
  callId: 'CALL-20240615-0001',
  caller: '138 0013 8000',
  callee: '400-810-8888',
  direction: 'inbound',
  startedAt: '2024-06-15T10:30:00+08:00',
};

describe('telephony adapter', () => {
  it('is the telephony door with { secret } settings', () => {
    expect(telephonyAdapter.channel).toBe('telephony');
    expect(telephonyAdapter.settingsKey).toBe('telephony');
    expect(telephonyAdapter.settingsSchema.safeParse({ secret: 'short' }).success).toBe(false);
    expect(telephonyAdapter.settingsSchema.parse({ secret: SECRET })).toEqual({ secret: SECRET });
  });

  it('maps a full CDR with transcript segments to one phone record', () => {
    // Prepare
    const cdr = {
      ...baseCall,
      answeredAt: '2024-06-15T10:30:12+08:00',
      endedAt: '2024-06-15T10:35:12+08:00',
      status: 'answered',
      agent: { id: 'A007', name: '王丽', extension: '8007' },
      recordingUrl: 'https://recordings.example.cn/2024/06/15/CALL-20240615-0001.mp3',
      transcript: [
        { speaker: 'agent', text: '您好，华东科技客服中心，请问有什么可以帮您？', start: 0, end: 3.2 },
        { speaker: 'customer', text: '我上周买的设备无法开机，想申请售后。', start: 3.5 },
        { speaker: 'IVR', text: '本次通话将被录音', start: 65 },
      ],
      customer: { id: 'CUST-001', name: '李先生' },
      hotline: '4008108888',
      metadata: { queue: 'after-sales' },
    };

    // Act
    const { items, replay } = (() => {
      const request = delivery(cdr);
      const outcome = telephonyAdapter.handle(request, { secret: SECRET }, TENANT);
      if (outcome.kind !== 'ingest') throw new Error('expected ingest');
      return { items: outcome.items, replay: outcome.replay };
    })();

    // Assess
    expect(items).toHaveLength(1);
    expect(items[0]).toEqual({
      sourceSystem: 'telephony',
      sourceRecordId: 'CALL-20240615-0001',
      type: 'phone',
      channel: '400',
      occurredAt: '2024-06-15T10:30:00+08:00',
      endedAt: '2024-06-15T10:35:12+08:00',
      durationSeconds: 312,
      direction: 'inbound',
      customer: { id: 'CUST-001', name: '李先生', phone: '+8613800138000' },
      participants: [
        { phone: '+8613800138000', name: '李先生', role: 'customer' },
        { staffId: 'A007', name: '王丽', role: 'agent', internal: true },
      ],
      handledBy: 'A007',
      content: '[00:00] 客服: 您好，华东科技客服中心，请问有什么可以帮您？\n[00:03] 客户: 我上周买的设备无法开机，想申请售后。\n[01:05] IVR: 本次通话将被录音',
      recording: { url: 'https://recordings.example.cn/2024/06/15/CALL-20240615-0001.mp3' },
      threadId: 'call:CALL-20240615-0001',
      attachments: [],
      tags: [],
      metadata: {
        status: 'answered',
        caller: '138 0013 8000',
        callee: '400-810-8888',
        companyNumber: '+864008108888',
        hotline: '+864008108888',
        customerNumberRecognised: true,
        answeredAt: '2024-06-15T10:30:12+08:00',
        talkSeconds: 300,
        agentExtension: '8007',
        provider: { queue: 'after-sales' },
      },
    });
    expect(replay).toEqual(verifyCommHub(delivery(cdr).headers['x-commhub-signature'], SECRET, delivery(cdr).rawBody, NOW));
  });

  it('still records a missed call, with what happened as its content', () => {
    // Prepare
    const cdr = { ...baseCall, callId: 'MISSED-1', endedAt: '2024-06-15T10:30:25+08:00', status: 'missed' };

    // Act
    const [item] = ingest(cdr);

    // Assess
    expect(item).toMatchObject({ sourceRecordId: 'MISSED-1', content: '未接来电', durationSeconds: 25, direction: 'inbound' });
    expect(item?.metadata).toMatchObject({ status: 'missed' });
    expect(item?.participants).toEqual([{ phone: '+8613800138000', role: 'customer' }]);
    expect(item?.recording).toBeUndefined();
  });

  it('takes the callee as the customer of an outbound call', () => {
    // Prepare
    const cdr = { ...baseCall, callId: 'OUT-1', direction: 'outbound', caller: '4008108888', callee: '+86 139-1234-5678', agent: { id: 'A010' } };

    // Act
    const [item] = ingest(cdr);

    // Assess
    expect(item?.direction).toBe('outbound');
    expect(item?.customer).toEqual({ phone: '+8613912345678' });
    expect(item?.participants).toEqual([
      { phone: '+8613912345678', role: 'customer' },
      { staffId: 'A010', role: 'agent', internal: true },
    ]);
    expect(item?.metadata).toMatchObject({ companyNumber: '+864008108888', caller: '4008108888' });
  });

  it.each([
    ['13800138000', '+8613800138000'],
    ['0086 138 0013 8000', '+8613800138000'],
    ['8613800138000', '+8613800138000'],
    ['400 810 8888', '+864008108888'],
    ['010-6552 9988', '+861065529988'],
  ])('normalises the customer number %s to %s', (raw, e164) => {
    const [item] = ingest({ ...baseCall, caller: raw });
    expect(item?.customer?.phone).toBe(e164);
    expect(item?.participants[0]?.phone).toBe(e164);
  });

  it('keeps a withheld number as given, but never as an identity hint', () => {
    const [item] = ingest({ ...baseCall, caller: 'anonymous', status: 'missed' });
    expect(item?.customer).toBeUndefined();
    expect(item?.participants[0]).toEqual({ phone: 'anonymous', role: 'customer' });
    expect(item?.metadata).toMatchObject({ customerNumberRecognised: false });
  });

  it('reads unix seconds in the tenant zone, computes the duration, and keeps a plain transcript', () => {
    // Prepare: 1718418600 = 2024-06-15T02:30:00Z = 10:30 in Shanghai.
    const cdr = { ...baseCall, startedAt: 1718418600, endedAt: 1718418690, transcript: '客户: 你好\n客服: 您好' };

    // Act
    const [item] = ingest(cdr);

    // Assess
    expect(item).toMatchObject({ occurredAt: '2024-06-15T10:30:00+08:00', endedAt: '2024-06-15T10:31:30+08:00', durationSeconds: 90, content: '客户: 你好\n客服: 您好' });
  });

  it('maps a batch of three calls to three records', () => {
    // Prepare
    const calls = ['B-1', 'B-2', 'B-3'].map((callId, i) => ({ ...baseCall, callId, caller: `1380013800${i}` }));

    // Act
    const items = ingest({ calls });

    // Assess
    expect(items.map((item) => [item.sourceRecordId, item.threadId, item.customer?.phone])).toEqual([
      ['B-1', 'call:B-1', '+8613800138000'],
      ['B-2', 'call:B-2', '+8613800138001'],
      ['B-3', 'call:B-3', '+8613800138002'],
    ]);
  });

  it.each([
    ['a missing caller', { ...baseCall, caller: undefined }, /caller/],
    ['an unknown direction', { ...baseCall, direction: 'sideways' }, /direction must be 'inbound' or 'outbound'/],
    ['a misspelt field', { ...baseCall, calleee: '1' }, /calleee/],
    ['a time without offset', { ...baseCall, startedAt: '2024-06-15 10:30:00' }, /startedAt: an ISO 8601 date-time with offset/],
    ['milliseconds for seconds', { ...baseCall, startedAt: 1718418600000 }, /startedAt: unix seconds before 2100.*milliseconds/],
    ['an end before the start', { ...baseCall, endedAt: '2024-06-15T10:29:00+08:00' }, /endedAt: endedAt is before startedAt/],
    ['a bad status', { ...baseCall, status: 'hung-up' }, /status must be one of/],
    ['an agent without id', { ...baseCall, agent: { name: '王丽' } }, /agent\.id/],
    ['a transcript segment without text', { ...baseCall, transcript: [{ speaker: 'agent' }] }, /transcript/],
    ['a non-http recording', { ...baseCall, recordingUrl: 'ftp://x/y.mp3' }, /recordingUrl: an http\(s\) URL/],
    ['a bad call inside a batch', { calls: [baseCall, { ...baseCall, startedAt: 'yesterday' }] }, /calls\[1\]\.startedAt/],
    ['an empty batch', { calls: [] }, /calls: a batch holds at least one call/],
    ['a JSON array', [baseCall], /\(body\)/],
    ['text that is not JSON', 'callId=1&caller=2', /the body is not valid JSON: Unexpected token 'c'/],
    ['an empty body', '', /the body is empty/],
  ])('answers %s after a valid signature with a PayloadError naming it', (_case, body, message) => {
    expect(payloadErrorOf(body)).toMatch(message);
  });

  it('refuses a batch of more than 500 calls', () => {
    const calls = Array.from({ length: 501 }, (_, i) => ({ ...baseCall, callId: `C${i}` }));
    expect(payloadErrorOf({ calls })).toMatch(/at most 500 calls/);
  });

  it('checks the signature before reading the body', () => {
    // Prepare: not JSON, and signed with another secret.
    const request = delivery('not json', signCommHub('someone-elses-secret', Buffer.from('not json'), Math.floor(NOW.getTime() / 1000)));

    // Act / Assess
    expect(() => telephonyAdapter.handle(request, { secret: SECRET }, TENANT)).toThrow(SignatureError);
    expect(() => telephonyAdapter.handle({ ...request, headers: {} }, { secret: SECRET }, TENANT)).toThrow(/missing/);
  });
});
