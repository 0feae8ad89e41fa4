import type { HttpHandler } from '../http/http-route.js';
import { JSON_HEADERS } from '../http/json-headers.js';

const STATUS = JSON.stringify({ status: 'ok', service: 'commhub', version: 'v1' });

/**
 * `GET /v1/health` — public liveness check: a constant answer. It touches no store and has nothing
 * to log, count or trace beyond the invocation Lambda records itself, so it loads none of that (no
 * logger, metrics, tracer, schemas or SDK): its cold start is Node's own.
 */
export const build = (): HttpHandler => async () => ({ statusCode: 200, headers: { ...JSON_HEADERS }, body: STATUS });

export const handler = build();
