import * as z from 'zod';
import type { HubDependencies } from '../core/dependencies.js';
import { httpRoute } from '../http/http-route.js';
import { onAws } from '../wiring/lambda-entry.js';

const Params = z.object({ limit: z.coerce.number().int().min(1).max(100).default(20), cursor: z.string().min(1).max(8192).optional() }).strict();

/** `GET /v1/unmatched` — the inbox of records no customer could be identified for. */
export const build = (deps: HubDependencies) =>
  httpRoute('list-unmatched', async (request) => {
    const { limit, cursor } = Params.parse(request.query);
    return { statusCode: 200, body: await deps.records.listUnmatched(request.caller.tenantId, { limit, cursor }) };
  });

export const handler = onAws(build);
