import * as z from '../core/zod.js';
import type { HubDependencies } from '../core/dependencies.js';
import { ingestBatch, MAX_BATCH_ITEMS } from '../core/use-cases/ingest-batch.js';
import { countedParse } from '../http/counted-parse.js';
import { httpRoute } from '../http/http-route.js';
import { onAws } from '../wiring/lambda-entry.js';

/** Items are validated one by one inside the use case; here only the envelope. */
const BatchBody = z.strictObject({ items: z.array(z.unknown()).check(z.minLength(1), z.maxLength(MAX_BATCH_ITEMS)) });

/** `POST /v1/communications/batch` — up to 500 items, a result per item (201 / 200 duplicate / 400). */
export const build = (deps: HubDependencies) =>
  httpRoute(
    'create-communications-batch',
    async (request) => {
      const { items } = countedParse(deps.metrics, 'api-batch', () => request.json(BatchBody));
      const outcome = await ingestBatch(deps, {
        tenantId: request.caller.tenantId,
        principal: request.caller.principal,
        items,
        rawBody: request.rawBody,
        rawContentType: request.contentType || 'application/json',
      });
      const targets = outcome.results.flatMap((item) => ('recordId' in item ? [{ type: 'communication', id: item.recordId }] : []));
      const audit = { targets, after: { created: outcome.created, duplicates: outcome.duplicates, rejected: outcome.rejected } };
      return { statusCode: 200, body: outcome, audit };
    },
    { auditTo: deps },
  );

export const handler = onAws(build);
