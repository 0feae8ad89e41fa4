import type { RecordRef } from '../core/workflow/analyze-record.js';
import type { CaughtError } from '../core/workflow/mark-analysis-failed.js';
import type { RecordWorkflowDependencies } from '../core/workflow/record-workflow-dependencies.js';
import { noteTranscriptionFailed } from '../core/workflow/transcription-steps.js';
import { onAwsWorkflow } from '../wiring/workflow-entry.js';

/** Step "Note the transcription failure": the analysis still runs on whatever text exists. */
export const build = (deps: RecordWorkflowDependencies) => (step: RecordRef & { error?: CaughtError }) => noteTranscriptionFailed(deps, step);

export const handler = onAwsWorkflow(build);
