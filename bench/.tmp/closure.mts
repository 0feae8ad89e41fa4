import { build } from 'esbuild';
import { readFileSync } from 'node:fs';
const steps = ['analyze-record','notify-urgent-record','mark-analysis-failed','start-transcription','collect-transcript','note-transcription-failed','plan-periodic-run','compute-customer-metrics','run-customer-agent','save-customer-findings','write-report','email-report','mark-report-failed'];
for (const s of steps) {
  // bundle only the step's build (not the handler wiring): a stdin importing build
  const r = await build({ stdin: { contents: `export { build } from './functions/workflow/${s}.ts';`, resolveDir: process.cwd(), loader: 'ts' }, bundle: true, platform: 'node', format: 'esm', write: false, metafile: true, packages: 'external', logLevel: 'silent', outfile: '/tmp/x.mjs' });
  const files = Object.keys(r.metafile.inputs).filter((f) => f.startsWith('functions/') && !f.startsWith('functions/wiring') && !f.startsWith('functions/adapters'));
  const uses = (re: RegExp) => files.filter((f) => re.test(readFileSync(f, 'utf8'))).map((f) => f.replace('functions/core/', ''));
  console.log(s.padEnd(26), 'blobs:', uses(/\bblobs\.(get|put|list|delete|presign|archive)|deps\.blobs/).join(' ') || '-', '| tenants:', uses(/tenants\.getTenant|deps\.tenants/).join(' ') || '-');
}
