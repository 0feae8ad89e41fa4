// Bundles bench/analyzer-memory-probe.ts as a Lambda bundle is built (esbuild, jieba left external)
// and runs it in a fresh `node` process, so the figure is the step's and not this bench's tsx process.
import { execFile } from 'node:child_process';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { build } from 'esbuild';

const ROOT = join(import.meta.dirname, '..');
const ROUNDS = 60;

export interface AnalyzerMemory {
  readonly peakRssMb: number;
  readonly firstMs: number;
  readonly analyses: number;
}

export async function analyzerMemory(texts: readonly string[]): Promise<AnalyzerMemory> {
  // Inside the project, so the external jieba resolves from its node_modules as beside a Lambda bundle.
  const dir = join(ROOT, 'node_modules/.cache/commhub-bench');
  const outfile = join(dir, `analyzer-memory-${process.pid}.mjs`);
  await mkdir(dir, { recursive: true });
  try {
    await build({
      entryPoints: [join(ROOT, 'bench/analyzer-memory-probe.ts')],
      outfile,
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      external: ['@node-rs/jieba'],
      banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
      logLevel: 'warning',
    });
    const { stdout } = await promisify(execFile)(process.execPath, [outfile], {
      env: { ...process.env, PROBE_TEXTS: JSON.stringify(texts), PROBE_ROUNDS: String(ROUNDS) },
    });
    const result = JSON.parse(stdout.trim().split('\n').at(-1)!) as { peakRssMb: number; firstMs: number };
    return { ...result, analyses: 1 + ROUNDS * texts.length };
  } finally {
    await rm(outfile, { force: true });
  }
}
