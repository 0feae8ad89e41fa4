import { httpRoute } from '../http/http-route.js';
import { openApiDocument } from '../http/openapi.js';
import { observedInvocation } from '../wiring/lambda-invocation.js';

// Defined in the Lambda bundle (lib/route-function.ts): the document generated at synth, so the
// function neither bundles nor runs the generator (zod schemas of every route) on its first call.
declare const COMMHUB_OPENAPI_BUNDLED: boolean | undefined;
declare const COMMHUB_OPENAPI_DOCUMENT: string;

/** `GET /v1/openapi.json` — public, like health: the contract integrators code against; touches no store. */
export const build = () => {
  const bundled = typeof COMMHUB_OPENAPI_BUNDLED !== 'undefined' && COMMHUB_OPENAPI_BUNDLED;
  // Bundled: JSON text parsed on the first call (V8 parses JSON faster than an object literal that
  // size). Embedded and tests: generated on the first call from the same route table and schemas.
  const load = bundled ? () => JSON.parse(COMMHUB_OPENAPI_DOCUMENT) as Record<string, unknown> : openApiDocument;
  let document: Record<string, unknown> | undefined;
  return httpRoute('get-openapi', async () => ({ statusCode: 200, body: (document ??= load()) }));
};

export const handler = observedInvocation(build());
