import type { RecordRef } from '../core/workflow/analyze-record.js';
import { markAnalysisFailed, type CaughtError } from '../core/workflow/mark-analysis-failed.js';
import type { RecordWorkflowDependencies } from '../core/workflow/record-workflow-dependencies.js';
import { onAwsWorkflow } from '../wiring/workflow-entry.js';

/** Step "Mark the analysis failed": the record workflow's catch-all. */
export const build = (deps: RecordWorkflowDependencies) => (step: RecordRef & { error?: CaughtError }) => markAnalysisFailed(deps, step);

export const handler = onAwsWorkflow(build);
