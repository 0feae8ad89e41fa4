import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { WebhookOutcome } from '../../functions/core/channels/channel-adapter.js';
import { normalizeConnectEvent } from '../../functions/channels/connect/normalize-connect-event.js';
import { payloadErrorOf } from '../support/adapter-errors.js';
import { FIXTURES, NOW, TENANT, fixtureJson, fixtureText, delivery, handle, ingested, repaired, dropLineComments } from './connect-kit.js';

function ignoredReason(outcome: WebhookOutcome | ReturnType<typeof normalizeConnectEvent>): string {
  if (outcome.kind !== 'ignore') throw new Error(`expected ignore, got ${outcome.kind}`);
  return outcome.reason;
}

const dropTrailingCommas = (text: string) => text.replace(/,(\s*[}\]])/g, '$1');

describe('connect adapter: every fixture in shared/fixtures/connect (Contact Lens analysis files: connect-contact-lens.test.ts)', () => {
  it('covers every file in the folder (each is exercised in this file or in connect-contact-lens / connect-contact-flow)', () => {
    const tested = [
      'contact-event-detail.docs.json', 'contact-event-eventbridge-disconnected.docs.txt', 'contact-flow-lambda-event-all.powertools.json',
      'contact-flow-lambda-event-min.powertools.json', 'contact-flow-lambda-event.lambda-go.json', 'contact-lens-chat-analysis-redacted.docs.json',
      'contact-lens-chat-analysis.docs.json', 'contact-lens-realtime-segment-stream-0-started.docs.json',
      'contact-lens-realtime-segment-stream-1-segments.docs.json', 'contact-lens-realtime-segment-stream-2-completed.docs.json',
      'contact-lens-realtime-segment-stream-3-failed.docs.json', 'contact-lens-rules-eventbridge-event.docs.txt',
      'contact-lens-voice-analysis-redacted.docs.txt', 'contact-lens-voice-analysis.docs.txt',
    ];
    expect(readdirSync(FIXTURES).sort()).toEqual(tested.sort());
  });

  it('contact-event-detail (CONNECTED_TO_AGENT): ignored, bare or in its EventBridge envelope', () => {
    // Prepare
    const detail = fixtureJson('contact-event-detail.docs.json');
    const event = { version: '0', id: 'e-1', 'detail-type': 'Amazon Connect Contact Event', source: 'aws.connect', detail };

    // Act
    const bare = ignoredReason(handle(delivery(fixtureText('contact-event-detail.docs.json'))));
    const wrapped = ignoredReason(handle(delivery(event)));

    // Assess
    expect(bare).toMatch(/^only the final contact event makes a record .*CONNECTED_TO_AGENT for contact 11111111-1111-1111-1111-111111111111$/);
    expect(wrapped).toBe(bare);
  });

  it('contact-event-detail, had it been final: the agent ARN gives the staff id and INBOUND the direction', () => {
    // Prepare
    const detail = { ...fixtureJson('contact-event-detail.docs.json'), eventType: 'DISCONNECTED', disconnectTimestamp: '2021-08-04T17:31:09.000Z' };

    // Act
    const item = ingested(normalizeConnectEvent(detail, TENANT));

    // Assess
    expect(item).toMatchObject({
      sourceRecordId: '11111111-1111-1111-1111-111111111111',
      threadId: 'call:11111111-1111-1111-1111-111111111111',
      direction: 'inbound',
      durationSeconds: 796,
      participants: [{ staffId: '12345678-1234-1234-1234-123456789012', role: 'agent', internal: true }],
    });
  });

  it('contact-event-eventbridge-disconnected: rejected verbatim (trailing comma), mapped once repaired', () => {
    // Prepare
    const verbatim = fixtureText('contact-event-eventbridge-disconnected.docs.txt');
    const event = repaired('contact-event-eventbridge-disconnected.docs.txt', (t) => t.replace('"2021-08-04T17:29:22.000Z",', '"2021-08-04T17:29:22.000Z"'));

    // Act
    const rejection = payloadErrorOf(() => handle(delivery(verbatim)));
    const outcome = handle(delivery(event as object));

    // Assess
    expect(rejection).toMatch(/^Amazon Connect payload: the body is not valid JSON: .* \(line 37, column 9\)$/);
    expect(ingested(outcome)).toEqual({
      sourceSystem: 'connect',
      sourceRecordId: '11111111-1111-1111-1111-111111111111',
      type: 'phone',
      channel: 'connect',
      occurredAt: '2021-08-05T01:17:53+08:00',
      endedAt: '2021-08-05T01:18:37+08:00',
      durationSeconds: 44,
      direction: 'outbound',
      participants: [{ staffId: 'arn', role: 'agent', internal: true }],
      handledBy: 'arn',
      threadId: 'call:11111111-2222-3333-4444-555555555555',
      attachments: [],
      tags: [],
      metadata: {
        connect: {
          contactId: '11111111-1111-1111-1111-111111111111',
          initialContactId: '11111111-2222-3333-4444-555555555555',
          previousContactId: '11111111-2222-3333-4444-555555555555',
          eventType: 'DISCONNECTED',
          channel: 'VOICE',
          initiationMethod: 'OUTBOUND',
          instanceArn: 'arn:aws::connect:us-west-2:123456789012:instance/12345678-1234-1234-1234-123456789012',
          agentArn: 'arn',
          connectedToSystemAt: '2021-08-05T01:17:55+08:00',
          connectedToAgentAt: '2021-08-05T01:29:09+08:00',
          enqueuedAt: '2021-08-05T01:29:04+08:00',
          queueArn: 'arn',
          eventId: 'abcabcab-abca-abca-abca-abcabcabcabc',
          account: '111122223333',
          region: 'us-west-1',
        },
      },
    });
    expect(outcome.kind === 'ingest' && outcome.replay?.replayKey).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
  });

  it.each([
    ['contact-flow-lambda-event-all.powertools.json'],
    ['contact-flow-lambda-event-min.powertools.json'],
    ['contact-flow-lambda-event.lambda-go.json'],
  ])('%s: is not a webhook delivery (see connect-contact-flow.test.ts for its reading)', (name) => {
    expect(payloadErrorOf(() => handle(delivery(fixtureText(name))))).toMatch(/a contact flow Lambda event is not a webhook delivery/);
  });

  it.each([
    ['contact-lens-realtime-segment-stream-0-started.docs.json', /^real-time analysis STARTED for contact the ID of the contact: .*post-call Contact Lens analysis is the source of truth$/],
    ['contact-lens-realtime-segment-stream-1-segments.docs.json', /^5 real-time segments for contact the ID of the contact: /],
    ['contact-lens-realtime-segment-stream-2-completed.docs.json', /^real-time analysis COMPLETED for contact /],
    ['contact-lens-realtime-segment-stream-3-failed.docs.json', /^real-time analysis FAILED for contact /],
  ])('%s: validated, then ignored with a reason', (name, reason) => {
    const outcome = handle(delivery(fixtureText(name)));
    expect(ignoredReason(outcome)).toMatch(reason);
    expect(outcome.kind === 'ignore' && outcome.replay?.expiresAt).toEqual(new Date((Math.floor(NOW.getTime() / 1000) + 300) * 1000));
  });

  it('contact-lens-rules-eventbridge-event: rejected verbatim (// comments), ignored as an alert once repaired', () => {
    // Prepare
    const event = repaired('contact-lens-rules-eventbridge-event.docs.txt', (t) => dropTrailingCommas(dropLineComments(t)));

    // Act
    const rejection = payloadErrorOf(() => handle(delivery(fixtureText('contact-lens-rules-eventbridge-event.docs.txt'))));
    const reason = ignoredReason(handle(delivery(event as object)));

    // Assess
    expect(rejection).toMatch(/not valid JSON: .*\(line 2, column 18\)$/);
    expect(reason).toBe('Contact Lens rule "ACCOUNT_CANCELLATION" matched contact contact-ARN: a rule match is an alert, not a communication; the analysis file carries the categories');
  });

});
