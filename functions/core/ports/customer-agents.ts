import type { A11Output } from '../agents/a11-customer-insight.js';
import type { A12Output } from '../agents/a12-opportunity-mining.js';
import type { A13Output } from '../agents/a13-marketing-suggestions.js';
import type { A14Output } from '../agents/a14-risk-alerts.js';
import type { CustomerAgentInput } from '../agents/customer-agent-input.js';
import type { ModelUsage } from './analyzer.js';

/** One customer agent's answer and how it was obtained (the same fields as A10's `AnalysisResult`). */
export interface CustomerAgentResult<Output> {
  readonly output: Output;
  /** The Bedrock model id, `local` (rules by choice) or `local-fallback` (the model's answer was unusable). */
  readonly model: string;
  /** Model calls made: 0 for the local rules, 2 after a repair retry. */
  readonly modelCalls: number;
  /** Summed over every model call made for this answer (absent for the local rules). */
  readonly usage?: ModelUsage;
  /** Why the model's answer was not used (`model: local-fallback` only). */
  readonly fallbackReason?: string;
  /**
   * What was put back to the computed figures in a model's answer (an indicator quoting a number the
   * metrics do not hold, an unknown record id, an overwritten contact time); absent when nothing was.
   */
  readonly corrections?: readonly string[];
}

/**
 * Agents A11–A14 on one customer. Bedrock with the local rules as fallback on AWS, the local rules in
 * embedded mode; wiring picks the factory by configuration. Throttling that outlasts the SDK's retries
 * rejects with `ModelThrottledError` so the workflow retries later.
 */
export interface CustomerAgents {
  /** A11: relationship health, communication pattern, satisfaction, loyalty, needs. */
  insight(input: CustomerAgentInput): Promise<CustomerAgentResult<A11Output>>;
  /** A12: open opportunities, cross-sell and up-sell. */
  opportunities(input: CustomerAgentInput): Promise<CustomerAgentResult<A12Output>>;
  /** A13: segment, messages, best contact, care and retention plans. */
  marketing(input: CustomerAgentInput): Promise<CustomerAgentResult<A13Output>>;
  /** A14: risks with computed indicators, and an overall risk score. */
  risks(input: CustomerAgentInput): Promise<CustomerAgentResult<A14Output>>;
}
