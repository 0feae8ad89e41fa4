/** The two record workflows: Express for text, Standard when media waits for a transcription callback. */
export type RecordWorkflowKind = 'text' | 'media';

export interface RecordWorkflowStart {
  readonly kind: RecordWorkflowKind;
  readonly tenantId: string;
  readonly recordId: string;
  /** Distinguishes a replay from the first run (the execution name must differ). */
  readonly attempt: string;
}

/** Starts record workflows (Step Functions on AWS, the ASL interpreter in embedded mode). */
export interface WorkflowStarter {
  start(execution: RecordWorkflowStart): Promise<void>;
}

/** Resumes a task waiting on `.waitForTaskToken`. Unknown or expired tokens are ignored. */
export interface WorkflowCallbacks {
  succeed(taskToken: string, output: Record<string, unknown>): Promise<void>;
  fail(taskToken: string, error: string, cause: string): Promise<void>;
}
