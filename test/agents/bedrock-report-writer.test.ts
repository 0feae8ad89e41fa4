import { ConverseCommand, ThrottlingException } from '@aws-sdk/client-bedrock-runtime';
import { beforeEach, describe, expect, it } from 'vitest';
import { a15ToolConfig, createBedrockReportWriter } from '../../functions/adapters/bedrock/bedrock-report-writer.js';
import { createBedrockRuntimeClient } from '../../functions/adapters/bedrock/bedrock-client.js';
import { generateToolInputSchema } from '../../functions/adapters/bedrock/forced-tool.js';
import { writeLocalReportNarrative } from '../../functions/analysis/agents/a15-local-report.js';
import { A15Narrative } from '../../functions/core/agents/a15-report.js';
import { ModelThrottledError } from '../../functions/core/ports/analyzer.js';
import { sampleInput } from '../reports/report-fixtures.js';
import { MODEL_ID, bedrock, sentRequest, toolAnswer } from './bedrock-agents-kit.js';

const TOOL = 'record_report_narrative';
const writer = () => createBedrockReportWriter({ client: createBedrockRuntimeClient({ region: 'us-east-1' }), modelId: MODEL_ID });

/** A good answer for the sample week: its only number (the record count) is a computed one. */
function validNarrative(records: number): A15Narrative {
  return {
    summary: `本周共沟通 ${records} 次，以微信和邮件为主，整体情绪平稳。`,
    highlights: ['华东塑胶提出了年度框架采购意向。'],
    action_plan: { immediate: ['本周内回复华东塑胶的框架报价。'], short_term: ['跟进本月到期的交付。'], long_term: ['评估重点客户的年度合作计划。'] },
  };
}

beforeEach(() => {
  bedrock.reset();
});

describe('A15 on Bedrock', () => {
  it('sends one Converse request with the narrative tool (schema from zod) forced, temperature 0 and the facts as JSON', async () => {
    // Prepare
    const input = sampleInput('zh');
    bedrock.on(ConverseCommand).resolves(toolAnswer(TOOL, validNarrative(input.keyMetrics.records)));

    // Act
    await writer().write(input);

    // Assess
    const request = sentRequest(0);
    expect(request.modelId).toBe(MODEL_ID);
    expect(request.toolConfig).toEqual(a15ToolConfig());
    expect(request.toolConfig?.toolChoice).toEqual({ tool: { name: TOOL } });
    expect(request.toolConfig?.tools?.[0]?.toolSpec?.inputSchema).toEqual({ json: generateToolInputSchema({ name: 'record_report_narrative', output: A15Narrative }) });
    expect(request.inferenceConfig).toMatchObject({ temperature: 0 });
    expect(request.system?.[0]?.text).toContain('所有数字都在 <facts> 中');
    const user = request.messages?.[0]?.content?.[0]?.text ?? '';
    expect(JSON.parse(user.slice(user.indexOf('<facts>') + 7, user.indexOf('</facts>')))).toEqual(input);
  });

  it.each([
    ['en', 'Write in English', 'Quote them exactly as given'],
    ['zh', '用中文', '引用时照原样使用'],
  ] as const)('writes the system prompt in the tenant’s language (%s)', async (language, writeIn, quoteAsGiven) => {
    // Prepare
    const input = sampleInput(language);
    bedrock.on(ConverseCommand).resolves(toolAnswer(TOOL, validNarrative(input.keyMetrics.records)));

    // Act
    await writer().write(input);

    // Assess
    const system = sentRequest(0).system?.[0]?.text ?? '';
    expect(system).toContain(writeIn);
    expect(system).toContain(quoteAsGiven);
    expect(system).toContain('YYYY-MM-DD');
  });

  it('returns a valid answer with the model id and usage', async () => {
    // Prepare
    const input = sampleInput('zh');
    const narrative = validNarrative(input.keyMetrics.records);
    bedrock.on(ConverseCommand).resolves(toolAnswer(TOOL, narrative));

    // Act
    const result = await writer().write(input);

    // Assess
    expect(result).toEqual({ narrative, model: MODEL_ID, modelCalls: 1, usage: { inputTokens: 10, outputTokens: 20 } });
  });

  it('repairs an invalid answer once, showing the validation error', async () => {
    // Prepare
    const input = sampleInput('en');
    const narrative = validNarrative(input.keyMetrics.records);
    bedrock.on(ConverseCommand).resolvesOnce(toolAnswer(TOOL, { summary: '' })).resolves(toolAnswer(TOOL, narrative));

    // Act
    const result = await writer().write(input);

    // Assess
    expect(result).toMatchObject({ narrative, model: MODEL_ID, modelCalls: 2 });
    const repair = sentRequest(1).messages!;
    const instruction = JSON.stringify(repair[repair.length - 1]);
    expect(instruction).toContain('could not be used');
    expect(instruction).toMatch(/summary: .*; highlights: /);
  });

  it('falls back to the local writer when the answer is invalid twice', async () => {
    // Prepare
    const input = sampleInput('en');
    bedrock.on(ConverseCommand).resolves(toolAnswer(TOOL, { summary: 'x', highlights: 'not a list' }));

    // Act
    const result = await writer().write(input);

    // Assess
    expect(result.model).toBe('local-fallback');
    expect(result.modelCalls).toBe(2);
    expect(result.narrative).toEqual(writeLocalReportNarrative(input));
    expect(result.fallbackReason).toMatch(/highlights/);
  });

  it('drops a sentence that quotes a number the facts do not hold, and says so', async () => {
    // Prepare
    const input = sampleInput('zh');
    const narrative = { ...validNarrative(input.keyMetrics.records), highlights: ['华东塑胶本月将下单 987654 吨。', '整体情绪平稳。'] };
    bedrock.on(ConverseCommand).resolves(toolAnswer(TOOL, narrative));

    // Act
    const result = await writer().write(input);

    // Assess
    expect(result.narrative.highlights).toEqual(['整体情绪平稳。']);
    expect(result.corrections).toEqual([expect.stringContaining('987654')]);
  });

  it('rejects with ModelThrottled once the SDK has spent its retries', async () => {
    // Prepare
    bedrock.on(ConverseCommand).rejects(new ThrottlingException({ message: 'Too many requests', $metadata: { httpStatusCode: 429 } }));

    // Act
    const written = writer().write(sampleInput('zh'));

    // Assess
    await expect(written).rejects.toBeInstanceOf(ModelThrottledError);
    await expect(written).rejects.toMatchObject({ name: 'ModelThrottled', message: expect.stringContaining(`${MODEL_ID} throttled after the SDK's retries`) });
    expect(bedrock.commandCalls(ConverseCommand)).toHaveLength(1);
  });
});
