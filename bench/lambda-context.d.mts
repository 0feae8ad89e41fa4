/** The Lambda context a probe hands the handler it loads (lambda-context.mjs). */
export interface ProbeLambdaContext {
  readonly functionName: string | undefined;
  readonly functionVersion: string;
  readonly memoryLimitInMB: string | undefined;
  readonly awsRequestId: string;
  readonly invokedFunctionArn: string;
  readonly getRemainingTimeInMillis: () => number;
  readonly callbackWaitsForEmptyEventLoop: boolean;
}
export declare function lambdaContext(remainingMs: number): ProbeLambdaContext;
