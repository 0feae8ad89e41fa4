/**
 * Scores the local A10 analyzer against a labelled JSONL set (default `../shared/analysis/dev-set.jsonl`):
 * per-field accuracy, a confusion matrix per field, the misclassified records with the rules that
 * fired, and a last line the CI can read. Exits 1 when a target is missed or the file is unusable.
 *
 *   npx tsx scripts/eval-analyzer.ts [path]
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { analyzeText } from '../functions/analysis/local/local-analyzer.js';
import {
  ANALYZER_TARGETS,
  EVALUATED_FIELDS,
  type Evaluation,
  type FieldScore,
  evaluateAnalyzer,
  missedTargets,
  parseLabelledSet,
} from '../functions/analysis/local/labelled-set.js';
import { INTENT_CATEGORIES, SENTIMENTS, URGENCY_LEVELS } from '../functions/core/model/record-types.js';

const repoRoot = path.resolve(import.meta.dirname, '..');
const setPath = path.resolve(repoRoot, process.argv[2] ?? '../shared/analysis/dev-set.jsonl');
const LABELS = { intent: INTENT_CATEGORIES, sentiment: SENTIMENTS, urgency: URGENCY_LEVELS } as const;

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
  const evaluation = evaluateAnalyzer(cases, (input) => analyzeText(input));
  printReport(evaluation);
  return missedTargets(evaluation).length === 0 ? 0 : 1;
}

function printReport(evaluation: Evaluation): void {
  console.log(`${evaluation.cases} labelled records from ${setPath}\n`);
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
