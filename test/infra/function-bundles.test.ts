import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { ToolConfiguration } from '@aws-sdk/client-bedrock-runtime';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { a10ToolConfig } from '../../functions/adapters/bedrock/a10-tool.js';
import { agentToolConfig } from '../../functions/adapters/bedrock/bedrock-agent.js';
import { a15ToolConfig } from '../../functions/adapters/bedrock/bedrock-report-writer.js';
import { CUSTOMER_AGENT_DEFINITIONS } from '../../functions/adapters/bedrock/customer-agent-definitions.js';
import { openApiDocument } from '../../functions/http/openapi.js';
import { ROUTES, type RouteDefinition } from '../../functions/http/routes.js';
import { adapterGroupsOf, routeAdapterGroups, type AdapterGroup } from '../../functions/wiring/adapter-groups.js';
import type { WorkflowPortGroup } from '../../functions/wiring/workflow-port-groups.js';
import { HubFunction, hubBundling, type FunctionAccess } from '../../lib/hub-function.js';
import { routeFunctionAccess } from '../../lib/route-function.js';
import { esbuildOptions, packagesIn } from '../support/esbuild-options.js';
import { synthCommHub } from './synth-commhub.js';

/**
 * What actually leaves each function's bundle, read from esbuild's metafile: every function of the
 * stack is bundled with the options its construct passes to NodejsFunction, and must hold the SDK
 * clients of the adapter groups its access allows — and none of the others.
 */
const root = fileURLToPath(new URL('../../', import.meta.url));
const ROUTE_LIST: readonly RouteDefinition[] = ROUTES;

/** The SDK packages each group's adapters import. */
const GROUP_PACKAGES: Readonly<Record<AdapterGroup, readonly string[]>> = {
  table: ['@aws-sdk/client-dynamodb', '@aws-sdk/lib-dynamodb'],
  blobs: ['@aws-sdk/client-s3', '@aws-sdk/s3-request-presigner'],
  cursors: ['@aws-sdk/client-secrets-manager'],
  tenants: ['@aws-sdk/client-secrets-manager'],
  // The table's stores: the table's client, which a function with any of them has anyway
  customers: ['@aws-sdk/client-dynamodb', '@aws-sdk/lib-dynamodb'],
  workItems: ['@aws-sdk/client-dynamodb', '@aws-sdk/lib-dynamodb'],
  reports: ['@aws-sdk/client-dynamodb', '@aws-sdk/lib-dynamodb'],
  riskEpisodes: ['@aws-sdk/client-dynamodb', '@aws-sdk/lib-dynamodb'],
  blobReferences: ['@aws-sdk/client-dynamodb', '@aws-sdk/lib-dynamodb'],
  replayGuard: ['@aws-sdk/client-dynamodb', '@aws-sdk/lib-dynamodb'],
  audit: ['@aws-sdk/client-dynamodb', '@aws-sdk/lib-dynamodb'],
};
const HUB_PACKAGES = new Set(Object.values(GROUP_PACKAGES).flat());

/** The SDK package of each workflow port group's client. */
const WORKFLOW_GROUP_PACKAGES: Readonly<Record<WorkflowPortGroup, string>> = {
  analysis: '@aws-sdk/client-bedrock-runtime',
  customerAgents: '@aws-sdk/client-bedrock-runtime',
  reportWriter: '@aws-sdk/client-bedrock-runtime',
  transcribe: '@aws-sdk/client-transcribe',
  stepFunctions: '@aws-sdk/client-sfn',
  events: '@aws-sdk/client-eventbridge',
  mail: '@aws-sdk/client-sesv2',
};
const WORKFLOW_PACKAGES = new Set(Object.values(WORKFLOW_GROUP_PACKAGES));

const expectedHubPackages = (access: FunctionAccess) => {
  const groups = adapterGroupsOf(access);
  return [...new Set(Object.entries(GROUP_PACKAGES).flatMap(([group, packages]) => (groups[group as AdapterGroup] ? packages : [])))].sort();
};

const scratch = await mkdtemp(join(tmpdir(), 'commhub-function-bundles-'));
afterAll(() => rm(scratch, { recursive: true, force: true }));

/** A function that may only read the table: the access of the inline handlers below. */
const TABLE_READER: FunctionAccess = { table: 'read', rawArchive: 'none', blobs: 'none', cursors: false };

/** Bundles a handler written inline (as if it were `functions/<dir>/<name>.ts`) the way a function with `access` is bundled, then imports it. */
async function bundleInline<M>(name: string, dir: string, contents: string, access: FunctionAccess = TABLE_READER, workflowPorts?: readonly WorkflowPortGroup[]) {
  const outfile = join(scratch, `${name}.mjs`);
  const result = await build({
    ...esbuildOptions(hubBundling(access, [], {}, workflowPorts)),
    stdin: { contents, resolveDir: join(root, 'functions', dir), sourcefile: `${name}.ts`, loader: 'ts' },
    outfile,
  });
  return { result, module: (await import(pathToFileURL(outfile).href)) as M };
}

describe('function bundles', () => {
  const { stack } = synthCommHub();
  const functions = stack.node.findAll().filter((construct): construct is HubFunction => construct instanceof HubFunction);
  const nameOf = (fn: HubFunction) => fn.node.path.split('/').slice(1).join('/');
  const bundles = new Map<string, { packages: string[]; bytes: number; localAnalyzer: boolean; zodBeyondMini: string[]; installedClients: string[] }>();

  beforeAll(async () => {
    // One esbuild run per distinct bundling (same defines, same externals): a few runs for all functions.
    const byBundling = new Map<string, HubFunction[]>();
    for (const fn of functions) {
      const key = JSON.stringify(fn.bundling);
      byBundling.set(key, [...(byBundling.get(key) ?? []), fn]);
    }
    await Promise.all(
      [...byBundling.values()].map(async (group, index) => {
        const entries = Object.fromEntries(group.map((fn) => [nameOf(fn).replaceAll('/', '-'), fn.entry]));
        const result = await build({ ...esbuildOptions(group[0]!.bundling), entryPoints: entries, outdir: join(scratch, `group-${index}`), write: false });
        for (const [file, output] of Object.entries(result.metafile!.outputs)) {
          if (!file.endsWith('.js')) continue;
          const localAnalyzer = Object.entries(output.inputs).some(([path, input]) => path.includes('functions/analysis/local/') && input.bytesInOutput > 0);
          // zod's classic API or a locale other than English: what the zod/mini entry (functions/core/zod.ts) keeps out
          const zodBeyondMini = Object.entries(output.inputs).flatMap(([path, input]) => (input.bytesInOutput > 0 && /node_modules\/zod\/v4\/(classic\/|locales\/(?!en\.js))/.test(path) ? [path] : []));
          // An SDK client's own modules taken from the installed package instead of its slim copy (lib/slim-sdk.ts)
          const installedClients = Object.keys(output.inputs).filter((path) => /node_modules\/@aws-sdk\/client-[^/]+\/dist-es\//.test(path));
          bundles.set(relative(join(scratch, `group-${index}`), join(process.cwd(), file)).replace(/\.js$/, ''), { packages: packagesIn(output), bytes: output.bytes, localAnalyzer, zodBeyondMini, installedClients });
        }
      }),
    );
  });

  it('finds the functions of the stack, one per route among them', () => {
    expect(functions.length).toBeGreaterThan(ROUTE_LIST.length);
    for (const route of ROUTE_LIST) expect(functions.some((fn) => fn.entry === join(root, 'functions/api', `${route.id}.ts`)), route.id).toBe(true);
  });

  it('wires each route the same adapter groups in the embedded runtime as in its Lambda bundle', () => {
    for (const route of ROUTE_LIST) expect(routeAdapterGroups(route), route.id).toEqual(adapterGroupsOf(routeFunctionAccess(route)));
  });

  it('bundles every function with the SDK clients of the adapters its access allows, and no other', () => {
    for (const fn of functions) {
      // Act
      const bundle = bundles.get(nameOf(fn).replaceAll('/', '-'));

      // Assess
      expect(bundle, nameOf(fn)).toBeDefined();
      expect(bundle!.packages.filter((name) => HUB_PACKAGES.has(name)), nameOf(fn)).toEqual(expectedHubPackages(fn.access));
    }
  });

  it('bundles every function with the clients of the workflow ports it declares, and no other — A10’s local analyzer only where records are analysed', () => {
    for (const fn of functions) {
      // Act
      const bundle = bundles.get(nameOf(fn).replaceAll('/', '-'))!;
      const declared = fn.workflowPorts ?? [];

      // Assess
      expect(bundle.packages.filter((name) => WORKFLOW_PACKAGES.has(name)), nameOf(fn)).toEqual([...new Set(declared.map((group) => WORKFLOW_GROUP_PACKAGES[group]))].sort());
      expect(bundle.localAnalyzer, nameOf(fn)).toBe(declared.includes('analysis'));
    }
    // Every workflow step declares its ports; most need few (the record workflow's own bookkeeping none).
    const steps = functions.filter((fn) => fn.entry.includes('/functions/workflow/'));
    expect(steps.every((fn) => fn.workflowPorts !== undefined)).toBe(true);
    expect(steps.filter((fn) => fn.workflowPorts!.length === 0).length).toBeGreaterThanOrEqual(6);
  });

  it("bundles every function with only the environment link of the SDK's credential chain, which signs its calls with Lambda's credentials", async () => {
    // Prepare: a handler that resolves a DynamoDB client's credentials, bundled as a table-reading function is
    // (no STS or SSO client either: Bedrock's bearer-token chain is cut to its environment link too)
    const credentialPackages = (packages: readonly string[]) => packages.filter((name) => /^@aws-sdk\/(credential-provider-(?!env)|token-providers$|nested-clients$)/.test(name));
    const { module } = await bundleInline<{ handler: () => Promise<{ accessKeyId: string; sessionToken?: string }> }>(
      'credentials',
      '',
      "import { DynamoDBClient } from '@aws-sdk/client-dynamodb';\nexport const handler = () => new DynamoDBClient({ region: 'ap-southeast-1' }).config.credentials();\n",
    );
    const saved = { id: process.env.AWS_ACCESS_KEY_ID, secret: process.env.AWS_SECRET_ACCESS_KEY, token: process.env.AWS_SESSION_TOKEN };
    Object.assign(process.env, { AWS_ACCESS_KEY_ID: 'ASIALAMBDAROLE', AWS_SECRET_ACCESS_KEY: 'lambda-secret', AWS_SESSION_TOKEN: 'lambda-session' });

    // Act
    const credentials = await module.handler().finally(() => {
      for (const [name, value] of [['AWS_ACCESS_KEY_ID', saved.id], ['AWS_SECRET_ACCESS_KEY', saved.secret], ['AWS_SESSION_TOKEN', saved.token]] as const) {
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
      }
    });

    // Assess
    expect(credentials).toMatchObject({ accessKeyId: 'ASIALAMBDAROLE', sessionToken: 'lambda-session' });
    for (const [name, bundle] of bundles) expect(credentialPackages(bundle.packages), name).toEqual([]);
  });

  it("bundles Bedrock's bearer-token chain as its environment link: an API key in AWS_BEARER_TOKEN_BEDROCK is used, and no SSO is sought", async () => {
    // Prepare: the identity Bedrock's client resolves for bearer auth, bundled as a function with Bedrock is
    const { module } = await bundleInline<{ handler: () => Promise<{ token: string }> }>(
      'bearer-token',
      '',
      [
        "import { BedrockRuntimeClient } from '@aws-sdk/client-bedrock-runtime';",
        "const bearer = new BedrockRuntimeClient({ region: 'us-east-1' }).config.httpAuthSchemes.find((scheme) => scheme.schemeId === 'smithy.api#httpBearerAuth');",
        'export const handler = () => bearer.identityProvider({ getIdentityProvider: () => undefined })({});',
        '',
      ].join('\n'),
    );
    const saved = process.env.AWS_BEARER_TOKEN_BEDROCK;

    try {
      // Act
      process.env.AWS_BEARER_TOKEN_BEDROCK = 'bedrock-api-key';
      const token = await module.handler();
      delete process.env.AWS_BEARER_TOKEN_BEDROCK;
      const missing = await module.handler().then(
        () => undefined,
        (error: unknown) => error,
      );

      // Assess
      expect(token).toMatchObject({ token: 'bedrock-api-key' });
      expect(missing).toMatchObject({ name: 'TokenProviderError', message: expect.stringContaining('has no SSO session') });
    } finally {
      if (saved === undefined) delete process.env.AWS_BEARER_TOKEN_BEDROCK;
      else process.env.AWS_BEARER_TOKEN_BEDROCK = saved;
    }
  });

  it("bundles each Bedrock step's forced tools with the input schemas generated at synth — the same as generated at run time — and not zod's generator", async () => {
    // Prepare: every forced tool's configuration, as a step with all three Bedrock groups builds it
    const source = [
      "import { a10ToolConfig } from './a10-tool.js';",
      "import { agentToolConfig } from './bedrock-agent.js';",
      "import { a15ToolConfig } from './bedrock-report-writer.js';",
      "import { CUSTOMER_AGENT_DEFINITIONS } from './customer-agent-definitions.js';",
      'export const handler = () => [a10ToolConfig(), ...Object.values(CUSTOMER_AGENT_DEFINITIONS).map(agentToolConfig), a15ToolConfig()];',
      '',
    ].join('\n');
    const { result, module } = await bundleInline<{ handler: () => ToolConfiguration[] }>('tool-schemas', 'adapters/bedrock', source, TABLE_READER, ['analysis', 'customerAgents', 'reportWriter']);

    // Act
    const bundled = module.handler();

    // Assess
    const atRunTime = [a10ToolConfig(), ...Object.values(CUSTOMER_AGENT_DEFINITIONS).map(agentToolConfig), a15ToolConfig()];
    expect(bundled).toHaveLength(6);
    expect(bundled).toEqual(atRunTime);
    const output = Object.values(result.metafile!.outputs).find((candidate) => candidate.entryPoint !== undefined)!;
    expect(Object.entries(output.inputs).filter(([path, input]) => input.bytesInOutput > 0 && /zod\/v4\/core\/(to-json-schema|json-schema-processors)\.js$/.test(path))).toEqual([]);
    for (const fn of functions.filter((candidate) => candidate.workflowPorts?.some((group) => ['analysis', 'customerAgents', 'reportWriter'].includes(group)))) {
      expect(fn.bundling.define, nameOf(fn)).toMatchObject({ COMMHUB_BUNDLES_TOOL_SCHEMA_GENERATOR: 'false' });
    }
  });

  it('keeps every bundle within 500 KB (the cold-start target of bench/coldstart), unless it ships a native module beside it', () => {
    // Assess
    const over = functions
      .filter((fn) => (fn.bundling.externalModules ?? []).length === 0)
      .map((fn) => [nameOf(fn), bundles.get(nameOf(fn).replaceAll('/', '-'))?.bytes ?? Infinity] as const)
      .filter(([, bytes]) => bytes > 500 * 1024);
    expect(over).toEqual([]);
    expect(functions.filter((fn) => (fn.bundling.externalModules ?? []).length > 0).map(nameOf)).toEqual(['RecordWorkflow/AnalyzeRecord']);
  });

  it('bundles every SDK client from its slim copy, whose schemas esbuild can tree-shake — none from the installed package', () => {
    // Assess
    expect(functions.length).toBeGreaterThan(40);
    for (const fn of functions) {
      const bundle = bundles.get(nameOf(fn).replaceAll('/', '-'));
      expect(bundle?.installedClients, nameOf(fn)).toEqual([]);
    }
    const s3 = bundles.get(functions.map(nameOf).find((name) => name.endsWith('IngestionApi/CreateCommunication'))!.replaceAll('/', '-'));
    expect(s3?.packages).toContain('@aws-sdk/client-s3');
  });

  it("bundles zod/mini with English messages — a 400's details read as in the tests — and neither zod's classic API nor another locale", async () => {
    // Prepare: a handler validating with a schema of ours, bundled as every function is
    const { module } = await bundleInline<{ handler: (id: unknown) => unknown }>(
      'validates',
      'core',
      "import { zodDetails } from './validation-details.js';\nimport { PathId } from '../http/path-id.js';\nexport const handler = (id) => zodDetails(PathId.safeParse(id).error);\n",
    );

    // Act
    const details = module.handler('x'.repeat(129));

    // Assess
    expect(details).toEqual([{ path: '(root)', message: 'Too big: expected string to have <=128 characters' }]);
    for (const [name, bundle] of bundles) expect(bundle.zodBeyondMini, name).toEqual([]);
  });

  it('bundles health with nothing but its answer: no SDK, logger, tracer, metrics or schemas', () => {
    // Act
    const health = [...bundles.entries()].find(([name]) => name.endsWith('-Health'))?.[1];

    // Assess
    expect(health?.packages).toEqual([]);
    expect(health?.bytes).toBeLessThan(1024);
  });

  it('bundles get-openapi with the document generated at synth — the same document, without the generator', async () => {
    // Prepare
    const fn = functions.find((candidate) => candidate.entry === join(root, 'functions/api/get-openapi.ts'))!;
    const outfile = join(scratch, 'get-openapi.mjs');
    const result = await build({ ...esbuildOptions(fn.bundling), entryPoints: [fn.entry], outfile });
    const module = (await import(pathToFileURL(outfile).href)) as { handler: (event: unknown, context: unknown) => Promise<{ statusCode: number; body: string }> };
    const event = { version: '2.0', routeKey: 'GET /v1/openapi.json', rawPath: '/v1/openapi.json', rawQueryString: '', headers: {}, isBase64Encoded: false, requestContext: { http: { method: 'GET', path: '/v1/openapi.json' }, requestId: 'r-1', routeKey: 'GET /v1/openapi.json', stage: '$default' } };

    // Act
    const answer = await module.handler(event, { awsRequestId: 'r-1', functionName: 'CommHub-test-GetOpenapi', getRemainingTimeInMillis: () => 10_000 });

    // Assess
    expect(answer.statusCode).toBe(200);
    expect(JSON.parse(answer.body)).toEqual(openApiDocument());
    const inputs = Object.keys(Object.values(result.metafile!.outputs).find((output) => output.entryPoint !== undefined)!.inputs);
    expect(inputs.filter((path) => /functions\/http\/(openapi|route-schemas)\.ts$/.test(path))).toEqual([]);
  });

  it('fails in the bundle when a function uses a port outside its access, naming the function and the access it lacks', async () => {
    // Prepare: a handler that reads a blob, bundled for a function that may only read the table
    const { result, module } = await bundleInline<{ handler: (event: unknown) => Promise<unknown> }>(
      'reads-blobs',
      'wiring',
      "import { onAws } from './lambda-entry.js';\nexport const handler = onAws((deps) => () => deps.blobs.getText('attachments/T001/ab/abc'));\n",
    );
    const functionName = process.env.AWS_LAMBDA_FUNCTION_NAME;
    process.env.AWS_LAMBDA_FUNCTION_NAME = 'CommHub-test-ReadsBlobs';

    // Act
    const call = module.handler({});

    // Assess
    try {
      await expect(call).rejects.toMatchObject({ name: 'MissingAdapterError' });
      await expect(call).rejects.toThrow(/^CommHub-test-ReadsBlobs uses blobs, but its access allows no blobs adapters/);
    } finally {
      if (functionName === undefined) delete process.env.AWS_LAMBDA_FUNCTION_NAME;
      else process.env.AWS_LAMBDA_FUNCTION_NAME = functionName;
    }
    const output = Object.values(result.metafile!.outputs).find((candidate) => candidate.entryPoint !== undefined)!;
    expect(packagesIn(output).filter((name) => HUB_PACKAGES.has(name))).toEqual(['@aws-sdk/client-dynamodb', '@aws-sdk/lib-dynamodb']);
  });
});
