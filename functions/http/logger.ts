import { JsonLogger } from '../observability/json-logger.js';

/**
 * Structured JSON logs in both runtimes. Each line carries the correlation ids of the call it was
 * written in; errors are logged without their messages; message bodies are never logged.
 */
export const logger = new JsonLogger({ serviceName: process.env.POWERTOOLS_SERVICE_NAME ?? 'commhub' });
