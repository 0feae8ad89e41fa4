import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { APIGatewayProxyEventV2WithJWTAuthorizer } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { build as buildHealth } from '../../functions/api/health.js';
import { build as buildGetCommunication } from '../../functions/api/get-communication.js';
import type { HubDependencies } from '../../functions/core/dependencies.js';

const fixture = (name: string) =>
  JSON.parse(readFileSync(fileURLToPath(new URL(`../../../shared/fixtures/apigw/${name}`, import.meta.url)), 'utf8')) as APIGatewayProxyEventV2WithJWTAuthorizer;

/** Ports that fail loudly: these tests must be decided before any store is touched. */
const untouchable = new Proxy({} as HubDependencies, {
  get: (_, port) => {
    throw new Error(`port ${String(port)} must not be used`);
  },
});

describe('handlers accept the real API Gateway v2 event shapes (shared/fixtures/apigw)', () => {
  it.each([
    'powertools-apiGatewayProxyV2Event.json',
    'lambda-go-apigw-v2-request-no-authorizer.json',
    'lambda-go-apigw-v2-request-iam.json',
    'lambda-go-apigw-v2-request-jwt-authorizer.json',
    'lambda-go-apigw-v2-request-lambda-authorizer.json',
    'rust-runtime-apigw-v2-request-multi-value-parameters.json',
  ])('serves the public health route from %s', async (name) => {
    const result = await buildHealth()(fixture(name));
    expect(result.statusCode).toBe(200);
    expect(JSON.parse(result.body ?? '')).toEqual({ status: 'ok', service: 'commhub', version: 'v1' });
  });

  it('reads JWT claims where API Gateway puts them and refuses a token without a tenant', async () => {
    // The fixture's JWT has scopes but no custom:tenant_id: the tenant never comes from elsewhere.
    const event = fixture('lambda-go-apigw-v2-request-jwt-authorizer.json');
    const withScope = { ...event, requestContext: { ...event.requestContext, authorizer: { ...event.requestContext.authorizer, jwt: { claims: { sub: 'u1' }, scopes: ['commhub/read'] } } } };
    const result = await buildGetCommunication(untouchable)(withScope as APIGatewayProxyEventV2WithJWTAuthorizer);
    expect(result.statusCode).toBe(403);
    expect(JSON.parse(result.body ?? '').error.message).toMatch(/custom:tenant_id/);
  });

  it('refuses an IAM- or Lambda-authorized event on a JWT route (no claims → 401), without touching a store', async () => {
    for (const name of ['lambda-go-apigw-v2-request-iam.json', 'lambda-go-apigw-v2-request-lambda-authorizer.json', 'powertools-apiGatewayProxyV2Event.json']) {
      const result = await buildGetCommunication(untouchable)(fixture(name));
      expect(result.statusCode, name).toBe(401);
    }
  });
});
