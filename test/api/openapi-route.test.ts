import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningHub } from '../../embedded/hub.js';
import { ROUTES } from '../../functions/http/routes.js';
import { callApi, startTestHub } from '../support/test-hub.js';

describe('GET /v1/openapi.json', () => {
  let hub: RunningHub;
  beforeAll(async () => {
    hub = await startTestHub({ workflows: false });
  });
  afterAll(() => hub?.close());

  it('serves the OpenAPI 3.1 document without a token, with every route of the route list', async () => {
    // Act
    const response = await callApi(hub, 'GET', '/v1/openapi.json');
    // Assess
    expect(response.status).toBe(200);
    expect(response.body.openapi).toBe('3.1.0');
    const operations = Object.values(response.body.paths as Record<string, Record<string, { operationId: string }>>).flatMap((methods) => Object.values(methods).map((op) => op.operationId));
    expect(operations.sort()).toEqual(ROUTES.map((route) => route.id).sort());
  });
});
