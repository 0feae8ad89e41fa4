import type { WorkflowStepName } from '../../statemachines/state-machines.js';

/** `AnalyzeRecord` → `analyze-record`: the step's entry file under `functions/workflow/` (kept SDK-free for the CDK app). */
export const stepEntryName = (step: WorkflowStepName) => step.replace(/([a-z])([A-Z])/g, '$1-$2').toLowerCase();
