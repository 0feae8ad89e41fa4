import { Logger } from '@aws-lambda-powertools/logger';
import { CorrelatedLogFormatter } from '../observability/correlated-log-formatter.js';

/**
 * Structured JSON logs (Powertools) in both runtimes. Each line carries the correlation ids of the
 * call it was written in; errors are logged without their messages; message bodies are never logged.
 */
export const logger = new Logger({
  serviceName: process.env.POWERTOOLS_SERVICE_NAME ?? 'commhub',
  logFormatter: new CorrelatedLogFormatter(),
});
