import * as z from '../../core/zod.js';
import type { A10Input, A10Output } from '../../core/agents/a10-communication-analysis.js';
import { INTENT_CATEGORIES, SENTIMENTS, URGENCY_LEVELS } from '../../core/model/record-types.js';
import { detectLanguage } from './language.js';

/**
 * One hand-labelled message (a line of `dev-set.jsonl`). `intent` lists every acceptable label:
 * the prediction is right when it is one of them.
 */
export const LabelledCase = z.object({
  id: z.string().check(z.minLength(1)),
  text: z.string(),
  intent: z.pipe(
    z.union([z.enum(INTENT_CATEGORIES), z.array(z.enum(INTENT_CATEGORIES)).check(z.minLength(1))]),
    z.transform((value) => (Array.isArray(value) ? value : [value])),
  ),
  sentiment: z.enum(SENTIMENTS),
  urgency: z.enum(URGENCY_LEVELS),
});
export type LabelledCase = z.infer<typeof LabelledCase>;

/** The accuracy each field must reach on a labelled set. */
export const ANALYZER_TARGETS = { intent: 0.9, sentiment: 0.85, urgency: 0.8 } as const;
export type EvaluatedField = keyof typeof ANALYZER_TARGETS;
export const EVALUATED_FIELDS = Object.keys(ANALYZER_TARGETS) as EvaluatedField[];

/** A line of a labelled set is not valid JSON or not a labelled case. */
export class LabelledSetError extends Error {
  override readonly name = 'LabelledSetError';
}

/** Accuracy and confusion counts (`confusion[expected][predicted]`) of one field. */
export interface FieldScore {
  readonly accuracy: number;
  readonly confusion: Readonly<Record<string, Readonly<Record<string, number>>>>;
}

export interface Miss {
  readonly id: string;
  readonly text: string;
  readonly wrong: readonly { field: EvaluatedField; expected: string; predicted: string }[];
  readonly explanation: readonly string[];
}

export interface Evaluation {
  readonly cases: number;
  readonly fields: Readonly<Record<EvaluatedField, FieldScore>>;
  readonly misses: readonly Miss[];
}

/** Parses JSONL (blank lines skipped); the error names the line that failed. */
export function parseLabelledSet(jsonl: string): LabelledCase[] {
  const cases: LabelledCase[] = [];
  jsonl.split(/\r?\n/).forEach((line, index) => {
    if (line.trim().length === 0) return;
    try {
      cases.push(LabelledCase.parse(JSON.parse(line)));
    } catch (error) {
      throw new LabelledSetError(`line ${index + 1}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
    }
  });
  return cases;
}

/** A labelled case written inline in a test: `[id, text, 'inquiry|technical', sentiment, urgency]`. */
export type LabelledRow = readonly [id: string, text: string, intents: string, sentiment: string, urgency: string];

/**
 * Parses inline rows (acceptable intents `|`-separated); the error names the row that failed.
 *
 * @example
 * labelledRows([['h01', '请问PCR-PP 2000什么价格？', 'inquiry', 'neutral', 'low']]);
 */
export function labelledRows(rows: readonly LabelledRow[]): LabelledCase[] {
  return rows.map(([id, text, intents, sentiment, urgency]) => {
    const parsed = LabelledCase.safeParse({ id, text, intent: intents.split('|'), sentiment, urgency });
    if (!parsed.success) throw new LabelledSetError(`row ${id}: ${parsed.error.message}`, { cause: parsed.error });
    return parsed.data;
  });
}

/** The A10 input an evaluation gives the analyzer for a labelled text. */
export function labelledInput(labelled: LabelledCase): A10Input {
  return {
    recordId: labelled.id,
    type: 'email',
    direction: 'inbound',
    channel: 'evaluation',
    text: labelled.text,
    language: detectLanguage(labelled.text),
    competitors: [],
    occurredAt: '2024-06-17T00:00:00.000Z',
    timeZone: 'Asia/Shanghai',
  };
}

/** Runs `analyze` over every case and scores intent, sentiment and urgency. */
export function evaluateAnalyzer(
  cases: readonly LabelledCase[],
  analyze: (input: A10Input) => { readonly output: A10Output; readonly explanation: readonly string[] },
): Evaluation {
  const correct: Record<EvaluatedField, number> = { intent: 0, sentiment: 0, urgency: 0 };
  const confusion: Record<EvaluatedField, Record<string, Record<string, number>>> = { intent: {}, sentiment: {}, urgency: {} };
  const misses: Miss[] = [];
  for (const labelled of cases) {
    const { output, explanation } = analyze(labelledInput(labelled));
    const predicted: Record<EvaluatedField, string> = { intent: output.intent.category, sentiment: output.sentiment.overall, urgency: output.urgency.level };
    const acceptable: Record<EvaluatedField, readonly string[]> = { intent: labelled.intent, sentiment: [labelled.sentiment], urgency: [labelled.urgency] };
    const wrong: Miss['wrong'][number][] = [];
    for (const field of EVALUATED_FIELDS) {
      const right = acceptable[field].includes(predicted[field]);
      // A right answer is counted on its own row; a wrong one on the first acceptable label's row.
      const expected = right ? predicted[field] : (acceptable[field][0] ?? '?');
      const row = (confusion[field][expected] ??= {});
      row[predicted[field]] = (row[predicted[field]] ?? 0) + 1;
      if (right) correct[field] += 1;
      else wrong.push({ field, expected: acceptable[field].join('|'), predicted: predicted[field] });
    }
    if (wrong.length > 0) misses.push({ id: labelled.id, text: labelled.text, wrong, explanation });
  }
  const accuracy = (field: EvaluatedField) => (cases.length === 0 ? 0 : correct[field] / cases.length);
  const fields = Object.fromEntries(EVALUATED_FIELDS.map((field) => [field, { accuracy: accuracy(field), confusion: confusion[field] }])) as Record<EvaluatedField, FieldScore>;
  return { cases: cases.length, fields, misses };
}

/** The fields below their target, e.g. `['urgency']`. */
export function missedTargets(evaluation: Evaluation): EvaluatedField[] {
  return EVALUATED_FIELDS.filter((field) => evaluation.fields[field].accuracy < ANALYZER_TARGETS[field]);
}
