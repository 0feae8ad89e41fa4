import { PayloadError, SignatureError } from '../../functions/core/channels/channel-adapter.js';

/**
 * Runs an adapter call and names how its signature check ended: the `SignatureError` failure
 * (`forged`, `stale`, …) or `passed`. Any other error is re-thrown, failing the test.
 */
export function signatureFailureOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof SignatureError) return error.failure;
    throw error;
  }
  return 'passed';
}

/** The message of the `PayloadError` an adapter call throws; fails the test if it throws nothing or anything else. */
export function payloadErrorOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof PayloadError) return error.message;
    throw error;
  }
  throw new Error('expected a PayloadError');
}
