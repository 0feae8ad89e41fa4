import type { HubDependencies } from '../core/dependencies.js';
import { CommunicationInput } from '../core/model/communication-input.js';
import { ingestCommunication } from '../core/use-cases/ingest-communication.js';
import { countedParse } from '../http/counted-parse.js';
import { httpRoute } from '../http/http-route.js';
import { onAws } from '../wiring/lambda-entry.js';

/** `POST /v1/communications` — canonical input; 201 new, 200 `duplicate: true` on redelivery. */
export const build = (deps: HubDependencies) =>
  httpRoute(
    'create-communication',
    async (request) => {
      const input = countedParse(deps.metrics, 'api', () => request.json(CommunicationInput));
      const result = await ingestCommunication(deps, {
        tenantId: request.caller.tenantId,
        principal: request.caller.principal,
        channel: 'api',
        input,
        rawBody: request.rawBody,
        rawContentType: request.contentType || 'application/json',
      });
      const targets = [{ type: 'communication', id: result.recordId }, ...(result.customerId ? [{ type: 'customer', id: result.customerId }] : [])];
      const audit = { targets, after: { recordId: result.recordId, customerId: result.customerId, duplicate: result.duplicate } };
      return result.duplicate
        ? { statusCode: 200, body: { recordId: result.recordId, duplicate: true }, audit }
        : { statusCode: 201, body: { recordId: result.recordId }, audit };
    },
    { auditTo: deps },
  );

export const handler = onAws(build);
