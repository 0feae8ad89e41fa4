// The Lambda bundles `cdk synth` produces, read back from its output: code, source map, environment,
// and the packages each bundle holds (from the source map, which lists every bundled input file).
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

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
  /** Every npm package with at least one file in the bundle. */
  readonly packages: readonly string[];
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

/** The npm package a bundled file belongs to, or its repo folder (`functions/core`) for our own code. */
export function packageOf(source: string): string {
  const at = source.lastIndexOf('node_modules/');
  if (at >= 0) {
    const [scope = '', name = ''] = source.slice(at + 'node_modules/'.length).split('/');
    return scope.startsWith('@') ? `${scope}/${name}` : scope;
  }
  const own = /(?:^|\/)((?:functions|lib|embedded)\/[^/]+)/.exec(source);
  return own?.[1] ?? source.replace(/^(\.\.\/)+/, '');
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
export async function lambdaBundles(outDir: string): Promise<LambdaBundle[]> {
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
        packages: [...new Set(map.sources.filter((s) => s.includes('node_modules/')).map(packageOf))].sort(),
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

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Decodes one line of source-map segments: [generated column, source index] per segment. */
function decodeLine(line: string, state: { source: number }): [number, number][] {
  const segments: [number, number][] = [];
  let column = 0;
  for (const segment of line.split(',')) {
    if (segment === '') continue;
    const fields: number[] = [];
    let value = 0;
    let shift = 0;
    for (const char of segment) {
      const digit = BASE64.indexOf(char);
      value += (digit & 31) << shift;
      if (digit & 32) shift += 5;
      else {
        fields.push(value & 1 ? -(value >>> 1) : value >>> 1);
        value = 0;
        shift = 0;
      }
    }
    column += fields[0] ?? 0;
    if (fields.length > 1) state.source += fields[1] ?? 0;
    segments.push([column, fields.length > 1 ? state.source : -1]);
  }
  return segments;
}

/**
 * Bytes of the minified bundle per package, attributed through the source map (what esbuild's
 * metafile reports as `bytesInOutput`): each mapped span counts for the file it came from.
 */
export async function bytesByPackage(bundle: LambdaBundle): Promise<Map<string, number>> {
  const code = await readFile(bundle.file, 'utf8');
  const map = JSON.parse(await readFile(`${bundle.file}.map`, 'utf8')) as SourceMap;
  const lines = code.split('\n');
  const state = { source: 0 };
  const bytes = new Map<string, number>();
  const add = (name: string, n: number) => bytes.set(name, (bytes.get(name) ?? 0) + n);
  const mapped = map.mappings.split(';');
  lines.forEach((line, index) => {
    const segments = decodeLine(mapped[index] ?? '', state);
    let covered = 0;
    segments.forEach(([column, source], i) => {
      const end = segments[i + 1]?.[0] ?? line.length;
      if (source >= 0) add(packageOf(map.sources[source] ?? '?'), end - column);
      covered += end - column;
    });
    // The rest of the line, and its newline.
    add('(unmapped: banner, licences, glue)', line.length - covered + (index < lines.length - 1 ? 1 : 0));
  });
  return bytes;
}
