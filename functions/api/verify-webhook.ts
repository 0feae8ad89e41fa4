import type { HubDependencies } from '../core/dependencies.js';
import { webhookRoute } from '../http/webhook-route.js';
import { onAws } from '../wiring/lambda-entry.js';

/** `GET /v1/webhooks/{tenantId}/{channel}` — a vendor's URL verification handshake. */
export const build = (deps: HubDependencies) => webhookRoute('verify-webhook', deps);

export const handler = onAws(build);
