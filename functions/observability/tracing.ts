import type { Tracer } from '@aws-lambda-powertools/tracer';
import { runtimeServiceName } from '../config/hub-metrics.js';
import { correlationKeys } from './correlation.js';
import { summarizeError } from './error-summary.js';

let tracer: Tracer | null = null;
let loading: Promise<void> | undefined;

/**
 * Inside a Lambda function whose active tracing is on (Lambda then sets the daemon address), unless
 * `POWERTOOLS_TRACE_ENABLED=false`.
 *
 * @example
 * ```ts
 * tracingWanted({ AWS_LAMBDA_FUNCTION_NAME: 'f', AWS_XRAY_DAEMON_ADDRESS: '169.254.79.129:2000' }); // true
 * ```
 */
export function tracingWanted(env: NodeJS.ProcessEnv = process.env): boolean {
  return Boolean(env.AWS_LAMBDA_FUNCTION_NAME) && Boolean(env.AWS_XRAY_DAEMON_ADDRESS) && env.POWERTOOLS_TRACE_ENABLED !== 'false';
}

/**
 * Loads Powertools Tracer (and with it the X-Ray SDK) only where traces go somewhere: in a Lambda
 * function with active tracing. Elsewhere — embedded mode, tests, tools — nothing is loaded and every
 * function here is a no-op. The X-Ray SDK installs process-wide async hooks when it loads, a cost
 * the embedded runtime should not pay. Called by the Lambda entries before the first handler runs,
 * so the SDK clients it creates are captured.
 *
 * @example
 * ```ts
 * await loadTracing();
 * const client = traced(new S3Client({}));
 * ```
 */
export function loadTracing(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  loading ??= tracingWanted(env)
    ? import('@aws-lambda-powertools/tracer').then(({ Tracer: PowertoolsTracer }) => {
        tracer = new PowertoolsTracer({ serviceName: runtimeServiceName(), captureHTTPsRequests: false });
      })
    : Promise.resolve();
  return loading;
}

/**
 * An AWS SDK v3 client whose calls show as X-Ray subsegments when tracing is loaded; the client
 * itself otherwise.
 *
 * @example
 * ```ts
 * const sfn = traced(new SFNClient({ region }));
 * ```
 */
export function traced<C>(client: C): C {
  return tracer ? tracer.captureAWSv3Client(client) : client;
}

/**
 * Runs one invocation in a `## handler` subsegment annotated with the cold start, the service, the
 * tenant and execution ids known at the start, and the error's name on failure (never its message,
 * and never the response: both may hold payload text). Without tracing, just runs `fn`.
 *
 * @example
 * ```ts
 * return inHandlerSubsegment(() => handle(event));
 * ```
 */
export async function inHandlerSubsegment<R>(fn: () => Promise<R>): Promise<R> {
  const active = tracer;
  if (!active) return fn();
  const segment = active.getSegment();
  const subsegment = segment?.addNewSubsegment(`## ${process.env._HANDLER ?? 'handler'}`);
  if (subsegment) active.setSegment(subsegment);
  active.annotateColdStart();
  active.addServiceNameAnnotation();
  const { tenantId, executionId } = correlationKeys();
  if (tenantId) active.putAnnotation('tenantId', tenantId);
  if (executionId) active.putAnnotation('executionId', executionId);
  try {
    return await fn();
  } catch (error) {
    active.putAnnotation('error', summarizeError(error).name);
    throw error;
  } finally {
    subsegment?.close();
    if (segment) active.setSegment(segment);
  }
}
