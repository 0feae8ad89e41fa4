import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat, type BundlingOptions } from 'aws-cdk-lib/aws-lambda-nodejs';
import * as logs from 'aws-cdk-lib/aws-logs';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { RAW_PAYLOAD_PREFIX } from '../functions/adapters/s3/archive-prefixes.js';
import { HUB_SERVICE_NAME, hubServiceName } from '../functions/config/hub-metrics.js';
import { ENV } from '../functions/config/runtime-config.js';
import type { RouteAccess } from '../functions/http/routes.js';
import { adapterGroupDefines, adapterGroupsOf } from '../functions/wiring/adapter-groups.js';
import { workflowPortDefines, type WorkflowPortGroup } from '../functions/wiring/workflow-port-groups.js';
import { acknowledgeGrantWildcards } from './grant-acknowledgments.js';
import { grantStorageAccess } from './service-grants.js';
import type { Storage } from './storage.js';
import { slimSdkAliases } from './slim-sdk.js';
import { toolSchemaDefines } from './tool-schema-defines.js';

/**
 * Runtime of every CommHub function. cdk-nag (AwsSolutions-L1) accepts only the newest Node.js
 * runtime aws-cdk-lib knows; the handlers also run on the local Node 20, so nothing newer is relied on.
 */
export const LAMBDA_RUNTIME = lambda.Runtime.NODEJS_24_X;
const ESBUILD_TARGET = 'node24';

export { RAW_PAYLOAD_PREFIX };

/**
 * The service name of every function (Powertools' variable name, which the hub's logger and metrics
 * read), one per stage (`hubServiceName(stage)`, set per function below): the `service` dimension the
 * alarms (lib/observability.ts) select on.
 */
export const OBSERVABILITY_ENVIRONMENT: Readonly<Record<string, string>> = {
  POWERTOOLS_SERVICE_NAME: HUB_SERVICE_NAME,
};

/** DynamoDB actions per table access level (defined with the other grants). */
export { TABLE_ACTIONS } from './service-grants.js';

/** What a function touches: a route's access plus the raw-archive key prefixes event functions need. */
export interface FunctionAccess extends RouteAccess {
  /**
   * Raw archive key prefix the function may read (`s3:GetObject` on `<prefix>*` only, no listing),
   * e.g. the `inbound/` prefix SES's S3 action writes to.
   * @default - no read access to the raw archive
   */
  readonly rawArchiveRead?: string;
  /**
   * Key prefix that `rawArchive: 'write'` is limited to (`s3:PutObject` on `<prefix>*`).
   * @default '' - any key of the raw archive
   */
  readonly rawArchiveWritePrefix?: string;
  /**
   * Appends audit entries: `dynamodb:PutItem` on the table limited by `dynamodb:LeadingKeys` to the
   * audit partitions (`AUDIT_PARTITION_PATTERNS`), whatever `table` says. Route functions set it
   * from `isAudited(route)`.
   * @default false
   */
  readonly audit?: boolean;
}

/** Properties of {@link HubFunction}. */
export interface HubFunctionProps {
  /** Absolute path of the TypeScript module exporting `handler`. */
  readonly entry: string;
  /** The function's description (at most 256 characters). */
  readonly description: string;
  /**
   * The execution role's description (Latin-1 characters only).
   * @default - `description`
   */
  readonly roleDescription?: string;
  /** Decides every grant and environment variable; nothing else is granted. */
  readonly access: FunctionAccess;
  /** Where the data lives; the function is granted only what `access` names. */
  readonly storage: Storage;
  /** Deployment stage, passed as `COMMHUB_STAGE`. */
  readonly stage: string;
  /**
   * @default Duration.seconds(10)
   */
  readonly timeout?: Duration;
  /**
   * @default 512
   */
  readonly memorySize?: number;
  /**
   * Where asynchronous invocations go once their retries are spent (the event is the message body).
   * @default - no dead-letter queue
   */
  readonly deadLetterQueue?: sqs.IQueue;
  /**
   * Retries of a failed asynchronous invocation (0-2).
   * @default - Lambda's default (2), no EventInvokeConfig
   */
  readonly retryAttempts?: number;
  /**
   * How long Lambda keeps retrying an asynchronous event (1 minute - 6 hours).
   * @default - Lambda's default (6 hours)
   */
  readonly maxEventAge?: Duration;
  /**
   * Concurrent executions reserved for (and capping) the function, for one that calls a service whose
   * quota needs protecting (Bedrock, Transcribe); 0 or absent leaves it unreserved.
   * @default - unreserved
   */
  readonly reservedConcurrentExecutions?: number;
  /**
   * Extra environment variables (besides those `access` implies).
   * @default - none
   */
  readonly environment?: Readonly<Record<string, string>>;
  /**
   * Instruction set. A function that loads a native module built for this machine's platform runs on
   * the machine's architecture (see `nativeModules`).
   * @default lambda.Architecture.ARM_64
   */
  readonly architecture?: lambda.Architecture;
  /**
   * Packages loaded at run time instead of bundled (native addons): copied from the project's
   * `node_modules` beside the bundle after bundling — offline, no `npm install` in the asset.
   * @default - none
   */
  readonly nativeModules?: readonly string[];
  /**
   * The workflow ports the function uses (`functions/wiring/workflow-port-groups.ts`): its bundle holds
   * those and no others. Absent: the function wires no workflow ports of its own choosing — every one
   * stays in a bundle that imports them (as before these declarations).
   * @default - undeclared
   */
  readonly workflowPorts?: readonly WorkflowPortGroup[];
  /**
   * Values computed at synth and folded into the bundle as esbuild `define`s (each name a JSON value),
   * for work a handler would otherwise do on its first call (e.g. the OpenAPI document).
   * @default - none
   */
  readonly bundledConstants?: Readonly<Record<string, unknown>>;
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
 * One CommHub Lambda function (bundled as ESM by esbuild) with its own role, a KMS-encrypted log
 * group and exactly the grants its `access` declares — for HTTP routes and event sources alike.
 */
export class HubFunction extends Construct {
  public readonly function: NodejsFunction;
  public readonly role: iam.Role;
  public readonly logGroup: logs.LogGroup;
  /** The module the function is bundled from. */
  public readonly entry: string;
  /** What the function is granted, and bundled with. */
  public readonly access: FunctionAccess;
  /** How esbuild bundles it ({@link hubBundling}). */
  public readonly bundling: BundlingOptions;
  /** The workflow ports it declared (undefined: undeclared). */
  public readonly workflowPorts?: readonly WorkflowPortGroup[];

  constructor(scope: Construct, id: string, props: HubFunctionProps) {
    super(scope, id);
    const { access, storage } = props;
    this.entry = props.entry;
    this.access = access;
    this.workflowPorts = props.workflowPorts;
    this.bundling = hubBundling(access, props.nativeModules, props.bundledConstants, props.workflowPorts);

    this.logGroup = new logs.LogGroup(this, 'Logs', {
      retention: props.logRetention ?? logs.RetentionDays.ONE_MONTH,
      encryptionKey: storage.key,
      removalPolicy: props.removalPolicy ?? RemovalPolicy.DESTROY,
    });
    // An explicit role instead of the default one keeps AWSLambdaBasicExecutionRole (a managed
    // policy that may write to any log group) off the function.
    this.role = new iam.Role(this, 'Role', {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      description: props.roleDescription ?? props.description,
    });
    this.logGroup.grantWrite(this.role);

    this.function = new NodejsFunction(this, 'Function', {
      entry: props.entry,
      handler: 'handler',
      description: props.description,
      runtime: LAMBDA_RUNTIME,
      architecture: props.architecture ?? lambda.Architecture.ARM_64,
      memorySize: props.memorySize ?? 512,
      timeout: props.timeout ?? Duration.seconds(10),
      tracing: lambda.Tracing.ACTIVE,
      role: this.role,
      logGroup: this.logGroup,
      environment: { ...environmentFor(access, storage, props.stage), ...props.environment },
      ...(props.reservedConcurrentExecutions ? { reservedConcurrentExecutions: props.reservedConcurrentExecutions } : {}),
      deadLetterQueue: props.deadLetterQueue,
      retryAttempts: props.retryAttempts,
      maxEventAge: props.maxEventAge,
      bundling: this.bundling,
    });

    // Exactly what `access` names: item operations, key prefixes, the data key, the secrets.
    grantStorageAccess(this.function, access, storage);
    // Lambda sends to the dead-letter queue with the function's role; SSE-KMS needs the key too.
    props.deadLetterQueue?.grantSendMessages(this.function);
    acknowledgeGrantWildcards(this, access, storage, { encryptedDeadLetterQueue: props.deadLetterQueue?.encryptionMasterKey !== undefined });
  }
}

/**
 * Packages a Lambda bundle replaces with a module of ours (esbuild's alias, relative to the project
 * root): the AWS SDK's default credential chain, which in Lambda never goes past its first link
 * (functions/wiring/lambda-credentials.ts), and its bearer-token chain, whose SSO link a Lambda never
 * has (functions/wiring/lambda-token-providers.ts).
 */
export const LAMBDA_MODULE_ALIASES: Readonly<Record<string, string>> = {
  '@aws-sdk/credential-provider-node': './functions/wiring/lambda-credentials.ts',
  '@aws-sdk/token-providers': './functions/wiring/lambda-token-providers.ts',
};

/**
 * Every module a Lambda bundle takes from elsewhere than the installed package: {@link LAMBDA_MODULE_ALIASES},
 * and each SDK client from its slim copy, whose schemas esbuild can tree-shake (lib/slim-sdk.ts).
 */
export function lambdaModuleAliases(): Readonly<Record<string, string>> {
  return { ...slimSdkAliases(), ...LAMBDA_MODULE_ALIASES };
}

/**
 * How esbuild bundles a CommHub function: ESM, minified, with a source map (trimmed to our sources), the
 * SDK included (its credential chain cut to Lambda's environment), and only the adapter groups `access`
 * allows.
 *
 * @example
 * ```ts
 * new NodejsFunction(scope, 'Function', { entry, bundling: hubBundling(access) });
 * ```
 */
export function hubBundling(
  access: FunctionAccess,
  nativeModules: readonly string[] = [],
  constants: Readonly<Record<string, unknown>> = {},
  workflowPorts?: readonly WorkflowPortGroup[],
): BundlingOptions {
  return {
    format: OutputFormat.ESM,
    target: ESBUILD_TARGET,
    minify: true,
    sourceMap: true,
    // Mappings only: logged stack frames still name our files and lines (mapped-frames.ts), and the
    // first error logged parses a few hundred KB instead of the sources' MBs.
    sourcesContent: false,
    mainFields: ['module', 'main'],
    // Only the adapters `access` allows: the others (and their SDK clients) are dead code that
    // esbuild drops — functions/package.json declares the sources free of import side effects.
    define: {
      ...adapterGroupDefines(access),
      ...(workflowPorts ? { ...workflowPortDefines(workflowPorts), ...toolSchemaDefines(workflowPorts) } : {}),
      ...Object.fromEntries(Object.entries(constants).map(([name, value]) => [name, JSON.stringify(value)])),
    },
    // Bundle the SDK too, so Lambda runs the SDK version the tests ran, not the runtime's copy.
    externalModules: [...nativeModules],
    // Paths relative to the project root, where NodejsFunction runs esbuild.
    esbuildArgs: { '--alias': Object.entries(lambdaModuleAliases()).map(([name, path]) => `${name}=${path}`) },
    commandHooks: afterBundling(nativeModules),
    // CommonJS dependencies inside an ESM bundle still call require().
    banner: "import { createRequire as __commhubCreateRequire } from 'node:module'; const require = __commhubCreateRequire(import.meta.url);",
  };
}

/**
 * What runs after esbuild: the source map is trimmed to our own sources (scripts/trim-source-map.ts:
 * stack frames in our code still resolve, and a cold start no longer parses the SDK's mappings), and
 * native packages (with their platform packages, e.g. `@node-rs/jieba-linux-x64-gnu`) are copied from
 * the project's node_modules next to the bundle. A native package missing on the synthesizing machine
 * is skipped, and the function falls back to what it does without it.
 */
function afterBundling(nativePackages: readonly string[]) {
  return {
    beforeBundling: () => [],
    beforeInstall: () => [],
    afterBundling: (inputDir: string, outputDir: string) => [
      `cd "${inputDir}" && "${process.execPath}" --import tsx scripts/trim-source-map.ts "${outputDir}/index.mjs.map"`,
      ...nativePackages.map(
        (name) =>
          `for d in "${inputDir}"/node_modules/${name} "${inputDir}"/node_modules/${name}-linux-*-gnu; do if [ -d "$d" ]; then mkdir -p "${outputDir}/node_modules/$(dirname "\${d#${inputDir}/node_modules/}")" && cp -R "$d" "${outputDir}/node_modules/\${d#${inputDir}/node_modules/}"; fi; done`,
      ),
    ],
  };
}

/** Only the variables the access needs; a missing one fails loudly in the handler. */
function environmentFor(access: FunctionAccess, storage: Storage, stage: string): Record<string, string> {
  const groups = adapterGroupsOf(access);
  const rawArchive = access.rawArchive !== 'none' || access.rawArchiveRead !== undefined || access.erase === true;
  return {
    // No --enable-source-maps: it reads and parses the bundle's map on every cold start. Logged errors
    // show their frames at the TypeScript sources all the same, the map read when the first is logged
    // (functions/observability/mapped-frames.ts).
    ...OBSERVABILITY_ENVIRONMENT,
    POWERTOOLS_SERVICE_NAME: hubServiceName(stage),
    [ENV.stage]: stage,
    ...(groups.table ? { [ENV.tableName]: storage.table.tableName } : {}),
    ...(rawArchive ? { [ENV.rawArchiveBucket]: storage.rawArchive.bucketName } : {}),
    ...(access.blobs === 'none' && !access.erase ? {} : { [ENV.blobBucket]: storage.blobs.bucketName }),
    ...(groups.cursors ? { [ENV.cursorKeySecretArn]: storage.cursorKey.secretArn } : {}),
    ...(groups.tenants ? { [ENV.tenantsSecretArn]: storage.tenantSettings.secretArn } : {}),
  };
}
