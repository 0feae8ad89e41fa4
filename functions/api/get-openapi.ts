import { httpRoute } from '../http/http-route.js';
import { openApiDocument } from '../http/openapi.js';
import { observedInvocation } from '../wiring/lambda-invocation.js';

/** `GET /v1/openapi.json` — public, like health: the contract integrators code against; touches no store. */
export const build = () => {
  let document: ReturnType<typeof openApiDocument> | undefined;
  return httpRoute('get-openapi', async () => ({ statusCode: 200, body: (document ??= openApiDocument()) }));
};

export const handler = observedInvocation(build());
