// `npm run bench:analyze`: the local analyzer's throughput and per-record latency, against the cost
// of segmenting the same texts alone (the baseline, same run); and the Bedrock prompt size per record
// (input tokens by part, output estimated from the answer's size).
import { buildA10Messages } from '../functions/adapters/bedrock/a10-prompt.js';
import { a10ToolConfig } from '../functions/adapters/bedrock/a10-tool.js';
import { detectLanguage } from '../functions/analysis/local/language.js';
import { analyzeText, defaultSegmenter } from '../functions/analysis/local/local-analyzer.js';
import { tokenize } from '../functions/analysis/local/segmenter.js';
import type { A10Input } from '../functions/core/agents/a10-communication-analysis.js';
import { estimateTokens } from '../functions/core/agents/token-estimate.js';
import { ANALYSIS_STEP_MEMORY_MB } from '../lib/function-memory.js';
import { analyzerMemory } from './analyzer-memory.js';
import { deadline, envCount, ms, percentile, printTable } from './support.js';
import { devSetTexts } from './workflow-run.js';

const ROUNDS = envCount('BENCH_ANALYZE_ROUNDS', 300);
const TARGET_P99_MS = 20;
deadline(300);

const inputOf = (text: string, i: number): A10Input => ({
  recordId: `BENCH-${i}`,
  type: 'wechat',
  direction: 'inbound',
  channel: 'wecom',
  text,
  language: detectLanguage(text),
  competitors: ['金发科技', '普利特'],
  occurredAt: '2024-06-17T02:00:00Z',
  timeZone: 'Asia/Shanghai',
});

const texts = await devSetTexts();
const inputs = texts.map(inputOf);
const segmenter = defaultSegmenter();
// Warm both paths (jieba's dictionary load, JIT) before timing.
for (const input of inputs) {
  analyzeText(input, segmenter);
  tokenize(input.text, segmenter);
}

function time(run: (input: A10Input) => unknown): { perRecord: number[]; seconds: number } {
  const perRecord: number[] = [];
  const started = performance.now();
  for (let round = 0; round < ROUNDS; round++) {
    for (const input of inputs) {
      const t0 = performance.now();
      run(input);
      perRecord.push(performance.now() - t0);
    }
  }
  return { perRecord, seconds: (performance.now() - started) / 1000 };
}

const segmentOnly = time((input) => tokenize(input.text, segmenter));
const analyze = time((input) => analyzeText(input, segmenter));
const count = ROUNDS * inputs.length;
console.log(`\nanalyze: ${count} analyses of the ${inputs.length} dev-set texts (segmenter: ${segmenter.kind})`);
printTable([
  ['', 'records/s', 'p50 ms', 'p99 ms'],
  ['segmentation only (baseline)', (count / segmentOnly.seconds).toFixed(0), ms(percentile(segmentOnly.perRecord, 0.5)), ms(percentile(segmentOnly.perRecord, 0.99))],
  ['local analyzer (A10 rules)', (count / analyze.seconds).toFixed(0), ms(percentile(analyze.perRecord, 0.5)), ms(percentile(analyze.perRecord, 0.99))],
]);
console.log(`ratio analyzer / segmentation time: ${(analyze.seconds / segmentOnly.seconds).toFixed(2)}`);

const tool = estimateTokens(JSON.stringify(a10ToolConfig()));
const rows = inputs.map((input) => {
  const { system, messages } = buildA10Messages(input);
  return {
    system: estimateTokens(JSON.stringify(system)),
    user: estimateTokens(JSON.stringify(messages)),
    output: estimateTokens(JSON.stringify(analyzeText(input, segmenter).output)),
  };
});
const mean = (pick: (row: (typeof rows)[number]) => number) => rows.reduce((s, r) => s + pick(r), 0) / rows.length;
console.log('\nBedrock prompt per record (estimated tokens; the adapter records the model\'s own count in analysis.usage)');
printTable([
  ['part', 'mean', 'p95'],
  ['system prompt', mean((r) => r.system).toFixed(0), percentile(rows.map((r) => r.system), 0.95).toFixed(0)],
  ['tool (forced, schema from zod)', tool.toFixed(0), tool.toFixed(0)],
  ['user message (metadata + redacted text)', mean((r) => r.user).toFixed(0), percentile(rows.map((r) => r.user), 0.95).toFixed(0)],
  ['input total', mean((r) => r.system + r.user + tool).toFixed(0), percentile(rows.map((r) => r.system + r.user + tool), 0.95).toFixed(0)],
  ['output (answer size)', mean((r) => r.output).toFixed(0), percentile(rows.map((r) => r.output), 0.95).toFixed(0)],
]);
// What the analysis step's memory size (lib/function-memory.ts) is weighed against: a bundle of the
// analyzer and the step's SDK clients, run in a plain node process (tsx itself holds ~90 MB more).
const probe = await analyzerMemory(texts);
console.log(
  `analysis step memory: peak resident set ${probe.peakRssMb.toFixed(0)} MB after ${probe.analyses} analyses in a plain node process, first analysis ${probe.firstMs.toFixed(0)} ms; ` +
    `the step has ${ANALYSIS_STEP_MEMORY_MB} MB (${(ANALYSIS_STEP_MEMORY_MB / probe.peakRssMb).toFixed(1)}× the peak)`,
);
const p99 = percentile(analyze.perRecord, 0.99);
console.log(`bench: local_analyzer_p99_ms=${p99.toFixed(2)} (target <= ${TARGET_P99_MS})`);
if (p99 > TARGET_P99_MS) process.exitCode = 1;
