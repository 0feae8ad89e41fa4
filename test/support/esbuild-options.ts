import { OutputFormat, type BundlingOptions } from 'aws-cdk-lib/aws-lambda-nodejs';
import { fileURLToPath } from 'node:url';
import type { BuildOptions, Metafile } from 'esbuild';
import { slimCopyPackageOf } from '../../lib/slim-sdk.js';

const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** `--alias` entries of NodejsFunction's `esbuildArgs` (`name=path`, paths relative to the project root). */
function aliasesOf(esbuildArgs: BundlingOptions['esbuildArgs']): Record<string, string> {
  const entries = [esbuildArgs?.['--alias'] ?? []].flat().filter((entry): entry is string => typeof entry === 'string');
  return Object.fromEntries(entries.map((entry) => [entry.slice(0, entry.indexOf('=')), entry.slice(entry.indexOf('=') + 1)]));
}

/**
 * The esbuild options NodejsFunction derives from the bundling options that decide what a bundle
 * holds, with a metafile: for tests and benches that bundle a function the way its construct does.
 */
export function esbuildOptions(bundling: BundlingOptions): BuildOptions & { metafile: true } {
  return {
    bundle: true,
    platform: 'node',
    format: bundling.format === OutputFormat.ESM ? 'esm' : 'cjs',
    target: bundling.target,
    minify: bundling.minify,
    mainFields: bundling.mainFields,
    define: bundling.define,
    external: bundling.externalModules,
    alias: aliasesOf(bundling.esbuildArgs),
    // NodejsFunction runs esbuild in the project root, which alias paths are relative to.
    absWorkingDir: PROJECT_ROOT,
    banner: bundling.banner === undefined ? undefined : { js: bundling.banner },
    metafile: true,
    logLevel: 'silent',
  };
}

/** The npm package of a bundled input path (a slim SDK copy counts as its package), or undefined for our own modules. */
export const npmPackageOf = (path: string): string | undefined => slimCopyPackageOf(path) ?? /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path)?.[1];

/** The npm packages with at least one byte in a bundle. */
export function packagesIn(output: Metafile['outputs'][string]): string[] {
  const names = Object.entries(output.inputs)
    .filter(([, input]) => input.bytesInOutput > 0)
    .map(([path]) => npmPackageOf(path))
    .filter((name): name is string => name !== undefined);
  return [...new Set(names)].sort();
}
