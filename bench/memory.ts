// Peak-memory measurement for the bench scripts. Run the process with --expose-gc for a clean baseline.
import { readFileSync, writeFileSync } from 'node:fs';

export interface Memory {
  rss: number;
  arrayBuffers: number;
  heapUsed: number;
}

export interface PeakMeasurement {
  /** After gc, just before `task` started. */
  readonly base: Memory;
  /** Each field's maximum over the 5 ms samples. */
  readonly peak: Memory;
  /** The kernel's RSS high-water mark (VmHWM) while `task` ran — catches peaks between samples — or null. */
  readonly hwm: number | null;
  readonly seconds: number;
}

const usage = (): Memory => {
  const { rss, arrayBuffers, heapUsed } = process.memoryUsage();
  return { rss, arrayBuffers, heapUsed };
};

/** Writing 5 to clear_refs resets VmHWM to the current RSS (Linux ≥ 4.0); false where not allowed. */
function resetHighWaterMark(): boolean {
  try {
    writeFileSync('/proc/self/clear_refs', '5');
    return true;
  } catch {
    return false;
  }
}
const highWaterMark = () => Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1]) * 1024;

/** Runs `task` with memory sampled every `everyMs`, after collecting garbage (if exposed) for a clean baseline. */
export async function measurePeak(task: () => Promise<unknown>, everyMs = 5): Promise<PeakMeasurement> {
  const gc = (globalThis as { gc?: () => void }).gc;
  for (let i = 0; i < 3; i++) {
    gc?.();
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const base = usage();
  const peak = { ...base };
  const sample = () => {
    const now = usage();
    for (const key of Object.keys(peak) as (keyof Memory)[]) peak[key] = Math.max(peak[key], now[key]);
  };
  const hwmReset = resetHighWaterMark();
  const sampler = setInterval(sample, everyMs);
  const started = performance.now();
  try {
    await task();
  } finally {
    clearInterval(sampler);
    sample();
  }
  return { base, peak, hwm: hwmReset ? highWaterMark() : null, seconds: (performance.now() - started) / 1000 };
}

/** Peak RSS growth over the baseline: the larger of the sampled peak and the kernel's high-water mark. */
export const rssGrowth = (m: PeakMeasurement) => Math.max(m.peak.rss, m.hwm ?? 0) - m.base.rss;
