import { HUB_METRICS } from '../../config/hub-metrics.js';
import type { ModelUsage } from '../ports/analyzer.js';
import type { MetricAgent, Metrics } from '../ports/metrics.js';

/** The `model` of an answer the local rules gave because the model's could not be used (the adapters set it). */
const FALLBACK_MODEL = 'local-fallback';

/**
 * Counts one agent answer: a fallback to the local rules, and the tokens the model reported (a
 * fallback after a failed model answer still spent them).
 *
 * @example
 * ```ts
 * countModelUse(deps.metrics, 'A10', { model: 'local-fallback', usage: { inputTokens: 900, outputTokens: 40 } });
 * ```
 */
export function countModelUse(metrics: Metrics, agent: MetricAgent, answer: { readonly model: string; readonly usage?: ModelUsage }): void {
  if (answer.model === FALLBACK_MODEL) metrics.count(HUB_METRICS.modelFallbacks, 1, { agent });
  if (answer.usage) {
    metrics.count(HUB_METRICS.modelInputTokens, answer.usage.inputTokens, { agent });
    metrics.count(HUB_METRICS.modelOutputTokens, answer.usage.outputTokens, { agent });
  }
}
