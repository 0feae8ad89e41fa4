import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

describe.runIf(process.platform === 'linux')('the memory probes’ peak resident set', () => {
  it('is the probe’s own peak, not that of the bigger process that spawned it', async () => {
    // Prepare: this process holds 300 MB more than a fresh node does.
    const ballast = Buffer.alloc(300 * 1024 * 1024, 1);

    // Act
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [
        '--import',
        'tsx',
        '-e',
        "const { peakRssMb } = await import('./bench/peak-rss.ts'); console.log(JSON.stringify({ peak: peakRssMb(), maxRss: process.resourceUsage().maxRSS / 1024 }))",
      ],
      { cwd: ROOT },
    );

    // Assess: maxRSS carries the spawner's peak over exec; the probe's figure does not.
    const { peak, maxRss } = JSON.parse(stdout.trim().split('\n').at(-1)!) as { peak: number; maxRss: number };
    expect(ballast.length).toBeGreaterThan(0);
    expect(maxRss).toBeGreaterThan(300);
    expect(peak).toBeLessThan(200);
  });
});
