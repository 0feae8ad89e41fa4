import type { A14Output, RiskAlert } from '../../core/agents/a14-risk-alerts.js';
import { localRiskAlerts } from './a14-local-risk-alerts.js';
import { keepKnownIds, knownRecordIds, quotableNumbers, type AnswerGuard } from './answer-guard.js';
import { quotesOnly, uncomputedNumbersIn } from './computed-numbers.js';

/**
 * "Numbers are computed" for A14. An indicator may quote only numbers of the metrics, the health score,
 * the records' dates, the metrics' windows, or the local rules' own indicators (which derive changes
 * such as −75% from the metrics) — compared by value (computed-numbers.ts, answer-guard.ts). Any other
 * indicator is replaced by the next unused indicator the local rule of the same risk type wrote, or
 * dropped when that rule wrote none; a risk left without indicators is dropped (no computed figure
 * supports it). Evidence ids the input does not hold are dropped. Scores and levels are the model's
 * judgement and stay.
 *
 * @example
 * const { output, corrections } = guardA14Answer(modelAnswer, input);
 */
export const guardA14Answer: AnswerGuard<A14Output> = (answer, input) => {
  const local = localRiskAlerts(input);
  const allowed = quotableNumbers(input, local.risks.map((risk) => risk.indicators));
  const known = knownRecordIds(input);
  const corrections: string[] = [];

  const risks = answer.risks.flatMap((risk): RiskAlert[] => {
    const spare = (local.risks.find((rule) => rule.type === risk.type)?.indicators ?? []).filter((indicator) => !risk.indicators.includes(indicator));
    const indicators: string[] = [];
    for (const indicator of risk.indicators) {
      if (quotesOnly(indicator, allowed)) {
        indicators.push(indicator);
        continue;
      }
      const replacement = spare.shift();
      const invented = uncomputedNumbersIn(indicator, allowed).join(', ');
      corrections.push(`${risk.type}: indicator "${indicator}" quotes ${invented}, not computed; ${replacement ? `replaced by "${replacement}"` : 'dropped'}`);
      if (replacement) indicators.push(replacement);
    }
    if (indicators.length === 0) {
      corrections.push(`${risk.type}: risk dropped, no indicator quotes computed figures`);
      return [];
    }
    const evidence = keepKnownIds(risk.evidence_record_ids, known, `${risk.type}.evidence_record_ids`, corrections);
    return [{ ...risk, indicators, evidence_record_ids: evidence }];
  });
  return { output: { ...answer, risks }, corrections };
};
