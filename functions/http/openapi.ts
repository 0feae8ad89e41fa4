import * as z from '../core/zod.js';
import { ErrorBody, ROUTE_SCHEMAS } from './route-schemas.js';
import { ROUTE_SUMMARIES } from './route-summaries.js';
import { acceptedScopes, ROUTES, type RouteDefinition, type RouteId } from './routes.js';

type JsonSchema = Record<string, unknown>;

/** A zod schema as JSON Schema 2020-12 (OpenAPI 3.1's dialect); transforms show their input or output side. */
function jsonSchemaOf(schema: z.ZodMiniType, io: 'input' | 'output'): JsonSchema {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as JsonSchema;
  return rest;
}

const json = (schema: JsonSchema) => ({ 'application/json': { schema } });

function parametersOf(route: RouteDefinition): JsonSchema[] {
  const inPath = [...route.path.matchAll(/\{(\w+)\}/g)].map(([, name]) => ({ name, in: 'path', required: true, schema: { type: 'string' } }));
  const query = ROUTE_SCHEMAS[route.id as keyof typeof ROUTE_SCHEMAS]?.query;
  if (!query) return inPath;
  const schema = jsonSchemaOf(query, 'input') as { properties?: Record<string, JsonSchema>; required?: string[] };
  const inQuery = Object.entries(schema.properties ?? {}).map(([name, property]) => ({ name, in: 'query', required: schema.required?.includes(name) ?? false, schema: property }));
  return [...inPath, ...inQuery];
}

function operationOf(route: RouteDefinition): JsonSchema {
  const schemas = ROUTE_SCHEMAS[route.id as keyof typeof ROUTE_SCHEMAS] ?? {};
  const answers = Object.entries(schemas.responses ?? {}).map(
    ([status, schema]) => [status, { description: `${status} answer`, content: json(jsonSchemaOf(schema, 'output')) }] as const,
  );
  return {
    operationId: route.id,
    summary: ROUTE_SUMMARIES[route.id as RouteId],
    security: route.scope === null ? [] : [{ bearer: acceptedScopes(route) }],
    parameters: parametersOf(route),
    ...(schemas.body ? { requestBody: { required: true, content: json(jsonSchemaOf(schemas.body, 'input')) } } : {}),
    responses: {
      ...(answers.length > 0 ? Object.fromEntries(answers) : { '2XX': { description: 'success' } }),
      '4XX': {
        description: 'refused: 400 invalid input, 401/403 token or scope, 404 absent (or another tenant’s), 409 conflict',
        content: json({ $ref: '#/components/schemas/Error' }),
      },
      '5XX': { description: '503: retry (safe), 500: logged', content: json({ $ref: '#/components/schemas/Error' }) },
    },
  };
}

/**
 * The OpenAPI 3.1 document of the HTTP API, generated from `ROUTES` (paths, methods, scopes,
 * summaries) and the zod schemas the handlers parse with (`ROUTE_SCHEMAS`), so it cannot drift from them.
 *
 * @example
 * writeFileSync('openapi.json', JSON.stringify(openApiDocument(), null, 2));
 */
export function openApiDocument(): JsonSchema {
  const paths: Record<string, Record<string, JsonSchema>> = {};
  for (const route of ROUTES as readonly RouteDefinition[]) {
    paths[route.path] = { ...paths[route.path], [route.method.toLowerCase()]: operationOf(route) };
  }
  return {
    openapi: '3.1.0',
    info: { title: 'CommHub API', version: 'v1' },
    paths,
    components: {
      securitySchemes: {
        bearer: {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'JWT',
          description: 'custom:tenant_id names the tenant; scope holds commhub/read, commhub/ingest or commhub/admin',
        },
      },
      schemas: { Error: jsonSchemaOf(ErrorBody, 'output') },
    },
  };
}
