import { HUB_METRICS } from '../../config/hub-metrics.js';
import { logger } from '../../http/logger.js';
import type { RecordRef } from './analyze-record.js';
import { FIRST_RUN } from './analyze-record.js';
import type { RecordWorkflowDependencies } from './record-workflow-dependencies.js';

/** The `$.error` a Step Functions Catch puts in: `Error` is the error name, `Cause` a message or Lambda's JSON. */
export interface CaughtError {
  readonly Error?: string;
  readonly Cause?: string;
}

/** A readable reason from a caught error: Lambda wraps the message as JSON `{errorType, errorMessage}`. */
export function failureReasonOf(error: CaughtError | undefined): string {
  const name = error?.Error ?? 'Unknown';
  let message = error?.Cause ?? '';
  try {
    const parsed = JSON.parse(message) as { errorMessage?: unknown };
    if (typeof parsed.errorMessage === 'string') message = parsed.errorMessage;
  } catch {
    // not JSON: the interpreter's plain message
  }
  return `${name}: ${message}`.slice(0, 2000);
}

/**
 * The workflow's catch-all: marks the analysis `failed` with the reason and keeps everything else
 * of the record, so nothing is lost and a replay can run it again. A record already analysed by
 * this run is left alone (a late duplicate failure must not overwrite a success).
 */
export async function markAnalysisFailed(deps: RecordWorkflowDependencies, ref: RecordRef & { error?: CaughtError }): Promise<{ marked: boolean }> {
  const record = await deps.records.getRecord(ref.tenantId, ref.recordId);
  if (!record) return { marked: false };
  const run = ref.run ?? FIRST_RUN;
  if (record.analysis.status === 'completed' && record.analysis.run === run) return { marked: false };
  const now = deps.clock.now().toISOString();
  await deps.records.saveAnalysis(ref.tenantId, ref.recordId, { ...record.analysis, status: 'failed', failureReason: failureReasonOf(ref.error), run }, now);
  deps.metrics.count(HUB_METRICS.analysisFailed);
  // The error's name only: its cause may quote the record (the reason is kept on the record).
  logger.warn('analysis failed; the record is marked for replay', { error: ref.error?.Error ?? 'Unknown', run });
  return { marked: true };
}
