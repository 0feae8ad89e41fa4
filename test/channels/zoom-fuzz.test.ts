import { createHmac } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PayloadError, SignatureError, type TenantContext, type WebhookRequest } from '../../functions/core/channels/channel-adapter.js';
import { CommunicationInput } from '../../functions/core/model/communication-input.js';
import { zoomAdapter } from '../../functions/channels/zoom/zoom-adapter.js';

const SECRET = 'zoom-secret-token-123';
const T = 1_718_418_600; // 2024-06-15T02:30:00Z
const TENANT: TenantContext = { tenantId: 'T001', timezone: 'Asia/Shanghai', internalDomains: ['huadong-tech.cn'] };

/** A POST signed like Zoom signs, received `receivedAt` seconds after the epoch. */
function request(rawText: string, options: { receivedAt: number }): WebhookRequest {
  const rawBody = Buffer.from(rawText);
  const signature = `v0=${createHmac('sha256', SECRET).update(`v0:${T}:${rawText}`).digest('hex')}`;
  return { method: 'POST', headers: { 'x-zm-request-timestamp': String(T), 'x-zm-signature': signature }, query: {}, rawBody, receivedAt: new Date(options.receivedAt * 1000) };
}
const handle = (req: WebhookRequest) => zoomAdapter.handle(req, { secretToken: SECRET }, TENANT);

describe('zoom adapter never throws anything else (property)', () => {
  const isoDate = fc.date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }).map((d) => d.toISOString());
  const meetingObject = fc.record(
    {
      id: fc.oneof({ weight: 4, arbitrary: fc.integer({ min: 0 }) }, fc.string(), fc.constant(null)),
      uuid: fc.oneof({ weight: 4, arbitrary: fc.string({ minLength: 1, maxLength: 300 }) }, fc.integer()),
      topic: fc.oneof(fc.string({ maxLength: 1200 }), fc.integer()),
      host_email: fc.oneof(fc.emailAddress(), fc.string()),
      start_time: fc.oneof({ weight: 4, arbitrary: isoDate }, fc.string()),
      end_time: fc.oneof({ weight: 4, arbitrary: isoDate }, fc.string()),
      duration: fc.oneof(fc.double(), fc.integer()),
      recording_files: fc.array(
        fc.record({ file_type: fc.constantFrom('MP4', 'M4A', 'TRANSCRIPT', 'CHAT'), download_url: fc.oneof(fc.webUrl(), fc.string()), recording_start: fc.oneof(isoDate, fc.string()), recording_end: isoDate }, { requiredKeys: [] }),
      ),
    },
    { requiredKeys: ['id', 'uuid', 'start_time'] },
  );
  const body = fc.oneof(
    { weight: 6, arbitrary: fc.record({ event: fc.constantFrom('meeting.ended', 'recording.completed', 'endpoint.url_validation', 'meeting.started'), event_ts: fc.oneof(fc.double(), fc.integer()), download_token: fc.string(), payload: fc.oneof({ weight: 4, arbitrary: fc.record({ object: meetingObject, plainToken: fc.string({ minLength: 1 }) }, { requiredKeys: [] }) }, fc.jsonValue()) }, { requiredKeys: ['event', 'payload'] }) },
    fc.jsonValue(),
    fc.string(),
  );

  it('signed or not, random bodies and headers end in an outcome, a SignatureError or a PayloadError', () => {
    // Prepare
    const seen = new Set<string>();

    // Act
    fc.assert(
      fc.property(body, fc.boolean(), fc.dictionary(fc.constantFrom('x-zm-signature', 'x-zm-request-timestamp'), fc.string()), fc.integer({ min: -400, max: 400 }), (value, sign, headers, skew) => {
        const signed = request(typeof value === 'string' ? value : JSON.stringify(value) ?? 'null', { receivedAt: T + skew });
        const req = sign ? signed : { ...signed, headers: { ...signed.headers, ...headers } };
        try {
          const outcome = handle(req);
          seen.add(outcome.kind);
          // Assess: anything returned for storage is valid canonical input.
          if (outcome.kind === 'ingest') for (const item of outcome.items) CommunicationInput.parse(item);
        } catch (error) {
          expect(error instanceof SignatureError || error instanceof PayloadError, String(error)).toBe(true);
          seen.add((error as Error).name);
        }
      }),
      { numRuns: 500 },
    );

    // Assess: the run reached every path, not only the signature check.
    expect([...seen].sort()).toEqual(['PayloadError', 'SignatureError', 'ignore', 'ingest', 'respond']);
  });
});
