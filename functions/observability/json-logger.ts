import type { Context } from 'aws-lambda';
import { correlationKeys } from './correlation.js';
import { summarizeError } from './error-summary.js';
import { mappedFrame } from './mapped-frames.js';
import { currentTraceHeader } from './xray-trace-header.js';

/** Log levels, lowest first; `SILENT` writes nothing. */
export const LOG_LEVELS = { DEBUG: 8, INFO: 12, WARN: 16, ERROR: 20, CRITICAL: 24, SILENT: 28 } as const;
export type LogLevel = keyof typeof LOG_LEVELS;

type Attributes = Record<string, unknown>;
/** What may follow the message: attributes to add, or an error (logged as `error`). */
type Extra = Attributes | Error | undefined;

const isLevel = (value: string | undefined): value is LogLevel => value !== undefined && Object.hasOwn(LOG_LEVELS, value);

/**
 * The level in force: `POWERTOOLS_LOG_LEVEL` (the name the hub has always documented), else
 * `LOG_LEVEL`, else INFO — raised to Lambda's own log level (`AWS_LAMBDA_LOG_LEVEL`, set by its
 * advanced logging controls) when that is stricter, since Lambda drops anything below it anyway.
 */
export function logLevelFromEnvironment(env: NodeJS.ProcessEnv = process.env): LogLevel {
  const wanted = [env.POWERTOOLS_LOG_LEVEL, env.LOG_LEVEL].map((value) => value?.toUpperCase()).find(isLevel) ?? 'INFO';
  const lambda = env.AWS_LAMBDA_LOG_LEVEL?.toUpperCase();
  return isLevel(lambda) && LOG_LEVELS[lambda] > LOG_LEVELS[wanted] ? lambda : wanted;
}

/** `file:line` of an error's first stack frame: where it was thrown. */
function codeLocation(stack: string | undefined): string | undefined {
  const frame = stack?.split('\n').find((line) => line.trim().startsWith('at '));
  const match = frame && /\(?([^\s()]+):(\d+):\d+\)?$/.exec(mappedFrame(frame.trim()));
  return match ? `${match[1]}:${match[2]}` : undefined;
}

/**
 * JSON.stringify's replacer for a log line: any error, however deep, becomes its summary (name,
 * code, field paths, frames — never its message); bigints become strings; a value met again on its
 * own path (a cycle) is left out instead of throwing.
 */
function lineReplacer(): (this: unknown, key: string, value: unknown) => unknown {
  const ancestors: unknown[] = [];
  return function (this: unknown, _key: string, value: unknown) {
    if (typeof value === 'bigint') return value.toString();
    if (typeof value !== 'object' || value === null) return value;
    // `this` is the object holding `value`: drop the ancestors that are not on this path any more.
    while (ancestors.length > 0 && ancestors.at(-1) !== this) ancestors.pop();
    if (ancestors.includes(value)) return undefined;
    const shown = value instanceof Error ? { ...summarizeError(value), location: codeLocation(value.stack) } : value;
    ancestors.push(shown);
    return shown;
  };
}

export interface JsonLoggerOptions {
  readonly serviceName: string;
  /** @default logLevelFromEnvironment() */
  readonly level?: LogLevel;
  /** Where lines go: stdout for DEBUG and INFO, stderr for WARN and above. @default the process's streams */
  readonly write?: (stream: 'stdout' | 'stderr', line: string) => void;
}

const writeToProcess = (stream: 'stdout' | 'stderr', line: string) => void process[stream].write(`${line}\n`);

/**
 * Structured JSON log lines in both runtimes, in the shape Powertools Logger wrote them (level,
 * message, timestamp, service, the Lambda context's fields) plus the correlation ids of the call
 * being handled ({@link correlationKeys}), with every error reduced to its summary wherever in the
 * line it sits. Written to the process's streams directly, as Powertools did: Lambda's patched
 * `console` would prefix each line and break the JSON. (Our own rather than Powertools Logger, whose
 * loading cost ~10 ms of every cold start.)
 *
 * @example
 * ```ts
 * const logger = new JsonLogger({ serviceName: 'commhub' });
 * logger.warn('model answer rejected', { agent: 'A12' });
 * logger.error('request failed', error); // {"level":"ERROR",…,"error":{"name":"SyntaxError","frames":[…]}}
 * ```
 */
export class JsonLogger {
  private level: LogLevel;
  private context?: Context;
  private coldStart = true;
  private readonly serviceName: string;
  private readonly write: (stream: 'stdout' | 'stderr', line: string) => void;

  constructor(options: JsonLoggerOptions) {
    this.serviceName = options.serviceName;
    this.level = options.level ?? logLevelFromEnvironment();
    this.write = options.write ?? writeToProcess;
  }

  setLogLevel(level: LogLevel): void {
    this.level = level;
  }

  /** The Lambda invocation now being handled: its fields go on every line; the first is the cold start. */
  addContext(context: Context): void {
    this.coldStart = this.context === undefined;
    this.context = context;
  }

  debug(message: string, extra?: Extra): void {
    this.log('DEBUG', message, extra);
  }

  info(message: string, extra?: Extra): void {
    this.log('INFO', message, extra);
  }

  warn(message: string, extra?: Extra): void {
    this.log('WARN', message, extra);
  }

  error(message: string, extra?: Extra): void {
    this.log('ERROR', message, extra);
  }

  critical(message: string, extra?: Extra): void {
    this.log('CRITICAL', message, extra);
  }

  private log(level: Exclude<LogLevel, 'SILENT'>, message: string, extra: Extra): void {
    if (LOG_LEVELS[level] < LOG_LEVELS[this.level]) return;
    const context = this.context;
    const line = {
      level,
      message,
      timestamp: new Date().toISOString(),
      service: this.serviceName,
      cold_start: context ? this.coldStart : undefined,
      function_arn: context?.invokedFunctionArn,
      function_memory_size: context?.memoryLimitInMB === undefined ? undefined : Number(context.memoryLimitInMB),
      function_name: context?.functionName,
      function_request_id: context?.awsRequestId,
      xray_trace_id: currentTraceHeader()?.root,
      // Keys given at the call win over the scope's (a step logging another record's id means it).
      ...correlationKeys(),
      ...(extra instanceof Error ? { error: extra } : extra),
    };
    let text: string;
    try {
      text = JSON.stringify(line, lineReplacer());
    } catch {
      // A getter that throws, say: the line is still written, without its attributes.
      text = JSON.stringify({ level, message, timestamp: line.timestamp, service: this.serviceName, ...correlationKeys(), attributes: 'unserializable' });
    }
    try {
      this.write(LOG_LEVELS[level] >= LOG_LEVELS.WARN ? 'stderr' : 'stdout', text);
    } catch {
      // A closed stream must not fail the call that logged.
    }
  }
}
