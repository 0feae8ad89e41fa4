import type { WorkflowStepName } from '../../statemachines/state-machines.js';
import type { RecordWorkflowDependencies } from '../core/workflow/record-workflow-dependencies.js';
import * as analyzeRecord from './analyze-record.js';
import * as collectTranscript from './collect-transcript.js';
import * as markAnalysisFailed from './mark-analysis-failed.js';
import * as noteTranscriptionFailed from './note-transcription-failed.js';
import * as notifyUrgentRecord from './notify-urgent-record.js';
import * as startTranscription from './start-transcription.js';

/** A workflow step's handler: a JSON input in, a JSON output out. */
export type WorkflowStep = (input: never) => Promise<unknown>;

/**
 * Each state machine step's handler factory: the embedded runtime binds `${<Step>FunctionArn}` to
 * it; the CDK stack builds one Lambda per step from `functions/workflow/<kebab-name>.ts`.
 */
export const WORKFLOW_STEPS: Readonly<Record<WorkflowStepName, (deps: RecordWorkflowDependencies) => WorkflowStep>> = {
  AnalyzeRecord: analyzeRecord.build,
  NotifyUrgentRecord: notifyUrgentRecord.build,
  MarkAnalysisFailed: markAnalysisFailed.build,
  StartTranscription: startTranscription.build,
  CollectTranscript: collectTranscript.build,
  NoteTranscriptionFailed: noteTranscriptionFailed.build,
};
