import { Logger } from '@aws-lambda-powertools/logger';

/** Structured JSON logs (Powertools) in both runtimes. Message bodies are never logged. */
export const logger = new Logger({ serviceName: process.env.POWERTOOLS_SERVICE_NAME ?? 'commhub' });
