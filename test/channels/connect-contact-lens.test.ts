import { describe, expect, it } from 'vitest';
import { payloadErrorOf } from '../support/adapter-errors.js';
import { fixtureText, delivery, handle, ingested, repaired, dropLineComments } from './connect-kit.js';

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
    const rejection = payloadErrorOf(() => handle(delivery(fixtureText('contact-lens-voice-analysis.docs.txt'), { objectKey: VOICE_KEY })));
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
    const rejection = payloadErrorOf(() => handle(delivery(fixtureText('contact-lens-voice-analysis-redacted.docs.txt'))));
    const item = ingested(handle(delivery(file as object, { contactId: 'c-42' })));

    // Assess
    expect(rejection).toMatch(/not valid JSON: .*\(line 10, column 44\)$/);
    expect(item).toMatchObject({ sourceRecordId: 'contact-lens:c-42', threadId: 'call:c-42', occurredAt: '2024-06-15T10:35:00+08:00' });
    expect(item.content).toContain('[00:00] 客户: Just hello. My name is [PII] and help.');
    expect(item.metadata.contactLens).toMatchObject({ redacted: true, occurredAtSource: 'delivery', overallSentiment: { AGENT: 0, CUSTOMER: 3.1 } });
  });
});
