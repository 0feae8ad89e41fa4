import { fileURLToPath } from 'node:url';
import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { ENV } from '../functions/config/runtime-config.js';
import type { RouteDefinition } from '../functions/http/routes.js';
import { acknowledgeGrantWildcards } from './grant-acknowledgments.js';
import type { Storage } from './storage.js';

/**
 * Runtime of every API function. cdk-nag (AwsSolutions-L1) accepts only the newest Node.js runtime
 * aws-cdk-lib knows; the handlers also run on the local Node 20, so nothing newer is relied on.
 */
export const LAMBDA_RUNTIME = lambda.Runtime.NODEJS_24_X;
const ESBUILD_TARGET = 'node24';

/** DynamoDB actions per table access level (see functions/adapters/dynamodb). */
const TABLE_ACTIONS = {
  read: ['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:Query', 'dynamodb:ConditionCheckItem'],
  readWrite: [
    'dynamodb:GetItem',
    'dynamodb:BatchGetItem',
    'dynamodb:Query',
    'dynamodb:ConditionCheckItem',
    'dynamodb:PutItem',
    'dynamodb:UpdateItem',
    'dynamodb:DeleteItem',
    'dynamodb:BatchWriteItem',
  ],
} as const;

const HANDLERS_DIR = fileURLToPath(new URL('../functions/api/', import.meta.url));

/** Properties of {@link RouteFunction}. */
export interface RouteFunctionProps {
  /** The route this function serves; its `access` decides every grant and environment variable. */
  readonly route: RouteDefinition;
  /** Where the data lives; the function is granted only what `route.access` names. */
  readonly storage: Storage;
  /** Deployment stage, passed as `COMMHUB_STAGE`. */
  readonly stage: string;
  /**
   * How long the function's logs are kept.
   * @default logs.RetentionDays.ONE_MONTH
   */
  readonly logRetention?: logs.RetentionDays;
  /**
   * What happens to the log group when it leaves the stack.
   * @default RemovalPolicy.DESTROY
   */
  readonly removalPolicy?: RemovalPolicy;
}

/**
 * One API route's Lambda function (`functions/api/<id>.ts`, bundled as ESM by esbuild) with its own
 * role, KMS-encrypted log group and exactly the grants its route's `access` declares.
 */
export class RouteFunction extends Construct {
  public readonly function: NodejsFunction;
  public readonly role: iam.Role;
  public readonly logGroup: logs.LogGroup;

  constructor(scope: Construct, id: string, props: RouteFunctionProps) {
    super(scope, id);
    const { route, storage } = props;

    this.logGroup = new logs.LogGroup(this, 'Logs', {
      retention: props.logRetention ?? logs.RetentionDays.ONE_MONTH,
      encryptionKey: storage.key,
      removalPolicy: props.removalPolicy ?? RemovalPolicy.DESTROY,
    });
    // An explicit role instead of the default one keeps AWSLambdaBasicExecutionRole (a managed
    // policy that may write to any log group) off the function.
    this.role = new iam.Role(this, 'Role', {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      description: `CommHub ${route.method} ${route.path}`,
    });
    this.logGroup.grantWrite(this.role);

    this.function = new NodejsFunction(this, 'Function', {
      entry: `${HANDLERS_DIR}${route.id}.ts`,
      handler: 'handler',
      description: route.summary,
      runtime: LAMBDA_RUNTIME,
      architecture: lambda.Architecture.ARM_64,
      memorySize: 512,
      // API Gateway gives up after 30 s; a handler that needs more is doing a workflow's job.
      timeout: Duration.seconds(10),
      tracing: lambda.Tracing.ACTIVE,
      role: this.role,
      logGroup: this.logGroup,
      environment: environmentFor(props),
      bundling: {
        format: OutputFormat.ESM,
        target: ESBUILD_TARGET,
        minify: true,
        sourceMap: true,
        mainFields: ['module', 'main'],
        // Bundle the SDK too, so Lambda runs the SDK version the tests ran, not the runtime's copy.
        externalModules: [],
        // CommonJS dependencies inside an ESM bundle still call require().
        banner: "import { createRequire as __commhubCreateRequire } from 'node:module'; const require = __commhubCreateRequire(import.meta.url);",
      },
    });

    const { access } = route;
    if (access.table !== 'none') {
      // Exactly the item operations the stores use — no Scan, no table management.
      storage.table.grant(this.function, ...TABLE_ACTIONS[access.table]);
      if (access.table === 'read') storage.key.grantDecrypt(this.function);
      else storage.key.grantEncryptDecrypt(this.function);
    }
    if (access.rawArchive === 'write') storage.rawArchive.grantPut(this.function);
    if (access.blobs === 'read') storage.blobs.grantRead(this.function);
    if (access.blobs === 'readWrite') storage.blobs.grantReadWrite(this.function);
    if (access.cursors) storage.cursorKey.grantRead(this.function);
    if (access.tenants) storage.tenantSettings.grantRead(this.function);
    acknowledgeGrantWildcards(this, access, storage);
  }
}

/** Only the variables the route's access needs; a missing one fails loudly in the handler. */
function environmentFor({ route: { access }, storage, stage }: RouteFunctionProps): Record<string, string> {
  return {
    // Stack traces point into the TypeScript sources (bundling emits source maps).
    NODE_OPTIONS: '--enable-source-maps',
    [ENV.stage]: stage,
    ...(access.table === 'none' ? {} : { [ENV.tableName]: storage.table.tableName }),
    ...(access.rawArchive === 'none' ? {} : { [ENV.rawArchiveBucket]: storage.rawArchive.bucketName }),
    ...(access.blobs === 'none' ? {} : { [ENV.blobBucket]: storage.blobs.bucketName }),
    ...(access.cursors ? { [ENV.cursorKeySecretArn]: storage.cursorKey.secretArn } : {}),
    ...(access.tenants ? { [ENV.tenantsSecretArn]: storage.tenantSettings.secretArn } : {}),
  };
}
