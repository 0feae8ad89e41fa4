/** A speech-to-text job for one record's recording. */
export interface TranscriptionJobRequest {
  /** Deterministic per record, so a retried start finds the job it already started. */
  readonly jobName: string;
  readonly tenantId: string;
  readonly recordId: string;
  /** Blob key of the media in the attachments bucket. */
  readonly mediaKey: string;
  /** Where the output JSON goes (attachments bucket key). */
  readonly outputKey: string;
  /** Two-channel recordings (agent / customer) use channel identification, others speaker labels. */
  readonly channelIdentification: boolean;
  /** Ask the speech service to redact PII in its own output (the tenant's opt-in). */
  readonly redactPii: boolean;
}

export interface TranscriptionJobStatus {
  readonly jobName: string;
  readonly status: 'IN_PROGRESS' | 'QUEUED' | 'COMPLETED' | 'FAILED';
  readonly failureReason?: string;
  readonly languageCode?: string;
  /** Blob key of the output JSON (redacted output when redaction was asked for). */
  readonly outputKey?: string;
}

/** Amazon Transcribe on AWS; embedded mode has none (`available: false`). */
export interface Transcriber {
  readonly available: boolean;
  /** Why there is no engine, when `available` is false. */
  readonly unavailableReason?: string;
  /** Idempotent: starting a job name that exists returns quietly. */
  startJob(request: TranscriptionJobRequest): Promise<void>;
  getJob(jobName: string): Promise<TranscriptionJobStatus>;
}
