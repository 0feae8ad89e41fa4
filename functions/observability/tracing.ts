import { AsyncLocalStorage } from 'node:async_hooks';
import type { BuildHandler, BuildHandlerArguments, BuildMiddleware, HandlerExecutionContext, MetadataBearer } from '@smithy/types';
import { runtimeServiceName } from '../config/hub-metrics.js';
import { correlationKeys } from './correlation.js';
import { summarizeError } from './error-summary.js';
import { daemonAddress, epochSeconds, newSegmentId, udpSegmentEmitter, type SegmentEmitter, type SubsegmentDocument } from './xray-emitter.js';
import { currentTraceHeader, formatTraceHeader, type TraceHeader } from './xray-trace-header.js';

/**
 * X-Ray tracing of CommHub's Lambda functions: a `## handler` subsegment per invocation and one per AWS
 * SDK call inside it, sent to the X-Ray endpoint Lambda runs beside an actively traced function. Our
 * own small emitter rather than Powertools Tracer: that loads the X-Ray SDK (in maintenance since
 * February 2026, unsupported from February 2027), ~100 KB of every bundle and ~12 ms of every cold
 * start's first call, for the two kinds of subsegment CommHub sends.
 */

/** The invocation's handler subsegment, the parent of the SDK calls made inside it. */
interface ActiveSubsegment {
  readonly header: TraceHeader;
  readonly id: string;
}

const activeSubsegment = new AsyncLocalStorage<ActiveSubsegment>();
let emitter: SegmentEmitter | null | undefined;
let coldStart = true;

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

/** Where this process sends subsegments, decided once; null where tracing is not wanted (embedded mode, tests, tools). */
function segmentEmitter(): SegmentEmitter | null {
  if (emitter === undefined) {
    const address = tracingWanted() ? daemonAddress(process.env.AWS_XRAY_DAEMON_ADDRESS ?? '') : undefined;
    emitter = address ? udpSegmentEmitter(address) : null;
  }
  return emitter;
}

/**
 * An AWS SDK v3 client whose calls show as X-Ray subsegments (with the trace header passed on to the
 * service) when tracing is wanted; the client itself, untouched, otherwise.
 *
 * @example
 * ```ts
 * const sfn = traced(new SFNClient({ region }));
 * ```
 */
export function traced<C extends { middlewareStack: { add(middleware: BuildMiddleware<object, MetadataBearer>, options: { step: 'build'; name: string; override: boolean }): void } }>(client: C): C {
  if (!tracingWanted()) return client;
  client.middlewareStack.add(sdkCallSubsegment, { step: 'build', name: 'CommHubXRaySubsegment', override: true });
  return client;
}

/**
 * Runs one invocation in a `## handler` subsegment annotated with the cold start, the service, the
 * tenant and execution ids known at the start, and the error's name on failure (never its message,
 * and never the response: both may hold payload text). Unsampled or untraced, just runs `fn`.
 *
 * @example
 * ```ts
 * return inHandlerSubsegment(() => handle(event));
 * ```
 */
export async function inHandlerSubsegment<R>(fn: () => Promise<R>): Promise<R> {
  const cold = coldStart;
  coldStart = false;
  const sink = segmentEmitter();
  const header = sink ? currentTraceHeader() : undefined;
  if (!sink || !header?.sampled || !header.parent) return fn();
  const id = newSegmentId();
  const start = epochSeconds();
  const { tenantId, executionId } = correlationKeys();
  const annotations: Record<string, string | boolean> = { ColdStart: cold, Service: runtimeServiceName() };
  if (tenantId) annotations.tenantId = tenantId;
  if (executionId) annotations.executionId = executionId;
  let failed = false;
  try {
    return await activeSubsegment.run({ header, id }, fn);
  } catch (error) {
    failed = true;
    annotations.error = summarizeError(error).name;
    throw error;
  } finally {
    sink.send({
      type: 'subsegment',
      id,
      trace_id: header.root,
      parent_id: header.parent,
      name: `## ${process.env._HANDLER ?? 'handler'}`,
      start_time: start,
      end_time: epochSeconds(),
      annotations,
      ...(failed ? { fault: true } : {}),
    });
  }
}

/** Throttling, as the SDK's error names and HTTP say it. */
const THROTTLED = /Throttl|TooManyRequests|ProvisionedThroughputExceeded|RequestLimitExceeded|SlowDown/;

/**
 * The SDK middleware (build step, where the HTTP request exists): one `aws` subsegment per call —
 * service, operation, region, request id, retries, the table or bucket named, the HTTP status and
 * X-Ray's error (4xx), throttle (429) or fault (5xx, no answer) flags.
 */
function sdkCallSubsegment<Input extends object, Output extends MetadataBearer>(next: BuildHandler<Input, Output>, context: HandlerExecutionContext): BuildHandler<Input, Output> {
  return async (args: BuildHandlerArguments<Input>) => {
    const parent = activeSubsegment.getStore();
    const sink = segmentEmitter();
    if (!parent || !sink) return next(args);
    const id = newSegmentId();
    const start = epochSeconds();
    const request = args.request as { headers?: Record<string, string> } | undefined;
    if (request?.headers) request.headers['X-Amzn-Trace-Id'] = formatTraceHeader(parent.header, id);
    let status: number | undefined;
    let metadata: MetadataBearer['$metadata'] | undefined;
    let failure: unknown;
    try {
      const result = await next(args);
      status = (result.response as { statusCode?: number } | undefined)?.statusCode;
      metadata = result.output.$metadata;
      return result;
    } catch (error) {
      failure = error;
      metadata = (error as Partial<MetadataBearer>).$metadata;
      status = metadata?.httpStatusCode;
      throw error;
    } finally {
      sink.send(sdkDocument({ id, parent, start, context, input: args.input, status, metadata, failure }));
    }
  };
}

function sdkDocument(call: {
  id: string;
  parent: ActiveSubsegment;
  start: number;
  context: HandlerExecutionContext;
  input: object;
  status: number | undefined;
  metadata: MetadataBearer['$metadata'] | undefined;
  failure: unknown;
}): SubsegmentDocument {
  const { status, metadata, failure } = call;
  const input = call.input as { TableName?: unknown; Bucket?: unknown };
  const aws: Record<string, string | number> = { operation: (call.context.commandName ?? 'unknown').replace(/Command$/, '') };
  if (metadata?.requestId) aws.request_id = metadata.requestId;
  if (metadata?.attempts && metadata.attempts > 1) aws.retries = metadata.attempts - 1;
  if (typeof input.TableName === 'string') aws.table_name = input.TableName;
  if (typeof input.Bucket === 'string') aws.bucket_name = input.Bucket;
  const throttled = status === 429 || (failure !== undefined && THROTTLED.test(summarizeError(failure).name));
  const fault = failure !== undefined && (status === undefined || status >= 500) && !throttled;
  return {
    type: 'subsegment',
    id: call.id,
    trace_id: call.parent.header.root,
    parent_id: call.parent.id,
    name: (call.context.clientName ?? 'AWS').replace(/Client$/, ''),
    namespace: 'aws',
    start_time: call.start,
    end_time: epochSeconds(),
    aws,
    ...(status !== undefined ? { http: { response: { status } } } : {}),
    ...(throttled ? { throttle: true, error: true } : {}),
    ...(fault ? { fault: true } : {}),
    ...(!throttled && !fault && status !== undefined && status >= 400 ? { error: true } : {}),
  };
}
