import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { inlineSchemaKeys, sdkClientPackages, slimCopyPackageOf, SlimSdkError, slimManifest, slimSdkAliases } from '../../lib/slim-sdk.js';

const root = fileURLToPath(new URL('../../', import.meta.url));

/** A module shaped like the SDK's generated schemas (`dist-es/schemas/schemas_0.js`). */
const GENERATED = [
  'const _e = "error";',
  'const _h = "http";',
  'const _K = "Key";',
  'const n0 = "com.amazonaws.s3";',
  'export var NoSuchKey$ = [-3, n0, _K, { [_e]: "client", [_h]: 404 }, [], []];',
  'export var GetObject$ = [9, n0, "GetObject", { [_h]: ["GET", "/{Key+}", 200] }, () => NoSuchKey$, () => NoSuchKey$];',
  '',
].join('\n');

/** Bundles one schema module on its own and imports it: its exports as the SDK sees them. */
async function exportsOf(path: string, contents?: string): Promise<Record<string, unknown>> {
  const result = await build({
    ...(contents === undefined ? { entryPoints: [path] } : { stdin: { contents, resolveDir: join(path, '..'), sourcefile: path } }),
    bundle: true,
    platform: 'node',
    format: 'esm',
    write: false,
    logLevel: 'silent',
  });
  const code = result.outputFiles[0]!.text;
  return (await import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`)) as Record<string, unknown>;
}

/** Deep equality of two schema graphs: thunks are followed (cycles once), classes compared by name. */
function sameSchema(a: unknown, b: unknown, seen = new Map<unknown, unknown>()): boolean {
  if (a === b) return true;
  if (typeof a !== typeof b || a === null || b === null) return false;
  if (typeof a === 'function') {
    const fa = a as () => unknown;
    const fb = b as () => unknown;
    if (/^class\b/.test(Function.prototype.toString.call(fa))) return fa.name === fb.name;
    if (seen.get(fa) === fb) return true;
    seen.set(fa, fb);
    return sameSchema(fa(), fb(), seen);
  }
  if (typeof a !== 'object') return false;
  if (seen.get(a) === b) return true;
  seen.set(a, b);
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a as object);
  const kb = Object.keys(b as object);
  if (ka.length !== kb.length || ka.some((key, i) => key !== kb[i])) return false;
  return ka.every((key) => sameSchema((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key], seen));
}

describe('slim SDK copies', () => {
  it('writes each computed key that names a string constant as that string, and nothing else', () => {
    // Act
    const slim = inlineSchemaKeys(GENERATED);

    // Assess
    expect(slim).toContain('{ "error": "client", "http": 404 }');
    expect(slim).toContain('{ "http": ["GET", "/{Key+}", 200] }');
    expect(slim).toContain('[-3, n0, _K,');
    expect(slim.split('\n').filter((line) => line.startsWith('const '))).toEqual(GENERATED.split('\n').filter((line) => line.startsWith('const ')));
  });

  it('refuses a module it could not copy faithfully, naming why', () => {
    // Act / Assess
    expect(() => inlineSchemaKeys('export var X$ = [3, "n", "X"];')).toThrow(SlimSdkError);
    expect(() => inlineSchemaKeys(`${GENERATED}const _e = "other";\n`)).toThrow('_e is declared twice');
    expect(() => inlineSchemaKeys(`${GENERATED}export var Y$ = { [_missing]: 1 };\n`)).toThrow('computed key [_missing]: does not name a string constant');
    expect(() => inlineSchemaKeys(`${GENERATED}export const shadow = (_e) => ({ [_e]: 1 });\n`)).toThrow(/functions or classes/);
    expect(() => inlineSchemaKeys(`${GENERATED}import { _h } from "./elsewhere";\n`)).toThrow('_h is declared 2 times');
  });

  it('keeps every schema of every SDK client the project depends on exactly as the installed one builds it', async () => {
    // Arrange
    const packages = sdkClientPackages();
    expect(packages).toContain('@aws-sdk/client-s3');

    for (const name of packages) {
      const path = join(root, 'node_modules', name, 'dist-es', 'schemas', 'schemas_0.js');
      // Act
      const [installed, slim] = await Promise.all([exportsOf(path), exportsOf(path, inlineSchemaKeys(readFileSync(path, 'utf8')))]);

      // Assess
      expect(Object.keys(slim), name).toEqual(Object.keys(installed));
      expect(Object.keys(installed).length, name).toBeGreaterThan(10);
      expect(sameSchema(installed, slim), `${name}: the slim schemas differ from the installed ones`).toBe(true);
    }
  }, 60_000);

  it('tells a difference in a schema apart (the comparison can fail)', async () => {
    // Arrange
    const path = join(root, 'node_modules', '@aws-sdk/client-s3', 'dist-es', 'schemas', 'schemas_0.js');
    const source = readFileSync(path, 'utf8');
    const altered = inlineSchemaKeys(source).replace('"x-amz-version-id"', '"x-amz-version"');

    // Act
    const [installed, slim] = await Promise.all([exportsOf(path), exportsOf(path, altered)]);

    // Assess
    expect(sameSchema(installed, slim)).toBe(false);
  }, 60_000);

  it('keeps of a package.json only what resolving the package and the client read of it', () => {
    // Act
    const slim = slimManifest({
      name: '@aws-sdk/client-s3',
      version: '3.1.0',
      module: './dist-es/index.js',
      main: './dist-cjs/index.js',
      sideEffects: false,
      scripts: { build: 'x' },
      dependencies: { a: '1' },
    });

    // Assess
    expect(slim).toEqual({ name: '@aws-sdk/client-s3', version: '3.1.0', module: './dist-es/index.js', main: './dist-cjs/index.js', sideEffects: false });
  });

  it('aliases every SDK client to a copy of the installed version, which names its package', () => {
    // Act
    const aliases = slimSdkAliases();

    // Assess
    expect(Object.keys(aliases).sort()).toEqual(sdkClientPackages().sort());
    for (const [name, path] of Object.entries(aliases)) {
      const { version } = JSON.parse(readFileSync(join(root, 'node_modules', name, 'package.json'), 'utf8')) as { version: string };
      const manifest = JSON.parse(readFileSync(join(root, path, 'package.json'), 'utf8')) as Record<string, unknown>;
      expect(manifest).toEqual({ name, version, module: './dist-es/index.js', main: './dist-cjs/index.js', sideEffects: false });
      expect(slimCopyPackageOf(`${path.slice(2)}/dist-es/index.js`)).toBe(name);
    }
  });
});
