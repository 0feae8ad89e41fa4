import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PayloadError, type TenantContext, type WebhookOutcome, type WebhookRequest } from '../../functions/core/channels/channel-adapter.js';
import { CommunicationInput } from '../../functions/core/model/communication-input.js';
import { connectAdapter } from '../../functions/channels/connect/connect-adapter.js';
import { normalizeConnectEvent } from '../../functions/channels/connect/normalize-connect-event.js';
import { signCommHub } from '../../functions/channels/signing/commhub-signature.js';

const FIXTURES = new URL('../../../shared/fixtures/connect/', import.meta.url);
const SECRET = 'connect-secret-0123456789';
const NOW = new Date('2024-06-15T02:35:00Z');
const TENANT: TenantContext = { tenantId: 'T001', timezone: 'Asia/Shanghai', internalDomains: [] };

const fixtureText = (name: string) => readFileSync(new URL(name, FIXTURES), 'utf8');

/** A delivery signed by the forwarder (bytes exactly as given). */
function delivery(body: string | object, query: Record<string, string> = {}): WebhookRequest {
  const rawBody = Buffer.from(typeof body === 'string' ? body : JSON.stringify(body));
  const header = signCommHub(SECRET, rawBody, Math.floor(NOW.getTime() / 1000));
  return { method: 'POST', headers: { 'x-commhub-signature': header }, query, rawBody, receivedAt: NOW };
}

const handle = (request: WebhookRequest): WebhookOutcome => connectAdapter.handle(request, { secret: SECRET }, TENANT);

function ingested(outcome: WebhookOutcome | ReturnType<typeof normalizeConnectEvent>): CommunicationInput {
  if (outcome.kind !== 'ingest') throw new Error(`expected ingest, got ${outcome.kind}: ${'reason' in outcome ? outcome.reason : ''}`);
  expect(outcome.items).toHaveLength(1);
  const item = outcome.items[0] as CommunicationInput;
  expect(CommunicationInput.parse(item)).toEqual(item);
  return item;
}

function payloadError(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof PayloadError) return error.message;
    throw error;
  }
  throw new Error('expected a PayloadError');
}

/**
 * The `.docs.txt` fixtures are AWS documentation examples that are not valid JSON as published
 * (SOURCES.md). The adapter rejects them verbatim (tested below); to test the mapping on the
 * documented content, these repairs undo exactly the documented defects — and fail if the defect is absent.
 */
function repaired(name: string, fix: (text: string) => string): unknown {
  const text = fixtureText(name);
  const fixed = fix(text);
  expect(fixed).not.toBe(text);
  return JSON.parse(fixed);
}
const dropLineComments = (text: string) => text.replace(/[ \t]*\/\/[^\n]*/g, '');
const dropLastBrace = (text: string) => text.trimEnd().replace(/}$/, '');

const VOICE_KEY = 'Analysis/Voice/2020/02/04/f3f2d6cc-4c6e-4d7d-9a8c-2d5b8f3e0a11_analysis_2020-02-04T21:14:16Z.json';

describe('connect adapter: Contact Lens post-call analysis fixtures', () => {
  it('contact-lens-chat-analysis: a webchat record with the labelled transcript, sentiment, issues and category tags', () => {
    // Act
    const item = ingested(handle(delivery(fixtureText('contact-lens-chat-analysis.docs.json'))));

    // Assess
    expect(item).toMatchObject({
      sourceSystem: 'connect',
      sourceRecordId: 'contact-lens:b49644f6-672f-445c-b209-f76b36482830',
      threadId: 'call:b49644f6-672f-445c-b209-f76b36482830',
      type: 'webchat',
      occurredAt: '2022-10-27T11:31:50.735+08:00',
      endedAt: '2022-10-27T11:34:43.192+08:00',
      durationSeconds: 172.457,
      direction: 'inbound',
      participants: [{ name: 'John', role: 'customer' }, { name: 'Jane', role: 'agent', internal: true }],
      tags: ['agent-intro'],
    });
    const lines = item.content?.split('\n') ?? [];
    expect(lines[0]).toBe('[00:02] 系统: Hello, thanks for contacting us. This is an example of what the Amazon Connect virtual contact center can enable you to do.');
    expect(lines[3]).toBe('[00:12] 客服: Hello, thanks for reaching Example Corp. This is Jane. How may I help you?');
    expect(lines[4]).toMatch(/^\[00:17\] 客户: I'd like to see if I can get a refund or an exchange/);
    expect(lines.at(-1)).toBe('[02:50] 客服: Ok great! Have a great day.');
    expect(lines).toHaveLength(31);
    expect(item.metadata.contactLens).toEqual({
      contactId: 'b49644f6-672f-445c-b209-f76b36482830',
      version: 'CHAT-2022-11-30',
      channel: 'CHAT',
      languageCode: 'en-US',
      redacted: false,
      overallSentiment: { AGENT: 1.1538461538461537, CUSTOMER: 0 },
      sentimentShift: { AGENT: { BeginScore: 0, EndScore: 2.5 }, CUSTOMER: { BeginScore: -3.75, EndScore: 3.75 }, SYSTEM: { BeginScore: 2.5, EndScore: 0 } },
      categories: ['agent-intro'],
      issues: ["It's just too bad. I thought this was going to be the best gift idea. How can you guys be sending out defective seeds? Isn't that your whole business?"],
      outcomes: ['We are not only refunding the cost of the grow-it-yourself indoor herb kit but we will also be sending you a replacement. Would you be okay with this?'],
      actionItems: [],
      responseTime: { agentGreetingMillis: 2511, averageMillis: { AGENT: 5575, CUSTOMER: 5875 } },
    });
  });

  it('contact-lens-chat-analysis-redacted: same record id, [PII] kept, redacted names not taken as participants', () => {
    // Act
    const item = ingested(handle(delivery(fixtureText('contact-lens-chat-analysis-redacted.docs.json'))));

    // Assess
    expect(item.sourceRecordId).toBe('contact-lens:b49644f6-672f-445c-b209-f76b36482830');
    expect(item.participants).toEqual([]);
    expect(item.direction).toBe('inbound'); // roles come from the transcript items: the file's Participants lack them
    expect(item.content).toContain('[00:12] 客服: Hello, thanks for reaching Example Corp. This is [PII]. How may I help you?');
    expect(item.content).toContain('[00:39] 客户: Yeah. My first name is [PII] and last name [PII].');
    expect(item.metadata.contactLens).toMatchObject({ redacted: true, categories: ['agent-intro'], overallSentiment: { AGENT: 1.1538461538461537, CUSTOMER: 0 } });
    // The sample's issue points at item 2b8ba020…, which the redacted sample replaced: nothing to quote.
    expect(item.metadata.contactLens).toMatchObject({ issues: [], outcomes: [expect.stringMatching(/^We are not only refunding/)] });
  });

  it('contact-lens-voice-analysis: rejected verbatim (extra brace), a phone record once repaired', () => {
    // Prepare
    const file = repaired('contact-lens-voice-analysis.docs.txt', dropLastBrace);

    // Act
    const rejection = payloadError(() => handle(delivery(fixtureText('contact-lens-voice-analysis.docs.txt'), { objectKey: VOICE_KEY })));
    const item = ingested(handle(delivery(file as object, { objectKey: VOICE_KEY })));

    // Assess
    expect(rejection).toMatch(/not valid JSON: Unexpected non-whitespace character after JSON .*\(line 297, column 1\)$/);
    expect(item).toMatchObject({
      sourceRecordId: 'contact-lens:f3f2d6cc-4c6e-4d7d-9a8c-2d5b8f3e0a11',
      threadId: 'call:f3f2d6cc-4c6e-4d7d-9a8c-2d5b8f3e0a11',
      type: 'phone',
      occurredAt: '2020-02-05T05:14:16+08:00', // the key's time: when the agent connected
      durationSeconds: 32.11,
      participants: [],
      tags: [],
    });
    expect(item.direction).toBeUndefined();
    const lines = item.content?.split('\n') ?? [];
    expect(lines.slice(0, 4)).toEqual([
      '[00:00] 客服: Okay.',
      '[00:00] 客户: Just hello. My name is Peter and help.',
      '[00:04] 客服: Hello. Peter, how can I help you?',
      '[00:07] 客户: I need to cancel. I want to cancel my plan subscription.',
    ]);
    expect(lines).toHaveLength(10);
    expect(item.metadata.contactLens).toEqual({
      contactId: 'f3f2d6cc-4c6e-4d7d-9a8c-2d5b8f3e0a11',
      version: 'VOICE-2022-11-30',
      channel: 'VOICE',
      languageCode: 'en-US',
      redacted: false,
      occurredAtSource: 'objectKey',
      overallSentiment: { AGENT: 0, CUSTOMER: 3.1 },
      sentimentByPeriod: { QUARTER: expect.objectContaining({ CUSTOMER: expect.arrayContaining([{ BeginOffsetMillis: 0, EndOffsetMillis: 8027, Score: -2.5 }]) }) },
      categories: [],
      issues: ['I need to cancel. I want to cancel my plan subscription'],
      outcomes: ['I made all the changes to the account and now these discounts applied'],
      actionItems: ['I will send you all the details later today and call you back next week to check up on you'],
      totalConversationMillis: 32110,
      talkTimeMillis: { total: 28698, AGENT: 15079, CUSTOMER: 13619 },
      nonTalkTimeMillis: 0,
      interruptions: { count: 0, totalTimeMillis: 0 },
      wordsPerMinute: { AGENT: 239, CUSTOMER: 163 },
    });
  });

  it('contact-lens-voice-analysis-redacted: rejected verbatim (// comment), [PII] transcript once repaired', () => {
    // Prepare
    const file = repaired('contact-lens-voice-analysis-redacted.docs.txt', dropLineComments);

    // Act
    const rejection = payloadError(() => handle(delivery(fixtureText('contact-lens-voice-analysis-redacted.docs.txt'))));
    const item = ingested(handle(delivery(file as object, { contactId: 'c-42' })));

    // Assess
    expect(rejection).toMatch(/not valid JSON: .*\(line 10, column 44\)$/);
    expect(item).toMatchObject({ sourceRecordId: 'contact-lens:c-42', threadId: 'call:c-42', occurredAt: '2024-06-15T10:35:00+08:00' });
    expect(item.content).toContain('[00:00] 客户: Just hello. My name is [PII] and help.');
    expect(item.metadata.contactLens).toMatchObject({ redacted: true, occurredAtSource: 'delivery', overallSentiment: { AGENT: 0, CUSTOMER: 3.1 } });
  });
});
