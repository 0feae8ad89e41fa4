import type { HubDependencies } from '../core/dependencies.js';
import { handleInsight } from '../core/use-cases/customer-insights.js';
import { httpRoute } from '../http/http-route.js';
import { PathId } from '../http/path-id.js';
import { InsightPatch } from '../http/work-item-params.js';
import { onAws } from '../wiring/lambda-entry.js';

/** `PATCH /v1/insights/{insightId}` — read / acted / dismissed, recording who, when and the note; 409 when not allowed. */
export const build = (deps: HubDependencies) =>
  httpRoute(
    'update-insight',
    async (request) => {
      const insightId = PathId.parse(request.pathParameters.insightId);
      const { status, note } = request.json(InsightPatch);
      const { before, after } = await handleInsight(deps, { tenantId: request.caller.tenantId, insightId, status, note, principal: request.caller.principal });
      const audit = { targets: [{ type: 'insight', id: insightId }], ...(before ? { before: { status: before.status } } : {}), after: { status: after.status } };
      return { statusCode: 200, body: after, audit };
    },
    { auditTo: deps },
  );

export const handler = onAws(build);
