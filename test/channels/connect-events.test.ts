import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PayloadError, SignatureError, type TenantContext, type WebhookRequest } from '../../functions/core/channels/channel-adapter.js';
import { CommunicationInput } from '../../functions/core/model/communication-input.js';
import { connectAdapter } from '../../functions/channels/connect/connect-adapter.js';
import { normalizeConnectEvent } from '../../functions/channels/connect/normalize-connect-event.js';
import { parseAnalysisObjectKey } from '../../functions/channels/connect/normalize-contact-lens-analysis.js';
import { signCommHub } from '../../functions/channels/signing/commhub-signature.js';

const SECRET = 'connect-secret-0123456789';
const NOW = new Date('2024-06-15T02:35:00Z');
const TENANT: TenantContext = { tenantId: 'T001', timezone: 'Asia/Shanghai', internalDomains: [] };
const fixture = (name: string) => JSON.parse(readFileSync(new URL(`../../../shared/fixtures/connect/${name}`, import.meta.url), 'utf8')) as Record<string, unknown>;

function delivery(body: unknown, secret = SECRET): WebhookRequest {
  const rawBody = Buffer.from(JSON.stringify(body) ?? '');
  return { method: 'POST', headers: { 'x-commhub-signature': signCommHub(secret, rawBody, Math.floor(NOW.getTime() / 1000)) }, query: {}, rawBody, receivedAt: NOW };
}

const disconnected = {
  eventType: 'DISCONNECTED',
  contactId: 'c-100',
  channel: 'VOICE',
  initiationMethod: 'INBOUND',
  initiationTimestamp: '2024-06-15T02:30:00.000Z',
  disconnectTimestamp: '2024-06-15T02:33:20.000Z',
  customerEndpoint: { address: '138 0013 8000', type: 'TELEPHONE_NUMBER' },
  systemEndpoint: { address: '+864008108888', type: 'TELEPHONE_NUMBER' },
  agentInfo: { agentArn: 'arn:aws:connect:us-west-2:123456789012:instance/i-1/agent/agent-7' },
};

function ingestedItem(event: unknown): CommunicationInput {
  const outcome = normalizeConnectEvent(event, TENANT);
  if (outcome.kind !== 'ingest') throw new Error(`expected ingest: ${outcome.reason}`);
  const item = outcome.items[0] as CommunicationInput;
  expect(CommunicationInput.parse(item)).toEqual(item);
  return item;
}

describe('normalizeConnectEvent: contact events', () => {
  it('takes the customer from customerEndpoint (E.164) and the staff id from the agent ARN', () => {
    const item = ingestedItem(disconnected);
    expect(item).toMatchObject({
      sourceRecordId: 'c-100',
      threadId: 'call:c-100',
      occurredAt: '2024-06-15T10:30:00+08:00',
      endedAt: '2024-06-15T10:33:20+08:00',
      durationSeconds: 200,
      direction: 'inbound',
      customer: { phone: '+8613800138000' },
      participants: [{ phone: '+8613800138000', role: 'customer' }, { staffId: 'agent-7', role: 'agent', internal: true }],
    });
    expect(item.metadata.connect).toMatchObject({ systemAddress: '+864008108888' });
  });

  it.each([
    ['INBOUND', 'inbound'], ['TRANSFER', 'inbound'], ['OUTBOUND', 'outbound'], ['API', 'outbound'], ['CALLBACK', 'outbound'],
  ])('maps initiationMethod %s to %s', (method, direction) => {
    expect(ingestedItem({ ...disconnected, initiationMethod: method }).direction).toBe(direction);
  });

  it('maps COMPLETED like DISCONNECTED (same record id), a CHAT contact to webchat, and PascalCase keys alike', () => {
    const completed = ingestedItem({ ...disconnected, eventType: 'COMPLETED' });
    const chat = ingestedItem({ ...disconnected, channel: 'CHAT', customerEndpoint: null });
    const pascal = ingestedItem({ EventType: 'DISCONNECTED', ContactId: 'c-100', Channel: 'Voice', InitiationTimestamp: '2024-06-15T02:30:00Z' });
    expect(completed.sourceRecordId).toBe(ingestedItem(disconnected).sourceRecordId);
    expect(chat).toMatchObject({ type: 'webchat', participants: [{ staffId: 'agent-7' }] });
    expect(pascal).toMatchObject({ type: 'phone', sourceRecordId: 'c-100' });
  });

  it.each([
    [{ ...disconnected, eventType: 'INITIATED' }, /^only the final contact event makes a record/],
    [{ ...disconnected, eventType: 'QUEUED' }, /^only the final contact event makes a record/],
    [{ ...disconnected, channel: 'TASK' }, /TASK contact is not a conversation/],
    [{ ...disconnected, initiationMethod: 'MONITOR' }, /supervisor listening in/],
    [{ version: '0', 'detail-type': 'Amazon Connect Agent Event', detail: {} }, /"Amazon Connect Agent Event" events make no record/],
  ])('ignores what makes no record: %#', (event, reason) => {
    const outcome = normalizeConnectEvent(event, TENANT);
    expect(outcome.kind === 'ignore' && outcome.reason).toMatch(reason);
  });

  it.each([
    ['a final event without initiationTimestamp', { ...disconnected, initiationTimestamp: undefined }, /initiationTimestamp is required on a DISCONNECTED event/],
    ['a bad timestamp', { ...disconnected, disconnectTimestamp: 'yesterday' }, /disconnectTimestamp: an ISO 8601 timestamp/],
    ['an envelope without detail', { 'detail-type': 'Amazon Connect Contact Event' }, /detail/],
    ['a contact event detail without contactId', { 'detail-type': 'Amazon Connect Contact Event', detail: { eventType: 'DISCONNECTED', channel: 'VOICE' } }, /detail\.contactId/],
    ['a rules event without ruleName', { 'detail-type': 'Contact Lens Post Call Rules Matched', detail: { contactArn: 'arn' } }, /detail\.ruleName/],
    ['a SEGMENTS record without Segments', { ...fixture('contact-lens-realtime-segment-stream-1-segments.docs.json'), Segments: undefined }, /Segments: a SEGMENTS record needs Segments/],
    ['an unknown segment stream EventType', { ...fixture('contact-lens-realtime-segment-stream-0-started.docs.json'), EventType: 'PAUSED' }, /EventType must be one of/],
    ['a chat analysis item without time', (() => { const f = fixture('contact-lens-chat-analysis.docs.json'); (f.Transcript as Record<string, unknown>[])[1] = { Id: 'x' }; return f; })(), /Transcript\[1\]\.AbsoluteTime/],
    ['a voice analysis without a contact id', { Version: 'VOICE-2022-11-30', JobStatus: 'COMPLETED', Participants: [], Transcript: [] }, /no contact id/],
    ['an array', [disconnected], /expected a JSON object/],
    ['an unknown object', { hello: 'world' }, /not a recognised shape/],
  ])('refuses %s with a PayloadError naming it', (_case, event, message) => {
    expect(() => normalizeConnectEvent(event, TENANT)).toThrow(PayloadError);
    expect(() => normalizeConnectEvent(event, TENANT)).toThrow(message);
  });

  it('ignores an analysis job that did not complete', () => {
    const file = { ...fixture('contact-lens-chat-analysis.docs.json'), JobStatus: 'FAILED' };
    const outcome = normalizeConnectEvent(file, TENANT);
    expect(outcome.kind === 'ignore' && outcome.reason).toBe('Contact Lens analysis of contact b49644f6-672f-445c-b209-f76b36482830 is FAILED, not COMPLETED');
  });

  it('reads the contact id and agent-connected time from a URL-encoded S3 key', () => {
    expect(parseAnalysisObjectKey('Analysis/Voice/Redacted/2020/02/04/abc-1_analysis_redacted_2020-02-04T21%3A14%3A16Z.json')).toEqual({
      contactId: 'abc-1',
      connectedToAgentAt: '2020-02-04T21:14:16Z',
    });
    expect(parseAnalysisObjectKey('Analysis/Voice/2020/02/04/recording.wav')).toBeUndefined();
  });
});

describe('connect adapter: signature first', () => {
  it('rejects unsigned and wrongly signed deliveries before reading them', () => {
    const unsigned = { ...delivery(disconnected), headers: {} };
    expect(() => connectAdapter.handle(unsigned, { secret: SECRET }, TENANT)).toThrow(SignatureError);
    expect(() => connectAdapter.handle(delivery('not json', 'other-secret-123'), { secret: SECRET }, TENANT)).toThrow(/does not match/);
  });

  it('is the connect door with { secret } settings', () => {
    expect([connectAdapter.channel, connectAdapter.settingsKey]).toEqual(['connect', 'connect']);
    expect(connectAdapter.settingsSchema.parse({ secret: SECRET })).toEqual({ secret: SECRET });
  });

  it('property: 500 random deliveries end in records, ignores, a SignatureError or a PayloadError — nothing else', () => {
    // Prepare: fixtures with one random member replaced, random JSON, and unsigned noise.
    const bases = [
      disconnected,
      { version: '0', id: 'e', 'detail-type': 'Amazon Connect Contact Event', detail: disconnected },
      fixture('contact-lens-chat-analysis.docs.json'),
      fixture('contact-lens-realtime-segment-stream-1-segments.docs.json'),
      { 'detail-type': 'Contact Lens Post Call Rules Matched', detail: { ruleName: 'R', contactArn: 'arn:x/contact/c-1' } },
    ];
    const mutated = fc.tuple(fc.constantFrom(...bases), fc.nat(), fc.jsonValue()).map(([base, pick, value]) => {
      const keys = Object.keys(base);
      return { ...base, [keys[pick % keys.length] ?? 'x']: value };
    });
    const signed = fc.oneof(mutated, mutated, fc.jsonValue()).map((body) => delivery(body));
    const unsigned = fc.tuple(fc.uint8Array({ maxLength: 200 }), fc.option(fc.string({ maxLength: 120 }), { nil: undefined })).map(
      ([bytes, header]): WebhookRequest => ({ method: 'POST', headers: { 'x-commhub-signature': header }, query: {}, rawBody: Buffer.from(bytes), receivedAt: NOW }),
    );

    // Act / Assess
    fc.assert(
      fc.property(fc.oneof(signed, signed, unsigned), (request) => {
        try {
          const outcome = connectAdapter.handle(request, { secret: SECRET }, TENANT);
          if (outcome.kind === 'ingest') for (const item of outcome.items) CommunicationInput.parse(item);
        } catch (error) {
          if (!(error instanceof SignatureError || error instanceof PayloadError)) throw error;
        }
      }),
      { numRuns: 500 },
    );
  });
});
