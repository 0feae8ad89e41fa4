// The Lambda context a probe hands the handler it loads, from the Lambda variables the bench set.
// Plain JS: bench/coldstart-probe.mjs runs without a loader and imports it as it is.

/** @param {number} remainingMs what `getRemainingTimeInMillis()` answers */
export function lambdaContext(remainingMs) {
  return {
    functionName: process.env.AWS_LAMBDA_FUNCTION_NAME,
    functionVersion: '$LATEST',
    memoryLimitInMB: process.env.AWS_LAMBDA_FUNCTION_MEMORY_SIZE,
    awsRequestId: '00000000-0000-4000-8000-000000000000',
    invokedFunctionArn: `arn:aws:lambda:${process.env.AWS_REGION}:000000000000:function:${process.env.AWS_LAMBDA_FUNCTION_NAME}`,
    getRemainingTimeInMillis: () => remainingMs,
    callbackWaitsForEmptyEventLoop: true,
  };
}
