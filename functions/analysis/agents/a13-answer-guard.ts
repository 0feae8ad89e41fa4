import type { A13Output } from '../../core/agents/a13-marketing-suggestions.js';
import { bestContactFrom } from './a13-local-marketing-suggestions.js';
import type { AnswerGuard } from './answer-guard.js';

/**
 * A13's best contact is computed, never the model's: it is always overwritten with the metrics'
 * preferred weekdays, hours and channel (noted when the model's differed).
 */
export const guardA13Answer: AnswerGuard<A13Output> = (answer, input) => {
  const computed = bestContactFrom(input.metrics);
  const same = JSON.stringify(answer.best_contact) === JSON.stringify(computed);
  return {
    output: { ...answer, best_contact: computed },
    corrections: same ? [] : [`best_contact ${JSON.stringify(answer.best_contact)} overwritten with the computed ${JSON.stringify(computed)}`],
  };
};
