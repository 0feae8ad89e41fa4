import { httpRoute } from '../http/http-route.js';
import { observedInvocation } from '../wiring/lambda-invocation.js';

/** `GET /v1/health` — public liveness check; touches no store. */
export const build = () => httpRoute('health', async () => ({ statusCode: 200, body: { status: 'ok', service: 'commhub', version: 'v1' } }));

export const handler = observedInvocation(build());
