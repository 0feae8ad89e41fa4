import type { Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { acceptedScopes, ROUTES, SCOPES, type RouteDefinition } from '../../functions/http/routes.js';
import { BUILD_TIMEOUT_MS, logicalIdOf, synthCommHub } from './synth-commhub.js';

const ROUTE_LIST: readonly RouteDefinition[] = ROUTES;
const isWebhook = (route: RouteDefinition) => route.path.startsWith('/v1/webhooks/');
/** Public documents: liveness and the API's own description. */
const isPublicDocument = (route: RouteDefinition) => route.id === 'health' || route.id === 'get-openapi';

interface RouteResource {
  readonly Properties: { RouteKey: string; AuthorizationType?: string; AuthorizerId?: unknown; AuthorizationScopes?: string[] };
}

describe('authorization of every API route (template)', () => {
  let template: Template;
  let routes: Map<string, RouteResource['Properties']>;
  let authorizerId: string;

  beforeAll(() => {
    ({ template } = synthCommHub({ context: { stage: 'prod' } }));
    const resources = Object.values(template.findResources('AWS::ApiGatewayV2::Route')) as RouteResource[];
    routes = new Map(resources.map((resource) => [resource.Properties.RouteKey, resource.Properties]));
    authorizerId = logicalIdOf(template, 'AWS::ApiGatewayV2::Authorizer', 'IngestionApiCognitoAuthorizer');
  }, BUILD_TIMEOUT_MS);

  it('has exactly one API Gateway route per entry of ROUTES', () => {
    // Act
    const routeKeys = [...routes.keys()].sort();

    // Assess
    expect(Object.keys(template.findResources('AWS::ApiGatewayV2::Route'))).toHaveLength(ROUTE_LIST.length);
    expect(routeKeys).toEqual(ROUTE_LIST.map((route) => `${route.method} ${route.path}`).sort());
  });

  it("uses one JWT authorizer, on the user pool's issuer and both app clients", () => {
    // Prepare
    const pool = logicalIdOf(template, 'AWS::Cognito::UserPool', 'AuthUserPool');

    // Act
    const authorizers = template.findResources('AWS::ApiGatewayV2::Authorizer');
    const { Properties: authorizer } = authorizers[authorizerId] as { Properties: { AuthorizerType: string; JwtConfiguration: { Issuer: unknown; Audience: unknown[] } } };

    // Assess
    expect(Object.keys(authorizers)).toEqual([authorizerId]);
    expect(authorizer.AuthorizerType).toBe('JWT');
    expect(JSON.stringify(authorizer.JwtConfiguration.Issuer)).toContain(pool);
    expect(authorizer.JwtConfiguration.Audience).toHaveLength(2);
  });

  it.each(ROUTE_LIST.filter((route) => route.scope !== null).map((route) => [`${route.method} ${route.path}`, route] as const))(
    'puts %s behind the JWT authorizer with the scope ROUTES gives it',
    (routeKey, route) => {
      // Act
      const properties = routes.get(routeKey);

      // Assess
      expect(properties).toMatchObject({ AuthorizationType: 'JWT', AuthorizerId: { Ref: authorizerId } });
      // The route's own scope first; admin may do anything in its tenant (acceptedScopes), nothing else opens it.
      expect(properties?.AuthorizationScopes).toEqual(acceptedScopes(route));
      expect(properties?.AuthorizationScopes?.[0]).toBe(route.scope);
      expect(new Set(properties?.AuthorizationScopes)).toEqual(new Set([route.scope, SCOPES.admin]));
    },
  );

  it.each(ROUTE_LIST.filter((route) => route.scope === null).map((route) => [`${route.method} ${route.path}`, route] as const))(
    'leaves %s without an authorizer (health, the OpenAPI document, or a webhook its vendor signs)',
    (routeKey, route) => {
      // Act
      const properties = routes.get(routeKey);

      // Assess
      expect(isPublicDocument(route) || isWebhook(route)).toBe(true);
      expect(properties?.AuthorizationType ?? 'NONE').toBe('NONE');
      expect(properties?.AuthorizerId).toBeUndefined();
      expect(properties?.AuthorizationScopes).toBeUndefined();
    },
  );

  it('authorizes every webhook route by signature, never by a scope', () => {
    // Act
    const webhooks = ROUTE_LIST.filter(isWebhook);

    // Assess
    expect(webhooks.map((route) => route.method).sort()).toEqual(['GET', 'POST']);
    for (const route of webhooks) expect(route.scope).toBeNull();
  });
});
