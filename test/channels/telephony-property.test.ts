import fc from 'fast-check';
import { describe, it } from 'vitest';
import { PayloadError, SignatureError, type TenantContext, type WebhookRequest } from '../../functions/core/channels/channel-adapter.js';
import { CommunicationInput } from '../../functions/core/model/communication-input.js';
import { signCommHub } from '../../functions/channels/signing/commhub-signature.js';
import { telephonyAdapter } from '../../functions/channels/telephony/telephony-adapter.js';

const SECRET = 'telephony-secret-0123456789';
const NOW = new Date('2024-06-15T02:35:00Z');
const TENANT: TenantContext = { tenantId: 'T001', timezone: 'Asia/Shanghai', internalDomains: ['example.cn'] };

/** A delivery signed with the tenant's secret. */
function delivery(body: unknown): WebhookRequest {
  const rawBody = Buffer.from(typeof body === 'string' ? body : JSON.stringify(body) ?? '');
  const signature = signCommHub(SECRET, rawBody, Math.floor(NOW.getTime() / 1000));
  return { method: 'POST', headers: { 'x-commhub-signature': signature }, query: {}, rawBody, receivedAt: NOW };
}

describe('telephony adapter (property)', () => {
  it('property: 500 random deliveries end in records, a SignatureError or a PayloadError — nothing else', () => {
    const phone = fc.oneof(fc.constantFrom('13800138000', '400-810-8888', '+1 415 555 0100', 'anonymous', ''), fc.string({ maxLength: 45 }));
    const time = fc.oneof(fc.constantFrom('2024-06-15T10:30:00+08:00', '2024-06-15T02:30:00Z'), fc.integer({ min: -1, max: 5_000_000_000 }), fc.string());
    const call = fc.record(
      {
        callId: fc.string({ maxLength: 210 }),
        caller: phone,
        callee: phone,
        direction: fc.constantFrom('inbound', 'outbound', 'both'),
        startedAt: time,
        endedAt: time,
        durationSeconds: fc.double(),
        status: fc.constantFrom('answered', 'missed', 'voicemail', 'busy', 'failed', 'x'),
        agent: fc.record({ id: fc.string({ maxLength: 130 }), name: fc.string() }, { requiredKeys: [] }),
        transcript: fc.oneof(fc.string(), fc.array(fc.record({ speaker: fc.string(), text: fc.string(), start: fc.double() }))),
        customer: fc.record({ id: fc.string(), name: fc.string() }, { requiredKeys: [] }),
        metadata: fc.dictionary(fc.string(), fc.jsonValue()),
      },
      { requiredKeys: ['callId', 'caller', 'callee', 'direction', 'startedAt'] },
    );
    const body = fc.oneof(call, fc.record({ calls: fc.array(call, { maxLength: 3 }) }), fc.jsonValue(), fc.string());
    const signed = body.map((b) => delivery(b));
    const unsigned = fc.tuple(fc.uint8Array({ maxLength: 200 }), fc.option(fc.string({ maxLength: 200 }), { nil: undefined })).map(
      ([bytes, header]): WebhookRequest => ({ method: 'POST', headers: { 'x-commhub-signature': header }, query: {}, rawBody: Buffer.from(bytes), receivedAt: NOW }),
    );
    fc.assert(
      fc.property(fc.oneof(signed, signed, unsigned), (request) => {
        try {
          const outcome = telephonyAdapter.handle(request, { secret: SECRET }, TENANT);
          if (outcome.kind === 'ingest') for (const item of outcome.items) CommunicationInput.parse(item);
        } catch (error) {
          if (!(error instanceof SignatureError || error instanceof PayloadError)) throw error;
        }
      }),
      { numRuns: 500 },
    );
  });
});
