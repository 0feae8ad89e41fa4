import { createCipheriv, createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PayloadError, SignatureError, type TenantContext, type WebhookRequest } from '../../functions/core/channels/channel-adapter.js';
import { CommunicationInput } from '../../functions/core/model/communication-input.js';
import { tencentMeetingAdapter, type TencentMeetingSettings } from '../../functions/channels/tencent-meeting/tencent-meeting-adapter.js';

const TENANT: TenantContext = { tenantId: 'T001', timezone: 'Asia/Shanghai', internalDomains: ['huadong-tech.cn'] };
const TOKEN = 'hJqcu3uJ9Tn2gXPmxx2w9kkCk';
const AES_KEY = 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG';
const NOW_MS = 1_718_418_600_000;

/** A POST whose `data` (base64, or AES-encrypted) is signed like Tencent Meeting signs it. */
function post(json: string, options: { aes: boolean }): WebhookRequest {
  const key = Buffer.from(`${AES_KEY}=`, 'base64');
  const cipher = createCipheriv('aes-256-cbc', key, key.subarray(0, 16));
  const data = options.aes ? Buffer.concat([cipher.update(json, 'utf8'), cipher.final()]).toString('base64') : Buffer.from(json).toString('base64');
  const [timestamp, nonce] = [String(NOW_MS), '83927461'];
  const signature = createHash('sha1').update([TOKEN, timestamp, nonce, data].sort().join('')).digest('hex');
  return { method: 'POST', headers: { timestamp, nonce, signature }, query: {}, rawBody: Buffer.from(JSON.stringify({ data })), receivedAt: new Date(NOW_MS + 1500) };
}
const handle = (req: WebhookRequest, settings: TencentMeetingSettings) => tencentMeetingAdapter.handle(req, settings, TENANT);

describe('tencent-meeting adapter never throws anything else (property)', () => {
  const time = fc.oneof(fc.integer({ min: 0, max: 4_000_000_000 }), fc.constant('2020-12-29 17:41:04'), fc.string(), fc.double());
  const item = fc.record(
    {
      operate_time: fc.oneof(fc.integer(), fc.double()),
      operator: fc.record({ userid: fc.string(), user_name: fc.string({ maxLength: 300 }) }, { requiredKeys: [] }),
      meeting_info: fc.record({ meeting_id: fc.oneof(fc.string({ minLength: 1 }), fc.integer(), fc.bigInt().map(String)), subject: fc.string({ maxLength: 1200 }), start_time: time, end_time: time, sub_meeting_id: fc.oneof(fc.string(), fc.constant(null)), creator: fc.record({ userid: fc.string(), user_name: fc.string() }, { requiredKeys: [] }) }, { requiredKeys: ['meeting_id', 'start_time'] }),
      recording_files: fc.array(fc.record({ record_file_id: fc.oneof(fc.string({ minLength: 1 }), fc.integer()) })),
    },
    { requiredKeys: ['meeting_info'] },
  );
  const event = fc.oneof(
    { weight: 6, arbitrary: fc.record({ event: fc.constantFrom('meeting.end', 'recording.completed', 'meeting.created'), trace_id: fc.string(), payload: fc.array(fc.oneof({ weight: 5, arbitrary: item }, fc.jsonValue()), { maxLength: 3 }) }) },
    fc.jsonValue(),
  );

  it('signed or not, random deliveries end in an outcome, a SignatureError or a PayloadError', () => {
    // Prepare
    const seen = new Set<string>();
    const settings = fc.constantFrom<TencentMeetingSettings>({ token: TOKEN }, { token: TOKEN, encodingAesKey: AES_KEY });

    // Act
    fc.assert(
      fc.property(event, fc.boolean(), fc.boolean(), fc.dictionary(fc.constantFrom('signature', 'timestamp', 'nonce'), fc.string()), settings, fc.string(), (value, aes, intact, headers, chosen, checkStr) => {
        const signed = post(JSON.stringify(value) ?? 'null', { aes: aes && chosen.encodingAesKey !== undefined });
        const req: WebhookRequest = intact ? signed : { ...signed, method: checkStr.length % 2 ? 'GET' : 'POST', query: { check_str: checkStr }, headers: { ...signed.headers, ...headers } };
        try {
          const outcome = handle(req, chosen);
          seen.add(outcome.kind);
          if (outcome.kind === 'ingest') for (const it of outcome.items) CommunicationInput.parse(it);
        } catch (error) {
          expect(error instanceof SignatureError || error instanceof PayloadError, String(error)).toBe(true);
          seen.add((error as Error).name);
        }
      }),
      { numRuns: 500 },
    );

    // Assess
    expect([...seen].sort()).toEqual(['PayloadError', 'SignatureError', 'ignore', 'ingest']);
  });
});
