import { describe, expect, it } from 'vitest';
import { openApiDocument } from '../../functions/http/openapi.js';
import { ROUTE_SCHEMAS } from '../../functions/http/route-schemas.js';
import { acceptedScopes, ROUTES, type RouteDefinition } from '../../functions/http/routes.js';

const ROUTE_LIST: readonly RouteDefinition[] = ROUTES;
type Operation = {
  operationId: string;
  security: Record<string, string[]>[];
  parameters: { name: string; in: string; required: boolean; schema: Record<string, unknown> }[];
  requestBody?: { content: Record<string, { schema: Record<string, unknown> }> };
  responses: Record<string, { content?: Record<string, { schema: Record<string, unknown> }> }>;
};

describe('OpenAPI document (generated from ROUTES and the handlers’ zod schemas)', () => {
  const document = openApiDocument() as { openapi: string; paths: Record<string, Record<string, Operation>> };
  const operation = (route: RouteDefinition) => document.paths[route.path]?.[route.method.toLowerCase()] as Operation;

  it('has every route once, with its path parameters and the scopes that open it', () => {
    // Act
    const operations = Object.values(document.paths).flatMap((methods) => Object.values(methods));

    // Assess
    expect(document.openapi).toBe('3.1.0');
    expect(operations.map((op) => op.operationId).sort()).toEqual(ROUTE_LIST.map((route) => route.id).sort());
    for (const route of ROUTE_LIST) {
      const op = operation(route);
      expect(op.security, route.id).toEqual(route.scope === null ? [] : [{ bearer: acceptedScopes(route) }]);
      expect(op.parameters.filter((p) => p.in === 'path').map((p) => p.name), route.id).toEqual([...route.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]));
      expect(op.responses['4XX'], route.id).toBeDefined();
    }
  });

  it('describes the console routes: search parameters, the new task body, the caller and the report document', () => {
    // Act
    const list = operation(ROUTE_LIST.find((route) => route.id === 'list-customers')!);
    const create = operation(ROUTE_LIST.find((route) => route.id === 'create-task')!);
    const me = operation(ROUTE_LIST.find((route) => route.id === 'get-caller')!);
    const report = operation(ROUTE_LIST.find((route) => route.id === 'get-report')!);
    const schemaOf = (op: Operation, status: string) => op.responses[status]?.content?.['application/json']?.schema as { properties: Record<string, { properties?: Record<string, unknown> }>; required?: string[] };

    // Assess
    expect(list.parameters.map((p) => [p.name, p.in, p.required])).toEqual([['q', 'query', false], ['limit', 'query', false], ['cursor', 'query', false]]);
    expect(Object.keys(schemaOf(list, '200').properties)).toEqual(['items', 'nextCursor']);
    const body = create.requestBody?.content['application/json']?.schema as { required: string[]; properties: Record<string, unknown>; additionalProperties: boolean };
    expect(body.required.sort()).toEqual(['customerId', 'title']);
    expect(Object.keys(body.properties)).toEqual(['customerId', 'title', 'detail', 'priority', 'dueAt', 'assignee', 'source', 'idempotencyKey']);
    expect(body.additionalProperties).toBe(false);
    expect(Object.keys(create.responses)).toEqual(expect.arrayContaining(['200', '201']));
    expect(schemaOf(me, '200').required).toEqual(['tenantId', 'principal', 'scopes', 'timeZone', 'language']);
    expect(Object.keys(schemaOf(report, '200').properties.document?.properties ?? {})).toEqual(expect.arrayContaining(['summary', 'key_metrics', 'highlights', 'risks', 'opportunities', 'customer_sections', 'action_plan']));
  });

  it('names only routes that exist in its schema table', () => {
    // Assess
    expect(Object.keys(ROUTE_SCHEMAS).filter((id) => !ROUTE_LIST.some((route) => route.id === id))).toEqual([]);
    expect(() => JSON.parse(JSON.stringify(document))).not.toThrow();
  });
});
