import { type CfnElement, Stack } from 'aws-cdk-lib';
import { Match, type Template } from 'aws-cdk-lib/assertions';
import type { Role } from 'aws-cdk-lib/aws-iam';
import type { IConstruct } from 'constructs';
import { beforeAll, describe, expect, it } from 'vitest';
import { ENV } from '../../functions/config/runtime-config.js';
import { AUDIT_PARTITION_PATTERNS } from '../../functions/adapters/dynamodb/keys.js';
import { ROUTE_SUMMARIES } from '../../functions/http/route-summaries.js';
import { acceptedScopes, isAudited, ROUTES, SCOPES, type RouteDefinition, type RouteId } from '../../functions/http/routes.js';
import type { CommHubStack } from '../../lib/commhub-stack.js';
import { OBSERVABILITY_ENVIRONMENT, TABLE_ACTIONS } from '../../lib/hub-function.js';
import { LAMBDA_RUNTIME } from '../../lib/route-function.js';
import { BUILD_TIMEOUT_MS, isCdkProvidedFunction, logicalIdOf, synthCommHub } from './synth-commhub.js';

const ROUTE_LIST: readonly RouteDefinition[] = ROUTES;
type Statement = { Effect: string; Action: string | string[]; Resource: unknown; Condition?: unknown };

describe('IngestionApi', () => {
  let stack: CommHubStack;
  let template: Template;
  const resourceOf = (construct: IConstruct) =>
    template.toJSON().Resources[Stack.of(construct).getLogicalId(construct.node.defaultChild as CfnElement)];
  const functionOf = (routeId: string) => stack.ingestionApi.functions[routeId as keyof typeof stack.ingestionApi.functions];
  const policyStatementsOf = (routeId: string): Statement[] => {
    const defaultPolicy = (functionOf(routeId).role as Role).node.findChild('DefaultPolicy');
    return resourceOf(defaultPolicy).Properties.PolicyDocument.Statement;
  };
  const actionsOf = (routeId: string) => policyStatementsOf(routeId).flatMap((statement) => [statement.Action].flat());
  /** Actions granted without a condition (the audit append is the one conditioned DynamoDB grant). */
  const unconditionalActionsOf = (routeId: string) =>
    policyStatementsOf(routeId)
      .filter((statement) => statement.Condition === undefined)
      .flatMap((statement) => [statement.Action].flat());

  beforeAll(() => {
    ({ stack, template } = synthCommHub({ context: { stage: 'dev' } }));
  }, BUILD_TIMEOUT_MS);

  it('deploys one arm64, traced function per route on the current Node.js runtime', () => {
    // Prepare
    const expected = { Runtime: LAMBDA_RUNTIME.name, Architectures: ['arm64'], TracingConfig: { Mode: 'Active' }, Handler: 'index.handler' };

    // Act
    const functions = template.findResources('AWS::Lambda::Function', { Properties: Match.objectLike(expected) });
    const apiFunctions = Object.keys(template.findResources('AWS::Lambda::Function')).filter((id) => id.startsWith('IngestionApi'));

    // Assess
    expect(apiFunctions).toHaveLength(ROUTE_LIST.length);
    // Every function of the stack (the event functions too) is arm64, traced, on the same runtime — except
    // the analysis step, which loads jieba's native binary built for the synthesizing machine (x86_64 here),
    // and CDK's bucket-deployment handler of the web console.
    const others = Object.keys(template.findResources('AWS::Lambda::Function')).filter((id) => !id.startsWith('RecordWorkflowAnalyzeRecord') && !isCdkProvidedFunction(id));
    expect(Object.keys(functions).sort()).toEqual(others.sort());
    expect(Object.keys(stack.ingestionApi.functions).sort()).toEqual(ROUTE_LIST.map((route) => route.id).sort());
  });

  it.each(ROUTE_LIST.map((route) => [route.id, route] as const))('routes %s with its scope', (_id, route) => {
    // Prepare
    const routeKey = `${route.method} ${route.path}`;

    // Act
    const expected =
      route.scope === null
        ? { RouteKey: routeKey, AuthorizationType: 'NONE', AuthorizerId: Match.absent(), AuthorizationScopes: Match.absent() }
        : { RouteKey: routeKey, AuthorizationType: 'JWT', AuthorizerId: Match.anyValue(), AuthorizationScopes: acceptedScopes(route) };

    // Assess
    template.hasResourceProperties('AWS::ApiGatewayV2::Route', expected);
  });

  it.each(ROUTE_LIST.map((route) => [route.id, route] as const))('describes the %s function by its summary, within the 256 characters Lambda allows', (id, route) => {
    // Act
    const description = resourceOf(functionOf(id)).Properties.Description;

    // Assess
    expect(description).toBe(ROUTE_SUMMARIES[route.id as RouteId]);
    expect(ROUTE_SUMMARIES[route.id as RouteId].length).toBeLessThanOrEqual(256);
  });

  it('leaves /v1/health without an authorizer', () => {
    // Prepare
    const health = { RouteKey: 'GET /v1/health' };

    // Act
    const routes = Object.values(template.findResources('AWS::ApiGatewayV2::Route', { Properties: Match.objectLike(health) }));

    // Assess
    expect(routes).toHaveLength(1);
    expect(routes[0]?.Properties.AuthorizationType).toBe('NONE');
    expect(routes[0]?.Properties.AuthorizerId).toBeUndefined();
  });

  it.each(['POST', 'GET'])('serves %s /v1/webhooks/{tenantId}/{channel} without an authorizer (vendors sign instead)', (method) => {
    // Prepare
    const webhook = { RouteKey: `${method} /v1/webhooks/{tenantId}/{channel}` };

    // Act
    const routes = Object.values(template.findResources('AWS::ApiGatewayV2::Route', { Properties: Match.objectLike(webhook) }));

    // Assess
    expect(routes).toHaveLength(1);
    expect(routes[0]?.Properties).toMatchObject({ AuthorizationType: 'NONE' });
    expect(routes[0]?.Properties.AuthorizerId).toBeUndefined();
  });

  it('lets create-communication put objects into the raw archive', () => {
    // Prepare
    const rawArchive = logicalIdOf(template, 'AWS::S3::Bucket', 'StorageRawArchive');

    // Act
    const statements = policyStatementsOf('create-communication');

    // Assess
    expect(statements).toContainEqual(
      expect.objectContaining({
        Effect: 'Allow',
        Action: 's3:PutObject',
        Resource: { 'Fn::Join': ['', [{ 'Fn::GetAtt': [rawArchive, 'Arn'] }, '/raw/*']] },
      }),
    );
  });

  it.each(['get-timeline', 'list-unmatched', 'list-customer-insights', 'list-tasks'])('gives %s read access only, with the cursor key', (routeId) => {
    // Prepare
    const writes = ['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:BatchWriteItem', 's3:PutObject', 'dynamodb:Scan'];

    // Act
    const actions = actionsOf(routeId);

    // Assess
    expect(actions).toContain('dynamodb:Query');
    expect(actions).toContain('secretsmanager:GetSecretValue');
    for (const write of writes) expect(actions).not.toContain(write);
  });

  it.each(ROUTE_LIST.filter((route) => route.access.table !== 'none').map((route) => [route.id, route] as const))(
    'grants %s exactly the item operations of its table access',
    (id, route) => {
      // Prepare
      const expected = TABLE_ACTIONS[route.access.table as keyof typeof TABLE_ACTIONS];

      // Act
      const actions = unconditionalActionsOf(id).filter((action) => action.startsWith('dynamodb:'));

      // Assess
      expect([...new Set(actions)].sort()).toEqual([...expected].sort());
    },
  );

  it.each([
    ['PATCH /v1/insights/{insightId}', 'update-insight'],
    ['PATCH /v1/tasks/{taskId}', 'update-task'],
  ])('opens %s to read-scoped staff, whose function may update items in place but never put (beyond its audit entries) or delete them', (routeKey, routeId) => {
    // Prepare
    const forbidden = ['dynamodb:PutItem', 'dynamodb:DeleteItem', 'dynamodb:BatchWriteItem', 'dynamodb:Scan', 's3:PutObject'];

    // Act
    const actions = unconditionalActionsOf(routeId);

    // Assess
    template.hasResourceProperties('AWS::ApiGatewayV2::Route', { RouteKey: routeKey, AuthorizationType: 'JWT', AuthorizationScopes: [SCOPES.read, SCOPES.admin] });
    expect(actions).toContain('dynamodb:UpdateItem');
    expect(actions).toEqual(expect.arrayContaining(['kms:Decrypt', 'kms:GenerateDataKey*']));
    for (const action of forbidden) expect(actions).not.toContain(action);
  });

  it.each(ROUTE_LIST.map((route) => [route.id, route] as const))('lets %s append audit entries exactly when its calls are audited, to the audit partitions only', (id, route) => {
    // Prepare
    const table = logicalIdOf(template, 'AWS::DynamoDB::GlobalTable', 'StorageTable');
    const expected = isAudited(route)
      ? [
          {
            Effect: 'Allow',
            Action: 'dynamodb:PutItem',
            Resource: { 'Fn::GetAtt': [table, 'Arn'] },
            Condition: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': [...AUDIT_PARTITION_PATTERNS] } },
          },
        ]
      : [];

    // Act
    const conditioned = policyStatementsOf(id).filter((statement) => statement.Condition !== undefined && [statement.Action].flat().some((action) => action.startsWith('dynamodb:')));

    // Assess
    expect(conditioned).toEqual(expected);
    if (isAudited(route)) expect(actionsOf(id)).toEqual(expect.arrayContaining(['kms:GenerateDataKey*']));
  });

  it('lets only the two deletion routes delete objects: every version, under the data prefixes, listing only those prefixes', () => {
    // Prepare
    const [rawArchive, blobs] = [logicalIdOf(template, 'AWS::S3::Bucket', 'StorageRawArchive'), logicalIdOf(template, 'AWS::S3::Bucket', 'StorageBlobs')];
    const objects = (bucket: string, prefixes: string[]) => prefixes.map((prefix) => ({ 'Fn::Join': ['', [{ 'Fn::GetAtt': [bucket, 'Arn'] }, `/${prefix}*`]] }));
    const blobPrefixes = ['attachments/', 'content/', 'model-inputs/', 'reports/', 'transcripts/', 'uploads/'];
    const deleting = (id: string) => policyStatementsOf(id).filter((statement) => [statement.Action].flat().some((action) => action.startsWith('s3:DeleteObject')));

    // Act
    const routesThatDelete = ROUTE_LIST.filter((route) => deleting(route.id).length > 0).map((route) => route.id);

    // Assess
    expect(routesThatDelete.sort()).toEqual(['delete-communication', 'delete-customer']);
    for (const id of routesThatDelete) {
      const statements = policyStatementsOf(id);
      // One statement for both buckets (CDK merges statements that differ only in resources).
      const resources = [...objects(rawArchive, ['raw/', 'inbound/']), ...objects(blobs, blobPrefixes)];
      expect(deleting(id)).toEqual([{ Effect: 'Allow', Action: ['s3:DeleteObject', 's3:DeleteObjectVersion'], Resource: expect.arrayContaining(resources) }]);
      expect(deleting(id)[0]!.Resource).toHaveLength(resources.length);
      expect(statements).toContainEqual({
        Effect: 'Allow',
        Action: ['s3:ListBucket', 's3:ListBucketVersions'],
        Resource: { 'Fn::GetAtt': [rawArchive, 'Arn'] },
        Condition: { StringLike: { 's3:prefix': ['raw/*', 'inbound/*'] } },
      });
      expect(statements).toContainEqual({
        Effect: 'Allow',
        Action: ['s3:ListBucket', 's3:ListBucketVersions'],
        Resource: { 'Fn::GetAtt': [blobs, 'Arn'] },
        Condition: { StringLike: { 's3:prefix': blobPrefixes.map((prefix) => `${prefix}*`) } },
      });
      template.hasResourceProperties('AWS::ApiGatewayV2::Route', { RouteKey: `DELETE ${ROUTE_LIST.find((route) => route.id === id)!.path}`, AuthorizationScopes: [SCOPES.admin] });
    }
  });

  it('never grants Scan or table management: request paths only Get, Query and write items', () => {
    const actions = ROUTE_LIST.flatMap((route) => actionsOf(route.id)).filter((action) => action.startsWith('dynamodb:'));
    expect(actions.filter((action) => !/^dynamodb:(GetItem|BatchGetItem|Query|ConditionCheckItem|PutItem|UpdateItem|DeleteItem|BatchWriteItem)$/.test(action))).toEqual([]);
  });

  it('gives health no data access at all', () => {
    // Prepare
    const dataPrefixes = ['dynamodb:', 's3:', 'kms:', 'secretsmanager:'];

    // Act
    const actions = actionsOf('health');

    // Assess
    expect(actions.filter((action) => dataPrefixes.some((prefix) => action.startsWith(prefix)))).toEqual([]);
  });

  it('grants Resource "*" to X-Ray actions only', () => {
    // Prepare
    const statements = ROUTE_LIST.flatMap((route) => policyStatementsOf(route.id));

    // Act
    const starActions = statements.filter((statement) => statement.Resource === '*').flatMap((statement) => [statement.Action].flat());

    // Assess
    expect(new Set(starActions)).toEqual(new Set(['xray:PutTraceSegments', 'xray:PutTelemetryRecords']));
  });

  it.each(ROUTE_LIST.map((route) => [route.id, route] as const))('sets only the variables %s needs', (id, route) => {
    // Prepare
    const { access } = route;
    const expected = [
      ...Object.keys(OBSERVABILITY_ENVIRONMENT),
      ENV.stage,
      ...(access.table === 'none' && !isAudited(route) ? [] : [ENV.tableName]),
      // A route that erases deletes in both buckets, whatever else it reads or writes.
      ...(access.rawArchive === 'none' && !('erase' in access && access.erase) ? [] : [ENV.rawArchiveBucket]),
      ...(access.blobs === 'none' && !('erase' in access && access.erase) ? [] : [ENV.blobBucket]),
      ...(access.cursors ? [ENV.cursorKeySecretArn] : []),
      ...('tenants' in access && access.tenants ? [ENV.tenantsSecretArn] : []),
      ...('workflows' in access && access.workflows ? [ENV.textWorkflowArn, ENV.mediaWorkflowArn] : []),
      ...('periodicRuns' in access && access.periodicRuns ? [ENV.periodicRunArn] : []),
    ];

    // Act
    const variables = resourceOf(functionOf(id)).Properties.Environment.Variables;

    // Assess
    expect(Object.keys(variables).sort()).toEqual(expected.sort());
    expect(variables[ENV.stage]).toBe('dev');
  });

  it('writes access logs and function logs to KMS-encrypted log groups with retention', () => {
    // Prepare
    const keyId = logicalIdOf(template, 'AWS::KMS::Key', 'StorageKey');

    // Act
    const logGroups = Object.values(template.findResources('AWS::Logs::LogGroup'));
    const apiLogGroups = Object.keys(template.findResources('AWS::Logs::LogGroup')).filter((id) => id.startsWith('IngestionApi'));

    // Assess
    expect(apiLogGroups).toHaveLength(ROUTE_LIST.length + 1);
    for (const logGroup of logGroups) {
      expect(logGroup.Properties).toMatchObject({ KmsKeyId: { 'Fn::GetAtt': [keyId, 'Arn'] }, RetentionInDays: 30 });
    }
    template.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      StageName: '$default',
      AccessLogSettings: { DestinationArn: Match.anyValue(), Format: Match.stringLikeRegexp('context.requestId') },
    });
  });

  it('configures CORS only when allowedOrigins is set (or the web console is hosted, see web-console.test.ts)', { timeout: BUILD_TIMEOUT_MS }, () => {
    // Prepare
    const origins = ['https://console.example.com'];

    // Act
    const withCors = synthCommHub({ context: { stage: 'dev', allowedOrigins: origins, console: false } }).template;
    const withoutCors = synthCommHub({ context: { stage: 'dev', console: false } }).template;

    // Assess
    withCors.hasResourceProperties('AWS::ApiGatewayV2::Api', { CorsConfiguration: Match.objectLike({ AllowOrigins: origins }) });
    withoutCors.hasResourceProperties('AWS::ApiGatewayV2::Api', { CorsConfiguration: Match.absent() });
  });
});
