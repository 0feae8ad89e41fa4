import type { WorkflowStepName } from '../../statemachines/state-machines.js';
import type { TableStore } from '../http/routes.js';
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

/** What a step reaches beyond the table: workflow ports by group, the blob bucket (S3), the tenants' settings (Secrets Manager). */
export interface StepReach {
  readonly ports: readonly WorkflowPortGroup[];
  readonly blobs: boolean;
  readonly tenants: boolean;
  /**
   * The table's stores it uses beyond the records (`RouteAccess.stores`).
   * @default - every store
   */
  readonly stores?: readonly TableStore[];
}

/**
 * What each step reaches beyond the table. Its Lambda function is granted, and its bundle holds, the
 * workflow ports of the groups it names (workflow-port-groups.ts), and the blob store and the tenant
 * settings only where marked; the embedded runtime runs it on the same restricted view — a step
 * reaching for anything else fails in the tests as in its function. StartTranscription reads no blob
 * itself, but Transcribe reads the recording and writes its output with the caller's S3 permissions.
 */
const STEP_REACH: Readonly<Record<WorkflowStepName, StepReach>> = {
  // A10 (Bedrock, local rules as fallback), communication.analyzed, and whether speech can be transcribed.
  AnalyzeRecord: { ports: ['analysis', 'events', 'transcribe'], blobs: true, tenants: true },
  NotifyUrgentRecord: { ports: ['mail'], blobs: false, tenants: true },
  MarkAnalysisFailed: { ports: [], blobs: false, tenants: false },
  StartTranscription: { ports: ['transcribe'], blobs: true, tenants: true },
  CollectTranscript: { ports: ['transcribe'], blobs: true, tenants: true },
  NoteTranscriptionFailed: { ports: [], blobs: false, tenants: false },
  PlanPeriodicRun: { ports: [], blobs: false, tenants: false },
  ComputeCustomerMetrics: { ports: [], blobs: false, tenants: true },
  RunCustomerAgent: { ports: ['customerAgents'], blobs: false, tenants: false },
  SaveCustomerFindings: { ports: [], blobs: true, tenants: true },
  WriteReport: { ports: ['reportWriter'], blobs: true, tenants: true, stores: ['reports', 'workItems'] },
  EmailReport: { ports: ['mail'], blobs: true, tenants: true },
  MarkReportFailed: { ports: [], blobs: false, tenants: false },
};

/** The workflow port groups each step uses ({@link STEP_REACH}). */
export const STEP_WORKFLOW_PORTS = Object.fromEntries(Object.entries(STEP_REACH).map(([step, reach]) => [step, reach.ports])) as Readonly<
  Record<WorkflowStepName, readonly WorkflowPortGroup[]>
>;

/** Whether each step reaches the blob store and the tenant settings, and which of the table's stores it uses ({@link STEP_REACH}). */
export const STEP_STORAGE = Object.fromEntries(Object.entries(STEP_REACH).map(([step, { blobs, tenants, stores }]) => [step, { blobs, tenants, stores }])) as Readonly<
  Record<WorkflowStepName, { readonly blobs: boolean; readonly tenants: boolean; readonly stores?: readonly TableStore[] }>
>;
