import { BedrockRuntimeClient } from '@aws-sdk/client-bedrock-runtime';
import { traced } from '../../observability/tracing.js';

/**
 * How the Bedrock Runtime client retries. `adaptive` is the SDK's documented mode for throttling: on
 * top of the standard exponential backoff it rate-limits this client's own sends once it sees
 * throttling errors, so one busy Lambda stops hammering an exhausted quota. Four attempts keep a
 * call within the task's timeout; what is still throttled after them becomes `ModelThrottledError`
 * and the Step Functions task retries it with a longer backoff.
 */
export const BEDROCK_RETRY_POLICY = { retryMode: 'adaptive', maxAttempts: 4 } as const;

export interface BedrockRuntimeClientOptions {
  /** @default the Lambda's own region (`AWS_REGION`) */
  readonly region?: string;
  /** A VPC interface endpoint or a test server. @default the public regional endpoint */
  readonly endpoint?: string;
}

/**
 * The Bedrock Runtime client the A10 analyzer calls, with {@link BEDROCK_RETRY_POLICY}.
 *
 * @example
 * ```ts
 * const client = createBedrockRuntimeClient({ region: 'us-east-1' });
 * const analyzer = createBedrockAnalyzer({ client, modelId, fallback: localAnalyzer });
 * ```
 */
export function createBedrockRuntimeClient(options: BedrockRuntimeClientOptions = {}): BedrockRuntimeClient {
  return traced(new BedrockRuntimeClient({
    region: options.region,
    endpoint: options.endpoint,
    retryMode: BEDROCK_RETRY_POLICY.retryMode,
    maxAttempts: BEDROCK_RETRY_POLICY.maxAttempts,
  }));
}
