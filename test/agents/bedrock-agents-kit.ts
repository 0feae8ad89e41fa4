import { readFileSync } from 'node:fs';
import { BedrockRuntimeClient, ConverseCommand, type ConverseCommandInput, type ConverseCommandOutput } from '@aws-sdk/client-bedrock-runtime';
import { mockClient } from 'aws-sdk-client-mock';
import { createBedrockCustomerAgents } from '../../functions/adapters/bedrock/bedrock-customer-agents.js';
import { createBedrockRuntimeClient } from '../../functions/adapters/bedrock/bedrock-client.js';
import type { A14Output } from '../../functions/core/agents/a14-risk-alerts.js';

/** Shared by the Bedrock customer-agent tests: answers, real Converse response shapes, the mocked client. */

const FIXTURES = new URL('../../../shared/fixtures/bedrock/', import.meta.url);

export const MODEL_ID = 'anthropic.claude-3-5-haiku-20241022-v1:0';

// Only `send` is stubbed, so the SDK's retry middleware never runs: rejections arrive at once.
export const bedrock = mockClient(BedrockRuntimeClient);

/** The four agents under test, on a real client whose `send` is mocked. */
export const agentsUnderTest = () => createBedrockCustomerAgents({ client: createBedrockRuntimeClient({ region: 'us-east-1' }), modelId: MODEL_ID });

/** A recorded or published Converse response, as the SDK would return it (with `$metadata`). */
export function converseFixture(name: string): ConverseCommandOutput {
  const body = JSON.parse(readFileSync(new URL(name, FIXTURES), 'utf8')) as object;
  return { $metadata: { httpStatusCode: 200 }, ...body } as ConverseCommandOutput;
}

/**
 * The fixture with its tool call named `replacing` turned into a call of `tool` with `input`; every
 * other block, field and number (usage, metrics, a non-standard `type`) stays as recorded.
 */
export function answering(name: string, replacing: string, tool: string, input: unknown): ConverseCommandOutput {
  const response = converseFixture(name);
  const call = response.output?.message?.content?.find((block) => block.toolUse?.name === replacing)?.toolUse;
  if (!call) throw new Error(`${name} has no ${replacing} tool call`);
  Object.assign(call, { name: tool, input });
  return response;
}

/** The single-call fixture (`bash` tool, usage 10/20) answering `tool` with `input`. */
export const toolAnswer = (tool: string, input: unknown) => answering('vercel-ai-converse-tool-call.1.json', 'bash', tool, input);

/** The Converse request of call `index`, as sent. */
export function sentRequest(index: number): ConverseCommandInput {
  const call = bedrock.commandCalls(ConverseCommand)[index];
  if (!call) throw new Error(`no Converse call #${index}`);
  return call.args[0].input;
}

/** What a good model answers for the falling customer: its indicators restate computed figures. */
export const VALID_A14: A14Output = {
  risks: [
    {
      type: 'competitor_penetration',
      level: 'high',
      score: 82,
      indicators: ['2 competitor mentions in 30 days, none in the prior 90 days: Kingfa, Covestro'],
      evidence_record_ids: ['EMAIL-20240612-0003'],
      recommended_actions: ['Ask the buyer what Kingfa offered and answer with a PCR-ABS 1000 quote this week'],
    },
    {
      type: 'churn',
      level: 'high',
      score: 75,
      indicators: ['30-day communications 2 vs monthly baseline 8.0 (−75%)'],
      evidence_record_ids: ['PHONE-20240605-0002'],
      recommended_actions: ['Have the account owner call the buyer'],
    },
  ],
  overall_risk_score: 85,
};

/** A plausible wrong answer: a risk type the schema lacks and a score out of range. */
export const INVALID_A14 = {
  ...VALID_A14,
  risks: [{ ...VALID_A14.risks[0], type: 'lost_interest', score: 120 }],
};
