/** A workflow task waiting for a transcription job to finish (its `.waitForTaskToken` token). */
export interface WaitingTranscription {
  readonly jobName: string;
  readonly tenantId: string;
  readonly recordId: string;
  readonly taskToken: string;
}

/**
 * Where the task token of a waiting transcription is kept: the job-state-change event names only
 * the job, so the token is found by job name.
 */
export interface TranscriptionJobStore {
  /** Idempotent: a retried start overwrites the entry with the new token. */
  saveWaiting(waiting: WaitingTranscription, expiresAt: Date): Promise<void>;
  findWaiting(jobName: string): Promise<WaitingTranscription | null>;
}
