import { healthLevelFor, type A11Output } from '../../core/agents/a11-customer-insight.js';
import { localCustomerInsight } from './a11-local-customer-insight.js';
import { quotableNumbers, type AnswerGuard } from './answer-guard.js';
import { quotesOnly } from './computed-numbers.js';

type PatternText = 'frequency' | 'preferred_times' | 'response_speed';
const PATTERN_TEXTS = ['frequency', 'preferred_times', 'response_speed'] as const satisfies readonly PatternText[];

/**
 * The computed parts of A11 put back: the health score, its level and the lifecycle stage come from
 * `CustomerHealth`, the preferred channel from the metrics. The texts that restate figures — the
 * health summary and the communication pattern — may quote only computed numbers (as A14's
 * indicators); one that quotes another is replaced by the local rules' sentence.
 */
export const guardA11Answer: AnswerGuard<A11Output> = (answer, input) => {
  const local = localCustomerInsight(input);
  const allowed = quotableNumbers(input, local.relationship_health.summary, local.communication_pattern);
  const corrections: string[] = [];
  const computed = <T>(where: string, model: T, value: T): T => {
    if (model !== value) corrections.push(`${where} ${String(model)} overwritten with the computed ${String(value)}`);
    return value;
  };
  const checked = (where: string, model: string, fallback: string): string => {
    if (quotesOnly(model, allowed)) return model;
    corrections.push(`${where} "${model}" quotes numbers that are not computed; replaced by "${fallback}"`);
    return fallback;
  };

  const pattern = { ...answer.communication_pattern };
  for (const field of PATTERN_TEXTS) pattern[field] = checked(`communication_pattern.${field}`, pattern[field], local.communication_pattern[field]);
  pattern.preferred_channel = computed('communication_pattern.preferred_channel', pattern.preferred_channel, input.metrics.channels.preferred);

  const output: A11Output = {
    ...answer,
    relationship_health: {
      score: computed('relationship_health.score', answer.relationship_health.score, input.health.score),
      level: computed('relationship_health.level', answer.relationship_health.level, healthLevelFor(input.health.score)),
      summary: checked('relationship_health.summary', answer.relationship_health.summary, local.relationship_health.summary),
    },
    communication_pattern: pattern,
    lifecycle_stage: computed('lifecycle_stage', answer.lifecycle_stage, input.health.stage),
  };
  return { output, corrections };
};
