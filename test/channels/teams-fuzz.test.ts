import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PayloadError, SignatureError, type TenantContext, type WebhookRequest } from '../../functions/core/channels/channel-adapter.js';
import { CommunicationInput } from '../../functions/core/model/communication-input.js';
import { teamsAdapter } from '../../functions/channels/teams/teams-adapter.js';

const TENANT: TenantContext = { tenantId: 'T001', timezone: 'Asia/Shanghai', internalDomains: ['huadong-tech.cn'] };
const DOC_CLIENT_STATE = '<<--SpecifiedClientState-->>';

function post(rawText: string, query: Record<string, string>): WebhookRequest {
  return { method: 'POST', headers: { 'content-type': 'application/json' }, query, rawBody: Buffer.from(rawText), receivedAt: new Date('2024-06-15T02:30:00Z') };
}
const handle = (req: WebhookRequest) => teamsAdapter.handle(req, { clientState: DOC_CLIENT_STATE }, TENANT);

describe('teams adapter never throws anything else (property)', () => {
  const identity = fc.record({ user: fc.record({ id: fc.string(), displayName: fc.oneof(fc.string(), fc.constant(null)), tenantId: fc.string(), userPrincipalName: fc.oneof(fc.emailAddress(), fc.string()) }, { requiredKeys: [] }) }, { requiredKeys: [] });
  const resource = fc.oneof(
    fc.string().map((id) => `communications/callRecords/${id}`),
    fc.tuple(fc.string(), fc.string()).map(([m, t]) => `communications/onlineMeetings('${m}')/transcripts('${t}')`),
    fc.string(),
  );
  const notification = fc.record(
    {
      clientState: fc.oneof({ weight: 5, arbitrary: fc.constant(DOC_CLIENT_STATE) }, fc.string(), fc.integer()),
      changeType: fc.constantFrom('created', 'updated', 'deleted'),
      resource,
      lifecycleEvent: fc.oneof({ weight: 4, arbitrary: fc.constant(undefined) }, fc.constantFrom('missed', 'subscriptionRemoved')),
      tenantId: fc.string(),
      resourceData: fc.oneof(
        { weight: 4, arbitrary: fc.record({ type: fc.constantFrom('peerToPeer', 'groupCall'), modalities: fc.array(fc.string()), startDateTime: fc.oneof(fc.date({ noInvalidDate: true, min: new Date(0), max: new Date('2200-01-01') }).map((d) => d.toISOString()), fc.string()), endDateTime: fc.string(), organizer: identity, participants: fc.array(identity), joinWebUrl: fc.string(), createdDateTime: fc.oneof(fc.constant(null), fc.string()) }, { requiredKeys: [] }) },
        fc.jsonValue(),
      ),
    },
    { requiredKeys: ['clientState', 'resource'] },
  );
  const body = fc.oneof({ weight: 5, arbitrary: fc.record({ value: fc.array(fc.oneof({ weight: 9, arbitrary: notification }, fc.jsonValue()), { maxLength: 3 }) }) }, fc.jsonValue(), fc.string());
  const validationToken = fc.oneof({ weight: 9, arbitrary: fc.constant(undefined) }, fc.string());

  it('random notifications end in an outcome, a SignatureError or a PayloadError', () => {
    // Prepare
    const seen = new Set<string>();

    // Act
    fc.assert(
      fc.property(body, validationToken, (value, validationToken) => {
        const req = post(typeof value === 'string' ? value : JSON.stringify(value) ?? 'null', validationToken === undefined ? {} : { validationToken });
        try {
          const outcome = handle(req);
          seen.add(outcome.kind);
          if (outcome.kind === 'ingest') for (const item of outcome.items) CommunicationInput.parse(item);
        } catch (error) {
          expect(error instanceof SignatureError || error instanceof PayloadError, String(error)).toBe(true);
          seen.add((error as Error).name);
        }
      }),
      { numRuns: 500 },
    );

    // Assess
    expect([...seen].sort()).toEqual(['PayloadError', 'SignatureError', 'ignore', 'ingest', 'respond']);
  });
});
