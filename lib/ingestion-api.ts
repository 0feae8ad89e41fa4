import { Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { ROUTE_SUMMARIES } from '../functions/http/route-summaries.js';
import { acceptedScopes, ROUTES, type RouteDefinition, type RouteId } from '../functions/http/routes.js';
import { RouteFunction } from './route-function.js';
import type { PeriodicReporting } from './periodic-reporting.js';
import type { RecordWorkflow } from './record-workflow.js';
import type { Storage } from './storage.js';

/** Properties of {@link IngestionApi}. */
export interface IngestionApiProps {
  /** Table, buckets and cursor key the route functions are granted access to. */
  readonly storage: Storage;
  /** The record workflows routes with `access.workflows` start (the replay route). */
  readonly recordWorkflow: RecordWorkflow;
  /** The periodic run routes with `access.periodicRuns` start (`POST /v1/reports`). */
  readonly periodicReporting: PeriodicReporting;
  /** JWT authorizer for every route with a scope. */
  readonly authorizer: apigwv2.IHttpRouteAuthorizer;
  /** Deployment stage, passed to every function as `COMMHUB_STAGE`. */
  readonly stage: string;
  /**
   * Browser origins allowed to call the API.
   * @default [] - no CORS configuration
   */
  readonly allowedOrigins?: readonly string[];
  /**
   * How long function and access logs are kept.
   * @default logs.RetentionDays.ONE_MONTH
   */
  readonly logRetention?: logs.RetentionDays;
  /**
   * What happens to the log groups when they leave the stack.
   * @default RemovalPolicy.DESTROY
   */
  readonly removalPolicy?: RemovalPolicy;
}

/** Access log line: one JSON object per request, HTTP API `$context` variables only. */
const ACCESS_LOG_FORMAT = JSON.stringify({
  requestId: '$context.requestId',
  requestTime: '$context.requestTime',
  sourceIp: '$context.identity.sourceIp',
  userAgent: '$context.identity.userAgent',
  routeKey: '$context.routeKey',
  status: '$context.status',
  responseLength: '$context.responseLength',
  latencyMs: '$context.responseLatency',
  integrationLatencyMs: '$context.integrationLatency',
  integrationError: '$context.integrationErrorMessage',
  authorizerError: '$context.authorizer.error',
  clientId: '$context.authorizer.claims.client_id',
  tenantId: '$context.authorizer.claims.custom:tenant_id',
});

/**
 * The HTTP API: one Lambda function per entry of `ROUTES` (`functions/api/<id>.ts`), each route
 * behind the JWT authorizer with its scope (public when the scope is null), access-logged to a
 * KMS-encrypted log group.
 */
export class IngestionApi extends Construct {
  public readonly api: apigwv2.HttpApi;
  /** Each route's function, by route id. */
  public readonly functions: Readonly<Record<RouteId, NodejsFunction>>;
  public readonly accessLogs: logs.LogGroup;
  /** Base URL of the default stage, ending in `/`. */
  public readonly url: string;

  constructor(scope: Construct, id: string, props: IngestionApiProps) {
    super(scope, id);
    const retention = props.logRetention ?? logs.RetentionDays.ONE_MONTH;
    const removalPolicy = props.removalPolicy ?? RemovalPolicy.DESTROY;
    const allowedOrigins = props.allowedOrigins ?? [];

    this.accessLogs = new logs.LogGroup(this, 'AccessLogs', {
      retention,
      encryptionKey: props.storage.key,
      removalPolicy,
    });
    this.api = new apigwv2.HttpApi(this, 'Api', {
      description: `CommHub API (${props.stage})`,
      createDefaultStage: false,
      ...(allowedOrigins.length > 0
        ? {
            corsPreflight: {
              allowOrigins: [...allowedOrigins],
              allowMethods: [apigwv2.CorsHttpMethod.ANY],
              allowHeaders: ['authorization', 'content-type'],
              maxAge: Duration.hours(1),
            },
          }
        : {}),
    });
    const stage = this.api.addStage('DefaultStage', {
      stageName: '$default',
      autoDeploy: true,
      accessLogSettings: {
        destination: new apigwv2.LogGroupLogDestination(this.accessLogs),
        format: AccessLogFormat.custom(ACCESS_LOG_FORMAT),
      },
    });
    this.url = stage.url;

    const functions: Partial<Record<RouteId, NodejsFunction>> = {};
    for (const route of ROUTES as readonly RouteDefinition[]) {
      const routeFunction = new RouteFunction(this, pascalCase(route.id), {
        route,
        storage: props.storage,
        stage: props.stage,
        recordWorkflow: props.recordWorkflow,
        periodicReporting: props.periodicReporting,
        logRetention: retention,
        removalPolicy,
      });
      functions[route.id as RouteId] = routeFunction.function;
      this.addRoute(route, routeFunction.function, props.authorizer);
    }
    this.functions = functions as Record<RouteId, NodejsFunction>;
  }

  private addRoute(route: RouteDefinition, handler: NodejsFunction, authorizer: apigwv2.IHttpRouteAuthorizer) {
    const [httpRoute] = this.api.addRoutes({
      path: route.path,
      methods: [apigwv2.HttpMethod[route.method]],
      integration: new HttpLambdaIntegration(`${pascalCase(route.id)}Integration`, handler),
      ...(route.scope === null
        ? { authorizer: new apigwv2.HttpNoneAuthorizer() }
        : { authorizer, authorizationScopes: acceptedScopes(route) }),
    });
    if (route.scope === null && httpRoute) {
      Validations.of(httpRoute).acknowledge({
        id: 'AwsSolutions-APIG4',
        reason: `${route.method} ${route.path} is public by design (ROUTES gives it no scope): ${ROUTE_SUMMARIES[route.id as RouteId]}`,
      });
    }
  }
}

function pascalCase(id: string): string {
  return id.replace(/(^|-)([a-z0-9])/g, (_match, _dash: string, letter: string) => letter.toUpperCase());
}
