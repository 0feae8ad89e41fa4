import { EventBridgeClient, InternalException, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { createEventBridgePublisher, EventPublishError } from '../../../functions/adapters/eventbridge/event-bridge-publisher.js';
import type { HubEvent } from '../../../functions/core/ports/event-publisher.js';

const eventBridge = mockClient(EventBridgeClient);
const client = new EventBridgeClient({ region: 'cn-north-1' });
const eventBusName = 'commhub-events';

const analyzed: HubEvent = {
  type: 'communication.analyzed',
  tenantId: 'T001',
  recordId: 'EMAIL-20240615-8ZQ4J1W6N0R2T5X7C9V3B6M1',
  time: '2024-06-15T02:31:07.000Z',
  detail: { sentiment: 'negative', intent: '投诉', tenantId: 'T999' },
};

const eventNumber = (n: number): HubEvent => ({
  type: 'communication.ingested',
  tenantId: 'T001',
  recordId: `CHAT-20240615-${String(n).padStart(4, '0')}`,
  time: '2024-06-15T02:30:00.000Z',
  detail: { channel: 'wecom' },
});

const accepted = (count: number) => ({ FailedEntryCount: 0, Entries: Array.from({ length: count }, (_, i) => ({ EventId: `event-${i}` })) });
const putInputs = () => eventBridge.commandCalls(PutEventsCommand).map((call) => call.args[0].input);

beforeEach(() => {
  eventBridge.reset();
});

describe('EventBridge publisher', () => {
  it('puts each event with source commhub, its type as detail-type, its time and the ids in the detail', async () => {
    // Prepare
    eventBridge.on(PutEventsCommand).resolves(accepted(1));
    const publisher = createEventBridgePublisher({ client, eventBusName });

    // Act
    await publisher.publish([analyzed]);

    // Assess
    expect(putInputs()).toEqual([
      {
        Entries: [
          {
            EventBusName: 'commhub-events',
            Source: 'commhub',
            DetailType: 'communication.analyzed',
            Time: new Date('2024-06-15T02:31:07.000Z'),
            // The detail's own tenantId cannot override the event's.
            Detail: '{"tenantId":"T001","recordId":"EMAIL-20240615-8ZQ4J1W6N0R2T5X7C9V3B6M1","sentiment":"negative","intent":"投诉"}',
            Resources: [],
          },
        ],
      },
    ]);
  });

  it('sends 25 events as three requests of 10, 10 and 5, in order', async () => {
    // Prepare
    eventBridge.on(PutEventsCommand).callsFake((input: { Entries: unknown[] }) => accepted(input.Entries.length));
    const publisher = createEventBridgePublisher({ client, eventBusName });
    const events = Array.from({ length: 25 }, (_, n) => eventNumber(n));

    // Act
    await publisher.publish(events);

    // Assess
    const inputs = putInputs();
    expect(inputs.map((input) => input.Entries?.length)).toEqual([10, 10, 5]);
    const recordIds = inputs.flatMap((input) => input.Entries ?? []).map((entry) => (JSON.parse(entry.Detail ?? '{}') as { recordId: string }).recordId);
    expect(recordIds).toEqual(events.map((event) => event.recordId));
  });

  it('sends nothing for no events', async () => {
    // Prepare
    const publisher = createEventBridgePublisher({ client, eventBusName });

    // Act
    await publisher.publish([]);

    // Assess
    expect(putInputs()).toEqual([]);
  });

  it('retries only the refused entries once, and succeeds when they are accepted', async () => {
    // Prepare
    eventBridge
      .on(PutEventsCommand)
      .resolvesOnce({
        FailedEntryCount: 1,
        Entries: [{ EventId: 'e-0' }, { ErrorCode: 'ThrottlingException', ErrorMessage: 'Rate exceeded' }, { EventId: 'e-2' }],
      })
      .resolvesOnce(accepted(1));
    const publisher = createEventBridgePublisher({ client, eventBusName });
    const events = [eventNumber(0), eventNumber(1), eventNumber(2)];

    // Act
    await publisher.publish(events);

    // Assess
    const [first, retry] = putInputs();
    expect(first?.Entries).toHaveLength(3);
    expect(retry?.Entries).toEqual([first?.Entries?.[1]]);
  });

  it('throws EventPublishError naming the codes when entries are refused again', async () => {
    // Prepare
    eventBridge
      .on(PutEventsCommand)
      .resolvesOnce({
        FailedEntryCount: 2,
        Entries: [
          { ErrorCode: 'InternalFailure', ErrorMessage: 'Internal' },
          { EventId: 'e-1' },
          { ErrorCode: 'ThrottlingException', ErrorMessage: 'Rate exceeded' },
        ],
      })
      .resolvesOnce({ FailedEntryCount: 1, Entries: [{ EventId: 'e-0' }, { ErrorCode: 'ThrottlingException', ErrorMessage: 'Rate exceeded' }] });
    const publisher = createEventBridgePublisher({ client, eventBusName });

    // Act
    const error = await publisher.publish([eventNumber(0), eventNumber(1), eventNumber(2)]).catch((thrown: unknown) => thrown);

    // Assess
    expect(error).toBeInstanceOf(EventPublishError);
    expect(error).toMatchObject({ name: 'EventPublishError', errorCodes: ['ThrottlingException'], failedCount: 1 });
    expect((error as Error).message).toBe('EventBridge refused 1 event(s): ThrottlingException');
    expect(putInputs()).toHaveLength(2);
    expect(putInputs()[1]?.Entries).toEqual([putInputs()[0]?.Entries?.[0], putInputs()[0]?.Entries?.[2]]);
  });

  it('passes a failed request on (the SDK has already retried it)', async () => {
    // Prepare
    eventBridge.on(PutEventsCommand).rejects(new InternalException({ message: 'Internal', $metadata: {} }));
    const publisher = createEventBridgePublisher({ client, eventBusName });

    // Act
    const published = publisher.publish([analyzed]);

    // Assess
    await expect(published).rejects.toThrow(InternalException);
  });
});
