import type { RecordWorkflowDependencies } from '../core/workflow/record-workflow-dependencies.js';
import { notifyUrgentRecord } from '../core/workflow/urgent-alert.js';
import { onAwsWorkflow } from '../wiring/workflow-entry.js';

/** Step "Email the urgent alert" of the record analysis workflow. */
export const build = (deps: RecordWorkflowDependencies) => (step: unknown) => notifyUrgentRecord(deps, step);

export const handler = onAwsWorkflow(build);
