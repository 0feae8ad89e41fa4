// Bundled by bench/agent-step-memory.ts and run in a fresh `node` process beside the agent step's own
// bundle. argv: <bundle index.mjs> <calls JSON file>. Calls the bundle's handler once per call, one
// after the other as a warm Lambda container does, and prints one line: peak resident set (MB), what
// stays after a full collection, the first call's time and the CPU time of the later calls.
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { lambdaContext } from './lambda-context.mjs';
import { peakRssMb } from './peak-rss.js';

interface StepResult {
  readonly model: string;
  readonly fallbackReason?: string;
}

const [bundle, callsFile] = process.argv.slice(2);
const calls = JSON.parse(readFileSync(callsFile!, 'utf8')) as unknown[];
const context = lambdaContext(60_000);
const { handler } = (await import(pathToFileURL(bundle!).href)) as { handler: (event: unknown, ctx: typeof context) => Promise<StepResult> };
const models = new Map<string, number>();
const fallbackReasons = new Set<string>();
const call = async (event: unknown) => {
  const result = await handler(structuredClone(event), context);
  models.set(result.model, (models.get(result.model) ?? 0) + 1);
  if (result.fallbackReason) fallbackReasons.add(result.fallbackReason);
};
const started = performance.now();
await call(calls[0]);
const firstMs = performance.now() - started;
const cpu = process.cpuUsage();
for (const event of calls.slice(1)) await call(event);
const used = process.cpuUsage(cpu);
// What stays once garbage is collected (run with --expose-gc): the step's own footprint.
(globalThis as { gc?: () => void }).gc?.();
const { rss, heapUsed } = process.memoryUsage();
process.stdout.write(
  `\nAGENT_STEP_PROBE ${JSON.stringify({
    calls: calls.length,
    firstMs,
    warmCpuMs: (used.user + used.system) / 1000 / Math.max(1, calls.length - 1),
    peakRssMb: peakRssMb(),
    rssAfterGcMb: rss / 1048576,
    heapAfterGcMb: heapUsed / 1048576,
    models: Object.fromEntries(models),
    fallbackReasons: [...fallbackReasons].slice(0, 3),
  })}\n`,
);
process.exit(0);
