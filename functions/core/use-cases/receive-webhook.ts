import { HUB_METRICS } from '../../config/hub-metrics.js';
import type { HubDependencies } from '../dependencies.js';
import {
  PayloadError,
  SignatureError,
  type ChannelAdapter,
  type VendorResponse,
  type WebhookOutcome,
  type WebhookRequest,
} from '../channels/channel-adapter.js';
import { NotFoundError } from '../errors.js';
import { ingestCommunication, type IngestResult } from './ingest-communication.js';

export interface WebhookCommand {
  readonly tenantId: string;
  readonly request: WebhookRequest;
}

export interface WebhookResult {
  readonly response: VendorResponse;
  readonly records: readonly IngestResult[];
}

const json = (statusCode: number, body: unknown): VendorResponse => ({ statusCode, contentType: 'application/json; charset=utf-8', body: JSON.stringify(body) });

/**
 * A third-party webhook delivery, end to end: the tenant's channel settings (absent ones look like
 * an unknown tenant), the adapter's verification and parsing, replay protection, the raw archive
 * (refused deliveries archived apart with the reason), then each communication ingested
 * idempotently. Adapter errors (`SignatureError`, `PayloadError`) propagate for the HTTP layer.
 */
export async function receiveWebhook(deps: HubDependencies, adapter: ChannelAdapter<unknown>, command: WebhookCommand): Promise<WebhookResult> {
  const { tenantId, request } = command;
  const tenant = await deps.tenants.getTenant(tenantId);
  const configured = tenant?.webhooks[adapter.settingsKey as keyof typeof tenant.webhooks];
  if (!tenant || configured === undefined) throw new NotFoundError(`no ${adapter.channel} webhook is configured at this address`);
  const settings = adapter.settingsSchema.parse(configured);
  const receivedAt = request.receivedAt.toISOString();
  const archive = (rejectedBecause?: string) =>
    deps.blobs.archiveRaw({
      tenantId,
      channel: adapter.channel,
      receivedAt,
      body: request.rawBody,
      contentType: request.headers['content-type'] ?? 'application/octet-stream',
      rejectedBecause,
    });

  const archiveRefusal = async (error: unknown) => {
    const channel = adapter.channel;
    if (error instanceof SignatureError) {
      deps.metrics.count(HUB_METRICS.signaturesRejected, 1, { channel });
      await archive(`signature ${error.failure}: ${error.message}`);
    } else if (error instanceof PayloadError) {
      deps.metrics.count(HUB_METRICS.payloadsRejected, 1, { channel });
      await archive(`payload: ${error.message}`);
    }
  };

  let outcome: WebhookOutcome;
  try {
    outcome = adapter.handle(request, settings, { tenantId, timezone: tenant.timezone, internalDomains: tenant.internalDomains });
    if (request.method === 'GET' && outcome.kind !== 'respond') throw new PayloadError('GET is only for URL verification; deliveries are POSTed');
  } catch (error) {
    await archiveRefusal(error);
    throw error;
  }
  if (outcome.kind === 'respond') return { response: outcome.response, records: [] };

  const { replay } = outcome;
  try {
    // The replay check and the archive write are independent round trips: run them together. A
    // replay's bytes are those of the accepted original, so its accepted-archive write changes nothing.
    const [firstUse, rawArchiveKey] = await Promise.all([
      replay ? deps.replayGuard.firstUse(tenantId, adapter.channel, replay.replayKey, replay.expiresAt) : true,
      archive(),
    ]);
    if (!firstUse) {
      const error = new SignatureError('replayed', 'this signed delivery was already received (replay)');
      await archiveRefusal(error);
      throw error;
    }
    if (outcome.kind === 'ignore') return { response: outcome.ack ?? json(200, { received: 0, ignored: outcome.reason }), records: [] };
    const records: IngestResult[] = [];
    // One at a time: a delivery holds few items, and order keeps threads' parents first.
    for (const input of outcome.items) {
      records.push(await ingestCommunication(deps, { tenantId, principal: `webhook:${adapter.channel}`, channel: adapter.channel, input, rawArchiveKey }));
    }
    const summary = records.map((r) => ({ recordId: r.recordId, duplicate: r.duplicate }));
    return { response: outcome.ack ?? json(200, { received: records.length, records: summary }), records };
  } catch (error) {
    // Not stored: let the sender's retry through instead of calling it a replay.
    if (replay && !(error instanceof SignatureError)) await deps.replayGuard.release(tenantId, adapter.channel, replay.replayKey).catch(() => undefined);
    throw error;
  }
}
