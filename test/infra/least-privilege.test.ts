import { readdirSync, readFileSync } from 'node:fs';
import { App, type CfnElement, Stack, Validations } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as iam from 'aws-cdk-lib/aws-iam';
import { AwsSolutionsChecks } from 'cdk-nag';
import type { IConstruct } from 'constructs';
import { beforeAll, describe, expect, it } from 'vitest';
import { BLOB_PREFIXES } from '../../functions/adapters/s3/blob-prefixes.js';
import { blobKeys } from '../../functions/adapters/s3/s3-blob-store.js';
import { uploadPrefix } from '../../functions/core/use-cases/create-upload.js';
import { ROUTES, type RouteDefinition } from '../../functions/http/routes.js';
import type { CommHubStack } from '../../lib/commhub-stack.js';
import { BLOB_ACTIONS, TABLE_ACTIONS } from '../../lib/service-grants.js';
import { BUILD_TIMEOUT_MS, logicalIdOf, synthCommHub } from './synth-commhub.js';

/**
 * Least privilege, read off the synthesized template: every wildcard resource is one AWS requires or
 * is acknowledged (with its reason) for exactly that resource; route functions get only the item
 * operations, key prefixes, secrets and state machines their `access` names.
 */
const ROUTE_LIST: readonly RouteDefinition[] = ROUTES;

interface Statement {
  readonly Effect: string;
  readonly Action: string | string[];
  readonly Resource: unknown;
  readonly Condition?: Record<string, Record<string, unknown>>;
}
interface PolicyStatement {
  /** Construct path of the policy (acknowledgments apply to it and everything below their scope). */
  readonly path: string;
  readonly statement: Statement;
}

/**
 * Actions that have no resource-level permissions, so AWS requires `Resource: "*"` (the Service
 * Authorization Reference lists no resource type for them), with the condition that must limit them.
 */
const REQUIRES_STAR: Readonly<Record<string, { reason: string; condition?: string }>> = {
  'xray:PutTraceSegments': { reason: 'X-Ray tracing: no resource-level permissions' },
  'xray:PutTelemetryRecords': { reason: 'X-Ray tracing: no resource-level permissions' },
  'xray:GetSamplingRules': { reason: 'X-Ray tracing: no resource-level permissions' },
  'xray:GetSamplingTargets': { reason: 'X-Ray tracing: no resource-level permissions' },
  'logs:CreateLogDelivery': { reason: 'vended log delivery (Step Functions logging) supports only "*"' },
  'logs:GetLogDelivery': { reason: 'vended log delivery (Step Functions logging) supports only "*"' },
  'logs:UpdateLogDelivery': { reason: 'vended log delivery (Step Functions logging) supports only "*"' },
  'logs:DeleteLogDelivery': { reason: 'vended log delivery (Step Functions logging) supports only "*"' },
  'logs:ListLogDeliveries': { reason: 'vended log delivery (Step Functions logging) supports only "*"' },
  'logs:PutResourcePolicy': { reason: 'vended log delivery (Step Functions logging) supports only "*"' },
  'logs:DescribeResourcePolicies': { reason: 'vended log delivery (Step Functions logging) supports only "*"' },
  'logs:DescribeLogGroups': { reason: 'vended log delivery (Step Functions logging) supports only "*"' },
  'cloudwatch:PutMetricData': { reason: 'no resource-level permissions', condition: 'cloudwatch:namespace' },
};

const actionsOf = (statement: Statement) => [statement.Action].flat();
const resourcesOf = (statement: Statement) => [statement.Resource].flat();
/** What deletion (`access.erase`: privacy requests, retention) adds on both buckets; checked in a test of its own. */
const ERASE_ACTIONS = new Set(['s3:DeleteObject', 's3:DeleteObjectVersion', 's3:ListBucket', 's3:ListBucketVersions']);
const erases = (route: RouteDefinition) => (route.access as { erase?: boolean }).erase === true;
const isErasure = (statement: Statement) => actionsOf(statement).every((action) => ERASE_ACTIONS.has(action)) && actionsOf(statement).some((action) => action.includes('Delete') || action.includes('Versions') || statement.Condition !== undefined);

/** A resource as cdk-nag names it in findings: `Ref` as `<Name>`, `Fn::GetAtt` as `<Resource.Attribute>`, joins concatenated. */
function nagName(node: unknown): string {
  if (typeof node === 'string') return node;
  const object = node as Record<string, unknown>;
  if (Array.isArray(object['Fn::Join'])) {
    const [delimiter, items] = object['Fn::Join'] as [string, unknown[]];
    return items.map(nagName).join(delimiter);
  }
  if (Array.isArray(object['Fn::GetAtt'])) return `<${(object['Fn::GetAtt'] as string[]).join('.')}>`;
  if (object.Ref !== undefined) return `<${nagName(object.Ref)}>`;
  return JSON.stringify(node);
}

/** Every statement of every identity policy (inline role policies, policies, managed policies) of the stack. */
function identityStatements(stack: Stack, template: Template): PolicyStatement[] {
  const constructs = new Map<string, IConstruct>();
  for (const construct of stack.node.findAll()) {
    const cfn = construct as Partial<CfnElement>;
    if (cfn.logicalId !== undefined && Stack.of(construct) === stack) constructs.set(stack.resolve(cfn.logicalId) as string, construct);
  }
  const statements: PolicyStatement[] = [];
  type Document = { Statement: Statement[] };
  type Resource = { Type: string; Properties: { PolicyDocument?: Document; Policies?: Array<{ PolicyDocument: Document }> } };
  for (const [logicalId, resource] of Object.entries(template.toJSON().Resources as Record<string, Resource>)) {
    const path = constructs.get(logicalId)?.node.path ?? logicalId;
    const documents =
      resource.Type === 'AWS::IAM::Policy' || resource.Type === 'AWS::IAM::ManagedPolicy'
        ? [resource.Properties.PolicyDocument as Document]
        : resource.Type === 'AWS::IAM::Role'
          ? (resource.Properties.Policies ?? []).map((policy) => policy.PolicyDocument)
          : [];
    for (const document of documents) for (const statement of document.Statement) statements.push({ path, statement });
  }
  return statements;
}

/** The acknowledgments (id → reason) that apply at a construct path: on it and on every scope above it. */
function acknowledgmentsAt(stack: Stack, path: string): Map<string, string> {
  const found = new Map<string, string>();
  const target = stack.node.findAll().find((construct) => construct.node.path === path);
  for (const scope of target?.node.scopes ?? []) {
    for (const entry of scope.node.metadata.filter((m) => m.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY)) {
      // Ids are recorded qualified by the plugin namespace that reported them (`Annotation::AwsSolutions-IAM5[…]`).
      for (const [id, reason] of Object.entries(entry.data as Record<string, string>)) found.set(id.replace(/^[\w-]+::(?=\w)/, ''), reason);
    }
  }
  return found;
}

/**
 * Allow statements with a wildcard (in a resource or an action) that neither AWS requires nor an
 * acknowledgment of exactly that finding explains with a reason.
 */
function unjustifiedWildcards(stack: Stack, template: Template): Array<PolicyStatement & { why: string }> {
  const offenders: Array<PolicyStatement & { why: string }> = [];
  for (const entry of identityStatements(stack, template).filter(({ statement }) => statement.Effect === 'Allow')) {
    const acknowledged = acknowledgmentsAt(stack, entry.path);
    const justified = (finding: string) => (acknowledged.get(`AwsSolutions-IAM5[${finding}]`) ?? '').length >= 40;
    for (const resource of resourcesOf(entry.statement).map(nagName).filter((name) => name.includes('*'))) {
      if (resource === '*') {
        const unrequired = actionsOf(entry.statement).filter((action) => {
          const required = REQUIRES_STAR[action];
          return required === undefined || (required.condition !== undefined && !JSON.stringify(entry.statement.Condition ?? {}).includes(required.condition));
        });
        if (unrequired.length > 0) offenders.push({ ...entry, why: `Resource "*" for ${unrequired.join(', ')}, which AWS does not require` });
      } else if (!justified(`Resource::${resource}`)) {
        offenders.push({ ...entry, why: `${resource} has no acknowledgment naming its reason` });
      }
    }
    for (const action of actionsOf(entry.statement).filter((name) => name.includes('*'))) {
      if (!justified(`Action::${action}`)) offenders.push({ ...entry, why: `action ${action} has no acknowledgment naming its reason` });
    }
  }
  return offenders;
}

describe('least privilege (IAM in the synthesized template)', () => {
  let stack: CommHubStack;
  let template: Template;
  let modelId: string;
  const functionStatements = (routeId: string): Statement[] => {
    const role = stack.ingestionApi.functions[routeId as keyof typeof stack.ingestionApi.functions].role as iam.Role;
    const policy = role.node.findChild('DefaultPolicy').node.defaultChild as CfnElement;
    return template.toJSON().Resources[stack.resolve(policy.logicalId)].Properties.PolicyDocument.Statement;
  };
  const onResource = (statements: Statement[], logicalId: string) => statements.filter((statement) => JSON.stringify(statement.Resource).includes(`"${logicalId}"`));

  beforeAll(() => {
    let config;
    ({ stack, template, config } = synthCommHub({ context: { stage: 'prod', inboundEmailDomain: 'mail.example.com', mailFrom: 'hub@example.com' } }));
    modelId = config.modelId;
  }, BUILD_TIMEOUT_MS);

  it('detects an unacknowledged wildcard, and accepts it once acknowledged with a reason', () => {
    // Prepare
    const probe = new Stack(new App(), 'Probe');
    const role = new iam.Role(probe, 'Role', { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com') });
    role.addToPrincipalPolicy(new iam.PolicyStatement({ actions: ['s3:GetObject'], resources: ['*'] }));
    role.addToPrincipalPolicy(new iam.PolicyStatement({ actions: ['s3:PutObject'], resources: ['arn:aws:s3:::bucket/*'] }));
    role.addToPrincipalPolicy(new iam.PolicyStatement({ actions: ['cloudwatch:PutMetricData'], resources: ['*'] }));

    // Act
    const before = unjustifiedWildcards(probe, Template.fromStack(probe)).map((offender) => offender.why);
    Validations.of(role).acknowledge({ id: 'AwsSolutions-IAM5[Resource::arn:aws:s3:::bucket/*]', reason: 'Objects of this one bucket, keyed per request, put only.' });
    const after = unjustifiedWildcards(probe, Template.fromStack(probe)).map((offender) => offender.why);

    // Assess
    expect(before).toEqual([
      expect.stringMatching(/"\*" for s3:GetObject/),
      expect.stringMatching(/bucket\/\* has no acknowledgment/),
      expect.stringMatching(/"\*" for cloudwatch:PutMetricData/),
    ]);
    expect(after).toEqual([expect.stringMatching(/"\*" for s3:GetObject/), expect.stringMatching(/"\*" for cloudwatch:PutMetricData/)]);
  });

  it('has no wildcard that AWS does not require and no acknowledgment explains', () => {
    // Act
    const offenders = unjustifiedWildcards(stack, template);

    // Assess
    expect(offenders, JSON.stringify(offenders, null, 2)).toEqual([]);
    expect(identityStatements(stack, template).length).toBeGreaterThan(50);
  });

  it('grants no Scan, batch write, transaction or table management anywhere', () => {
    // Act
    const actions = identityStatements(stack, template).flatMap(({ statement }) => actionsOf(statement)).filter((action) => action.startsWith('dynamodb:'));

    // Assess
    expect(actions.filter((action) => /^dynamodb:(Scan|BatchWriteItem|ConditionCheckItem|Transact.*|PartiQL.*|\*|Create.*|Delete(Table|Backup)|Update(Table|TimeToLive))$/.test(action))).toEqual([]);
  });

  it.each(ROUTE_LIST.filter((route) => route.access.table !== 'none').map((route) => [route.id, route] as const))(
    'gives %s the item operations of its table access on the table, and Query on its named indexes only',
    (id, route) => {
      // Prepare
      const table = logicalIdOf(template, 'AWS::DynamoDB::GlobalTable', 'StorageTable');
      // Audit appends are a separate, condition-limited PutItem (dynamodb:LeadingKeys); they are checked below.
      const statements = functionStatements(id).filter((statement) => actionsOf(statement).some((action) => action.startsWith('dynamodb:')) && statement.Condition === undefined);

      // Act
      const actions = new Set(statements.flatMap(actionsOf));
      const indexResources = statements.flatMap(resourcesOf).map(nagName).filter((name) => name.includes('/index/'));

      // Assess
      expect([...actions].sort()).toEqual([...TABLE_ACTIONS[route.access.table as keyof typeof TABLE_ACTIONS]].sort());
      expect(indexResources.sort()).toEqual([`<${table}.Arn>/index/GSI1`, `<${table}.Arn>/index/GSI2`]);
      for (const statement of statements.filter((s) => resourcesOf(s).map(nagName).some((name) => name.includes('/index/')))) expect(actionsOf(statement)).toEqual(['dynamodb:Query']);
    },
  );

  it('limits audit appends to PutItem on the audit partitions (dynamodb:LeadingKeys)', () => {
    // Act
    const conditioned = ROUTE_LIST.flatMap((route) => functionStatements(route.id)).filter((statement) => statement.Condition !== undefined && actionsOf(statement).some((action) => action.startsWith('dynamodb:')));

    // Assess
    for (const statement of conditioned) {
      expect(actionsOf(statement)).toEqual(['dynamodb:PutItem']);
      expect(JSON.stringify(statement.Condition)).toContain('dynamodb:LeadingKeys');
    }
  });

  it.each(ROUTE_LIST.filter((route) => route.access.blobs !== 'none' && route.access.blobPrefixes !== undefined).map((route) => [route.id, route] as const))(
    'limits %s to its blob prefixes, with the object actions of its blob access',
    (id, route) => {
      // Prepare
      const blobs = logicalIdOf(template, 'AWS::S3::Bucket', 'StorageBlobs');
      const statements = onResource(functionStatements(id), blobs).filter((statement) => !erases(route) || !isErasure(statement));
      const level = route.access.blobs as keyof typeof BLOB_ACTIONS;

      // Act
      const objectStatements = statements.filter((statement) => resourcesOf(statement).map(nagName).some((name) => name.startsWith(`<${blobs}.Arn>/`)));
      const bucketStatements = statements.filter((statement) => !objectStatements.includes(statement));

      // Assess
      expect(new Set(objectStatements.flatMap(resourcesOf).map(nagName))).toEqual(new Set(route.access.blobPrefixes?.map((prefix) => `<${blobs}.Arn>/${prefix}*`)));
      expect([...new Set(objectStatements.flatMap(actionsOf))].sort()).toEqual([...BLOB_ACTIONS[level]].sort());
      // Readers may list the bucket itself (a missing key is then 404, not 403), nothing more.
      expect(bucketStatements.flatMap(actionsOf)).toEqual(level === 'write' ? [] : ['s3:ListBucket']);
      expect(bucketStatements.flatMap(resourcesOf).map(nagName)).toEqual(level === 'write' ? [] : [`<${blobs}.Arn>`]);
    },
  );

  it.each(ROUTE_LIST.map((route) => [route.id, route] as const))('lets %s put raw payloads under raw/ only if it archives, and never read the archive', (id, route) => {
    // Prepare
    const rawArchive = logicalIdOf(template, 'AWS::S3::Bucket', 'StorageRawArchive');

    // Act
    const statements = onResource(functionStatements(id), rawArchive).filter((statement) => !erases(route) || !isErasure(statement));

    // Assess
    expect(statements.map((statement) => [actionsOf(statement), resourcesOf(statement).map(nagName)])).toEqual(
      route.access.rawArchive === 'write' ? [[['s3:PutObject'], [`<${rawArchive}.Arn>/raw/*`]]] : [],
    );
  });

  it.each(ROUTE_LIST.map((route) => [route.id, route] as const))('lets %s delete objects only if it erases, under named prefixes, listing only those', (id, route) => {
    // Prepare
    const buckets = [logicalIdOf(template, 'AWS::S3::Bucket', 'StorageRawArchive'), logicalIdOf(template, 'AWS::S3::Bucket', 'StorageBlobs')];

    // Act
    const statements = buckets.flatMap((bucket) => onResource(functionStatements(id), bucket));
    const deletes = statements.filter((statement) => actionsOf(statement).some((action) => action.startsWith('s3:Delete')));
    const versionLists = statements.filter((statement) => actionsOf(statement).includes('s3:ListBucketVersions'));

    // Assess
    if (!erases(route)) {
      expect(deletes).toEqual([]);
      expect(versionLists).toEqual([]);
      return;
    }
    expect(deletes.length).toBeGreaterThan(0);
    for (const statement of deletes) {
      expect(actionsOf(statement).sort()).toEqual(['s3:DeleteObject', 's3:DeleteObjectVersion']);
      for (const resource of resourcesOf(statement).map(nagName)) expect(resource).toMatch(/\.Arn>\/[a-z-]+\/\*$/);
    }
    for (const statement of versionLists) expect(JSON.stringify(statement.Condition)).toContain('s3:prefix');
  });

  it.each(ROUTE_LIST.map((route) => [route.id, route] as const))('gives %s only the secrets it reads', (id, route) => {
    // Prepare
    const cursorKey = logicalIdOf(template, 'AWS::SecretsManager::Secret', 'StorageCursorKey');
    const tenantSettings = logicalIdOf(template, 'AWS::SecretsManager::Secret', 'StorageTenantSettings');
    const expected = [...(route.access.cursors ? [`<${cursorKey}>`] : []), ...('tenants' in route.access && route.access.tenants ? [`<${tenantSettings}>`] : [])];

    // Act
    const secrets = functionStatements(id).filter((statement) => actionsOf(statement).some((action) => action.startsWith('secretsmanager:')));

    // Assess
    expect(secrets.flatMap(resourcesOf).map(nagName).sort()).toEqual(expected.sort());
    for (const statement of secrets) expect(actionsOf(statement).filter((action) => !['secretsmanager:GetSecretValue', 'secretsmanager:DescribeSecret'].includes(action))).toEqual([]);
  });

  it.each(ROUTE_LIST.map((route) => [route.id, route] as const))('lets %s start only the state machines its access names', (id, route) => {
    // Prepare
    const access = route.access as RouteDefinition['access'];
    const recordMachines = [stack.recordWorkflow.analysisStateMachine, stack.recordWorkflow.transcriptionStateMachine].map((machine) => `<${stack.resolve((machine.node.defaultChild as CfnElement).logicalId)}>`);
    const periodicMachine = `<${stack.resolve((stack.periodicReporting.stateMachine.node.defaultChild as CfnElement).logicalId)}>`;
    const expected = [...(access.workflows ? recordMachines : []), ...(access.periodicRuns ? [periodicMachine] : [])];

    // Act
    const starts = functionStatements(id).filter((statement) => actionsOf(statement).some((action) => action.startsWith('states:')));

    // Assess
    expect(starts.flatMap(actionsOf).filter((action) => action !== 'states:StartExecution')).toEqual([]);
    expect(starts.flatMap(resourcesOf).map(nagName).sort()).toEqual(expected.sort());
  });

  it('starts state machines by name only, never by a wildcard', () => {
    // Act
    const resources = identityStatements(stack, template)
      .filter(({ statement }) => actionsOf(statement).includes('states:StartExecution'))
      .flatMap(({ statement }) => resourcesOf(statement).map(nagName));

    // Assess
    expect(resources.length).toBeGreaterThan(0);
    expect(resources.filter((resource) => resource.includes('*'))).toEqual([]);
  });

  it('invokes only the configured Bedrock model', () => {
    // Act
    const resources = identityStatements(stack, template)
      .filter(({ statement }) => actionsOf(statement).some((action) => action.startsWith('bedrock:')))
      .flatMap(({ statement }) => [...actionsOf(statement), ...resourcesOf(statement).map(nagName)]);

    // Assess
    expect(resources.length).toBeGreaterThan(0);
    expect(resources.filter((value) => value.startsWith('bedrock:') && value !== 'bedrock:InvokeModel')).toEqual([]);
    for (const resource of resources.filter((value) => value.startsWith('arn:'))) expect(resource).toMatch(new RegExp(`foundation-model/${modelId.replace(/\./g, '\\.')}$`));
  });

  it('acknowledges the region wildcard a cross-region inference profile needs, and names only that model', { timeout: BUILD_TIMEOUT_MS }, () => {
    // Prepare
    const profile = 'apac.amazon.nova-micro-v1:0';
    const synthesized = synthCommHub({ context: { stage: 'prod', modelId: profile } });

    // Act
    const offenders = unjustifiedWildcards(synthesized.stack, synthesized.template);
    const report = new AwsSolutionsChecks().validateScope(synthesized.stack);
    const bedrock = identityStatements(synthesized.stack, synthesized.template)
      .filter(({ statement }) => actionsOf(statement).includes('bedrock:InvokeModel'))
      .flatMap(({ statement }) => resourcesOf(statement).map(nagName));

    // Assess
    expect(offenders, JSON.stringify(offenders, null, 2)).toEqual([]);
    expect(report.violations).toEqual([]);
    expect(new Set(bedrock)).toEqual(
      new Set([`arn:aws:bedrock:ap-southeast-1:123456789012:inference-profile/${profile}`, 'arn:aws:bedrock:*::foundation-model/amazon.nova-micro-v1:0']),
    );
  });

  it('sends mail only as the configured sender or its domain', () => {
    // Act
    const resources = identityStatements(stack, template)
      .filter(({ statement }) => actionsOf(statement).some((action) => action.startsWith('ses:Send')))
      .flatMap(({ statement }) => resourcesOf(statement).map(nagName));

    // Assess
    expect(resources.length).toBeGreaterThan(0);
    for (const resource of resources) expect(resource).toMatch(/:identity\/(hub@)?example\.com$/);
  });

  it('grants, to some function, every DynamoDB and S3 action the adapters use (so tightening never removes one in use)', () => {
    // Prepare
    const COMMAND_ACTIONS: Record<string, string[]> = {
      GetCommand: ['dynamodb:GetItem'],
      PutCommand: ['dynamodb:PutItem'],
      UpdateCommand: ['dynamodb:UpdateItem'],
      DeleteCommand: ['dynamodb:DeleteItem'],
      QueryCommand: ['dynamodb:Query'],
      BatchGetCommand: ['dynamodb:BatchGetItem'],
      GetObjectCommand: ['s3:GetObject'],
      HeadObjectCommand: ['s3:GetObject'],
      PutObjectCommand: ['s3:PutObject'],
      DeleteObjectCommand: ['s3:DeleteObject', 's3:DeleteObjectVersion'],
      ListObjectsV2Command: ['s3:ListBucket'],
      ListObjectVersionsCommand: ['s3:ListBucketVersions'],
    };
    const adapters = ['dynamodb', 's3'].flatMap((folder) => {
      const dir = new URL(`../../functions/adapters/${folder}/`, import.meta.url);
      return readdirSync(dir).filter((name) => name.endsWith('.ts')).map((name) => readFileSync(new URL(name, dir), 'utf8'));
    });
    const used = new Set(adapters.flatMap((source) => [...source.matchAll(/new (\w+Command)\(/g)].map((match) => match[1] as string)));
    const granted = identityStatements(stack, template).filter(({ statement }) => statement.Effect === 'Allow').flatMap(({ statement }) => actionsOf(statement));
    const grants = (action: string) => granted.some((pattern) => new RegExp(`^${pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`).test(action));

    // Act
    const unmapped = [...used].filter((command) => COMMAND_ACTIONS[command] === undefined);
    const ungranted = [...used].flatMap((command) => COMMAND_ACTIONS[command] ?? []).filter((action) => !grants(action));

    // Assess
    expect(unmapped, 'map each new command to its IAM actions here').toEqual([]);
    expect(ungranted).toEqual([]);
  });

  it('keeps every blob key under a prefix of BLOB_PREFIXES (what the grants name)', () => {
    // Prepare
    const prefixes = Object.values(BLOB_PREFIXES);

    // Act
    const keys = [
      blobKeys.attachment('T001', 'ab'.repeat(32)),
      blobKeys.content('T001', 'R1', 'd'),
      blobKeys.modelInput('T001', 'R1', 'd'),
      blobKeys.reportFile('T001', 'RPT-1', 'report.md'),
      blobKeys.transcriptOutput('T001', 'R1', 'job'),
      `${uploadPrefix('T001')}recording/x.mp3`,
    ];

    // Assess
    for (const key of keys) expect(prefixes.some((prefix) => key.startsWith(prefix)), key).toBe(true);
    expect(new Set(keys.map((key) => `${key.split('/')[0]}/`))).toEqual(new Set(prefixes));
  });
});
