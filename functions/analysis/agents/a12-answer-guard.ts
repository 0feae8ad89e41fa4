import type { A12Output, MinedOpportunity } from '../../core/agents/a12-opportunity-mining.js';
import type { CustomerAgentInput } from '../../core/agents/customer-agent-input.js';
import { keepKnownIds, knownRecordIds, type AnswerGuard } from './answer-guard.js';
import { computedNumbers, numbersIn, quotesOnly } from './computed-numbers.js';

// Chinese amounts are often written with a myriad unit ("30万元"); "k" is the English shorthand.
const UNIT_MULTIPLIERS: ReadonlyArray<readonly [RegExp, number]> = [
  [/(\d+(?:\.\d+)?)\s*万/g, 10_000],
  [/(\d+(?:\.\d+)?)\s*亿/g, 100_000_000],
  [/(\d+(?:\.\d+)?)\s*k\b/gi, 1_000],
];
// A product of two quoted figures may be rounded by the model; half a percent is rounding, not invention.
const AMOUNT_TOLERANCE = 0.005;

/**
 * The computed parts of A12 checked: an `estimated_value` is kept only when its amount is a figure the
 * records quote (in a signal's price or quantity, or a summary) or one signal's price times its
 * quantity — otherwise it becomes `null`; a `quantity` quoting numbers no signal or summary holds
 * becomes `null`; evidence ids the input does not hold are dropped. Stages and probabilities are the
 * model's judgement and stay.
 */
export const guardA12Answer: AnswerGuard<A12Output> = (answer, input) => {
  const known = knownRecordIds(input);
  const amounts = quotedAmounts(input);
  const quoted = computedNumbers([input.metrics.opportunities.map((signal) => [signal.quantity, signal.price]), input.records.map((record) => record.summary)]);
  const corrections: string[] = [];

  const opportunities = answer.opportunities.map((opportunity, index): MinedOpportunity => {
    const where = `opportunities[${index}]`;
    let { estimated_value: value, quantity } = opportunity;
    if (value !== null && !amounts.some((amount) => Math.abs(amount - value!.amount) <= AMOUNT_TOLERANCE * Math.max(amount, 1))) {
      corrections.push(`${where}.estimated_value ${value.amount} ${value.currency} is not a quoted figure; set to null`);
      value = null;
    }
    if (quantity !== null && !quotesOnly(quantity, quoted)) {
      corrections.push(`${where}.quantity "${quantity}" is not quoted by the records; set to null`);
      quantity = null;
    }
    const evidence = keepKnownIds(opportunity.evidence_record_ids, known, `${where}.evidence_record_ids`, corrections);
    return { ...opportunity, estimated_value: value, quantity, evidence_record_ids: evidence };
  });
  return { output: { ...answer, opportunities }, corrections };
};

/** Every amount the records quote: figures in signals' prices and quantities and in summaries, and price × quantity of each signal. */
function quotedAmounts(input: CustomerAgentInput): number[] {
  const products = input.metrics.opportunities.flatMap((signal) => {
    const prices = amountsIn(signal.price ?? '');
    const quantities = amountsIn(signal.quantity ?? '');
    return prices.flatMap((price) => quantities.map((quantity) => price * quantity));
  });
  const texts = [...input.metrics.opportunities.flatMap((signal) => [signal.price ?? '', signal.quantity ?? '']), ...input.records.map((record) => record.summary)];
  return [...texts.flatMap(amountsIn), ...products];
}

/** The numbers of a text, with "30万" also read as 300000. */
function amountsIn(text: string): number[] {
  const scaled = UNIT_MULTIPLIERS.flatMap(([pattern, factor]) => [...text.matchAll(pattern)].map((match) => Number(match[1]) * factor));
  return [...numbersIn(text), ...scaled];
}
