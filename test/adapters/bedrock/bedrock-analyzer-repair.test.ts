import { ConverseCommand, type ContentBlock } from '@aws-sdk/client-bedrock-runtime';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  INVALID_ANSWER,
  MODEL_ID,
  VALID_ANSWER,
  ZH_INPUT,
  analyzerWithFallback,
  answering,
  bedrock,
  converseFixture,
  sentRequest,
  toolAnswer,
} from './bedrock-kit.js';

const TOOL = 'record_communication_analysis';

beforeEach(() => {
  bedrock.reset();
});

/** The content of the last (user) turn of repair call #1. */
function repairTurn(): ContentBlock[] {
  const messages = sentRequest(1).messages ?? [];
  expect(messages.at(-1)?.role).toBe('user');
  return messages.at(-1)?.content ?? [];
}

describe('one repair call', () => {
  it('answers an invalid tool input with an error toolResult naming the fields, then uses the corrected answer', async () => {
    // Prepare
    bedrock.on(ConverseCommand).resolvesOnce(toolAnswer(INVALID_ANSWER)).resolvesOnce(toolAnswer(VALID_ANSWER));
    const { analyzer, fallback } = analyzerWithFallback();

    // Act
    const result = await analyzer.analyze(ZH_INPUT);

    // Assess
    expect(result).toEqual({ output: VALID_ANSWER, model: MODEL_ID, usage: { inputTokens: 20, outputTokens: 40 }, modelCalls: 2 });
    expect(fallback.analyze).not.toHaveBeenCalled();
    const [original, echoed] = sentRequest(1).messages ?? [];
    expect(original).toEqual(sentRequest(0).messages?.[0]);
    expect(echoed).toEqual({ role: 'assistant', content: [{ toolUse: { toolUseId: 'tool-use-id', name: TOOL, input: INVALID_ANSWER } }] });
    const [block] = repairTurn();
    expect(block?.toolResult?.toolUseId).toBe('tool-use-id');
    expect(block?.toolResult?.status).toBe('error');
    const feedback = block?.toolResult?.content?.[0]?.text ?? '';
    expect(feedback).toMatch(/intent\.category: Invalid option/);
    expect(feedback).toMatch(/quality_score: Too big/);
    expect(feedback).toContain(TOOL);
    expect(sentRequest(1).toolConfig).toEqual(sentRequest(0).toolConfig);
  });

  it.each([
    ['a text-only answer', 'vercel-ai-converse-text.json', 22, 57],
    ['a reasoning-then-text answer', 'vercel-ai-converse-reasoning.json', 51, 78],
  ])('asks again in plain text after %s', async (_case, fixture, inputTokens, outputTokens) => {
    // Prepare
    bedrock.on(ConverseCommand).resolvesOnce(converseFixture(fixture)).resolvesOnce(toolAnswer(VALID_ANSWER));
    const { analyzer } = analyzerWithFallback();

    // Act
    const result = await analyzer.analyze(ZH_INPUT);

    // Assess
    expect(result).toEqual({ output: VALID_ANSWER, model: MODEL_ID, usage: { inputTokens: inputTokens + 10, outputTokens: outputTokens + 20 }, modelCalls: 2 });
    const echoed = sentRequest(1).messages?.[1];
    expect(echoed?.role).toBe('assistant');
    // Only the text goes back: reasoning blocks are not echoed.
    expect(echoed?.content?.every((block) => block.text !== undefined)).toBe(true);
    const [ask] = repairTurn();
    expect(ask?.text).toContain(`no ${TOOL} call`);
  });

  it('repeats the request with the instruction added when the answer had nothing to echo (reasoning only)', async () => {
    // Prepare
    const reasoningOnly = converseFixture('vercel-ai-converse-reasoning.json');
    reasoningOnly.output?.message?.content?.splice(1);
    bedrock.on(ConverseCommand).resolvesOnce(reasoningOnly).resolvesOnce(toolAnswer(VALID_ANSWER));
    const { analyzer } = analyzerWithFallback();

    // Act
    const result = await analyzer.analyze(ZH_INPUT);

    // Assess
    expect(result.modelCalls).toBe(2);
    const [turn, ...more] = sentRequest(1).messages ?? [];
    expect(more).toEqual([]);
    expect(turn?.content?.[0]).toEqual(sentRequest(0).messages?.[0]?.content?.[0]);
    expect(turn?.content?.[1]?.text).toContain(`no ${TOOL} call`);
  });

  it('answers every tool call of a parallel response, so Converse sees a result for each toolUse', async () => {
    // Prepare
    const first = answering('vercel-ai-converse-parallel-tool-calls.json', 'get_resistor_value', INVALID_ANSWER);
    bedrock.on(ConverseCommand).resolvesOnce(first).resolvesOnce(toolAnswer(VALID_ANSWER));
    const { analyzer } = analyzerWithFallback();

    // Act
    const result = await analyzer.analyze(ZH_INPUT);

    // Assess
    expect(result.modelCalls).toBe(2);
    expect(result.usage).toEqual({ inputTokens: 704, outputTokens: 130 });
    const results = repairTurn().map((block) => [block.toolResult?.toolUseId, block.toolResult?.status]);
    expect(results).toEqual([
      ['tooluse_hr5juciYZJwUHpRczsw13R', 'error'],
      ['tooluse_AZHw3Ym0S07qOv5NlXj9iJ', 'error'],
    ]);
    // The recorded non-standard `type: "tool_use"` is not sent back (it is not a valid ToolUseType).
    const echoedCalls = sentRequest(1).messages?.[1]?.content?.flatMap((block) => (block.toolUse ? [block.toolUse] : []));
    expect(echoedCalls?.every((call) => !('type' in call))).toBe(true);
  });

  it('tells a model that called a tool it was never offered that only ours exists', async () => {
    // Prepare
    bedrock.on(ConverseCommand).resolvesOnce(converseFixture('vercel-ai-converse-tool-call.1.json')).resolvesOnce(toolAnswer(VALID_ANSWER));
    const { analyzer } = analyzerWithFallback();

    // Act
    const result = await analyzer.analyze(ZH_INPUT);

    // Assess
    expect(result.output).toEqual(VALID_ANSWER);
    const [block] = repairTurn();
    expect(block?.toolResult).toMatchObject({ toolUseId: 'tool-use-id', status: 'error' });
    expect(block?.toolResult?.content?.[0]?.text).toMatch(/^Unknown tool; only record_communication_analysis exists\. .*called bash instead/);
  });

  it('treats an answer cut at maxTokens as invalid, echoing the truncated call with an empty input', async () => {
    // Prepare
    const truncated = toolAnswer(undefined);
    truncated.stopReason = 'max_tokens';
    bedrock.on(ConverseCommand).resolvesOnce(truncated).resolvesOnce(toolAnswer(VALID_ANSWER));
    const { analyzer } = analyzerWithFallback();

    // Act
    const result = await analyzer.analyze(ZH_INPUT);

    // Assess
    expect(result.output).toEqual(VALID_ANSWER);
    expect(result.modelCalls).toBe(2);
    expect(sentRequest(1).messages?.[1]?.content?.[0]?.toolUse?.input).toEqual({});
    expect(repairTurn()[0]?.toolResult?.content?.[0]?.text).toContain('max_tokens');
  });

  it('also rejects a complete-looking input when the response stopped at maxTokens', async () => {
    // Prepare
    const cut = toolAnswer(VALID_ANSWER);
    cut.stopReason = 'max_tokens';
    bedrock.on(ConverseCommand).resolvesOnce(cut).resolvesOnce(toolAnswer(VALID_ANSWER));
    const { analyzer } = analyzerWithFallback();

    // Act
    const result = await analyzer.analyze(ZH_INPUT);

    // Assess
    expect(result.modelCalls).toBe(2);
  });

  it('phrases the repair in English for an English record', async () => {
    // Prepare
    bedrock.on(ConverseCommand).resolvesOnce(toolAnswer(INVALID_ANSWER)).resolvesOnce(toolAnswer(VALID_ANSWER));
    const { analyzer } = analyzerWithFallback();

    // Act
    await analyzer.analyze({ ...ZH_INPUT, language: 'en' });

    // Assess
    expect(repairTurn()[0]?.toolResult?.content?.[0]?.text).toMatch(/^Your answer could not be used: /);
  });
});
