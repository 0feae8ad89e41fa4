/** Events integrators can subscribe to (EventBridge on AWS, a local event log in embedded mode). */
export const HUB_EVENT_TYPES = ['communication.ingested', 'communication.analyzed'] as const;
export type HubEventType = (typeof HUB_EVENT_TYPES)[number];

export interface HubEvent {
  readonly type: HubEventType;
  readonly tenantId: string;
  readonly recordId: string;
  /** ISO 8601 UTC. */
  readonly time: string;
  readonly detail: Record<string, unknown>;
}

export interface EventPublisher {
  /** At-least-once: throws when any event was not accepted, so the caller's retry republishes. */
  publish(events: readonly HubEvent[]): Promise<void>;
}
