import type { PeriodicRunInput } from '../periodic/periodic-run-input.js';

/**
 * Starts the A16 coordinator. Runs are named by `runId`: starting a run whose id already ran (a
 * schedule that fired twice, a retried request) starts nothing, as Step Functions does for a
 * Standard execution name.
 */
export interface PeriodicRunStarter {
  /** `false` when a run with this id was started before. */
  startRun(run: PeriodicRunInput): Promise<boolean>;
}
