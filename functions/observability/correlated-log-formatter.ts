import { LogFormatter, LogItem } from '@aws-lambda-powertools/logger';
import type { LogAttributes, UnformattedAttributes } from '@aws-lambda-powertools/logger/types';
import { correlationKeys } from './correlation.js';
import { summarizeError } from './error-summary.js';

/**
 * Powertools' standard JSON lines, plus the correlation ids of the call being handled (tenantId,
 * requestId, recordId, executionId… from {@link withCorrelation}), and with every error reduced to
 * its name, code and frames ({@link summarizeError}) — wherever in a line it appears.
 *
 * @example
 * ```ts
 * const logger = new Logger({ serviceName: 'commhub', logFormatter: new CorrelatedLogFormatter() });
 * ```
 */
export class CorrelatedLogFormatter extends LogFormatter {
  override formatAttributes(attributes: UnformattedAttributes, additionalLogAttributes: LogAttributes): LogItem {
    const context = attributes.lambdaContext;
    const base: LogAttributes = {
      level: attributes.logLevel,
      message: attributes.message,
      timestamp: this.formatTimestamp(attributes.timestamp),
      service: attributes.serviceName,
      cold_start: context?.coldStart,
      function_arn: context?.invokedFunctionArn,
      function_memory_size: context?.memoryLimitInMB,
      function_name: context?.functionName,
      function_request_id: context?.awsRequestId,
      sampling_rate: attributes.sampleRateValue,
      xray_trace_id: attributes.xRayTraceId,
    };
    // Keys given at the call win over the scope's (a step logging another record's id means it).
    return new LogItem({ attributes: base }).addAttributes({ ...correlationKeys() }).addAttributes(additionalLogAttributes);
  }

  override formatError(error: Error): LogAttributes {
    return { ...summarizeError(error), location: this.getCodeLocation(error.stack) };
  }
}
