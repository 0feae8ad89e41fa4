import type { HubDependencies } from '../core/dependencies.js';
import { NotFoundError } from '../core/errors.js';
import { receiveWebhook } from '../core/use-cases/receive-webhook.js';
import { adapterFor } from '../channels/registry.js';
import { httpRoute, type HttpHandler } from './http-route.js';
import { PathId } from './path-id.js';
import { correlate } from '../observability/correlation.js';

/**
 * The webhook door, for both methods: the tenant comes from the path and is proven by the
 * vendor's signature with that tenant's secret — never from the body.
 */
export function webhookRoute(routeId: 'receive-webhook' | 'verify-webhook', deps: HubDependencies): HttpHandler {
  return httpRoute(routeId, async (request) => {
    const tenantId = PathId.parse(request.pathParameters.tenantId);
    correlate({ tenantId });
    const channel = request.pathParameters.channel ?? '';
    const adapter = adapterFor(channel);
    if (!adapter) throw new NotFoundError(`no webhook channel ${channel}`);
    const { response } = await receiveWebhook(deps, adapter, {
      tenantId,
      request: {
        method: routeId === 'verify-webhook' ? 'GET' : 'POST',
        headers: request.headers,
        query: request.query,
        rawBody: request.rawBody,
        receivedAt: deps.clock.now(),
      },
    });
    return { statusCode: response.statusCode, text: { contentType: response.contentType, content: response.body } };
  });
}
