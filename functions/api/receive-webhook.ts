import type { HubDependencies } from '../core/dependencies.js';
import { webhookRoute } from '../http/webhook-route.js';
import { onAws } from '../wiring/lambda-entry.js';

/** `POST /v1/webhooks/{tenantId}/{channel}` — a vendor's signed delivery. */
export const build = (deps: HubDependencies) => webhookRoute('receive-webhook', deps);

export const handler = onAws(build);
