import { analyzeRecord, type AnalyzeRecordOutcome, type RecordRef } from '../core/workflow/analyze-record.js';
import type { RecordWorkflowDependencies } from '../core/workflow/record-workflow-dependencies.js';
import { onAwsWorkflow } from '../wiring/workflow-entry.js';

/** Step "Analyse the record" of the record analysis workflow. */
export const build = (deps: RecordWorkflowDependencies) => (step: RecordRef): Promise<AnalyzeRecordOutcome> => analyzeRecord(deps, step);

export const handler = onAwsWorkflow(build);
