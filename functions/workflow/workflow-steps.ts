import type { WorkflowStepName } from '../../statemachines/state-machines.js';
import type { WorkflowPortGroup } from '../wiring/workflow-port-groups.js';
import type { PeriodicRunDependencies } from '../core/periodic/periodic-run-dependencies.js';
import type { RecordWorkflowDependencies } from '../core/workflow/record-workflow-dependencies.js';
import * as analyzeRecord from './analyze-record.js';
import * as collectTranscript from './collect-transcript.js';
import * as computeCustomerMetrics from './compute-customer-metrics.js';
import * as emailReport from './email-report.js';
import * as markAnalysisFailed from './mark-analysis-failed.js';
import * as noteTranscriptionFailed from './note-transcription-failed.js';
import * as markReportFailed from './mark-report-failed.js';
import * as notifyUrgentRecord from './notify-urgent-record.js';
import * as planPeriodicRun from './plan-periodic-run.js';
import * as runCustomerAgent from './run-customer-agent.js';
import * as saveCustomerFindings from './save-customer-findings.js';
import * as startTranscription from './start-transcription.js';
import * as writeReport from './write-report.js';

/** Every port a workflow step may use: the record workflow's and the periodic run's. */
export type WorkflowDependencies = RecordWorkflowDependencies & PeriodicRunDependencies;

/** A workflow step's handler: a JSON input in, a JSON output out. */
export type WorkflowStep = (input: never) => Promise<unknown>;

/**
 * Each state machine step's handler factory: the embedded runtime binds `${<Step>FunctionArn}` to
 * it; the CDK stack builds one Lambda per step from `functions/workflow/<kebab-name>.ts`.
 */
export const WORKFLOW_STEPS: Readonly<Record<WorkflowStepName, (deps: WorkflowDependencies) => WorkflowStep>> = {
  AnalyzeRecord: analyzeRecord.build,
  NotifyUrgentRecord: notifyUrgentRecord.build,
  MarkAnalysisFailed: markAnalysisFailed.build,
  StartTranscription: startTranscription.build,
  CollectTranscript: collectTranscript.build,
  NoteTranscriptionFailed: noteTranscriptionFailed.build,
  PlanPeriodicRun: planPeriodicRun.build,
  ComputeCustomerMetrics: computeCustomerMetrics.build,
  RunCustomerAgent: runCustomerAgent.build,
  SaveCustomerFindings: saveCustomerFindings.build,
  WriteReport: writeReport.build,
  EmailReport: emailReport.build,
  MarkReportFailed: markReportFailed.build,
};

/** Storage a step reaches beyond the table: the blob bucket (S3) and the tenants' settings (Secrets Manager). */
export interface StepStorage {
  readonly blobs: boolean;
  readonly tenants: boolean;
}

/**
 * What each step reaches beyond the table. Its Lambda function is granted (and its bundle holds) the
 * blob store and the tenant settings only where marked, and the embedded runtime runs it on the same
 * view — a step reaching for either without its mark fails in the tests as in its function.
 * StartTranscription reads no blob itself, but Transcribe reads the recording and writes its output
 * with the caller's S3 permissions.
 */
export const STEP_STORAGE: Readonly<Record<WorkflowStepName, StepStorage>> = {
  AnalyzeRecord: { blobs: true, tenants: true },
  NotifyUrgentRecord: { blobs: false, tenants: true },
  MarkAnalysisFailed: { blobs: false, tenants: false },
  StartTranscription: { blobs: true, tenants: true },
  CollectTranscript: { blobs: true, tenants: true },
  NoteTranscriptionFailed: { blobs: false, tenants: false },
  PlanPeriodicRun: { blobs: false, tenants: false },
  ComputeCustomerMetrics: { blobs: false, tenants: true },
  RunCustomerAgent: { blobs: false, tenants: false },
  SaveCustomerFindings: { blobs: true, tenants: true },
  WriteReport: { blobs: true, tenants: true },
  EmailReport: { blobs: true, tenants: true },
  MarkReportFailed: { blobs: false, tenants: false },
};

/**
 * The workflow ports each step uses, by group (workflow-port-groups.ts): its Lambda bundle holds those
 * and no others, and the embedded runtime runs it on the same restricted view — a step reaching for a
 * port it does not declare fails in the tests as in its function.
 */
export const STEP_WORKFLOW_PORTS: Readonly<Record<WorkflowStepName, readonly WorkflowPortGroup[]>> = {
  // A10 (Bedrock, local rules as fallback), communication.analyzed, and whether speech can be transcribed.
  AnalyzeRecord: ['model', 'events', 'transcribe'],
  NotifyUrgentRecord: ['mail'],
  MarkAnalysisFailed: [],
  StartTranscription: ['transcribe'],
  CollectTranscript: ['transcribe'],
  NoteTranscriptionFailed: [],
  PlanPeriodicRun: [],
  ComputeCustomerMetrics: [],
  RunCustomerAgent: ['model'],
  SaveCustomerFindings: [],
  WriteReport: ['model'],
  EmailReport: ['mail'],
  MarkReportFailed: [],
};
