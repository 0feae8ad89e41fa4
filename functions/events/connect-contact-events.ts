import type { HubDependencies } from '../core/dependencies.js';
import { receiveConnectEvent, type ContactEventEnvelope } from '../core/use-cases/receive-connect-event.js';
import type { IngestResult } from '../core/use-cases/ingest-communication.js';
import { logger } from '../http/logger.js';
import { onAws } from '../wiring/lambda-entry.js';

/**
 * The EventBridge target for "Amazon Connect Contact Event". EventBridge invokes asynchronously:
 * an error throws, Lambda retries, then the event goes to the function's dead-letter queue (see
 * lib/connect-events.ts) — never dropped silently.
 */
export const build = (deps: HubDependencies) => async (event: ContactEventEnvelope): Promise<IngestResult[]> => {
  const results = await receiveConnectEvent(deps, event);
  if (results === null) {
    const why = event.detail?.instanceArn ? 'Connect event from an instance no tenant lists' : 'event without a Connect instance ARN';
    logger.warn(`${why}; not stored`, { instanceArn: event.detail?.instanceArn, eventId: event.id });
  }
  return results ?? [];
};

export const handler = onAws(build);
