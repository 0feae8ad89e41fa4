import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { createRequire } from 'node:module';
import { afterAll, describe, expect, it } from 'vitest';
import { WORKFLOW_STEP_NAMES } from '../../statemachines/state-machines.js';
import { ROUTE_SUMMARIES } from '../../functions/http/route-summaries.js';
import { ROUTES } from '../../functions/http/routes.js';

const run = promisify(execFile);

describe('npx cdk synth (the real CLI, offline, with esbuild bundling and cdk-nag)', () => {
  let out: string | undefined;
  afterAll(async () => {
    if (out) await rm(out, { recursive: true, force: true });
  });

  it('synthesizes the stack and bundles one ESM asset per function', { timeout: 480_000 }, async () => {
    // Prepare
    out = await mkdtemp(join(tmpdir(), 'commhub-cdk-out-'));
    // Act: no credentials, no network, no Docker
    const env = { ...process.env, AWS_ACCESS_KEY_ID: '', AWS_SECRET_ACCESS_KEY: '', AWS_PROFILE: '', CDK_DISABLE_VERSION_CHECK: 'true' };
    // With an inbound email domain, so the SES inbound function is bundled too.
    const context = ['-c', 'inboundEmailDomain=mail.example.com'];
    await run('npx', ['cdk', 'synth', '--quiet', ...context, '--output', out], { env, timeout: 460_000, maxBuffer: 64 * 1024 * 1024 });
    // Assess
    const template = JSON.parse(await readFile(join(out, 'CommHub-dev.template.json'), 'utf8')) as {
      Resources: Record<string, { Type: string; Properties: { Description?: string }; Metadata?: Record<string, string> }>;
    };
    const functions = Object.values(template.Resources).filter((r) => r.Type === 'AWS::Lambda::Function');
    // One per route, the Connect contact-events and SES inbound functions, one per workflow step
    // (record and periodic), the stream starter, the Transcribe callback, the schedule dispatcher, the
    // retention sweep and Cognito's tenant-claim trigger — and CDK's bucket-deployment handler (Python)
    // that copies the web console into its bucket.
    expect(functions).toHaveLength(ROUTES.length + 2 + WORKFLOW_STEP_NAMES.length + 5 + 1);
    const nodeFunctions = functions.filter((f) => (f.Properties as { Runtime?: string }).Runtime?.startsWith('nodejs'));
    expect(nodeFunctions).toHaveLength(functions.length - 1);
    for (const fn of nodeFunctions) {
      const bundle = join(out, fn.Metadata?.['aws:asset:path'] as string, 'index.mjs');
      // An ESM module exporting the handler (health's is a few hundred bytes: it loads nothing).
      expect(await readFile(bundle, 'utf8'), bundle).toMatch(/export\{[^}]*\bhandler\}/);
    }
    // The web console was built at synth (web/build-console.ts): the deployments' first source holds
    // index.html, which names the hashed script beside it.
    const deployment = Object.values(template.Resources).find((r) => r.Type === 'Custom::CDKBucketDeployment');
    const [consoleZip] = (deployment?.Properties as { SourceObjectKeys: string[] }).SourceObjectKeys;
    const consoleDir = join(out, `asset.${consoleZip?.replace(/\.zip$/, '')}`);
    const script = /src="\/(assets\/[^"]+\.js)"/.exec(await readFile(join(consoleDir, 'index.html'), 'utf8'))?.[1];
    expect((await stat(join(consoleDir, script as string))).size).toBeGreaterThan(1000);
    // The bundle really runs: load the health function's asset and invoke it with an API Gateway event.
    const health = functions.find((f) => f.Properties.Description === ROUTE_SUMMARIES.health);
    const healthAsset = health?.Metadata?.['aws:asset:path'] as string;
    const { handler } = (await import(join(out, healthAsset, 'index.mjs'))) as { handler: (event: unknown) => Promise<{ statusCode: number }> };
    const event = JSON.parse(await readFile(new URL('../../../shared/fixtures/apigw/powertools-apiGatewayProxyV2Event.json', import.meta.url), 'utf8'));
    expect((await handler(event)).statusCode).toBe(200);
    // The analysis step ships jieba (a native addon) beside its bundle, loadable from there.
    const analyze = functions.find((f) => f.Properties.Description === 'CommHub record workflow step AnalyzeRecord.');
    const analyzeBundle = join(out, analyze?.Metadata?.['aws:asset:path'] as string, 'index.mjs');
    const { Jieba } = createRequire(analyzeBundle)('@node-rs/jieba') as typeof import('@node-rs/jieba');
    const { dict } = createRequire(analyzeBundle)('@node-rs/jieba/dict') as typeof import('@node-rs/jieba/dict.js');
    expect(Jieba.withDict(dict).cut('我们产线明天停线')).toContain('停线');
  });
});
