import type { APIGatewayProxyEventV2WithJWTAuthorizer, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { mapError, RETRY_AFTER_SECONDS } from './api-errors.js';
import { apiRequestOf, callerOf, type ApiRequest } from './api-request.js';
import { logger } from './logger.js';
import { routeById, type RouteId } from './routes.js';

export interface ApiResponse {
  readonly statusCode: number;
  /** Sent as JSON… */
  readonly body?: unknown;
  /** …or, for a vendor that expects it (URL verification echoes), as this literal text. */
  readonly text?: { readonly contentType: string; readonly content: string };
  readonly headers?: Readonly<Record<string, string>>;
}

export type RouteLogic = (request: ApiRequest) => Promise<ApiResponse>;
export type HttpHandler = (event: APIGatewayProxyEventV2WithJWTAuthorizer) => Promise<APIGatewayProxyStructuredResultV2>;

const JSON_HEADERS = { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' };

/**
 * Wraps a route's logic into an API Gateway v2 handler: authenticates and checks scope, limits
 * and parses the body, and maps every error to the one error shape. Never lets an error escape
 * as a crash: unknown errors become a logged 500.
 */
export function httpRoute(routeId: RouteId, logic: RouteLogic): HttpHandler {
  const route = routeById(routeId);
  return async (event) => {
    // Log keys go on each call, not appendKeys: the embedded server runs many requests at once.
    try {
      const caller = callerOf(event, route);
      const response = await logic(apiRequestOf(event, caller));
      if (response.text) {
        return { statusCode: response.statusCode, headers: { 'content-type': response.text.contentType, 'cache-control': 'no-store', ...response.headers }, body: response.text.content };
      }
      return { statusCode: response.statusCode, headers: { ...JSON_HEADERS, ...response.headers }, body: JSON.stringify(response.body) };
    } catch (error) {
      const mapped = mapError(error);
      const context = { route: route.id, requestId: event.requestContext.requestId, status: mapped.statusCode };
      if (mapped.statusCode >= 500) logger.error('request failed', { ...context, error: error as Error });
      else logger.info('request rejected', { ...context, code: mapped.body.error.code, reason: mapped.body.error.message });
      const headers = mapped.statusCode === 503 ? { ...JSON_HEADERS, 'retry-after': String(RETRY_AFTER_SECONDS) } : JSON_HEADERS;
      return { statusCode: mapped.statusCode, headers, body: JSON.stringify(mapped.body) };
    }
  };
}
