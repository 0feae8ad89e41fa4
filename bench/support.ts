// Shared by the bench scripts. Import this FIRST: it sets the environment before the SDK and the
// Powertools logger read it (ES modules evaluate in import order).
import '../embedded/quiet-sdk-warning.js';
import { DEMO_TENANTS_FILE, EMBEDDED_NAMES, type HubSettings } from '../embedded/hub-settings.js';

// The embedded gateway logs one JSON line per request; that would bury the figures. Override with
// POWERTOOLS_LOG_LEVEL=INFO to measure with request logging on.
process.env.POWERTOOLS_LOG_LEVEL ??= 'WARN';

export const BENCH_TENANT = 'BENCH';

/**
 * An in-memory hub for the ingestion benches. Record workflows are off: on AWS they run in other
 * functions, never on the ingesting one, so they must not share this process's two cores with the
 * path being measured (`bench/workflow` measures them).
 */
export const inMemorySettings = (jwtSecret = 'bench-secret-bench-secret-bench-secret'): HubSettings => ({
  dataDir: null,
  workflows: false,
  port: 0,
  smtpPort: 0,
  host: '127.0.0.1',
  jwtSecret,
  tenantsFile: DEMO_TENANTS_FILE,
  ...EMBEDDED_NAMES,
});

/**
 * A count from the environment (`BENCH_…`), or `fallback` when unset. Anything else than a whole
 * number ≥ `min` stops the bench with a message naming the variable: an empty or mistyped value must
 * not quietly measure nothing.
 *
 * @example const SAMPLES = envCount('BENCH_PARTITION_SAMPLES', 300_000);
 */
export function envCount(name: string, fallback: number, min = 1): number {
  const raw = process.env[name];
  if (raw === undefined) return fallback;
  const value = Number(raw.trim());
  if (raw.trim() === '' || !Number.isInteger(value) || value < min) {
    process.stderr.write(`${name}=${JSON.stringify(raw)}: expected a whole number ≥ ${min} (unset for the default, ${fallback})\n`);
    process.exit(2);
  }
  return value;
}

/** Runs `task(i)` for i in [0, count) with at most `concurrency` in flight. */
export async function pool(count: number, concurrency: number, task: (i: number) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < count) await task(next++);
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
}

/** Nearest-rank percentile (q in 0..1) of unsorted samples. */
export function percentile(samples: readonly number[], q: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? Number.NaN;
}

/** Prints rows as an aligned text table (first row = header). */
export function printTable(rows: readonly (readonly string[])[]): void {
  const widths = (rows[0] ?? []).map((_, c) => Math.max(...rows.map((row) => (row[c] ?? '').length)));
  const line = (row: readonly string[]) => row.map((cell, c) => (c === 0 ? cell.padEnd(widths[c] ?? 0) : cell.padStart(widths[c] ?? 0))).join('  ');
  console.log(line(rows[0] ?? []));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of rows.slice(1)) console.log(line(row));
}

export const ms = (value: number) => value.toFixed(2);

/** Aborts the process if the benchmark overruns its time budget (a hung server must not hang CI). */
export function deadline(seconds: number): NodeJS.Timeout {
  const timer = setTimeout(() => {
    console.error(`bench: aborted after ${seconds} s`);
    process.exit(2);
  }, seconds * 1000);
  timer.unref();
  return timer;
}
