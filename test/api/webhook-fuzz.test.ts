import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningHub } from '../../embedded/hub.js';
import { WEBHOOK_CHANNELS } from '../../functions/core/channels/channel-adapter.js';
import { callApi, startTestHub } from '../support/test-hub.js';

/** Cases per channel: 7 channels × 150 ≥ 1,000 malformed deliveries per run. */
const RUNS_PER_CHANNEL = Number(process.env.FUZZ_RUNS_PER_CHANNEL ?? 150);

/** Headers and query parameters the adapters read, with hostile values. */
const SIGNATURE_HEADERS = ['x-commhub-signature', 'x-zm-signature', 'x-zm-request-timestamp', 'timestamp', 'nonce', 'signature', 'content-type'];
const QUERY_KEYS = ['msg_signature', 'timestamp', 'nonce', 'echostr', 'signature', 'validationToken', 'check_str', 'timeStamp'];
const hostile = fc.oneof(
  fc.string(),
  fc.constantFrom('', 't=0,v1=', 't=9999999999,v1=00', 'v0=abc', '%', '%E4%B8', 'application/json', 'text/xml', '\u0000'),
  fc.integer().map(String),
);
const body = fc.oneof(
  fc.uint8Array({ maxLength: 2048 }).map((bytes) => Buffer.from(bytes)),
  fc.json().map((json) => Buffer.from(json)),
  fc.constantFrom('<xml><Encrypt><![CDATA[AAAA]]></Encrypt></xml>', '{"encrypt":"=="}', '{"event":"endpoint.url_validation","payload":{}}', '{"value":[{}]}', '<xml>', '{').map((text) => Buffer.from(text)),
);

describe('fuzzing every webhook route: only 4xx for malformed deliveries, and the hub keeps serving', () => {
  let hub: RunningHub;
  beforeAll(async () => {
    hub = await startTestHub();
  });
  afterAll(() => hub?.close());

  it.each(WEBHOOK_CHANNELS)('%s', { timeout: 120_000 }, async (channel) => {
    const statuses = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('POST', 'GET'),
        body,
        fc.dictionary(fc.constantFrom(...SIGNATURE_HEADERS), hostile, { maxKeys: 4 }),
        fc.dictionary(fc.constantFrom(...QUERY_KEYS), hostile, { maxKeys: 4 }),
        async (method, rawBody, headers, query) => {
          const search = new URLSearchParams(query).toString();
          const path = `/v1/webhooks/T001/${channel}${search ? `?${search}` : ''}`;
          const safeHeaders = Object.fromEntries(Object.entries(headers).filter(([, value]) => /^[\t\x20-\x7e]*$/.test(value)));
          const result = await callApi(hub, method, path, { rawBody: method === 'GET' ? undefined : rawBody, headers: safeHeaders });
          // Graph's subscription validation is an unauthenticated echo by design: any non-empty token is answered.
          const token = query.validationToken;
          if (channel === 'teams' && token) {
            expect(result.status).toBe(200);
            expect(String(result.body)).toBe(String(typeof result.body === 'string' ? token : JSON.parse(token)));
            return;
          }
          statuses.set(result.status, (statuses.get(result.status) ?? 0) + 1);
          expect([400, 401, 404, 413, 415], `${method} ${path} → ${result.status} ${JSON.stringify(result.body)}`).toContain(result.status);
          expect(result.body.error?.code).toEqual(expect.any(String));
        },
      ),
      { numRuns: RUNS_PER_CHANNEL, seed: 20261122 },
    );
    expect((await callApi(hub, 'GET', '/v1/health')).status).toBe(200);
    expect([...statuses.keys()].every((status) => status >= 400 && status < 500)).toBe(true);
  });
});
