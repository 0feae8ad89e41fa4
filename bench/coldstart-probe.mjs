// Run by bench/coldstart in a fresh `node` process per sample (plain JS: no loader may run first).
// argv: <bundle index.mjs> <event JSON>. Prints one line: when (ms since the process started, as
// `performance.now()` counts) the import began and ended and the first call returned.
import { pathToFileURL } from 'node:url';
import { lambdaContext } from './lambda-context.mjs';

const [bundle, eventJson] = process.argv.slice(2);
const context = lambdaContext(10_000);
const bootMs = performance.now();
const module = await import(pathToFileURL(bundle).href);
const loadedMs = performance.now();
let outcome;
try {
  const result = await module.handler(JSON.parse(eventJson), context);
  outcome = result && typeof result === 'object' && 'statusCode' in result ? String(result.statusCode) : 'returned';
} catch (error) {
  outcome = error instanceof Error ? error.name : 'threw';
}
const doneMs = performance.now();
process.stdout.write(`\nCOLDSTART_PROBE ${JSON.stringify({ bootMs, loadMs: loadedMs - bootMs, callMs: doneMs - loadedMs, doneMs, outcome })}\n`);
process.exit(0);
