import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { SourceMap } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hubBundling } from '../../lib/hub-function.js';
import { mappedFrame } from '../../functions/observability/mapped-frames.js';
import { decodeMappings, encodeMappings, isOwnSource, trimSourceMap, type RawSourceMap } from '../../lib/source-map-trim.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const scratch = await mkdtemp(join(tmpdir(), 'commhub-source-map-trim-'));
afterAll(() => rm(scratch, { recursive: true, force: true }));

/** Our module: calls into a bundled npm package (zod), then throws from our own line 4. */
const OWN_SOURCE = [
  "import * as z from 'zod';",
  'export function requireVersion(input: string): string {',
  '  const version = z.string().regex(/^\\d+\\.\\d+\\.\\d+$/).safeParse(input);',
  '  if (!version.success) throw new Error(`not a version: ${input}`);',
  '  return version.data;',
  '}',
  '',
].join('\n');

/** Bundles a module of ours ({@link OWN_SOURCE} unless given) the way functions are bundled: ESM, minified, mappings without sources' content. */
async function bundle(outDir: string, contents = OWN_SOURCE, sourcefile = 'require-version.ts'): Promise<{ file: string; map: RawSourceMap }> {
  const file = join(outDir, 'index.mjs');
  await build({
    stdin: { contents, resolveDir: join(root, 'functions'), sourcefile, loader: 'ts' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    minify: true,
    sourcemap: true,
    sourcesContent: false,
    outfile: file,
    logLevel: 'silent',
  });
  return { file, map: JSON.parse(await readFile(`${file}.map`, 'utf8')) as RawSourceMap };
}

/** Every generated position the map has a segment for, as [line, column] (0-based). */
function generatedPositions(map: RawSourceMap): [number, number][] {
  return decodeMappings(map.mappings).flatMap((segments, line) => segments.map((segment): [number, number] => [line, segment[0]!]));
}

describe('source map trimming', () => {
  let full: RawSourceMap;
  beforeAll(async () => {
    full = (await bundle(scratch)).map;
  });

  it('decodes and re-encodes a real esbuild map to the same mappings', () => {
    expect(full.sources.some((source) => source.includes('node_modules/zod/'))).toBe(true);
    expect(encodeMappings(decodeMappings(full.mappings))).toBe(full.mappings);
  });

  it('keeps every position in our sources resolving where it did, and resolves the dropped ones to nothing', () => {
    // Act
    const trimmed = trimSourceMap(full, isOwnSource);

    // Assess
    expect(trimmed.sources).toEqual(full.sources.filter(isOwnSource));
    expect(trimmed.mappings.length).toBeLessThan(full.mappings.length / 3);
    const before = new SourceMap(full as never);
    const after = new SourceMap(trimmed as never);
    let own = 0;
    let dropped = 0;
    for (const [line, column] of generatedPositions(full)) {
      const original = before.findEntry(line, column) as { originalSource?: string; originalLine?: number; originalColumn?: number; name?: string };
      const now = after.findEntry(line, column) as typeof original;
      if (original.originalSource && isOwnSource(original.originalSource)) {
        own++;
        expect(now).toEqual(original);
      } else {
        dropped++;
        expect(now.originalSource, `${line}:${column} came from ${original.originalSource}`).toBeUndefined();
      }
    }
    expect(own).toBeGreaterThan(5);
    expect(dropped).toBeGreaterThan(100);
  });

  it('marks dropped code at the start of a line as unmapped, so no lookup falls back to the kept code of the line before', () => {
    // Prepare: line 0 from our source, line 1 from a package's, line 2 ours again
    const map: RawSourceMap = {
      version: 3,
      sources: ['../functions/own.ts', '../node_modules/pkg/index.js'],
      names: [],
      mappings: encodeMappings([
        [[0, 0, 10, 0]],
        [
          [0, 1, 3, 0],
          [8, 1, 4, 2],
        ],
        [[0, 0, 20, 4]],
      ]),
    };

    // Act
    const trimmed = new SourceMap(trimSourceMap(map, isOwnSource) as never);
    const sourceAt = (line: number, column: number) => (trimmed.findEntry(line, column) as { originalSource?: string }).originalSource;

    // Assess
    expect(trimmed.findEntry(0, 5)).toMatchObject({ originalSource: '../functions/own.ts', originalLine: 10 });
    expect(sourceAt(1, 0)).toBeUndefined();
    expect(sourceAt(1, 12)).toBeUndefined();
    expect(trimmed.findEntry(2, 1)).toMatchObject({ originalSource: '../functions/own.ts', originalLine: 20 });
  });

  it("trims a bundle's map in place with the command every function's bundling runs, and its stack still names our file and line", async () => {
    // Prepare: a function-like bundle, and the afterBundling commands hubBundling gives NodejsFunction
    const outDir = join(scratch, 'function');
    const { file } = await bundle(outDir);
    const commands = hubBundling({ table: 'read', rawArchive: 'none', blobs: 'none', cursors: false }).commandHooks!.afterBundling(root, outDir);
    await writeFile(join(outDir, 'probe.mjs'), "import { requireVersion } from './index.mjs';\ntry { requireVersion('none'); } catch (error) { console.log(error.stack); }\n");

    // Act
    for (const command of commands) execFileSync('bash', ['-c', command], { stdio: ['ignore', 'ignore', 'inherit'] });
    const stack = execFileSync(process.execPath, ['--enable-source-maps', join(outDir, 'probe.mjs')], { encoding: 'utf8' });

    // Assess
    const trimmed = JSON.parse(await readFile(`${file}.map`, 'utf8')) as RawSourceMap;
    expect(trimmed.sources.every(isOwnSource)).toBe(true);
    expect(stack).toMatch(/^Error: not a version: none\n\s+at \S+ \(.*functions\/require-version\.ts:4:\d+\)/);
  });

  it('logs the frames of an error at our TypeScript source, with no --enable-source-maps: the map is read when the first error is shown', async () => {
    // Prepare: a function-like bundle that throws from its own line 5 and summarizes the error as the logger does
    const outDir = join(scratch, 'lazy-frames');
    const source = [
      "import { summarizeError } from './observability/error-summary.js';",
      'export function handler(input: string) {',
      '  try {',
      '    if (input.length > 0)',
      '      throw new Error(`refused: ${input}`);',
      '    return [];',
      '  } catch (error) {',
      '    return summarizeError(error).frames ?? [];',
      '  }',
      '}',
      '',
    ].join('\n');
    await bundle(outDir, source, 'lazy-frames-probe.ts');
    for (const command of hubBundling({ table: 'none', rawArchive: 'none', blobs: 'none', cursors: false }).commandHooks!.afterBundling(root, outDir)) {
      execFileSync('bash', ['-c', command], { stdio: ['ignore', 'ignore', 'inherit'] });
    }
    await writeFile(join(outDir, 'probe.mjs'), "import { handler } from './index.mjs';\nconsole.log(JSON.stringify(handler('x')));\n");

    // Act: as a Lambda function runs now, NODE_OPTIONS without --enable-source-maps
    const frames = JSON.parse(execFileSync(process.execPath, [join(outDir, 'probe.mjs')], { encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '' } })) as string[];

    // Assess
    expect(frames[0]).toMatch(/^at \S+ \(functions\/lazy-frames-probe\.ts:5:\d+\)$/);
    expect(frames.some((frame) => frame.includes('index.mjs'))).toBe(false);
  });

  it("leaves a frame as it is where no map covers it: Node's own, a module without a map, one Node already mapped", () => {
    // Act / Assess
    for (const frame of [
      'at JSON.parse (<anonymous>)',
      'at process.processTicksAndRejections (node:internal/process/task_queues:95:5)',
      `at f (${join(scratch, 'no-map-here.mjs')}:1:2)`,
      'at handler (/work/main/functions/api/health.ts:12:3)',
    ]) {
      expect(mappedFrame(frame)).toBe(frame);
    }
  });
});
