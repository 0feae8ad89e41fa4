// `npm run test:reliability`: issue 7's load-and-fault suite (5,000 deliveries, concurrency 50, 30 %
// duplicates, 2 SIGKILL restarts, 1 DynamoDB fault window) and its fuzz suite (≥ 10,000 seeded cases over
// every HTTP route and the SMTP listener), against `npm start` in a child process on loopback.
// Exits non-zero unless `lost=0 duplicated=0 …` and the fuzz found nothing. `--only load|fuzz` runs one.
import '../embedded/quiet-sdk-warning.js';
import { parseArgs } from 'node:util';
import { passed, runLoadAndFault, summaryLine } from '../test/reliability/load-run.js';
import { fuzzLine, runFuzz } from '../test/reliability/fuzz-run.js';

const { values } = parseArgs({ options: { only: { type: 'string' }, deliveries: { type: 'string', default: '5000' }, cases: { type: 'string', default: '10000' } } });
const log = (line: string) => process.stdout.write(`${line}\n`);
const timer = setTimeout(() => {
  log('reliability: time budget (40 min) exceeded');
  process.exit(2);
}, 40 * 60_000);
let ok = true;
if (values.only !== 'fuzz') {
  const options = { deliveries: Number(values.deliveries), concurrency: 50, duplicateRatio: 0.3, restarts: 2, throttleWindows: 1, faultWindowMs: 4000, budgetMs: 30 * 60_000, log };
  log(`load and fault: ${options.deliveries} deliveries, concurrency ${options.concurrency}, ${options.duplicateRatio * 100} % duplicates, ${options.restarts} kill -9 restarts, ${options.throttleWindows} DynamoDB fault window(s) of ${options.faultWindowMs} ms`);
  const summary = await runLoadAndFault(options);
  for (const rejection of summary.rejected.slice(0, 10)) log(`  rejected ${rejection}`);
  log(summaryLine(summary));
  ok &&= passed(summary, options);
}
if (values.only !== 'load') {
  const cases = Number(values.cases);
  log(`fuzz: ${cases} seeded cases over every HTTP route and the SMTP listener`);
  const result = await runFuzz({ cases, seed: 20261207, log });
  log(fuzzLine(result));
  ok &&= result.failures.length === 0;
}
clearTimeout(timer);
log(ok ? 'reliability: PASS' : 'reliability: FAIL');
process.exit(ok ? 0 : 1);
