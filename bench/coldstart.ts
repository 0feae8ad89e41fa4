// `npm run bench:coldstart`: for every Lambda bundle `cdk synth` produces, its size and the time a
// fresh `node` process takes to import it and handle one event — against a baseline measured in the
// same run, interleaved: a minimal handler importing the same SDK clients, bundled the same way.
import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ROUTES } from '../functions/http/routes.js';
import { bundleBaseline, firstRequestSource, sdkEntryPackages } from './coldstart-baseline.js';
import { lambdaBundles, synthesize, type LambdaBundle } from './coldstart-bundles.js';
import { bundleContents } from './coldstart-contents.js';
import { deadline, envCount, percentile, printTable } from './support.js';

const REPEATS = envCount('BENCH_COLDSTART_REPEATS', 5);
/** Reuse an existing synth output (`cdk synth -o <dir>`) instead of synthesizing again. */
const REUSE_OUT = process.env.BENCH_CDK_OUT;
const ONLY = process.env.BENCH_COLDSTART_ONLY ? new RegExp(process.env.BENCH_COLDSTART_ONLY) : undefined;
const TARGET_RATIO = 1.3;
const TARGET_KB = 500;
/** The error the loopback stand-in answers every AWS request with: a first call that ends in it made one. */
const REFUSED = 'ValidationException';
const root = fileURLToPath(new URL('..', import.meta.url));
const probe = fileURLToPath(new URL('./coldstart-probe.mjs', import.meta.url));

deadline(1800);
const kb = (bytes: number) => (bytes / 1024).toFixed(0);
const median = (samples: readonly number[]) => percentile(samples, 0.5);
/** `ddb,s3,…`: the SDK clients a bundle imports, short. */
const sdkLabel = (packages: readonly string[]) =>
  sdkEntryPackages(packages)
    .map((p) => p.replace(/^@aws-sdk\/(client-)?/, '').replace('s3-request-presigner', 'presigner').replace('secrets-manager', 'secrets').replace('bedrock-runtime', 'bedrock'))
    .join(',') || '-';

/**
 * The event each function gets: its route's request without a token (the wrapper answers 401
 * before touching any store; health answers 200), or an empty batch for event functions.
 */
function eventFor(bundle: LambdaBundle): unknown {
  const routeId = /^functions\/api\/([a-z0-9-]+)\.ts$/.exec(bundle.entry)?.[1];
  const route = ROUTES.find((r) => r.id === routeId);
  if (!route) return { Records: [] };
  const path = route.path.replace(/\{[^}]+\}/g, 'bench');
  return {
    version: '2.0',
    routeKey: `${route.method} ${route.path}`,
    rawPath: path,
    rawQueryString: '',
    headers: { 'content-type': 'application/json' },
    body: route.method === 'GET' ? undefined : '{}',
    isBase64Encoded: false,
    requestContext: {
      accountId: '000000000000',
      apiId: 'bench',
      domainName: 'bench.execute-api.ap-southeast-1.amazonaws.com',
      http: { method: route.method, path, protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: 'coldstart-bench' },
      requestId: 'bench-request',
      routeKey: `${route.method} ${route.path}`,
      stage: '$default',
      time: '02/Mar/2026:02:00:00 +0000',
      timeEpoch: 1772416800000,
    },
  };
}

/**
 * Where the probes' AWS calls go: a loopback server answering every request at once with a 400 the
 * SDK does not retry, so a first call costs the work and one round trip, as against a reachable
 * service. (A closed port instead made the clients that set their own `maxAttempts` — DynamoDB's,
 * 5 — back off between connection retries: ~300 ms of "first call" no function pays on AWS.)
 */
async function refusingEndpoint(): Promise<{ url: string; close: () => void }> {
  const server = createServer((request, response) => {
    request.resume();
    response.writeHead(400, { 'content-type': 'application/x-amz-json-1.0', 'x-amzn-errortype': REFUSED, 'x-amzn-requestid': 'coldstart-bench' });
    response.end(JSON.stringify({ __type: REFUSED, message: 'coldstart bench: no AWS here' }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => server.close() };
}

/** A Lambda-like environment in which any AWS call is refused at once on loopback: nothing leaves the machine. */
function environmentFor(bundle: LambdaBundle, endpoint: string): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    TZ: 'UTC',
    ...bundle.environment,
    AWS_REGION: 'ap-southeast-1',
    AWS_DEFAULT_REGION: 'ap-southeast-1',
    AWS_ACCESS_KEY_ID: 'ASIABENCHBENCHBENCH0',
    AWS_SECRET_ACCESS_KEY: 'bench-secret-access-key',
    AWS_SESSION_TOKEN: 'bench-session-token',
    AWS_EXECUTION_ENV: 'AWS_Lambda_nodejs24.x',
    // Lambda sets both (the handler's location and name).
    LAMBDA_TASK_ROOT: dirname(bundle.file),
    _HANDLER: 'index.handler',
    AWS_LAMBDA_FUNCTION_NAME: bundle.name,
    AWS_LAMBDA_FUNCTION_VERSION: '$LATEST',
    AWS_LAMBDA_FUNCTION_MEMORY_SIZE: String(bundle.memoryMb),
    AWS_ENDPOINT_URL: endpoint,
    AWS_MAX_ATTEMPTS: '1',
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_XRAY_DAEMON_ADDRESS: '127.0.0.1:2000',
    _X_AMZN_TRACE_ID: 'Root=1-67a0b0c0-0123456789abcdef01234567;Parent=0123456789abcdef;Sampled=0',
  };
}

interface Sample {
  /** From the process's start (Node boot included) until the first call returned. */
  readonly ms: number;
  readonly loadMs: number;
  readonly callMs: number;
  readonly outcome: string;
}

/** One fresh process: import the bundle, call its handler once; the time runs from the process's start. */
function sample(file: string, event: unknown, env: NodeJS.ProcessEnv): Promise<Sample> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [probe, file, JSON.stringify(event)], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('error', reject);
    child.once('exit', () => {
      clearTimeout(timer);
      const line = stdout.split('\n').find((l) => l.startsWith('COLDSTART_PROBE '));
      if (!line) return reject(new Error(`no probe result from ${file}: ${stderr.slice(-1000)}`));
      const result = JSON.parse(line.slice('COLDSTART_PROBE '.length)) as { loadMs: number; callMs: number; doneMs: number; outcome: string };
      resolve({ ms: result.doneMs, loadMs: result.loadMs, callMs: result.callMs, outcome: result.outcome });
    });
  });
}

const started = performance.now();
const outDir = REUSE_OUT ?? (await mkdtemp(join(tmpdir(), 'commhub-bench-coldstart-')));
const endpoint = await refusingEndpoint();
try {
  if (!REUSE_OUT) await synthesize(root, join(outDir, 'cdk.out'));
  const cdkOut = REUSE_OUT ?? join(outDir, 'cdk.out');
  const synthSeconds = (performance.now() - started) / 1000;
  const bundles = (await lambdaBundles(cdkOut, await bundleContents())).filter((b) => !ONLY || ONLY.test(b.name));
  if (bundles.length === 0) throw new Error(`no index.mjs bundles found in ${cdkOut}`);
  const banner = (await readFile(bundles[0]!.file, 'utf8')).split('\n', 1)[0] ?? '';

  // One baseline per set of SDK clients (and target), bundled the same way as the functions.
  const baselines = new Map<string, { file: string; bytes: number }>();
  const pairs = [];
  for (const bundle of bundles) {
    const sdk = sdkEntryPackages(bundle.packages);
    const key = `${bundle.target}|${sdk.join(',')}`;
    let baseline = baselines.get(key);
    if (!baseline) {
      const file = await bundleBaseline({ root, sdkPackages: sdk, banner: banner.startsWith('import') ? banner : '', target: bundle.target, outDir: join(outDir, `baseline-${baselines.size}`) });
      baseline = { file, bytes: (await stat(file)).size };
      baselines.set(key, baseline);
    }
    pairs.push({ bundle, baseline, event: eventFor(bundle), env: environmentFor(bundle, endpoint.url) });
  }

  // Interleaved: every repeat measures each function next to its baseline, alternating which goes first.
  const times = pairs.map(() => ({ fn: [] as number[], load: [] as number[], call: [] as number[], base: [] as number[], outcome: '' }));
  for (let r = 0; r < REPEATS; r++) {
    for (const [i, pair] of pairs.entries()) {
      const record = times[i]!;
      const runFunction = async () => {
        const s = await sample(pair.bundle.file, pair.event, pair.env);
        record.fn.push(s.ms);
        record.load.push(s.loadMs);
        record.call.push(s.callMs);
        record.outcome = s.outcome;
      };
      const runBaseline = async () => record.base.push((await sample(pair.baseline.file, pair.event, pair.env)).ms);
      if (r % 2 === 0) (await runFunction(), await runBaseline());
      else (await runBaseline(), await runFunction());
    }
  }

  const rows = pairs.map((pair, i) => {
    const t = times[i]!;
    return { ...pair, ms: median(t.fn), loadMs: median(t.load), callMs: median(t.call), baseMs: median(t.base), ratio: median(t.fn) / median(t.base), outcome: t.outcome };
  });
  console.log(`\ncoldstart: ${bundles.length} bundles from cdk synth (${synthSeconds.toFixed(0)} s), ${REPEATS} fresh processes each, interleaved with the baseline; medians`);
  console.log("total = from the process's start (Node boot incl.) until the first handler call returned; import and call ms are its parts. Environment: the function's own (NODE_OPTIONS incl.) plus Lambda's variables; AWS calls answered at once by a loopback stand-in with a 400 the SDK does not retry");
  printTable([
    ['function', 'entry', 'KB', 'gzip KB', 'SDK clients', 'first call', 'import ms', 'call ms', 'total ms', 'baseline ms', 'ratio'],
    ...rows.map((r) => [
      r.bundle.name,
      r.bundle.entry.replace(/^functions\//, ''),
      `${kb(r.bundle.codeBytes)}${r.bundle.nativeModules.length ? '*' : ''}`,
      kb(r.bundle.gzipBytes),
      sdkLabel(r.bundle.packages),
      r.outcome,
      r.loadMs.toFixed(1),
      r.callMs.toFixed(1),
      r.ms.toFixed(1),
      r.baseMs.toFixed(1),
      r.ratio.toFixed(2),
    ]),
  ]);
  console.log('* ships a native module beside the bundle (exempt from the size target):', [...new Set(bundles.flatMap((b) => b.nativeModules))].join(', ') || 'none');
  console.log(`baselines: ${[...baselines.entries()].map(([key, b]) => `${sdkLabel(key.split('|')[1]?.split(',') ?? [])} ${kb(b.bytes)} KB`).join('; ')}`);

  const sized = rows.filter((r) => r.bundle.nativeModules.length === 0);
  const over = sized.filter((r) => r.bundle.codeBytes > TARGET_KB * 1024);
  if (over.length > 0) {
    const weights = over.map((r) => r.bundle.bytesByPackage);
    const names = [...new Set(weights.flatMap((w) => [...w.keys()]))];
    const heaviest = names
      .map((name) => ({ name, sizes: weights.map((w) => w.get(name) ?? 0).filter((n) => n > 0) }))
      .map((p) => ({ ...p, median: median(p.sizes) }))
      .sort((a, b) => b.median * b.sizes.length - a.median * a.sizes.length)
      .slice(0, 15);
    console.log(`\nheaviest packages in the ${over.length} bundles over ${TARGET_KB} KB (minified bytes, from esbuild's metafile)`);
    printTable([['package', 'in bundles', 'median KB', 'max KB'], ...heaviest.map((p) => [p.name, String(p.sizes.length), kb(p.median), kb(Math.max(...p.sizes))])]);
  }
  const largest = sized.reduce((a, b) => (b.bundle.codeBytes > a.bundle.codeBytes ? b : a), sized[0]!);
  const worst = rows.reduce((a, b) => (b.ratio > a.ratio ? b : a), rows[0]!);
  console.log(`\nsize: largest bundle ${largest.bundle.name} ${kb(largest.bundle.codeBytes)} KB (target <= ${TARGET_KB} KB unless native): ${over.length} of ${sized.length} over`);
  console.log(`load time: worst ${worst.bundle.name} ${worst.ms.toFixed(1)} ms vs ${worst.baseMs.toFixed(1)} ms baseline; finished in ${((performance.now() - started) / 1000).toFixed(0)} s`);
  // The spread, not only the worst: which functions miss, and by how much once a first call's AWS request is set aside.
  const overRatio = rows.filter((r) => r.ratio > TARGET_RATIO);
  const offline = rows.filter((r) => r.outcome !== REFUSED);
  const worstOffline = offline.reduce((a, b) => (b.ratio > a.ratio ? b : a), offline[0]!);
  console.log(
    `  ratios: median ${median(rows.map((r) => r.ratio)).toFixed(2)}; ${overRatio.length} of ${rows.length} over ${TARGET_RATIO}; ` +
      `the ${rows.length - offline.length} whose first call makes an AWS request (refused here) aside, worst ${worstOffline.bundle.name} ${worstOffline.ratio.toFixed(2)}`,
  );
  // Diagnostic: what a first AWS request costs a fresh process (most events here are refused before any).
  const dynamo = pairs.find((p) => sdkEntryPackages(p.bundle.packages).includes('@aws-sdk/client-dynamodb'));
  if (dynamo) {
    const common = { root, banner: banner.startsWith('import') ? banner : '', target: dynamo.bundle.target };
    const importOnly = await bundleBaseline({ ...common, sdkPackages: ['@aws-sdk/client-dynamodb'], outDir: join(outDir, 'baseline-dynamodb') });
    const oneRequest = await bundleBaseline({ ...common, sdkPackages: [], source: firstRequestSource(), outDir: join(outDir, 'baseline-dynamodb-request') });
    const [plain, requested] = [[] as number[], [] as number[]];
    for (let r = 0; r < REPEATS; r++) {
      plain.push((await sample(importOnly, {}, dynamo.env)).ms);
      requested.push((await sample(oneRequest, {}, dynamo.env)).ms);
    }
    const [a, b] = [median(plain), median(requested)];
    console.log(`  a first AWS request (DynamoDB GetItem, refused at once on loopback) adds ${(b - a).toFixed(1)} ms to the DynamoDB baseline: ${a.toFixed(1)} → ${b.toFixed(1)} ms, ratio ${(b / a).toFixed(2)}`);
  }
  if (worst.bundle.environment.NODE_OPTIONS?.includes('--enable-source-maps')) {
    // Diagnostic: the same function with NODE_OPTIONS unset — a first stack trace then parses no source map.
    const env = { ...worst.env, NODE_OPTIONS: '' };
    const without: number[] = [];
    for (let r = 0; r < REPEATS; r++) without.push((await sample(worst.bundle.file, worst.event, env)).ms);
    console.log(`  the same without NODE_OPTIONS=--enable-source-maps (source map ${kb(worst.bundle.mapBytes)} KB): ${median(without).toFixed(1)} ms, ratio ${(median(without) / worst.baseMs).toFixed(2)}`);
  }
  console.log(`bench: coldstart_max_ratio=${worst.ratio.toFixed(2)} (target <= ${TARGET_RATIO})`);
  if (worst.ratio > TARGET_RATIO || over.length > 0) process.exitCode = 1;
} finally {
  endpoint.close();
  if (!REUSE_OUT) await rm(outDir, { recursive: true, force: true });
}
