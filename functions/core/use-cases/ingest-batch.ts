import { HUB_METRICS } from '../../config/hub-metrics.js';
import type { HubDependencies } from '../dependencies.js';
import { CommunicationInput } from '../model/communication-input.js';
import type { ErrorDetail } from '../errors.js';
import { ingestCommunication } from './ingest-communication.js';
import { zodDetails } from '../validation-details.js';

export const MAX_BATCH_ITEMS = 500;
/** Items stored at once; enough to hide latency without starving other requests. */
const BATCH_CONCURRENCY = 8;

export type BatchItemResult =
  | { readonly index: number; readonly status: 201 | 200; readonly recordId: string; readonly duplicate: boolean }
  | { readonly index: number; readonly status: 400; readonly error: { readonly code: 'VALIDATION_FAILED'; readonly details: readonly ErrorDetail[] } };

/**
 * Ingests a batch (backfill, import): each item is validated and stored on its own, so one bad
 * item does not sink the others; the whole body is archived once and every record points at it.
 */
export async function ingestBatch(
  deps: HubDependencies,
  command: { tenantId: string; principal: string; items: readonly unknown[]; rawBody: Uint8Array; rawContentType: string },
): Promise<{ results: BatchItemResult[]; created: number; duplicates: number; rejected: number }> {
  const rawArchiveKey = await deps.blobs.archiveRaw({
    tenantId: command.tenantId,
    channel: 'api-batch',
    receivedAt: deps.clock.now().toISOString(),
    body: command.rawBody,
    contentType: command.rawContentType,
  });
  const results: BatchItemResult[] = new Array(command.items.length);
  let next = 0;
  const worker = async () => {
    for (let index = next++; index < command.items.length; index = next++) {
      const parsed = CommunicationInput.safeParse(command.items[index]);
      if (!parsed.success) {
        results[index] = { index, status: 400, error: { code: 'VALIDATION_FAILED', details: zodDetails(parsed.error) } };
        continue;
      }
      const result = await ingestCommunication(deps, { tenantId: command.tenantId, principal: command.principal, channel: 'api-batch', input: parsed.data, rawArchiveKey });
      results[index] = { index, status: result.duplicate ? 200 : 201, recordId: result.recordId, duplicate: result.duplicate };
    }
  };
  await Promise.all(Array.from({ length: Math.min(BATCH_CONCURRENCY, command.items.length) }, worker));
  const count = (status: number) => results.filter((r) => r.status === status).length;
  const rejected = count(400);
  deps.metrics.count(HUB_METRICS.payloadsRejected, rejected, { channel: 'api-batch' });
  return { results, created: count(201), duplicates: count(200), rejected };
}
