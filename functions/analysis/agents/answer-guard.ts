import type { CustomerAgentInput } from '../../core/agents/customer-agent-input.js';
import { computedNumbers, type ComputedNumbers } from './computed-numbers.js';

/**
 * A model's answer after its computed parts were checked against the input, with one note per
 * change (for the result's `corrections`, read by people auditing an insight).
 */
export interface GuardedAnswer<Output> {
  readonly output: Output;
  readonly corrections: readonly string[];
}

/** Puts the computed facts back into one agent's answer (numbers, record ids, contact times). */
export type AnswerGuard<Output> = (output: Output, input: CustomerAgentInput) => GuardedAnswer<Output>;

/** The record ids an answer may cite: the summaries it was shown and the opportunity signals' records. */
export function knownRecordIds(input: CustomerAgentInput): ReadonlySet<string> {
  return new Set([...input.records.map((record) => record.recordId), ...input.metrics.opportunities.map((signal) => signal.recordId)]);
}

/** The ids of `ids` that `known` holds; a note in `corrections` names the others. */
export function keepKnownIds(ids: readonly string[], known: ReadonlySet<string>, where: string, corrections: string[]): string[] {
  const kept = ids.filter((id) => known.has(id));
  const unknown = ids.filter((id) => !known.has(id));
  if (unknown.length > 0) corrections.push(`${where}: dropped unknown record ids ${unknown.join(', ')}`);
  return kept;
}

/**
 * The numbers a model's sentence may quote for this input: the metrics, the health score and its
 * reasons (not the component points, which no sentence needs and whose small values would make
 * invented counts look computed), the records' dates, and what the local rules derived (`derived`).
 */
export function quotableNumbers(input: CustomerAgentInput, ...derived: unknown[]): ComputedNumbers {
  const { score, reasons } = input.health;
  return computedNumbers([input.metrics, score, reasons, input.records.map((record) => record.occurredAt), ...derived]);
}
