import { readFileSync } from 'node:fs';
import { BedrockRuntimeClient, ConverseCommand, type ConverseCommandInput, type ConverseCommandOutput } from '@aws-sdk/client-bedrock-runtime';
import { mockClient } from 'aws-sdk-client-mock';
import { vi } from 'vitest';
import { A10_TOOL_NAME } from '../../../functions/adapters/bedrock/a10-tool.js';
import { createBedrockAnalyzer } from '../../../functions/adapters/bedrock/bedrock-analyzer.js';
import { createBedrockRuntimeClient } from '../../../functions/adapters/bedrock/bedrock-client.js';
import type { A10Input, A10Output } from '../../../functions/core/agents/a10-communication-analysis.js';
import type { AnalysisResult } from '../../../functions/core/ports/analyzer.js';

/** Shared by the Bedrock adapter tests: records to analyse, A10 answers, and real Converse shapes. */
export const FIXTURES = new URL('../../../../shared/fixtures/bedrock/', import.meta.url);

/** A Chinese inbound email, already redacted (placeholders stand where the phone and address were). */
export const ZH_INPUT: A10Input = {
  recordId: 'EMAIL-20240615-0001',
  type: 'email',
  direction: 'inbound',
  channel: 'email',
  subject: 'PCR-ABS 1000 询价',
  text: '张经理您好，我们下个月需要PCR-ABS 1000系列大约50吨，麻烦报个含税价，最好本周内回复。我的手机 [MOBILE_1]，邮箱 [EMAIL_1]。',
  language: 'zh',
  competitors: ['金发科技', '普利特'],
  occurredAt: '2024-06-15T02:30:00Z',
  timeZone: 'Asia/Shanghai',
};

/** An English WeCom chat with no subject. */
export const EN_INPUT: A10Input = {
  recordId: 'WX-20240616-0007',
  type: 'wechat',
  direction: 'inbound',
  channel: 'wecom',
  text: 'The truck has not arrived and our line stops tomorrow morning without the resin. Call me on [MOBILE_1] today.',
  language: 'en',
  competitors: ['Kingfa', 'Covestro'],
  occurredAt: '2024-06-16T09:12:00Z',
  timeZone: 'Asia/Shanghai',
};

/** What a good model answers for {@link ZH_INPUT}. */
export const VALID_ANSWER: A10Output = {
  intent: { category: 'inquiry', detail: '询问PCR-ABS 1000系列50吨的含税价', confidence: 0.93 },
  key_info: { products: ['PCR-ABS 1000系列'], price: null, quantity: '约50吨', timeline: '下个月；本周内回复', competitors: [] },
  sentiment: { overall: 'neutral', score: 0.1, mood: '礼貌、务实' },
  urgency: { level: 'medium', reason: '希望本周内收到报价' },
  follow_up: [{ action: '本周内提供PCR-ABS 1000系列50吨含税报价' }],
  quality_score: 8,
  suggestions: ['报价时确认交货期与付款方式'],
};

/** A plausible wrong answer: an intent the schema lacks and a score out of range. */
export const INVALID_ANSWER = {
  ...VALID_ANSWER,
  intent: { ...VALID_ANSWER.intent, category: 'question' },
  quality_score: 11,
};

/** A recorded or published Converse response, as the SDK would return it (with `$metadata`). */
export function converseFixture(name: string): ConverseCommandOutput {
  const body = JSON.parse(readFileSync(new URL(name, FIXTURES), 'utf8')) as object;
  // Fixture files are raw JSON responses; the SDK adds `$metadata` and passes unknown fields through.
  return { $metadata: { httpStatusCode: 200 }, ...body } as ConverseCommandOutput;
}

/**
 * The fixture with the tool call named `replacing` turned into a call of our tool with `input`;
 * every other block, field and number (usage, metrics, non-standard `type`) stays as recorded.
 */
export function answering(name: string, replacing: string, input: unknown): ConverseCommandOutput {
  const response = converseFixture(name);
  const call = response.output?.message?.content?.find((block) => block.toolUse?.name === replacing)?.toolUse;
  if (!call) throw new Error(`${name} has no ${replacing} tool call`);
  Object.assign(call, { name: A10_TOOL_NAME, input });
  return response;
}

/** The single-call fixture (`bash` tool, usage 10/20) answering `input`. */
export const toolAnswer = (input: unknown) => answering('vercel-ai-converse-tool-call.1.json', 'bash', input);

export const MODEL_ID = 'anthropic.claude-3-5-haiku-20241022-v1:0';

// Only `send` is stubbed, so the SDK's retry middleware never runs: rejections arrive at once.
export const bedrock = mockClient(BedrockRuntimeClient);

/** What the fake local analyzer answers (the fallback). */
export const LOCAL_RESULT: AnalysisResult = {
  output: { ...VALID_ANSWER, intent: { ...VALID_ANSWER.intent, detail: '本地规则：询价' } },
  model: 'local',
  modelCalls: 0,
  explanation: ['关键词“报价” → inquiry'],
};

/** The analyzer under test, on a real client whose `send` is mocked, with a recording fake fallback. */
export function analyzerWithFallback() {
  const fallback = { analyze: vi.fn(async (_input: A10Input) => LOCAL_RESULT) };
  const analyzer = createBedrockAnalyzer({ client: createBedrockRuntimeClient({ region: 'us-east-1' }), modelId: MODEL_ID, fallback });
  return { analyzer, fallback };
}

/** The Converse request of call `index`, as sent. */
export function sentRequest(index: number): ConverseCommandInput {
  const call = bedrock.commandCalls(ConverseCommand)[index];
  if (!call) throw new Error(`no Converse call #${index}`);
  return call.args[0].input;
}
