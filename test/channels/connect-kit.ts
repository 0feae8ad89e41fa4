import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import type { TenantContext, WebhookOutcome, WebhookRequest } from '../../functions/core/channels/channel-adapter.js';
import { CommunicationInput } from '../../functions/core/model/communication-input.js';
import { connectAdapter } from '../../functions/channels/connect/connect-adapter.js';
import type { normalizeConnectEvent } from '../../functions/channels/connect/normalize-connect-event.js';
import { signCommHub } from '../../functions/channels/signing/commhub-signature.js';

/** Shared by the Connect adapter tests: fixtures, a signed delivery, and outcome readers. */
export const FIXTURES = new URL('../../../shared/fixtures/connect/', import.meta.url);
export const SECRET = 'connect-secret-0123456789';
export const NOW = new Date('2024-06-15T02:35:00Z');
export const TENANT: TenantContext = { tenantId: 'T001', timezone: 'Asia/Shanghai', internalDomains: [] };

export const fixtureText = (name: string) => readFileSync(new URL(name, FIXTURES), 'utf8');
export const fixtureJson = (name: string) => JSON.parse(fixtureText(name)) as Record<string, unknown>;

/** A delivery signed by the forwarder (bytes exactly as given). */
export function delivery(body: string | object, query: Record<string, string> = {}): WebhookRequest {
  const rawBody = Buffer.from(typeof body === 'string' ? body : JSON.stringify(body));
  const header = signCommHub(SECRET, rawBody, Math.floor(NOW.getTime() / 1000));
  return { method: 'POST', headers: { 'x-commhub-signature': header }, query, rawBody, receivedAt: NOW };
}

export const handle = (request: WebhookRequest): WebhookOutcome => connectAdapter.handle(request, { secret: SECRET }, TENANT);

/** The single item an outcome ingests, checked against the canonical schema. */
export function ingested(outcome: WebhookOutcome | ReturnType<typeof normalizeConnectEvent>): CommunicationInput {
  if (outcome.kind !== 'ingest') throw new Error(`expected ingest, got ${outcome.kind}: ${'reason' in outcome ? outcome.reason : ''}`);
  expect(outcome.items).toHaveLength(1);
  const item = outcome.items[0] as CommunicationInput;
  expect(CommunicationInput.parse(item)).toEqual(item);
  return item;
}

/**
 * The `.docs.txt` fixtures are AWS documentation examples that are not valid JSON as published
 * (SOURCES.md). The adapter rejects them verbatim (tested); to test the mapping on the documented
 * content, these repairs undo exactly the documented defects — and fail if the defect is absent.
 */
export function repaired(name: string, fix: (text: string) => string): unknown {
  const text = fixtureText(name);
  const fixed = fix(text);
  expect(fixed).not.toBe(text);
  return JSON.parse(fixed);
}
export const dropLineComments = (text: string) => text.replace(/[ \t]*\/\/[^\n]*/g, '');
