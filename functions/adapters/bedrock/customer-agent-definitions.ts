import { guardA11Answer } from '../../analysis/agents/a11-answer-guard.js';
import { localCustomerInsight } from '../../analysis/agents/a11-local-customer-insight.js';
import { guardA12Answer } from '../../analysis/agents/a12-answer-guard.js';
import { localOpportunities } from '../../analysis/agents/a12-local-opportunity-mining.js';
import { guardA13Answer } from '../../analysis/agents/a13-answer-guard.js';
import { localMarketingSuggestions } from '../../analysis/agents/a13-local-marketing-suggestions.js';
import { guardA14Answer } from '../../analysis/agents/a14-answer-guard.js';
import { localRiskAlerts } from '../../analysis/agents/a14-local-risk-alerts.js';
import { A11Output } from '../../core/agents/a11-customer-insight.js';
import { A12Output } from '../../core/agents/a12-opportunity-mining.js';
import { A13Output } from '../../core/agents/a13-marketing-suggestions.js';
import { A14Output } from '../../core/agents/a14-risk-alerts.js';
import { A11_PROMPT } from './a11-prompt.js';
import { A12_PROMPT } from './a12-prompt.js';
import { A13_PROMPT } from './a13-prompt.js';
import { A14_PROMPT } from './a14-prompt.js';
import type { BedrockAgentDefinition } from './bedrock-agent.js';

// Output budgets: a full answer with every list at the model-facing cap, in Chinese (≈1 token a
// character) where it is longest, plus headroom; a cut answer costs a repair call.

/** A11 customer insight. */
export const A11_AGENT: BedrockAgentDefinition<A11Output> = {
  output: A11Output,
  prompt: A11_PROMPT,
  toolDescription: 'Record the insight on one customer relationship: health, communication pattern, decision style, satisfaction, loyalty, stage, contacts, needs, risks and opportunities.',
  local: localCustomerInsight,
  guard: guardA11Answer,
  maxOutputTokens: 1500,
};

/** A12 opportunity mining. */
export const A12_AGENT: BedrockAgentDefinition<A12Output> = {
  output: A12Output,
  prompt: A12_PROMPT,
  toolDescription: "Record the customer's open sales opportunities with their evidence, and cross-sell and up-sell ideas.",
  local: localOpportunities,
  guard: guardA12Answer,
  maxOutputTokens: 1500,
};

/** A13 marketing suggestions. */
export const A13_AGENT: BedrockAgentDefinition<A13Output> = {
  output: A13Output,
  prompt: A13_PROMPT,
  toolDescription: 'Record marketing suggestions for one customer: segment, messages, content, best contact, channel strategy, care and retention plans.',
  local: localMarketingSuggestions,
  guard: guardA13Answer,
  maxOutputTokens: 1000,
};

/** A14 risk alerts. */
export const A14_AGENT: BedrockAgentDefinition<A14Output> = {
  output: A14Output,
  prompt: A14_PROMPT,
  toolDescription: "Record the customer's risks, each with computed indicators, evidence and actions, and an overall risk score.",
  local: localRiskAlerts,
  guard: guardA14Answer,
  maxOutputTokens: 1500,
};

/** Each customer agent port's definition: the one list the Bedrock agents and their synth-time tool schemas are made from. */
export const CUSTOMER_AGENT_DEFINITIONS = {
  insight: A11_AGENT,
  opportunities: A12_AGENT,
  marketing: A13_AGENT,
  risks: A14_AGENT,
} as const;
