import { describe, expect, it } from 'vitest';
import type { TenantContext, WebhookOutcome, WebhookRequest } from '../../functions/core/channels/channel-adapter.js';
import { CommunicationInput } from '../../functions/core/model/communication-input.js';
import { teamsAdapter } from '../../functions/channels/teams/teams-adapter.js';

const TENANT: TenantContext = { tenantId: 'T001', timezone: 'Asia/Shanghai', internalDomains: ['huadong-tech.cn'] };
const DOC_CLIENT_STATE = '<<--SpecifiedClientState-->>';
/** The thread the Graph transcript examples' onlineMeeting id decodes to (see teams.test.ts). */
const MEETING_THREAD = 'teams:meeting:19:meeting_ZjY4MzQ5OTAtYjljYi00ZDIwLTg3NGYtZmQ3MDhmZmE2ODU3@thread.v2';

function post(body: unknown): WebhookRequest {
  return { method: 'POST', headers: { 'content-type': 'application/json' }, query: {}, rawBody: Buffer.from(JSON.stringify(body)), receivedAt: new Date('2024-06-15T02:30:00Z') };
}
const handle = (req: WebhookRequest) => teamsAdapter.handle(req, { clientState: DOC_CLIENT_STATE }, TENANT);
function itemsOf(outcome: WebhookOutcome): CommunicationInput[] {
  if (outcome.kind !== 'ingest') throw new Error(`expected ingest, got ${outcome.kind}`);
  return outcome.items.map((item) => CommunicationInput.parse(item));
}

describe('teams call records with full resource data', () => {
  // Shaped after the Graph "Get callRecord" v1.0 example (peerToPeer, audio), with our tenant's ids.
  const GRAPH_TENANT = 'dc368399-474c-4d40-900c-6265431fd81f';
  const abbie = { user: { id: '821809f5-0000-0000-0000-3b5136c0e777', displayName: 'Abbie Wilkins', tenantId: GRAPH_TENANT } };
  const owen = { user: { id: 'f69e2c00-0000-0000-0000-185e5f5f5d8a', displayName: 'Owen Franklin', tenantId: 'another-tenant' } };
  const callRecord = (data: Record<string, unknown>) => ({
    value: [{ clientState: DOC_CLIENT_STATE, changeType: 'created', tenantId: GRAPH_TENANT, resource: `communications/callRecords/${String(data.id)}`, resourceData: data }],
  });

  it('maps a peer-to-peer audio call to a phone record with organizer and participants', () => {
    // Prepare
    const body = callRecord({
      id: 'e523d2ed-2966-4b6b-925b-754a88034cc5',
      version: 1,
      type: 'peerToPeer',
      modalities: ['audio'],
      startDateTime: '2020-02-25T18:52:21.2169889Z',
      endDateTime: '2020-02-25T18:52:46.7640013Z',
      organizer: abbie,
      participants: [abbie, owen, { phone: { id: '+8613800138000', displayName: null } }],
    });

    // Act
    const [item] = itemsOf(handle(post(body)));

    // Assess
    expect(item).toMatchObject({
      sourceRecordId: 'e523d2ed-2966-4b6b-925b-754a88034cc5',
      type: 'phone',
      occurredAt: '2020-02-25T18:52:21.2169889Z',
      endedAt: '2020-02-25T18:52:46.7640013Z',
      durationSeconds: 26, // 25.55 s, rounded
      participants: [
        { name: 'Abbie Wilkins', role: 'host', internal: true },
        { name: 'Owen Franklin', role: 'attendee', internal: false },
        { phone: '+8613800138000', role: 'attendee', internal: false },
      ],
      threadId: 'teams:call:e523d2ed-2966-4b6b-925b-754a88034cc5',
      metadata: { callType: 'peerToPeer', modalities: ['audio'], organizerId: abbie.user.id, occurredAtSource: 'callRecord.startDateTime' },
    });
    expect(item?.metadata.callRecordResource).toBeUndefined();
  });

  it('maps a group call to a meeting threaded with its transcripts through joinWebUrl; p2p video is video', () => {
    // Prepare
    const joinWebUrl = 'https://teams.microsoft.com/l/meetup-join/19%3ameeting_ZjY4MzQ5OTAtYjljYi00ZDIwLTg3NGYtZmQ3MDhmZmE2ODU3%40thread.v2/0?context=%7b%7d';
    const group = callRecord({ id: 'c1', type: 'groupCall', modalities: ['audio', 'video', 'screenSharing'], startDateTime: '2024-06-15T01:00:00Z', endDateTime: '2024-06-15T02:00:00Z', joinWebUrl, organizer: abbie });
    const video = callRecord({ id: 'c2', type: 'peerToPeer', modalities: ['audio', 'video'], startDateTime: '2024-06-15T01:00:00Z' });

    // Act
    const [meeting] = itemsOf(handle(post(group)));
    const [call] = itemsOf(handle(post(video)));

    // Assess
    expect(meeting).toMatchObject({ type: 'meeting', durationSeconds: 3600, threadId: MEETING_THREAD, metadata: { joinWebUrl } });
    expect(call?.type).toBe('video');
  });
});
