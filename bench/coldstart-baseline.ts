// The baseline of `bench/coldstart`: a handler that does nothing but import (and construct) the same
// AWS SDK clients as the function it is compared with, bundled with the same esbuild options.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { build } from 'esbuild';
import { lambdaModuleAliases } from '../lib/hub-function.js';
import { isOwnSource, trimSourceMap, type RawSourceMap } from '../lib/source-map-trim.js';

/** The SDK packages a handler imports itself; the rest of `@aws-sdk/*` and `@smithy/*` comes with them. */
const SDK_ENTRY_PACKAGE = /^@aws-sdk\/(client-[a-z0-9-]+|lib-[a-z0-9-]+|s3-request-presigner)$/;

export function sdkEntryPackages(packages: readonly string[]): string[] {
  return packages.filter((name) => SDK_ENTRY_PACKAGE.test(name)).sort();
}

/** `import { X } from 'pkg'` for the package's client class (or, for helpers, its first exported function). */
async function importOf(pkg: string, alias: string): Promise<{ line: string; client: boolean }> {
  const exported = (await import(pkg)) as Record<string, unknown>;
  const names = Object.keys(exported).filter((name) => typeof exported[name] === 'function' && !name.startsWith('_'));
  const client = names.find((name) => name.endsWith('Client') && pkg.includes('/client-'));
  const kept = client ?? names.find((name) => name.endsWith('Client')) ?? names[0];
  if (!kept) throw new Error(`no export to keep in ${pkg}`);
  return { line: `import { ${kept} as ${alias} } from '${pkg}';`, client: client !== undefined };
}

/** The baseline's source: clients constructed at load (the usual minimal handler), a 200 answer. */
export async function baselineSource(sdkPackages: readonly string[]): Promise<string> {
  const imports = await Promise.all(sdkPackages.map((pkg, i) => importOf(pkg, `Sdk${i}`)));
  const constructed = imports.flatMap((imported, i) => (imported.client ? [`new Sdk${i}({})`] : []));
  const kept = imports.flatMap((imported, i) => (imported.client ? [] : [`Sdk${i}`]));
  return [
    ...imports.map((imported) => imported.line),
    `const clients = [${constructed.join(', ')}];`,
    `export const kept = [${kept.join(', ')}];`,
    "export const handler = async () => ({ statusCode: 200, body: String(clients.length + kept.length) });",
    '',
  ].join('\n');
}

/**
 * The DynamoDB baseline with one request in its handler (a `GetItem`, which the bench's loopback
 * stand-in refuses at once): beside the import-only DynamoDB baseline, what a function's first AWS
 * request adds to its cold start — which a function whose event needs the store pays on top of the
 * baseline it is compared with.
 */
export function firstRequestSource(): string {
  return [
    "import { DynamoDBClient, GetItemCommand } from '@aws-sdk/client-dynamodb';",
    'const client = new DynamoDBClient({});',
    'export const handler = async () => {',
    "  const refused = await client.send(new GetItemCommand({ TableName: 'coldstart-bench', Key: { pk: { S: 'bench' } } })).then(() => false, () => true);",
    "  return { statusCode: 200, body: String(refused) };",
    '};',
    '',
  ].join('\n');
}

/**
 * Bundles the baseline for `sdkPackages` (or the given `source`) into `outDir/index.mjs` with the
 * options NodejsFunction passes to esbuild for CommHub functions (lib/hub-function.ts): ESM, minified,
 * source map, the function's target, `module,main` main fields, the same module aliases and the same
 * banner (read from a synthesized bundle), and its source map trimmed to its own source as theirs are.
 */
export async function bundleBaseline(options: { root: string; sdkPackages: readonly string[]; banner: string; target: string; outDir: string; source?: string }): Promise<string> {
  await mkdir(options.outDir, { recursive: true });
  const outfile = join(options.outDir, 'index.mjs');
  await build({
    stdin: { contents: options.source ?? (await baselineSource(options.sdkPackages)), resolveDir: options.root, sourcefile: 'baseline-handler.mjs', loader: 'js' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: options.target,
    minify: true,
    sourcemap: true,
    mainFields: ['module', 'main'],
    alias: { ...lambdaModuleAliases() },
    absWorkingDir: options.root,
    banner: { js: options.banner },
    outfile,
    logLevel: 'silent',
  });
  const map = JSON.parse(await readFile(`${outfile}.map`, 'utf8')) as RawSourceMap;
  await writeFile(`${outfile}.map`, JSON.stringify(trimSourceMap(map, isOwnSource)));
  return outfile;
}
