import type { RecordRef } from '../core/workflow/analyze-record.js';
import type { RecordWorkflowDependencies } from '../core/workflow/record-workflow-dependencies.js';
import { collectTranscript } from '../core/workflow/transcription-steps.js';
import { onAwsWorkflow } from '../wiring/workflow-entry.js';

/** Step "Collect the transcript" of the record transcription workflow. */
export const build = (deps: RecordWorkflowDependencies) => (step: RecordRef & { jobName: string }) => collectTranscript(deps, step);

export const handler = onAwsWorkflow(build);
