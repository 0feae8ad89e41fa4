import { HUB_METRICS } from '../config/hub-metrics.js';
import type { Metrics } from '../core/ports/metrics.js';

/**
 * Parses a request body, counting a refusal (malformed JSON, wrong media type, failed schema) as
 * `PayloadsRejected` for the channel before the error goes on to be answered as a 4xx.
 *
 * @example
 * ```ts
 * const input = countedParse(deps.metrics, 'api', () => request.json(CommunicationInput));
 * ```
 */
export function countedParse<T>(metrics: Metrics, channel: string, parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    metrics.count(HUB_METRICS.payloadsRejected, 1, { channel });
    throw error;
  }
}
