// `npm run bench`: runs each benchmark in its own process, one after the other (they would skew
// each other's figures if run together). Exits non-zero when any of them fails.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const SCRIPTS = ['bench/timeline.ts', 'bench/ingest.ts', 'bench/email.ts', 'bench/webhooks.ts', 'bench/analyze.ts', 'bench/workflow.ts', 'bench/periodic.ts', 'bench/partition.ts', 'bench/coldstart.ts', 'bench/cost.ts'];
const root = fileURLToPath(new URL('..', import.meta.url));

function run(script: string): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', script], { cwd: root, stdio: 'inherit' });
    child.once('error', (error) => {
      console.error(`bench: could not start ${script}: ${error.message}`);
      resolve(1);
    });
    child.once('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

const failed: string[] = [];
for (const script of SCRIPTS) {
  console.log(`\n=== ${script} ===`);
  const started = performance.now();
  const code = await run(script);
  console.log(`=== ${script}: exit ${code} after ${((performance.now() - started) / 1000).toFixed(0)} s ===`);
  if (code !== 0) failed.push(script);
}
if (failed.length > 0) {
  console.error(`bench: failed: ${failed.join(', ')}`);
  process.exit(1);
}
