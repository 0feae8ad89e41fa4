import { PutEventsCommand, type EventBridgeClient, type PutEventsRequestEntry } from '@aws-sdk/client-eventbridge';
import type { EventPublisher, HubEvent, HubEventType } from '../../core/ports/event-publisher.js';

/** The `source` of every hub event; integrators' rules match on it. */
export const HUB_EVENT_SOURCE = 'commhub';

/** PutEvents accepts at most 10 entries a request (PutEvents API reference). */
const PUT_EVENTS_MAX_ENTRIES = 10;

/**
 * One hub event as integrators receive it — the EventBridge envelope's `source`, `detail-type`,
 * `time` and `detail`, also the line format of the embedded event log.
 */
export interface HubEventEnvelope {
  readonly source: typeof HUB_EVENT_SOURCE;
  readonly 'detail-type': HubEventType;
  /** ISO 8601 UTC. */
  readonly time: string;
  /** `tenantId` and `recordId`, then the event's own fields. */
  readonly detail: Record<string, unknown>;
}

/** Some events were refused even after one retry; `errorCodes` are PutEvents' per-entry codes. */
export class EventPublishError extends Error {
  override readonly name = 'EventPublishError';
  constructor(
    readonly errorCodes: readonly string[],
    readonly failedCount: number,
  ) {
    super(`EventBridge refused ${failedCount} event(s): ${[...new Set(errorCodes)].join(', ')}`);
  }
}

export interface EventBridgePublisherOptions {
  readonly client: EventBridgeClient;
  readonly eventBusName: string;
}

/**
 * The envelope of a hub event. The event's own `tenantId`/`recordId` fields, if any, are dropped:
 * a detail can never claim another tenant or record.
 */
export function hubEventEnvelope(event: HubEvent): HubEventEnvelope {
  const { tenantId: _claimedTenant, recordId: _claimedRecord, ...own } = event.detail;
  return { source: HUB_EVENT_SOURCE, 'detail-type': event.type, time: event.time, detail: { tenantId: event.tenantId, recordId: event.recordId, ...own } };
}

/**
 * Publishes hub events to an EventBridge bus. What integrators see:
 *
 * ```json
 * {
 *   "source": "commhub",
 *   "detail-type": "communication.analyzed",
 *   "time": "2024-06-15T02:31:07Z",
 *   "resources": [],
 *   "detail": { "tenantId": "T001", "recordId": "EMAIL-20240615-…", "...": "the event's own fields" }
 * }
 * ```
 *
 * and a rule subscribes with the pattern `{ "source": ["commhub"], "detail-type": ["communication.analyzed"] }`
 * (`detail-type` is one of `HUB_EVENT_TYPES`; add `"detail": { "tenantId": ["T001"] }` to narrow to a tenant).
 *
 * PutEvents can accept some entries and refuse others (`FailedEntryCount`, "Handling failures with
 * PutEvents", EventBridge User Guide); refused entries are retried once, then `EventPublishError` is
 * thrown so the caller's retry republishes. Delivery is at least once: subscribers dedupe on
 * `detail.recordId` and `detail-type`.
 *
 * @example
 * const events = createEventBridgePublisher({ client: new EventBridgeClient({}), eventBusName: 'commhub' });
 * await events.publish([{ type: 'communication.analyzed', tenantId, recordId, time, detail: { sentiment } }]);
 */
export function createEventBridgePublisher(options: EventBridgePublisherOptions): EventPublisher {
  const { client, eventBusName } = options;

  /** Sends entries once; returns the refused ones with their codes. */
  async function put(entries: readonly PutEventsRequestEntry[]): Promise<{ entry: PutEventsRequestEntry; code: string }[]> {
    const result = await client.send(new PutEventsCommand({ Entries: [...entries] }));
    if ((result.FailedEntryCount ?? 0) === 0) return [];
    // Result entries are in request order; an entry with an ErrorCode was not accepted.
    return entries.flatMap((entry, index) => {
      const outcome = result.Entries?.[index];
      if (outcome !== undefined && outcome.ErrorCode === undefined) return [];
      return [{ entry, code: outcome?.ErrorCode ?? 'UnknownFailure' }];
    });
  }

  return {
    async publish(events: readonly HubEvent[]): Promise<void> {
      const entries = events.map((event) => toEntry(event, eventBusName));
      const refusedCodes: string[] = [];
      for (let start = 0; start < entries.length; start += PUT_EVENTS_MAX_ENTRIES) {
        const failed = await put(entries.slice(start, start + PUT_EVENTS_MAX_ENTRIES));
        if (failed.length === 0) continue;
        const stillFailed = await put(failed.map(({ entry }) => entry));
        refusedCodes.push(...stillFailed.map(({ code }) => code));
      }
      if (refusedCodes.length > 0) throw new EventPublishError(refusedCodes, refusedCodes.length);
    },
  };
}

function toEntry(event: HubEvent, eventBusName: string): PutEventsRequestEntry {
  const envelope = hubEventEnvelope(event);
  return {
    EventBusName: eventBusName,
    Source: envelope.source,
    DetailType: envelope['detail-type'],
    Time: new Date(envelope.time),
    Detail: JSON.stringify(envelope.detail),
    Resources: [],
  };
}
