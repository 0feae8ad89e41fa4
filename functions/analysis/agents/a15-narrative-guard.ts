import type { A15Input, A15Narrative } from '../../core/agents/a15-report.js';
import { writeLocalReportNarrative } from './a15-local-report.js';
import { computedNumbers, quotesOnly, uncomputedNumbersIn, type ComputedNumbers } from './computed-numbers.js';

/** A model's narrative after its numbers were checked against the facts, with one note per change. */
export interface GuardedNarrative {
  readonly narrative: A15Narrative;
  readonly corrections: readonly string[];
}

// A sentence ends after 。！？!? or a newline, or at a full stop followed by a space: "0.25" stays whole.
const SENTENCE_END = /(?<=[。！？!?\n])|(?<=\.)(?=\s)/u;
const QUOTED_LENGTH = 80;

/** The sentences of a text, each with its own trailing punctuation and leading space: they join back into the text. */
export function sentencesOf(text: string): string[] {
  return text.split(SENTENCE_END).filter((sentence) => sentence.length > 0);
}

/**
 * "Numbers are computed" for A15. A sentence may quote only the numbers and dates of the report's
 * facts (`A15Input`: counts, shares as percentages, days, scores, values) or of the local writer's
 * narrative for the same facts (which derives channel and negative-sentiment percentages from them) —
 * compared by value as in computed-numbers.ts. What happens to any other sentence:
 * - summary: the sentence is dropped and the rest kept; a summary left with no sentence becomes the
 *   local writer's summary, so a report never lacks one;
 * - a highlight or an action: the line is dropped whole, because half a line loses whom it concerns
 *   and the local writer's lines do not match the model's one for one. A list may end up empty.
 * Each change is noted for `corrections`. The limits of the check are those of computed-numbers.ts:
 * an invented number equal to some other computed figure passes.
 *
 * @example
 * const { narrative, corrections } = guardA15Narrative(modelAnswer, input);
 */
export function guardA15Narrative(answer: A15Narrative, input: A15Input): GuardedNarrative {
  const local = writeLocalReportNarrative(input);
  const allowed = computedNumbers([input, local]);
  const corrections: string[] = [];
  const invented = (text: string) => uncomputedNumbersIn(text, allowed).join(', ');
  const keepLine = (field: string) => (line: string) => {
    if (quotesOnly(line, allowed)) return true;
    corrections.push(`${field}: dropped "${clipped(line)}" (numbers not in the facts: ${invented(line)})`);
    return false;
  };

  return {
    narrative: {
      summary: guardSummary(answer.summary, local.summary, allowed, corrections),
      highlights: answer.highlights.filter(keepLine('highlights')),
      action_plan: {
        immediate: answer.action_plan.immediate.filter(keepLine('action_plan.immediate')),
        short_term: answer.action_plan.short_term.filter(keepLine('action_plan.short_term')),
        long_term: answer.action_plan.long_term.filter(keepLine('action_plan.long_term')),
      },
    },
    corrections,
  };
}

function guardSummary(summary: string, localSummary: string, allowed: ComputedNumbers, corrections: string[]): string {
  const kept: string[] = [];
  for (const sentence of sentencesOf(summary)) {
    if (quotesOnly(sentence, allowed)) kept.push(sentence);
    else corrections.push(`summary: dropped "${clipped(sentence)}" (numbers not in the facts: ${uncomputedNumbersIn(sentence, allowed).join(', ')})`);
  }
  const rest = kept.join('').trim();
  if (rest.length > 0) return rest;
  corrections.push('summary: no sentence left, replaced by the computed summary');
  return localSummary;
}

function clipped(text: string): string {
  const line = text.trim();
  return line.length <= QUOTED_LENGTH ? line : `${line.slice(0, QUOTED_LENGTH - 1)}…`;
}
