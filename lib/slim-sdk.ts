import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const PROJECT_ROOT = fileURLToPath(new URL('../', import.meta.url));

/** Bump when {@link inlineSchemaKeys} changes, so copies made by an older version are not reused. */
const TRANSFORM_VERSION = 3;

/** Where the slim copies live: beside the packages they are made from, never committed. */
export const SLIM_SDK_DIRECTORY = 'node_modules/.cache/commhub-slim-sdk';

/** A package the slim copy could not be made from: its schema module no longer has the shape the transform expects. */
export class SlimSdkError extends Error {
  override readonly name = 'SlimSdkError';
}

/** `const _AD = "AccessDenied";`: the generated SDK's short names for the strings its schemas repeat. */
const NAMED_STRING = /^const (_\w+) = ("(?:[^"\\\n]|\\.)*");$/gm;
/** A computed object key naming one of them, e.g. `{ [_e]: _c, [_hE]: 403 }`. */
const COMPUTED_KEY = /\[(_\w+)\]:/g;

/**
 * A generated AWS SDK v3 schema module (`dist-es/schemas/schemas_0.js`) with every computed key that
 * names a module-level string constant written as that string: `{ [_e]: _c }` → `{ "error": _c }`.
 *
 * The module means the same either way; the difference is what esbuild can drop. It cannot prove a
 * computed key free of side effects (a key is converted with `toString()`), so it keeps every schema
 * whose traits are written this way, used or not — ~58 KB of the S3 client's schemas in a bundle
 * that sends only PutObject and GetObject, ~43 KB of SESv2's.
 *
 * @throws SlimSdkError when a computed key names something other than a string constant declared
 *   exactly once, or the module declares no such constants: the generator changed, and the copy
 *   would not be a faithful one.
 */
export function inlineSchemaKeys(source: string): string {
  const strings = new Map<string, string>();
  for (const [, name, literal] of source.matchAll(NAMED_STRING)) {
    if (strings.has(name!)) throw new SlimSdkError(`${name} is declared twice`);
    strings.set(name!, literal!);
  }
  if (strings.size === 0) throw new SlimSdkError('no `const _name = "…";` declarations: not a generated schema module');
  // A key could name a shadowing binding instead (a parameter, a local): the generated modules have
  // none — top-level declarations and `() => X$` thunks only — and a module that does is refused.
  if ((source.match(/=>/g) ?? []).length !== (source.match(/\(\)\s*=>/g) ?? []).length || /\bfunction\s*[\w$]*\s*\(|\bclass\s+[\w$]+/.test(source)) {
    throw new SlimSdkError('the module declares functions or classes, whose bindings could shadow a constant');
  }
  for (const name of strings.keys()) {
    const declarations = source.match(new RegExp(`\\b(?:const|let|var)\\s+${name}\\b|\\bimport\\s*\\{[^}]*\\b${name}\\b`, 'g')) ?? [];
    if (declarations.length !== 1) throw new SlimSdkError(`${name} is declared ${declarations.length} times`);
  }
  return source.replace(COMPUTED_KEY, (key, name: string) => {
    const literal = strings.get(name);
    if (literal === undefined) throw new SlimSdkError(`computed key ${key} does not name a string constant`);
    return `${literal}:`;
  });
}

/** What a slim copy's package.json keeps: what esbuild resolves the package by, and what the client reads of it. */
const MANIFEST_FIELDS = ['name', 'version', 'module', 'main', 'sideEffects'] as const;

/**
 * A client's package.json as its slim copy has it. The client imports the whole file for its version
 * (the user agent's `api/<service>#<version>`), so the rest — descriptions, scripts, dependency lists,
 * ~2.3 KB a client — would be bundled for nothing.
 */
export function slimManifest(manifest: Readonly<Record<string, unknown>>): Record<string, unknown> {
  return Object.fromEntries(MANIFEST_FIELDS.filter((field) => manifest[field] !== undefined).map((field) => [field, manifest[field]]));
}

/** The schema modules of a client package's ES build (`dist-es/schemas/schemas_N.js`). */
function schemaModulesOf(packageDir: string): string[] {
  const dir = join(packageDir, 'dist-es', 'schemas');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => /^schemas_\d+\.js$/.test(name))
    .map((name) => join(dir, name));
}

/**
 * A copy of `@aws-sdk/<client>` with its schema modules passed through {@link inlineSchemaKeys},
 * made once per package version under {@link SLIM_SDK_DIRECTORY}. Returns its directory relative to
 * the project root (`./node_modules/.cache/…`), as esbuild's `--alias` takes it.
 *
 * Concurrent callers (parallel synths in the tests) each build into their own temporary directory
 * and rename it into place; the first rename wins and the others' copies are discarded.
 */
export function slimSdkCopy(packageName: string, projectRoot = PROJECT_ROOT): string {
  const source = join(projectRoot, 'node_modules', packageName);
  const { version } = JSON.parse(readFileSync(join(source, 'package.json'), 'utf8')) as { version: string };
  const target = join(projectRoot, SLIM_SDK_DIRECTORY, `${packageName.replace('/', '+')}@${version}-t${TRANSFORM_VERSION}`);
  if (!existsSync(target)) {
    const building = `${target}.${process.pid}.${Math.random().toString(36).slice(2)}`;
    mkdirSync(building, { recursive: true });
    try {
      writeFileSync(join(building, 'package.json'), JSON.stringify(slimManifest(JSON.parse(readFileSync(join(source, 'package.json'), 'utf8')) as Record<string, unknown>)));
      cpSync(join(source, 'dist-es'), join(building, 'dist-es'), { recursive: true });
      // Dependencies npm nested under the package (another version than the project's) stay its own.
      if (existsSync(join(source, 'node_modules'))) symlinkSync(join(source, 'node_modules'), join(building, 'node_modules'), 'dir');
      for (const path of schemaModulesOf(building)) {
        try {
          writeFileSync(path, inlineSchemaKeys(readFileSync(path, 'utf8')));
        } catch (error) {
          throw new SlimSdkError(`${packageName}@${version} ${relative(building, path)}: ${(error as Error).message}`, { cause: error });
        }
      }
      try {
        renameSync(building, target);
      } catch (error) {
        // Another process put its copy there first: theirs is the same.
        if (!existsSync(target)) throw error;
      }
    } finally {
      rmSync(building, { recursive: true, force: true });
    }
  }
  return `./${relative(projectRoot, target)}`;
}

/** The SDK clients the project depends on (`@aws-sdk/client-*` in package.json), which the bundles may hold. */
export function sdkClientPackages(projectRoot = PROJECT_ROOT): string[] {
  const manifest = JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8')) as { dependencies?: Record<string, string> };
  return Object.keys(manifest.dependencies ?? {}).filter((name) => name.startsWith('@aws-sdk/client-'));
}

/** The package a path inside a slim copy was made from (`@aws-sdk/client-s3`), or undefined for any other path. */
export function slimCopyPackageOf(path: string): string | undefined {
  const copy = /commhub-slim-sdk\/([^/]+)@[^@/]+-t\d+\//.exec(path)?.[1];
  return copy?.replace('+', '/');
}

let aliases: Record<string, string> | undefined;

/**
 * esbuild aliases that swap every SDK client for its slim copy in a Lambda bundle. Made on first use
 * (synth), in the project's `node_modules/.cache`; the tests and the embedded runtime keep importing
 * the packages as installed.
 */
export function slimSdkAliases(): Readonly<Record<string, string>> {
  aliases ??= Object.fromEntries(sdkClientPackages().map((name) => [name, slimSdkCopy(name)]));
  return aliases;
}
