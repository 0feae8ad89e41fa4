import { AccessDeniedException, ConverseCommand, ThrottlingException } from '@aws-sdk/client-bedrock-runtime';
import { beforeEach, describe, expect, it } from 'vitest';
import { localMarketingSuggestions } from '../../functions/analysis/agents/a13-local-marketing-suggestions.js';
import { localRiskAlerts } from '../../functions/analysis/agents/a14-local-risk-alerts.js';
import { ModelThrottledError } from '../../functions/core/ports/analyzer.js';
import { fallingInput } from './agent-kit.js';
import { INVALID_A14, MODEL_ID, VALID_A14, agentsUnderTest, answering, bedrock, sentRequest, toolAnswer } from './bedrock-agents-kit.js';

const TOOL = 'record_risk_alerts';

beforeEach(() => {
  bedrock.reset();
});

/** A service error as the SDK throws it once its retries are spent. */
function serviceError(Exception: new (options: { message: string; $metadata: object }) => Error, message: string, httpStatusCode: number): Error {
  return new Exception({ message, $metadata: { httpStatusCode, requestId: 'req-1', attempts: 4, totalRetryDelay: 0 } });
}

describe('a valid answer', () => {
  it('is returned with the model id and the usage Bedrock reported', async () => {
    // Prepare
    bedrock.on(ConverseCommand).resolves(toolAnswer(TOOL, VALID_A14));

    // Act
    const result = await agentsUnderTest().risks(fallingInput('en'));

    // Assess
    expect(result).toEqual({ output: VALID_A14, model: MODEL_ID, modelCalls: 1, usage: { inputTokens: 10, outputTokens: 20 } });
  });

  it('is found in a parallel-tool-calls response beside a tool we never offered', async () => {
    // Prepare
    bedrock.on(ConverseCommand).resolves(answering('vercel-ai-converse-parallel-tool-calls.json', 'get_resistor_value', TOOL, VALID_A14));

    // Act
    const result = await agentsUnderTest().risks(fallingInput('en'));

    // Assess
    expect(result).toEqual({ output: VALID_A14, model: MODEL_ID, modelCalls: 1, usage: { inputTokens: 694, outputTokens: 110 } });
  });

  it('has an indicator with an invented number replaced by the rule’s computed indicator', async () => {
    // Prepare
    const invented = { ...VALID_A14, risks: [{ ...VALID_A14.risks[1]!, indicators: ['Contact dropped by 60% to 3 touches a month'] }] };
    bedrock.on(ConverseCommand).resolves(toolAnswer(TOOL, invented));

    // Act
    const result = await agentsUnderTest().risks(fallingInput('en'));

    // Assess
    expect(result.model).toBe(MODEL_ID);
    expect(result.output.risks[0]).toEqual({ ...VALID_A14.risks[1], indicators: ['30-day communications 2 vs monthly baseline 8.0 (−75%)'] });
    expect(result.corrections).toEqual([
      'churn: indicator "Contact dropped by 60% to 3 touches a month" quotes 3, not computed; replaced by "30-day communications 2 vs monthly baseline 8.0 (−75%)"',
    ]);
  });

  it('has A13’s best contact overwritten with the computed one', async () => {
    // Prepare
    const input = fallingInput('en');
    const answer = { ...localMarketingSuggestions(input), best_contact: { weekdays: [5], hours: [16], channel: 'visit' } };
    bedrock.on(ConverseCommand).resolves(toolAnswer('record_marketing_suggestions', answer));

    // Act
    const result = await agentsUnderTest().marketing(input);

    // Assess
    expect(result.output.best_contact).toEqual({ weekdays: [2, 4], hours: [10, 14], channel: 'email' });
    expect(result.corrections).toHaveLength(1);
  });
});

describe('an invalid answer', () => {
  it('is answered once with an error toolResult naming the fields, and the corrected answer is used', async () => {
    // Prepare
    bedrock.on(ConverseCommand).resolvesOnce(toolAnswer(TOOL, INVALID_A14)).resolvesOnce(toolAnswer(TOOL, VALID_A14));

    // Act
    const result = await agentsUnderTest().risks(fallingInput('en'));

    // Assess
    expect(result).toEqual({ output: VALID_A14, model: MODEL_ID, modelCalls: 2, usage: { inputTokens: 20, outputTokens: 40 } });
    const [original, echoed, reply] = sentRequest(1).messages ?? [];
    expect(original).toEqual(sentRequest(0).messages?.[0]);
    expect(echoed).toEqual({ role: 'assistant', content: [{ toolUse: { toolUseId: 'tool-use-id', name: TOOL, input: INVALID_A14 } }] });
    const result0 = reply?.content?.[0]?.toolResult;
    expect(result0).toMatchObject({ toolUseId: 'tool-use-id', status: 'error' });
    expect(result0?.content?.[0]?.text).toMatch(/^Your answer could not be used: risks\.0\.type: Invalid option.*; risks\.0\.score: Too big.*Call record_risk_alerts again/);
    expect(sentRequest(1).toolConfig).toEqual(sentRequest(0).toolConfig);
  });

  it('is repaired in Chinese for a Chinese tenant', async () => {
    // Prepare
    bedrock.on(ConverseCommand).resolvesOnce(toolAnswer(TOOL, INVALID_A14)).resolvesOnce(toolAnswer(TOOL, VALID_A14));

    // Act
    await agentsUnderTest().risks(fallingInput('zh'));

    // Assess
    expect(sentRequest(1).messages?.[2]?.content?.[0]?.toolResult?.content?.[0]?.text).toMatch(/^上次的回答无法使用：/);
  });

  it('twice falls back to the local rules, marked local-fallback with the reason', async () => {
    // Prepare
    bedrock.on(ConverseCommand).resolves(toolAnswer(TOOL, INVALID_A14));
    const input = fallingInput('en');

    // Act
    const result = await agentsUnderTest().risks(input);

    // Assess
    expect(result).toEqual({
      output: localRiskAlerts(input),
      model: 'local-fallback',
      modelCalls: 2,
      usage: { inputTokens: 20, outputTokens: 40 },
      fallbackReason: expect.stringMatching(/^invalid output after repair: risks\.0\.type: Invalid option/),
    });
  });
});

describe('service failures', () => {
  it('throttling after the SDK retries rejects with ModelThrottledError, without a fallback', async () => {
    // Prepare
    bedrock.on(ConverseCommand).rejects(serviceError(ThrottlingException, 'Too many requests, please wait before trying again.', 429));

    // Act
    const answer = agentsUnderTest().risks(fallingInput('en'));

    // Assess
    await expect(answer).rejects.toBeInstanceOf(ModelThrottledError);
    await expect(answer).rejects.toMatchObject({ name: 'ModelThrottled', message: expect.stringContaining(`${MODEL_ID} throttled after the SDK's retries: ThrottlingException`) });
    expect(bedrock.commandCalls(ConverseCommand)).toHaveLength(1);
  });

  it('any other refusal falls back to the local rules at once, without a repair call', async () => {
    // Prepare
    bedrock.on(ConverseCommand).rejects(serviceError(AccessDeniedException, 'You do not have access to the model with the specified model ID.', 403));
    const input = fallingInput('en');

    // Act
    const result = await agentsUnderTest().risks(input);

    // Assess
    expect(result).toEqual({
      output: localRiskAlerts(input),
      model: 'local-fallback',
      modelCalls: 1,
      fallbackReason: 'AccessDeniedException: You do not have access to the model with the specified model ID.',
    });
  });
});
