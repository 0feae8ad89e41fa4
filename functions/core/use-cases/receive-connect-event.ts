import { normalizeConnectEvent } from '../../channels/connect/normalize-connect-event.js';
import type { HubDependencies } from '../dependencies.js';
import { ingestCommunication, type IngestResult } from './ingest-communication.js';

/** The part of an EventBridge "Amazon Connect Contact Event" that picks the tenant. */
export interface ContactEventEnvelope {
  readonly id?: string;
  readonly detail?: { readonly instanceArn?: string };
}

/**
 * An Amazon Connect contact event from EventBridge (AWS runtime; embedded mode receives the same
 * events as signed webhooks): the tenant is the one whose settings list the event's Connect
 * instance — `null` when none does (not ours to store) — then the event is archived raw and its
 * record ingested idempotently.
 */
export async function receiveConnectEvent(deps: HubDependencies, event: ContactEventEnvelope): Promise<IngestResult[] | null> {
  const instanceArn = event.detail?.instanceArn;
  // Not a contact event of any instance (the rule matches Connect's; this is defence): no tenant to look up.
  if (!instanceArn) return null;
  const found = await deps.tenants.findTenantByConnectInstance(instanceArn);
  if (!found) return null;
  const { tenantId, settings } = found;
  const outcome = normalizeConnectEvent(event, { tenantId, timezone: settings.timezone, internalDomains: settings.internalDomains });
  if (outcome.kind !== 'ingest') return [];
  const rawArchiveKey = await deps.blobs.archiveRaw({
    tenantId,
    channel: 'connect',
    receivedAt: deps.clock.now().toISOString(),
    body: Buffer.from(JSON.stringify(event)),
    contentType: 'application/json',
  });
  const results: IngestResult[] = [];
  for (const input of outcome.items) {
    results.push(await ingestCommunication(deps, { tenantId, principal: 'eventbridge:connect', channel: 'connect', input, rawArchiveKey }));
  }
  return results;
}
