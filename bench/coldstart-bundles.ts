// The Lambda bundles `cdk synth` produces, read back from its output: code, source map size and
// environment, with the packages each bundle holds (bench/coldstart-contents.ts).
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { BundleContents } from './coldstart-contents.js';

export interface LambdaBundle {
  readonly logicalId: string;
  /** The logical id without the construct's `Function<hash>` tail, e.g. `IngestionApiHealth`. */
  readonly name: string;
  readonly file: string;
  readonly codeBytes: number;
  readonly gzipBytes: number;
  readonly mapBytes: number;
  /** The module the bundle was built from (repo-relative), e.g. `functions/api/health.ts`. */
  readonly entry: string;
  /** Packages shipped beside the bundle (native addons), which the size target exempts. */
  readonly nativeModules: readonly string[];
  /** Every npm package with at least one byte in the bundle. */
  readonly packages: readonly string[];
  /** Minified bytes per npm package, and per repo folder for our own code. */
  readonly bytesByPackage: ReadonlyMap<string, number>;
  readonly environment: Readonly<Record<string, string>>;
  readonly memoryMb: number;
  /** The esbuild target of the function's runtime (`nodejs24.x` → `node24`). */
  readonly target: string;
}

interface SourceMap {
  readonly sources: readonly string[];
  readonly mappings: string;
}

/** Runs `cdk synth` (local esbuild bundling, as in a deployment) into `outDir`. */
export function synthesize(root: string, outDir: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn('npx', ['cdk', 'synth', '-q', '-o', outDir], { cwd: root, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`cdk synth failed (${code}): ${stderr.slice(-2000)}`))));
  });
}

/** Placeholder values for template intrinsics (`Ref`, `Fn::GetAtt`…): names only, never reached. */
function environmentOf(variables: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(variables).map(([name, value]) => {
      if (typeof value === 'string') return [name, value];
      if (!name.endsWith('_ARN')) return [name, `bench-${name.toLowerCase().replaceAll('_', '-')}`];
      const service = name.includes('SECRET') ? 'secretsmanager' : 'states';
      const kind = service === 'secretsmanager' ? 'secret:bench-AbCdEf' : 'stateMachine:bench';
      return [name, `arn:aws:${service}:ap-southeast-1:000000000000:${kind}`];
    }),
  );
}

/** Every `AWS::Lambda::Function` of the synthesized stacks whose asset holds an `index.mjs` bundle. */
export async function lambdaBundles(outDir: string, contents: ReadonlyMap<string, BundleContents>): Promise<LambdaBundle[]> {
  const templates = (await readdir(outDir)).filter((name) => name.endsWith('.template.json'));
  const bundles: LambdaBundle[] = [];
  for (const templateFile of templates) {
    const template = JSON.parse(await readFile(join(outDir, templateFile), 'utf8')) as { Resources: Record<string, { Type: string; Properties: Record<string, unknown>; Metadata?: Record<string, unknown> }> };
    for (const [logicalId, resource] of Object.entries(template.Resources)) {
      if (resource.Type !== 'AWS::Lambda::Function') continue;
      const assetPath = resource.Metadata?.['aws:asset:path'];
      if (typeof assetPath !== 'string') continue;
      const dir = join(outDir, assetPath);
      const file = join(dir, 'index.mjs');
      if (!existsSync(file)) continue;
      const code = await readFile(file);
      const map = JSON.parse(await readFile(`${file}.map`, 'utf8')) as SourceMap;
      const own = map.sources.filter((s) => !s.includes('node_modules/'));
      const native = existsSync(join(dir, 'node_modules')) ? await nativePackages(join(dir, 'node_modules')) : [];
      const env = (resource.Properties.Environment as { Variables?: Record<string, unknown> } | undefined)?.Variables ?? {};
      bundles.push({
        logicalId,
        name: logicalId.replace(/(Function)?[0-9A-F]{8}$/, ''),
        file,
        codeBytes: code.length,
        gzipBytes: gzipSync(code).length,
        mapBytes: (await stat(`${file}.map`)).size,
        // esbuild emits modules in dependency order: the entry module comes last.
        entry: (own.at(-1) ?? '').replace(/^.*?((?:functions|lib|embedded)\/)/, '$1'),
        nativeModules: native,
        packages: contents.get(logicalId)?.packages ?? [],
        bytesByPackage: contents.get(logicalId)?.bytesByPackage ?? new Map(),
        environment: environmentOf(env),
        memoryMb: Number(resource.Properties.MemorySize ?? 128),
        target: String(resource.Properties.Runtime ?? 'nodejs24.x').replace(/^nodejs(\d+).*$/, 'node$1'),
      });
    }
  }
  return bundles.sort((a, b) => a.name.localeCompare(b.name));
}

async function nativePackages(dir: string): Promise<string[]> {
  const names: string[] = [];
  for (const entry of await readdir(dir)) {
    if (entry.startsWith('@')) names.push(...(await readdir(join(dir, entry))).map((name) => `${entry}/${name}`));
    else names.push(entry);
  }
  return names;
}
