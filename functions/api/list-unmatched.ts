import * as z from '../core/zod.js';
import type { HubDependencies } from '../core/dependencies.js';
import { httpRoute } from '../http/http-route.js';
import { onAws } from '../wiring/lambda-entry.js';

const Params = z.strictObject({
  limit: z._default(z.coerce.number().check(z.int(), z.gte(1), z.lte(100)), 20),
  cursor: z.optional(z.string().check(z.minLength(1), z.maxLength(8192))),
});

/** `GET /v1/unmatched` — the inbox of records no customer could be identified for. */
export const build = (deps: HubDependencies) =>
  httpRoute('list-unmatched', async (request) => {
    const { limit, cursor } = Params.parse(request.query);
    return { statusCode: 200, body: await deps.records.listUnmatched(request.caller.tenantId, { limit, cursor }) };
  });

export const handler = onAws(build);
