import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PayloadError, SignatureError, type TenantContext, type WebhookRequest } from '../../functions/core/channels/channel-adapter.js';
import { CommunicationInput } from '../../functions/core/model/communication-input.js';
import { wecomAdapter, type WeComSettings } from '../../functions/channels/wecom/wecom-adapter.js';
import { encryptWeComMessage, signWeComPayload } from '../../functions/channels/wecom/wecom-crypto.js';

const tenant: TenantContext = { tenantId: 'T001', timezone: 'Asia/Shanghai', internalDomains: [] };
const settings: WeComSettings = { token: 'CommHubTestToken', encodingAesKey: 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG', corpId: 'ww0123456789abcdef' };
const NOW = 1_718_418_600;

/** Random junk: arbitrary query values and bodies that never verify. */
const junkRequest = fc.record({
  method: fc.constantFrom('GET' as const, 'POST' as const),
  query: fc.dictionary(fc.constantFrom('msg_signature', 'timestamp', 'nonce', 'echostr', 'x'), fc.string({ maxLength: 60 })),
  body: fc.oneof(fc.string({ maxLength: 300 }), fc.constant('<xml><Encrypt>abc</Encrypt></xml>'), fc.string().map((s) => `{"encrypt":${JSON.stringify(s)}}`)),
});

/** Random inner XML messages with plausible field names and hostile values. */
const innerXml = fc
  .record({
    MsgType: fc.constantFrom('text', 'image', 'voice', 'video', 'file', 'link', 'location', 'event', 'weird', ''),
    FromUserName: fc.option(fc.string({ maxLength: 200 })),
    CreateTime: fc.option(fc.oneof(fc.integer({ min: 0, max: 4_000_000_000 }).map(String), fc.string({ maxLength: 14 }))),
    MsgId: fc.option(fc.oneof(fc.bigInt({ min: 0n, max: 2n ** 64n }).map(String), fc.string({ maxLength: 600 }))),
    Content: fc.option(fc.string()),
    MediaId: fc.option(fc.string({ maxLength: 3000 })),
    PicUrl: fc.option(fc.string()),
    Location_X: fc.option(fc.oneof(fc.double().map(String), fc.string({ maxLength: 5 }))),
    Location_Y: fc.option(fc.oneof(fc.double().map(String), fc.string({ maxLength: 5 }))),
    Event: fc.option(fc.string({ maxLength: 20 })),
  })
  .map((fields) => `<xml>${Object.entries(fields).map(([k, v]) => (v === null ? '' : `<${k}><![CDATA[${v.replaceAll(']]>', '')}]]></${k}>`)).join('')}</xml>`);

/** Correctly signed and encrypted deliveries of random plaintexts: they reach the parsers. */
const signedRequest = fc.record({
  method: fc.constantFrom('GET' as const, 'POST' as const),
  plaintext: fc.oneof(innerXml, fc.string(), fc.json(), fc.constant('<xml><MsgType>text</MsgType>')),
  json: fc.boolean(),
});

function toRequest(input: { method: 'GET' | 'POST'; query: Record<string, string>; body: string }): WebhookRequest {
  return { method: input.method, headers: {}, query: input.query, rawBody: Buffer.from(input.body), receivedAt: new Date(NOW * 1000) };
}

function signed(input: { method: 'GET' | 'POST'; plaintext: string; json: boolean }): WebhookRequest {
  const timestamp = String(NOW);
  const encrypt = encryptWeComMessage({ encodingAesKey: settings.encodingAesKey, receiveId: settings.corpId }, input.plaintext);
  const query = { msg_signature: signWeComPayload(settings.token, { timestamp, nonce: 'n', encrypt }), timestamp, nonce: 'n', echostr: encrypt };
  const body = input.json ? JSON.stringify({ encrypt }) : `<xml><Encrypt><![CDATA[${encrypt}]]></Encrypt></xml>`;
  return toRequest({ method: input.method, query, body });
}

/** The adapter's whole error contract: a result whose items parse, or one of the two named errors. */
function assertContract(request: WebhookRequest): void {
  try {
    const outcome = wecomAdapter.handle(request, settings, tenant);
    if (outcome.kind === 'ingest') for (const item of outcome.items) CommunicationInput.parse(item);
  } catch (error) {
    if (!(error instanceof SignatureError) && !(error instanceof PayloadError)) throw error;
  }
}

describe('WeCom adapter — property: bad input only ever yields SignatureError or PayloadError', () => {
  it('500 random queries and bodies', () => {
    fc.assert(fc.property(junkRequest, (input) => assertContract(toRequest(input))), { numRuns: 500 });
  });

  it('500 correctly signed deliveries of random plaintexts', () => {
    fc.assert(fc.property(signedRequest, (input) => assertContract(signed(input))), { numRuns: 500 });
  });

  it('a signed random XML message either normalises to valid input or is refused as a PayloadError', () => {
    // Prepare / Act / Assess in one property: every outcome is one of the three allowed shapes.
    fc.assert(
      fc.property(innerXml, (xml) => {
        try {
          const outcome = wecomAdapter.handle(signed({ method: 'POST', plaintext: xml, json: false }), settings, tenant);
          expect(['ingest', 'ignore']).toContain(outcome.kind);
        } catch (error) {
          expect(error).toBeInstanceOf(PayloadError);
        }
      }),
      { numRuns: 300 },
    );
  });
});
