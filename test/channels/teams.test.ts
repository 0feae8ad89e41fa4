import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  PayloadError,
  SignatureError,
  type TenantContext,
  type WebhookOutcome,
  type WebhookRequest,
} from '../../functions/core/channels/channel-adapter.js';
import { CommunicationInput } from '../../functions/core/model/communication-input.js';
import { teamsAdapter } from '../../functions/channels/teams/teams-adapter.js';
import { parseWebVtt, renderTranscript } from '../../functions/channels/transcripts/vtt.js';

const fixture = (name: string) => readFileSync(new URL(`../../../shared/fixtures/meetings/${name}`, import.meta.url));
const fixtureJson = (name: string) => JSON.parse(fixture(name).toString('utf8')) as Record<string, unknown>;

const RECEIVED_AT = new Date('2024-06-15T02:30:00.000Z');
const TENANT: TenantContext = { tenantId: 'T001', timezone: 'Asia/Shanghai', internalDomains: ['huadong-tech.cn'] };
const DOC_CLIENT_STATE = '<<--SpecifiedClientState-->>'; // the placeholder the transcript doc examples use
const MEETING_ID = 'MSo5NzZmNGIzMS1mZDAxLTRlMGItOTE3OC0yOWNjNDBjMTQ0MzgqMCoqMTk6bWVldGluZ19aalk0TXpRNU9UQXRZamxqWWkwMFpESXdMVGczTkdZdFptUTNNRGhtWm1FMk9EVTNAdGhyZWFkLnYy';
const TRANSCRIPT_ID = 'MSMjMCMjOGIzMmI0MzktY2QxNy00ODc1LTg1NWQtYzA1MDM0ZmFkZWMx';
const MEETING_THREAD = 'teams:meeting:19:meeting_ZjY4MzQ5OTAtYjljYi00ZDIwLTg3NGYtZmQ3MDhmZmE2ODU3@thread.v2';

function post(body: unknown, query: Record<string, string> = {}): WebhookRequest {
  const rawBody = Buffer.isBuffer(body) ? body : Buffer.from(typeof body === 'string' ? body : JSON.stringify(body));
  return { method: 'POST', headers: { 'content-type': 'application/json' }, query, rawBody, receivedAt: RECEIVED_AT };
}
const handle = (req: WebhookRequest, clientState = DOC_CLIENT_STATE) => teamsAdapter.handle(req, { clientState }, TENANT);
function itemsOf(outcome: WebhookOutcome): CommunicationInput[] {
  if (outcome.kind !== 'ingest') throw new Error(`expected ingest, got ${outcome.kind}: ${outcome.kind === 'ignore' ? outcome.reason : ''}`);
  return outcome.items.map((item) => CommunicationInput.parse(item));
}
/** The basic transcript notification of the Graph docs, with the `value[]` wrapper Graph always sends. */
const transcriptNotification = (resourceData?: Record<string, unknown>) => {
  const basic = fixtureJson('graph-transcript-notification-without-resource-data.docs.json');
  return { value: [{ ...basic, resourceData: { ...(basic.resourceData as object), ...resourceData } }] };
};

describe('teams subscription validation', () => {
  it('echoes the (already URL-decoded) validationToken as text/plain', () => {
    // Prepare: Graph's example token; the hub's query map holds it decoded once.
    const token = 'Validation: Testing client application reachability for subscription Request-Id: 7ba4b6f4-30a6-4d8a-9e5b-2f4b5b0a2f1c';

    // Act
    const outcome = handle({ ...post(''), query: { validationToken: token } });

    // Assess
    expect(outcome).toEqual({ kind: 'respond', response: { statusCode: 200, contentType: 'text/plain; charset=utf-8', body: token } });
  });
});

describe('teams fixtures', () => {
  it('graph-callrecords-notification: a basic callRecord notification becomes a meeting awaiting enrichment', () => {
    // Act
    const [item, ...rest] = itemsOf(handle(post(fixture('graph-callrecords-notification.docs.json')), '{Secret client state}'));

    // Assess
    expect(rest).toEqual([]);
    expect(item).toMatchObject({
      sourceSystem: 'teams',
      sourceRecordId: '{Call id}',
      type: 'meeting',
      channel: 'teams',
      occurredAt: '2024-06-15T02:30:00.000Z',
      participants: [],
      threadId: 'teams:call:{Call id}',
      metadata: {
        graphResource: 'communications/callRecords/{Call id}',
        changeType: 'created',
        subscriptionId: '{Subscription id}',
        graphTenantId: '{Organization/Tenant id}',
        occurredAtSource: 'notification-received',
        callRecordResource: 'communications/callRecords/{Call id}',
      },
    });
  });

  it('graph-callrecords-notification: a different clientState is forged', () => {
    const run = () => handle(post(fixture('graph-callrecords-notification.docs.json')), 'the-real-client-state');
    expect(run).toThrow(SignatureError);
    expect(run).toThrow(/value\[0\]\.clientState does not match/);
  });

  it('graph-transcript-notification-with-resource-data: a rich transcript notification, keyed by meeting and transcript', () => {
    // Act
    const [item] = itemsOf(handle(post(fixture('graph-transcript-notification-with-resource-data.docs.json'))));

    // Assess
    expect(item).toMatchObject({
      sourceRecordId: `onlineMeeting:${MEETING_ID}:transcript:${TRANSCRIPT_ID}`,
      type: 'meeting',
      occurredAt: '2024-06-15T02:30:00.000Z',
      threadId: MEETING_THREAD,
      metadata: {
        onlineMeetingId: MEETING_ID,
        transcriptId: TRANSCRIPT_ID,
        transcriptResource: `communications/onlineMeetings('${MEETING_ID}')/transcripts('${TRANSCRIPT_ID}')`,
        encryptedContentPresent: true,
        occurredAtSource: 'notification-received',
      },
    });
  });

  it('graph-transcript-notification-without-resource-data: the doc body lacks value[] and is refused', () => {
    const run = () => handle(post(fixture('graph-transcript-notification-without-resource-data.docs.json')));
    expect(run).toThrow(PayloadError);
    expect(run).toThrow(/^value: /);
  });

  it('graph-transcript-notification-without-resource-data: wrapped as Graph sends it, it maps to the same record as the rich one', () => {
    // Act
    const [basic] = itemsOf(handle(post(transcriptNotification())));
    const [rich] = itemsOf(handle(post(fixture('graph-transcript-notification-with-resource-data.docs.json'))));

    // Assess: one transcript, one source record id, however it was announced.
    expect(basic?.sourceRecordId).toBe(rich?.sourceRecordId);
    expect(basic?.threadId).toBe(MEETING_THREAD);
    expect(basic?.metadata.encryptedContentPresent).toBeUndefined();
  });

  it('graph-transcript-notification-decrypted-payload: the decrypted callTranscript adds content URL and organizer', () => {
    // Prepare
    const decrypted = fixtureJson('graph-transcript-notification-decrypted-payload.docs.json');

    // Act
    const [item] = itemsOf(handle(post(transcriptNotification(decrypted))));

    // Assess: createdDateTime is null in the example, so the delivery time stands in.
    expect(item).toMatchObject({
      occurredAt: '2024-06-15T02:30:00.000Z',
      participants: [], // the organizer's displayName is null
      threadId: MEETING_THREAD,
      metadata: {
        transcriptContentUrl: `communications/onlineMeetings/${MEETING_ID}/transcripts/${TRANSCRIPT_ID}/content`,
        organizerId: '976f4b31-fd01-4e0b-9178-29cc40c14438',
        occurredAtSource: 'notification-received',
      },
    });
  });

  it('graph-calltranscript-get: transcript metadata gives start, end, duration and the call record id', () => {
    // Prepare
    const got = fixtureJson('graph-calltranscript-get.docs.json');
    const resource = `users/ba321e0d-79ee-478d-8e28-85a19507f456/onlineMeetings/${String(got.meetingId)}/transcripts/${String(got.id)}`;
    const notification = { value: [{ clientState: DOC_CLIENT_STATE, changeType: 'created', resource, resourceData: got, tenantId: 'cd6cee19-2d76-4ee0-8f47-9ed12ee44331' }] };

    // Act
    const [item] = itemsOf(handle(post(notification)));

    // Assess
    expect(item).toMatchObject({
      sourceRecordId: 'onlineMeeting:MSo1N2Y5ZGFjYy03MWJmLTQ3NDMtYjQxMy01M2EdFGkdRWHJlQ:transcript:MSMjMCMjNzU3ODc2ZDYtOTcwMi00MDhkLWFkNDItOTE2ZDNmZjkwZGY4',
      occurredAt: '2021-09-17T06:09:24.8968037Z',
      endedAt: '2021-09-17T06:27:25.2346000Z',
      durationSeconds: 1080,
      // This id does not decode to a Teams chat thread, so the thread falls back to the meeting id.
      threadId: 'teams:onlineMeeting:MSo1N2Y5ZGFjYy03MWJmLTQ3NDMtYjQxMy01M2EdFGkdRWHJlQ',
      metadata: {
        callRecordId: 'af630fe0-04d3-4559-8cf9-91fe45e36296',
        contentCorrelationId: 'bc842d7a-2f6e-4b18-a1c7-73ef91d5c8e3',
        organizerId: 'ba321e0d-79ee-478d-8e28-85a19507f456',
        transcriptResource: resource,
        occurredAtSource: 'transcript.createdDateTime',
      },
    });
  });

  it('graph-calltranscript-content: the transcript content the workflow will fetch renders with speaker labels', () => {
    expect(renderTranscript(parseWebVtt(fixture('graph-calltranscript-content.docs.vtt')))).toBe('[00:00:00] User Name: This is a transcript test.');
    expect(renderTranscript(parseWebVtt(fixture('graph-calltranscript-metadatacontent.docs.vtt')))).toBe('[00:00:16] User Name: This is a transcription test.');
  });

  it('graph-onlinemeeting-callrosterupdate-decrypted: not JSON as published, so refused as a body', () => {
    const run = () => handle(post(fixture('graph-onlinemeeting-callrosterupdate-decrypted.docs.txt')));
    expect(run).toThrow(PayloadError);
    expect(run).toThrow(/^body is not valid JSON/);
  });

  it('graph-onlinemeeting-callrosterupdate-decrypted: a roster update is verified but not a communication', () => {
    // Prepare: the doc's `//` comment removed so the payload can ride in a notification.
    const roster = JSON.parse(fixture('graph-onlinemeeting-callrosterupdate-decrypted.docs.txt').toString('utf8').replace(/\/\/[^\n"]*/g, '')) as Record<string, unknown>;
    const notification = { value: [{ clientState: DOC_CLIENT_STATE, changeType: 'updated', resource: String(roster.id), resourceData: roster }] };

    // Act
    const outcome = handle(post(notification));

    // Assess
    expect(outcome).toEqual({ kind: 'ignore', reason: `resource ${String(roster.id)} is not a call record, transcript or recording` });
  });
});

describe('teams lifecycle and malformed notifications', () => {
  it('ignores lifecycle notifications with the event and subscription', () => {
    const body = { value: [{ subscriptionId: 'sub-1', clientState: DOC_CLIENT_STATE, lifecycleEvent: 'reauthorizationRequired', tenantId: 't' }] };
    expect(handle(post(body))).toEqual({ kind: 'ignore', reason: 'lifecycle event reauthorizationRequired for subscription sub-1' });
  });

  it.each([
    ['no clientState', { value: [{ resource: 'communications/callRecords/1' }] }, 'missing'],
    ['one forged member among valid ones', { value: [{ clientState: DOC_CLIENT_STATE, resource: 'communications/callRecords/1' }, { clientState: 'guess', resource: 'communications/callRecords/2' }] }, 'forged'],
  ])('rejects %s', (_, body, failure) => {
    expect(() => handle(post(body))).toThrow(expect.objectContaining({ name: 'SignatureError', failure }));
  });

  it.each([
    ['an empty value array', { value: [] }, /^value: /],
    ['a notification without resource', { value: [{ clientState: DOC_CLIENT_STATE, changeType: 'created' }] }, /^value\[0\]\.resource is missing/],
    ['a callRecord with a bad start time', { value: [{ clientState: DOC_CLIENT_STATE, resource: 'communications/callRecords/9', resourceData: { startDateTime: 'yesterday' } }] }, /^value\[0\]\.resourceData\.startDateTime: /],
  ])('refuses %s with a PayloadError naming the field', (_, body, message) => {
    expect(() => handle(post(body))).toThrow(PayloadError);
    expect(() => handle(post(body))).toThrow(message);
  });
});
