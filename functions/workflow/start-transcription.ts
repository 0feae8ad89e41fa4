import type { RecordRef } from '../core/workflow/analyze-record.js';
import type { RecordWorkflowDependencies } from '../core/workflow/record-workflow-dependencies.js';
import { startTranscription } from '../core/workflow/transcription-steps.js';
import { onAwsWorkflow } from '../wiring/workflow-entry.js';

/** Step "Start the transcription job and wait" (`lambda:invoke.waitForTaskToken`). */
export const build = (deps: RecordWorkflowDependencies) => (step: RecordRef & { taskToken: string }) => startTranscription(deps, step);

export const handler = onAwsWorkflow(build);
