import { normalizeConnectEvent } from '../channels/connect/normalize-connect-event.js';
import type { HubDependencies } from '../core/dependencies.js';
import { ingestCommunication, type IngestResult } from '../core/use-cases/ingest-communication.js';
import { logger } from '../http/logger.js';
import { onAws } from '../wiring/lambda-entry.js';

interface ContactEventEnvelope {
  readonly id?: string;
  readonly detail?: { readonly instanceArn?: string };
}

/**
 * The EventBridge target for "Amazon Connect Contact Event" (AWS runtime; embedded mode receives
 * the same events as signed webhooks). The tenant is the one whose settings list the event's
 * Connect instance; an event of an unlisted instance is logged and dropped (not ours to store).
 * EventBridge invokes asynchronously: an error throws, Lambda retries, then the event goes to the
 * function's dead-letter queue (see lib/connect-events.ts) — never dropped silently.
 */
export const build = (deps: HubDependencies) => async (event: ContactEventEnvelope): Promise<IngestResult[]> => {
  const instanceArn = event.detail?.instanceArn ?? '';
  const found = await deps.tenants.findTenantByConnectInstance(instanceArn);
  if (!found) {
    logger.warn('Connect event from an instance no tenant lists; not stored', { instanceArn, eventId: event.id });
    return [];
  }
  const { tenantId, settings } = found;
  const outcome = normalizeConnectEvent(event, { tenantId, timezone: settings.timezone, internalDomains: settings.internalDomains });
  if (outcome.kind !== 'ingest') return [];
  const body = Buffer.from(JSON.stringify(event));
  const rawArchiveKey = await deps.blobs.archiveRaw({
    tenantId,
    channel: 'connect',
    receivedAt: deps.clock.now().toISOString(),
    body,
    contentType: 'application/json',
  });
  const results: IngestResult[] = [];
  for (const input of outcome.items) {
    results.push(await ingestCommunication(deps, { tenantId, principal: 'eventbridge:connect', channel: 'connect', input, rawArchiveKey }));
  }
  return results;
};

export const handler = onAws(build);
