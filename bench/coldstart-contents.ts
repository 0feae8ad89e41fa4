// What each function's bundle holds, package by package. The bundles' source maps no longer say (they
// are trimmed to our own sources when bundled), so the stack is built in this process without bundling
// and each function is bundled again with its construct's esbuild options, for esbuild's metafile.
import type { CfnElement } from 'aws-cdk-lib';
import type { BundlingOptions } from 'aws-cdk-lib/aws-lambda-nodejs';
import { build } from 'esbuild';
import { HubFunction } from '../lib/hub-function.js';
import { esbuildOptions, npmPackageOf } from '../test/support/esbuild-options.js';
import { synthCommHub } from '../test/infra/synth-commhub.js';

export interface BundleContents {
  /** Every npm package with at least one byte in the bundle. */
  readonly packages: readonly string[];
  /** Minified bytes per npm package, and per repo folder (`functions/core`) for our own code. */
  readonly bytesByPackage: ReadonlyMap<string, number>;
}

/** Our own modules' repo folder, e.g. `functions/adapters`. */
const folderOf = (path: string) => /(?:^|\/)((?:functions|lib|embedded)\/[^/]+)/.exec(path)?.[1] ?? path;

/** What `entry` bundled with `bundling` (a function's construct options) holds. */
export async function contentsOf(bundling: BundlingOptions, entry: string): Promise<BundleContents> {
  const result = await build({ ...esbuildOptions(bundling), entryPoints: [entry], outdir: '/bench-coldstart-contents', write: false });
  const output = Object.values(result.metafile.outputs).find((candidate) => candidate.entryPoint !== undefined);
  if (!output) throw new Error(`esbuild produced no bundle for ${entry}`);
  const bytes = new Map<string, number>();
  const packages = new Set<string>();
  for (const [path, input] of Object.entries(output.inputs)) {
    if (input.bytesInOutput === 0) continue;
    const npmPackage = npmPackageOf(path);
    if (npmPackage) packages.add(npmPackage);
    const name = npmPackage ?? folderOf(path);
    bytes.set(name, (bytes.get(name) ?? 0) + input.bytesInOutput);
  }
  return { packages: [...packages].sort(), bytesByPackage: bytes };
}

/** The contents of every CommHub function's bundle, by the function's logical id. */
export async function bundleContents(): Promise<Map<string, BundleContents>> {
  const { stack } = synthCommHub();
  const functions = stack.node.findAll().filter((construct): construct is HubFunction => construct instanceof HubFunction);
  const entries = await Promise.all(
    functions.map(async (fn) => [stack.getLogicalId(fn.function.node.defaultChild as CfnElement), await contentsOf(fn.bundling, fn.entry)] as const),
  );
  return new Map(entries);
}
