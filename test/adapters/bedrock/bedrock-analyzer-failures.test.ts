import {
  AccessDeniedException,
  ConverseCommand,
  ModelNotReadyException,
  ModelTimeoutException,
  ResourceNotFoundException,
  ServiceQuotaExceededException,
  ServiceUnavailableException,
  ThrottlingException,
  ValidationException,
} from '@aws-sdk/client-bedrock-runtime';
import { beforeEach, describe, expect, it } from 'vitest';
import { BEDROCK_RETRY_POLICY, createBedrockRuntimeClient } from '../../../functions/adapters/bedrock/bedrock-client.js';
import { ModelThrottledError } from '../../../functions/core/ports/analyzer.js';
import { INVALID_ANSWER, LOCAL_RESULT, VALID_ANSWER, ZH_INPUT, analyzerWithFallback, bedrock, toolAnswer } from './bedrock-kit.js';

beforeEach(() => {
  bedrock.reset();
});

/** A service error as the SDK throws it once its retries are spent. */
function serviceError(Exception: new (options: { message: string; $metadata: object }) => Error, message: string, httpStatusCode: number): Error {
  return new Exception({ message, $metadata: { httpStatusCode, requestId: 'req-1', attempts: 4, totalRetryDelay: 0 } });
}

describe('falling back to the local analyzer', () => {
  it('uses the fallback when the repaired answer is still invalid, and says why', async () => {
    // Prepare
    bedrock.on(ConverseCommand).resolves(toolAnswer(INVALID_ANSWER));
    const { analyzer, fallback } = analyzerWithFallback();

    // Act
    const result = await analyzer.analyze(ZH_INPUT);

    // Assess
    expect(fallback.analyze).toHaveBeenCalledExactlyOnceWith(ZH_INPUT);
    expect(result).toEqual({
      ...LOCAL_RESULT,
      model: 'local-fallback',
      fallbackReason: expect.stringMatching(/^invalid output after repair: intent\.category: Invalid option.*; quality_score: Too big/),
      modelCalls: 2,
      usage: { inputTokens: 20, outputTokens: 40 },
    });
  });

  it.each([
    [AccessDeniedException, 'You do not have access to the model with the specified model ID.', 403],
    [ValidationException, 'This model does not support the tool choice "tool".', 400],
    [ResourceNotFoundException, 'Model not found.', 404],
    [ModelNotReadyException, 'Model is not ready for inference.', 429],
    [ModelTimeoutException, 'Model has timed out in processing the request.', 408],
    [ServiceUnavailableException, 'Service unavailable.', 503],
  ])('falls back at once on %o, without a repair call', async (Exception, message, status) => {
    // Prepare
    const error = serviceError(Exception, message, status);
    bedrock.on(ConverseCommand).rejects(error);
    const { analyzer, fallback } = analyzerWithFallback();

    // Act
    const result = await analyzer.analyze(ZH_INPUT);

    // Assess
    expect(fallback.analyze).toHaveBeenCalledOnce();
    expect(result).toEqual({ ...LOCAL_RESULT, model: 'local-fallback', fallbackReason: `${error.name}: ${message}`, modelCalls: 1 });
    expect(result).not.toHaveProperty('usage');
  });

  it('keeps the usage of the first answer when the repair call fails', async () => {
    // Prepare
    bedrock
      .on(ConverseCommand)
      .resolvesOnce(toolAnswer(INVALID_ANSWER))
      .rejectsOnce(serviceError(ModelTimeoutException, 'Model has timed out.', 408));
    const { analyzer } = analyzerWithFallback();

    // Act
    const result = await analyzer.analyze(ZH_INPUT);

    // Assess
    expect(result).toMatchObject({ model: 'local-fallback', fallbackReason: 'ModelTimeoutException: Model has timed out.', modelCalls: 2 });
    expect(result.usage).toEqual({ inputTokens: 10, outputTokens: 20 });
  });

  it('does not ask again when the answer was filtered', async () => {
    // Prepare
    const filtered = toolAnswer(VALID_ANSWER);
    filtered.stopReason = 'guardrail_intervened';
    bedrock.on(ConverseCommand).resolves(filtered);
    const { analyzer } = analyzerWithFallback();

    // Act
    const result = await analyzer.analyze(ZH_INPUT);

    // Assess
    expect(result).toMatchObject({ model: 'local-fallback', fallbackReason: 'stopped with guardrail_intervened', modelCalls: 1 });
  });
});

describe('throttling', () => {
  it.each([
    [ThrottlingException, 'Too many requests, please wait before trying again.', 429],
    [ServiceQuotaExceededException, 'Your request exceeds the service quota for your account.', 400],
  ])('rejects with ModelThrottledError on %o so the workflow retries, without the fallback', async (Exception, message, status) => {
    // Prepare
    const throttled = serviceError(Exception, message, status);
    bedrock.on(ConverseCommand).rejects(throttled);
    const { analyzer, fallback } = analyzerWithFallback();

    // Act
    const outcome = analyzer.analyze(ZH_INPUT);

    // Assess
    await expect(outcome).rejects.toThrow(ModelThrottledError);
    await expect(outcome).rejects.toMatchObject({ name: 'ModelThrottled', cause: throttled });
    expect(fallback.analyze).not.toHaveBeenCalled();
  });

  it('throws ModelThrottledError when the repair call is the one throttled', async () => {
    // Prepare
    bedrock
      .on(ConverseCommand)
      .resolvesOnce(toolAnswer(INVALID_ANSWER))
      .rejectsOnce(serviceError(ThrottlingException, 'Too many tokens, please wait before trying again.', 429));
    const { analyzer, fallback } = analyzerWithFallback();

    // Act
    const outcome = analyzer.analyze(ZH_INPUT);

    // Assess
    await expect(outcome).rejects.toThrow(ModelThrottledError);
    expect(fallback.analyze).not.toHaveBeenCalled();
  });

  it('configures the client for adaptive retries, the SDK mode that rate-limits itself on throttling', async () => {
    // Prepare
    const client = createBedrockRuntimeClient({ region: 'eu-central-1' });

    // Act
    const strategy = await client.config.retryStrategy();
    const configured = { retryMode: (strategy as { mode?: string }).mode, maxAttempts: await client.config.maxAttempts() };

    // Assess
    expect(BEDROCK_RETRY_POLICY).toEqual({ retryMode: 'adaptive', maxAttempts: 4 });
    expect(configured).toEqual(BEDROCK_RETRY_POLICY);
  });
});
