/**
 * Scores the local A10 analyzer against a labelled JSONL set (default `../shared/analysis/dev-set.jsonl`):
 * per-field accuracy, a confusion matrix per field, the misclassified records with the rules that
 * fired, and a last line the CI can read. Exits 1 when a target is missed or the file is unusable.
 *
 *   npx tsx scripts/eval-analyzer.ts [path] [--lexicon-segmenter]
 *
 * `--lexicon-segmenter` plays a Lambda without jieba's native binary. The report ends with the
 * calibration of `intent.confidence` (how often answers at or above {@link SURE} are right: callers
 * skip the model for those) and the analyzer's latency per record.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { analyzeText, defaultSegmenter, lexiconSegmenter } from '../functions/analysis/local/local-analyzer.js';
import {
  ANALYZER_TARGETS,
  EVALUATED_FIELDS,
  type Evaluation,
  type FieldScore,
  evaluateAnalyzer,
  labelledInput,
  missedTargets,
  parseLabelledSet,
} from '../functions/analysis/local/labelled-set.js';
import type { A10Input } from '../functions/core/agents/a10-communication-analysis.js';
import { INTENT_CATEGORIES, SENTIMENTS, URGENCY_LEVELS } from '../functions/core/model/record-types.js';

const repoRoot = path.resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const setPath = path.resolve(repoRoot, args.find((arg) => !arg.startsWith('--')) ?? '../shared/analysis/dev-set.jsonl');
const segmenter = args.includes('--lexicon-segmenter') ? lexiconSegmenter() : defaultSegmenter();
const LABELS = { intent: INTENT_CATEGORIES, sentiment: SENTIMENTS, urgency: URGENCY_LEVELS } as const;
/** The confidence from which the rules' intent is taken without asking a model. */
const SURE = 0.8;

interface Answer {
  readonly id: string;
  readonly confidence: number;
}

function main(): number {
  let jsonl: string;
  try {
    jsonl = readFileSync(setPath, 'utf8');
  } catch (error) {
    console.error(`eval: cannot read ${setPath}: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
  const cases = parseLabelledSet(jsonl);
  if (cases.length === 0) {
    console.error(`eval: ${setPath} has no labelled cases`);
    return 1;
  }
  const answers: Answer[] = [];
  const evaluation = evaluateAnalyzer(cases, (input) => {
    const analysis = analyzeText(input, segmenter);
    answers.push({ id: input.recordId, confidence: analysis.output.intent.confidence });
    return analysis;
  });
  printReport(evaluation);
  printCalibration(evaluation, answers);
  printLatency(cases.map(labelledInput));
  return missedTargets(evaluation).length === 0 ? 0 : 1;
}

function printReport(evaluation: Evaluation): void {
  console.log(`${evaluation.cases} labelled records from ${setPath} (segmenter: ${segmenter.kind})\n`);
  for (const field of EVALUATED_FIELDS) {
    const score = evaluation.fields[field];
    console.log(`${field}: ${percent(score.accuracy)} (target ${percent(ANALYZER_TARGETS[field])})`);
    console.log(confusionTable(score, LABELS[field]));
  }
  console.log(`misclassified: ${evaluation.misses.length}`);
  for (const miss of evaluation.misses) {
    const wrong = miss.wrong.map((w) => `${w.field} expected ${w.expected} got ${w.predicted}`).join('; ');
    console.log(`- ${miss.id}: ${wrong}\n    ${miss.text}\n    ${miss.explanation.join('\n    ')}`);
  }
  const summary = EVALUATED_FIELDS.map((field) => `${field}=${evaluation.fields[field].accuracy.toFixed(2)}`).join(' ');
  const targets = EVALUATED_FIELDS.map((field) => `${field}>=${ANALYZER_TARGETS[field].toFixed(2)}`).join(' ');
  console.log(`eval: ${summary} (targets ${targets})`);
}

/** Share and accuracy of the intents the rules are sure of, and the latency per record. */
function printCalibration(evaluation: Evaluation, answers: readonly Answer[]): void {
  const wrongIntent = new Set(evaluation.misses.filter((miss) => miss.wrong.some((w) => w.field === 'intent')).map((miss) => miss.id));
  const sure = answers.filter((answer) => answer.confidence >= SURE);
  const sureRight = sure.filter((answer) => !wrongIntent.has(answer.id)).length;
  const unsure = answers.length - sure.length;
  const unsureRight = answers.length - wrongIntent.size - sureRight;
  console.log(`confidence>=${SURE}: ${sure.length}/${answers.length} (${percent(sure.length / Math.max(1, answers.length))}), accuracy ${percent(sureRight / Math.max(1, sure.length))}`);
  console.log(`confidence<${SURE}: ${unsure}/${answers.length}, accuracy ${percent(unsureRight / Math.max(1, unsure))}`);
}

/** Latency per record over a few warm passes (the first call of a process loads jieba's dictionary). */
function printLatency(inputs: readonly A10Input[]): void {
  const millis: number[] = [];
  for (let pass = 0; pass < 20; pass += 1) {
    for (const input of inputs) {
      const started = performance.now();
      analyzeText(input, segmenter);
      millis.push(performance.now() - started);
    }
  }
  millis.sort((a, b) => a - b);
  const at = (share: number) => (millis[Math.min(millis.length - 1, Math.floor(share * millis.length))] ?? 0).toFixed(2);
  console.log(`latency ms (${millis.length} warm calls): p50 ${at(0.5)} p99 ${at(0.99)} max ${at(1)}`);
}

/** Rows are expected labels, columns predicted; labels that never occur are left out. */
function confusionTable(score: FieldScore, labels: readonly string[]): string {
  const seen = labels.filter((label) => score.confusion[label] !== undefined || Object.values(score.confusion).some((row) => row[label] !== undefined));
  const header = ['expected \\ predicted', ...seen];
  const rows = seen.map((expected) => [expected, ...seen.map((predicted) => String(score.confusion[expected]?.[predicted] ?? 0))]);
  const widths = header.map((_, column) => Math.max(...[header, ...rows].map((row) => (row[column] ?? '').length)));
  const line = (cells: readonly string[]) => cells.map((cell, column) => (column === 0 ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0))).join('  ');
  return [line(header), ...rows.map(line)].map((row) => `  ${row}`).join('\n') + '\n';
}

function percent(value: number): string {
  return `${(value * 100).toFixed(1)}%`;
}

process.exitCode = main();
