import type { Context } from 'aws-lambda';
import { lambdaMetrics } from '../adapters/cloudwatch/emf-metrics.js';
import { logger } from '../http/logger.js';
import { withCorrelation } from '../observability/correlation.js';
import { stepCorrelation } from '../observability/step-correlation.js';
import { inHandlerSubsegment } from '../observability/tracing.js';

/** A Lambda handler as the runtime calls it (the context is absent when a test calls it). */
export type LambdaHandler<E, R> = (event: E, context?: Context) => Promise<R>;

/**
 * What every CommHub Lambda invocation goes through, whatever its trigger: the Lambda
 * context on the log lines, a correlation scope (Lambda's request id; a step's tenant, record and
 * execution ids), the X-Ray handler subsegment when tracing is on, and the metrics counted during
 * the invocation flushed at its end — also when it fails.
 *
 * @example
 * ```ts
 * export const handler = observedInvocation((event: unknown) => handle(event));
 * ```
 */
export function observedInvocation<E, R>(handle: (event: E) => Promise<R>): LambdaHandler<E, R> {
  return async (event, context) => {
    if (context) logger.addContext(context);
    const { keys, input } = stepCorrelation(event);
    try {
      return await withCorrelation({ requestId: context?.awsRequestId, ...keys }, () => inHandlerSubsegment(() => handle(input)));
    } finally {
      lambdaMetrics().flush();
    }
  };
}
