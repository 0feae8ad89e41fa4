import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PayloadError, SignatureError, type TenantContext, type WebhookOutcome, type WebhookRequest } from '../../functions/core/channels/channel-adapter.js';
import { CommunicationInput } from '../../functions/core/model/communication-input.js';
import { wecomAdapter, type WeComSettings } from '../../functions/channels/wecom/wecom-adapter.js';
import { encryptWeComMessage, signWeComPayload } from '../../functions/channels/wecom/wecom-crypto.js';

interface Vector {
  id: string;
  token: string;
  encoding_aes_key: string;
  receive_id: string;
  request: { method: 'GET' | 'POST'; query_string: string; body_file: string | null };
  expected: { plaintext: string };
}

const fixture = (path: string) => new URL(`../../../shared/fixtures/wecom/${path}`, import.meta.url);
const { vectors } = JSON.parse(readFileSync(fixture('crypto-vectors.json'), 'utf8')) as { vectors: Vector[] };
const tenant: TenantContext = { tenantId: 'T001', timezone: 'Asia/Shanghai', internalDomains: ['example.com'] };
const settings: WeComSettings = { token: 'CommHubTestToken', encodingAesKey: 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG', corpId: 'ww0123456789abcdef' };
const NOW_SECONDS = 1_718_418_600;

function vectorRequest(vector: Vector, receivedAt?: Date): WebhookRequest {
  const query = Object.fromEntries(new URLSearchParams(vector.request.query_string));
  const body = vector.request.body_file === null ? Buffer.alloc(0) : readFileSync(fixture(vector.request.body_file));
  return { method: vector.request.method, headers: {}, query, rawBody: body, receivedAt: receivedAt ?? new Date(Number(query.timestamp) * 1000 + 2_000) };
}

const vectorSettings = (v: Vector): WeComSettings => ({ token: v.token, encodingAesKey: v.encoding_aes_key, corpId: v.receive_id });

/** A delivery of `message` as WeCom would POST it to a tenant configured with `settings`. */
function post(message: string, options: { json?: boolean; timestamp?: string; corpId?: string } = {}): WebhookRequest {
  const timestamp = options.timestamp ?? String(NOW_SECONDS);
  const encrypt = encryptWeComMessage({ encodingAesKey: settings.encodingAesKey, receiveId: options.corpId ?? settings.corpId }, message);
  const msgSignature = signWeComPayload(settings.token, { timestamp, nonce: '1372623149', encrypt });
  const body = options.json
    ? JSON.stringify({ tousername: settings.corpId, encrypt, agentid: 1 })
    : `<xml><ToUserName><![CDATA[${settings.corpId}]]></ToUserName><Encrypt><![CDATA[${encrypt}]]></Encrypt><AgentID><![CDATA[1]]></AgentID></xml>`;
  return { method: 'POST', headers: {}, query: { msg_signature: msgSignature, timestamp, nonce: '1372623149' }, rawBody: Buffer.from(body), receivedAt: new Date(NOW_SECONDS * 1000) };
}

function onlyItem(outcome: WebhookOutcome): CommunicationInput {
  expect(outcome.kind).toBe('ingest');
  const items = outcome.kind === 'ingest' ? outcome.items : [];
  expect(items).toHaveLength(1);
  return CommunicationInput.parse(items[0]);
}

function thrown(action: () => unknown): unknown {
  try {
    action();
  } catch (error) {
    return error;
  }
  throw new Error('expected the adapter to throw');
}

describe('WeCom adapter — published vectors through the door', () => {
  it.each(vectors.filter((v) => v.request.method === 'GET').map((v) => [v.id, v] as const))('%s: GET URL verification echoes the plaintext', (_id, vector) => {
    // Act
    const outcome = wecomAdapter.handle(vectorRequest(vector), vectorSettings(vector), tenant);

    // Assess
    expect(outcome).toEqual({ kind: 'respond', response: { statusCode: 200, contentType: 'text/plain', body: vector.expected.plaintext } });
  });

  it.each([
    ['wecom-doc-post-xml', 'hello', '4561255354251345929', '2014-09-02T20:10:13+08:00', 'wecom:mycreate'],
    ['sbzhu-sample-post-xml', '你好', '1456453720', '2016-10-14T13:26:19+08:00', 'wecom:ChenJiaShun'],
    ['wechat-mp-compat-mode', 'abcdteT', '6054768590064713728', '2014-09-03T17:14:28+08:00', 'wecom:oyORnuP8q7ou2gfYjqLzSIWZf0rs'],
  ])('%s: POST XML is verified, decrypted and normalised', (id, content, msgId, occurredAt, threadId) => {
    // Prepare
    const vector = vectors.find((v) => v.id === id) as Vector;

    // Act
    const outcome = wecomAdapter.handle(vectorRequest(vector), vectorSettings(vector), tenant);

    // Assess
    const item = onlyItem(outcome);
    expect(item).toMatchObject({ sourceSystem: 'wecom', sourceRecordId: msgId, type: 'wechat', channel: 'wecom', direction: 'inbound', content, occurredAt, threadId });
    expect(outcome).toMatchObject({ ack: { statusCode: 200, contentType: 'text/plain', body: 'success' } });
  });

  it('sbzhu-sample-post-json: the JSON body verifies, but its published plaintext is malformed JSON → PayloadError', () => {
    const vector = vectors.find((v) => v.id === 'sbzhu-sample-post-json') as Vector;
    const error = thrown(() => wecomAdapter.handle(vectorRequest(vector), vectorSettings(vector), tenant));
    expect(error).toBeInstanceOf(PayloadError);
    expect((error as Error).message).toMatch(/decrypted message is not valid JSON/);
  });

  it('refuses a verified vector delivered 6 minutes later (or earlier) as stale', () => {
    // Prepare
    const vector = vectors.find((v) => v.id === 'wecom-doc-post-xml') as Vector;
    const signedAt = 1_409_659_813_000;

    // Act
    const late = thrown(() => wecomAdapter.handle(vectorRequest(vector, new Date(signedAt + 6 * 60_000)), vectorSettings(vector), tenant));
    const early = thrown(() => wecomAdapter.handle(vectorRequest(vector, new Date(signedAt - 6 * 60_000)), vectorSettings(vector), tenant));

    // Assess
    expect(late).toBeInstanceOf(SignatureError);
    expect((late as SignatureError).failure).toBe('stale');
    expect((early as SignatureError).failure).toBe('stale');
  });

  it('returns the replay key and window WeCom’s signed timestamp allows', () => {
    const vector = vectors.find((v) => v.id === 'wecom-doc-post-xml') as Vector;
    const outcome = wecomAdapter.handle(vectorRequest(vector), vectorSettings(vector), tenant);
    expect(outcome).toMatchObject({
      replay: { replayKey: '477715d11cdb4164915debcba66cb864d751f3e6:1409659813:1372623149', expiresAt: new Date(1_409_659_813_000 + 300_000) },
    });
  });
});

describe('WeCom adapter — rejections', () => {
  const vector = vectors.find((v) => v.id === 'wecom-doc-verifyurl') as Vector;

  it.each([
    ['forged', { msg_signature: '0'.repeat(40) }],
    ['missing', { msg_signature: undefined }],
    ['missing', { echostr: undefined }],
    ['missing', { nonce: '' }],
    ['forged', { echostr: 'not base64!' }],
    ['forged', { timestamp: '1409659590' }],
  ])('%s when the query is %j', (failure, override) => {
    // Prepare
    const base = vectorRequest(vector);
    const request = { ...base, query: { ...base.query, ...override } };

    // Act
    const error = thrown(() => wecomAdapter.handle(request, vectorSettings(vector), tenant));

    // Assess
    expect(error).toBeInstanceOf(SignatureError);
    expect((error as SignatureError).failure).toBe(failure);
  });

  it('refuses a URL verification delivered 6 minutes after it was signed as stale', () => {
    const error = thrown(() => wecomAdapter.handle(vectorRequest(vector, new Date(1_409_659_589_000 + 6 * 60_000)), vectorSettings(vector), tenant));
    expect((error as SignatureError).failure).toBe('stale');
  });

  it('refuses a correctly signed timestamp that is not unix seconds as stale', () => {
    const error = thrown(() => wecomAdapter.handle(post('<xml/>', { timestamp: 'yesterday' }), settings, tenant));
    expect((error as SignatureError).failure).toBe('stale');
  });

  it('refuses a message encrypted for another CorpID as wrong-recipient', () => {
    const error = thrown(() => wecomAdapter.handle(post('<xml><MsgType>text</MsgType></xml>', { corpId: 'wwSomeoneElse' }), settings, tenant));
    expect((error as SignatureError).failure).toBe('wrong-recipient');
  });

  it.each([
    ['a body that is neither XML nor JSON', Buffer.from('hello')],
    ['XML without Encrypt', Buffer.from('<xml><ToUserName>x</ToUserName></xml>')],
    ['truncated XML', Buffer.from('<xml><Encrypt>abc</Encr')],
    ['JSON without encrypt', Buffer.from('{"tousername":"x"}')],
    ['a DOCTYPE', Buffer.from('<!DOCTYPE x [<!ENTITY a "b">]><xml><Encrypt>&a;</Encrypt></xml>')],
  ])('refuses %s with a PayloadError', (_label, rawBody) => {
    const error = thrown(() => wecomAdapter.handle({ ...post('<xml/>'), rawBody }, settings, tenant));
    expect(error).toBeInstanceOf(PayloadError);
  });

  it.each([
    ['malformed inner XML', '<xml><MsgType>text</MsgType>'],
    ['no MsgType', '<xml><FromUserName>a</FromUserName></xml>'],
    ['no sender', '<xml><MsgType>text</MsgType><CreateTime>1</CreateTime></xml>'],
    ['a location without coordinates', '<xml><MsgType>location</MsgType><FromUserName>a</FromUserName></xml>'],
    ['an image without MediaId', '<xml><MsgType>image</MsgType><FromUserName>a</FromUserName></xml>'],
    ['a CreateTime that is not unix seconds', '<xml><MsgType>text</MsgType><FromUserName>a</FromUserName><CreateTime>today</CreateTime></xml>'],
    ['plain text', 'just text'],
  ])('refuses a verified delivery with %s as a PayloadError', (_label, message) => {
    expect(thrown(() => wecomAdapter.handle(post(message), settings, tenant))).toBeInstanceOf(PayloadError);
  });
});

describe('WeCom adapter — JSON-mode callbacks', () => {
  it('keeps a 64-bit MsgId exact in a JSON plaintext', () => {
    // Prepare
    const message = '{"ToUserName":"ww0123456789abcdef","FromUserName":"mycreate","CreateTime":1409659813,"MsgType":"text","Content":"hello","MsgId":4561255354251345929,"AgentID":218}';

    // Act
    const item = onlyItem(wecomAdapter.handle(post(message, { json: true }), settings, tenant));

    // Assess
    expect(item).toMatchObject({ sourceRecordId: '4561255354251345929', content: 'hello', occurredAt: '2014-09-02T20:10:13+08:00' });
  });

  it('maps a robot message (lower-case fields, group chat) and dates it by the signed timestamp', () => {
    // Prepare
    const message = JSON.stringify({ msgid: 'CAIQ16HMjQYY', aibotid: 'AIBOTID', chatid: 'wrkSFfCgAAxxxx', chattype: 'group', from: { userid: 'wmExternal0123456789abcd' }, msgtype: 'text', text: { content: '@bot 报价多少' } });

    // Act
    const item = onlyItem(wecomAdapter.handle(post(message, { json: true }), settings, tenant));

    // Assess
    expect(item).toMatchObject({
      sourceRecordId: 'CAIQ16HMjQYY',
      content: '@bot 报价多少',
      threadId: 'wecom:wrkSFfCgAAxxxx',
      customer: { wecomUserId: 'wmExternal0123456789abcd' },
      participants: [{ wecomUserId: 'wmExternal0123456789abcd', role: 'from', internal: false }],
      occurredAt: '2024-06-15T10:30:00+08:00',
    });
  });
});
