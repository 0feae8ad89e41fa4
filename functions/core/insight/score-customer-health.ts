import { CustomerHealth, type CustomerMetrics } from './customer-metrics.js';
import { healthScoreComponents } from './health-score-components.js';
import { lifecycleStage } from './lifecycle-stage.js';

export const MIN_HEALTH_SCORE = 0;
export const MAX_HEALTH_SCORE = 100;

/**
 * The customer's health score (0–100, whole) and lifecycle stage from the computed metrics.
 * The score is the sum of the components in `healthScoreComponents` (the formula table is there),
 * clamped; `components` carries each part so the score can be checked by hand. The stage follows
 * the rules of `lifecycleStage`, and `reasons` says which of them decided it.
 *
 * @example
 * const health = scoreCustomerHealth(computeCustomerMetrics({ customerId: 'C001', records, tasks, asOf, timeZone }));
 * health.score // 41
 * health.stage // 'at-risk'
 * health.reasons // ['health score 41 is below 50', 'communication falling to 0.25 × baseline, with 2 competitor mention(s) in 120 days']
 */
export function scoreCustomerHealth(metrics: CustomerMetrics): CustomerHealth {
  const components = healthScoreComponents(metrics);
  const sum = Object.values(components).reduce((total, points) => total + points, 0);
  const score = Math.min(Math.max(Math.round(sum), MIN_HEALTH_SCORE), MAX_HEALTH_SCORE);
  const { stage, reasons } = lifecycleStage(metrics, score);
  return CustomerHealth.parse({ score, stage, components, reasons } satisfies CustomerHealth);
}
