import { ConverseCommand } from '@aws-sdk/client-bedrock-runtime';
import { beforeEach, describe, expect, it } from 'vitest';
import * as z from '../../../functions/core/zod.js';
import { modelFacingSchema } from '../../../functions/adapters/bedrock/model-facing-schema.js';
import { A10Output } from '../../../functions/core/agents/a10-communication-analysis.js';
import { INTENT_CATEGORIES } from '../../../functions/core/model/record-types.js';
import { EN_INPUT, MODEL_ID, VALID_ANSWER, ZH_INPUT, analyzerWithFallback, answering, bedrock, sentRequest, toolAnswer } from './bedrock-kit.js';

const TOOL = 'record_communication_analysis';

beforeEach(() => {
  bedrock.reset();
});

describe('the Converse request', () => {
  it('forces the A10 tool, whose schema is generated from A10Output, and sends only the redacted record', async () => {
    // Prepare
    bedrock.on(ConverseCommand).resolves(toolAnswer(VALID_ANSWER));
    const { analyzer } = analyzerWithFallback();

    // Act
    await analyzer.analyze(ZH_INPUT);

    // Assess
    const sent = sentRequest(0);
    expect(sent.modelId).toBe(MODEL_ID);
    expect(sent.inferenceConfig).toEqual({ maxTokens: 600, temperature: 0 });
    expect(sent.toolConfig?.toolChoice).toEqual({ tool: { name: TOOL } });
    const { $schema: _dialect, ...generated } = z.toJSONSchema(A10Output, { target: 'draft-07' });
    const schema = sent.toolConfig?.tools?.[0]?.toolSpec?.inputSchema?.json as Record<string, any>;
    expect(schema).toEqual(modelFacingSchema(generated));
    expect(schema).not.toHaveProperty('$schema');
    expect(schema.required).toEqual(['intent', 'key_info', 'sentiment', 'urgency', 'follow_up', 'quality_score', 'suggestions']);
    expect(schema.properties.intent.properties.category.enum).toEqual([...INTENT_CATEGORIES]);
    expect(schema.properties.quality_score).toEqual({ type: 'integer', minimum: 1, maximum: 10 });

    expect(sent.messages).toHaveLength(1);
    const userText = sent.messages?.[0]?.content?.[0]?.text ?? '';
    expect(sent.messages?.[0]?.role).toBe('user');
    expect(userText).toContain(ZH_INPUT.text);
    expect(userText).toContain('[MOBILE_1]');
    expect(userText).toContain(ZH_INPUT.subject);
    const wholeRequest = JSON.stringify(sent);
    for (const unsent of [ZH_INPUT.recordId, ZH_INPUT.occurredAt, ZH_INPUT.timeZone]) expect(wholeRequest).not.toContain(unsent);
  });

  it.each([
    ['zh', ZH_INPUT, /分析师/, '金发科技, 普利特'],
    ['en', EN_INPUT, /analyst/, 'Kingfa, Covestro'],
  ])('speaks %s to a %s record and names the tenant competitors', async (_language, input, role, competitors) => {
    // Prepare
    bedrock.on(ConverseCommand).resolves(toolAnswer(VALID_ANSWER));
    const { analyzer } = analyzerWithFallback();

    // Act
    await analyzer.analyze(input);

    // Assess
    const system = sentRequest(0).system?.[0]?.text ?? '';
    expect(system).toMatch(role);
    expect(system).toContain(competitors);
    expect(/\p{Script=Han}/u.test(system)).toBe(input.language === 'zh');
  });
});

describe('answers', () => {
  it('returns a valid tool answer with the model id and the usage Bedrock reported', async () => {
    // Prepare
    bedrock.on(ConverseCommand).resolves(toolAnswer(VALID_ANSWER));
    const { analyzer, fallback } = analyzerWithFallback();

    // Act
    const result = await analyzer.analyze(ZH_INPUT);

    // Assess
    expect(result).toEqual({ output: VALID_ANSWER, model: MODEL_ID, usage: { inputTokens: 10, outputTokens: 20 }, modelCalls: 1 });
    expect(fallback.analyze).not.toHaveBeenCalled();
  });

  it('takes our call from a parallel-tool-calls response and ignores the other tool', async () => {
    // Prepare
    bedrock.on(ConverseCommand).resolves(answering('vercel-ai-converse-parallel-tool-calls.json', 'get_resistor_value', VALID_ANSWER));
    const { analyzer } = analyzerWithFallback();

    // Act
    const result = await analyzer.analyze(ZH_INPUT);

    // Assess
    expect(result).toEqual({ output: VALID_ANSWER, model: MODEL_ID, usage: { inputTokens: 694, outputTokens: 110 }, modelCalls: 1 });
  });

  it('reads interleaved text and tool blocks carrying a non-standard "type" field', async () => {
    // Prepare
    bedrock.on(ConverseCommand).resolves(answering('vercel-ai-converse-json-with-tools.1.json', 'json', VALID_ANSWER));
    const { analyzer } = analyzerWithFallback();

    // Act
    const result = await analyzer.analyze(ZH_INPUT);

    // Assess
    expect(result.output).toEqual(VALID_ANSWER);
    expect(result.usage).toEqual({ inputTokens: 28, outputTokens: 62 });
  });

  it('leaves usage out when the response has none', async () => {
    // Prepare
    const { usage: _usage, ...withoutUsage } = toolAnswer(VALID_ANSWER);
    bedrock.on(ConverseCommand).resolves(withoutUsage);
    const { analyzer } = analyzerWithFallback();

    // Act
    const result = await analyzer.analyze(ZH_INPUT);

    // Assess
    expect(result).toEqual({ output: VALID_ANSWER, model: MODEL_ID, modelCalls: 1 });
    expect(result).not.toHaveProperty('usage');
  });
});
