import { httpRoute } from '../http/http-route.js';
import { JSON_HEADERS } from '../http/json-headers.js';
import { openApiDocument } from '../http/openapi.js';
import { observedInvocation } from '../wiring/lambda-invocation.js';

// Defined in the Lambda bundle (lib/route-function.ts): the document generated at synth, so the
// function neither bundles nor runs the generator (zod schemas of every route) on its first call.
declare const COMMHUB_OPENAPI_BUNDLED: boolean | undefined;
declare const COMMHUB_OPENAPI_DOCUMENT: string;

/**
 * `GET /v1/openapi.json` — public, like health: the contract integrators code against; touches no store.
 * Answered as the JSON text itself, made once: bundled, the text generated at synth (not even parsed);
 * embedded and in tests, generated on the first call from the same route table and schemas.
 */
export const build = () => {
  const bundled = typeof COMMHUB_OPENAPI_BUNDLED !== 'undefined' && COMMHUB_OPENAPI_BUNDLED;
  const load = bundled ? () => COMMHUB_OPENAPI_DOCUMENT : () => JSON.stringify(openApiDocument());
  let document: string | undefined;
  return httpRoute('get-openapi', async () => ({ statusCode: 200, text: { contentType: JSON_HEADERS['content-type']!, content: (document ??= load()) } }));
};

export const handler = observedInvocation(build());
