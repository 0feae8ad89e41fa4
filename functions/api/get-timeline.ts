import type { HubDependencies } from '../core/dependencies.js';
import { readTimeline } from '../core/use-cases/read-communications.js';
import { httpRoute } from '../http/http-route.js';
import { PathId } from '../http/path-id.js';
import { TimelineParams } from '../http/timeline-params.js';
import { onAws } from '../wiring/lambda-entry.js';

/** `GET /v1/customers/{customerId}/timeline` — newest first, filtered, cursor-paginated. */
export const build = (deps: HubDependencies) =>
  httpRoute('get-timeline', async (request) => {
    const customerId = PathId.parse(request.pathParameters.customerId);
    const params = TimelineParams.parse(request.query);
    const page = await readTimeline(deps, {
      tenantId: request.caller.tenantId,
      customerId,
      types: params.types,
      intents: params.intent,
      sentiments: params.sentiment,
      urgencies: params.urgency,
      from: params.from,
      to: params.to,
      limit: params.limit,
      cursor: params.cursor,
    });
    return { statusCode: 200, body: page };
  });

export const handler = onAws(build);
