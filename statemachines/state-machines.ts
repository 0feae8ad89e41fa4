import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * The state machines and their `${Placeholder}` substitutions — the one list the CDK stack (which
 * binds each to a Lambda or state machine ARN) and the embedded runtime (which binds each to a
 * local handler) both use. A test fails if a definition uses a name not listed here or if either
 * runtime leaves one unbound.
 */
export const RECORD_STEP_NAMES = [
  'AnalyzeRecord',
  'NotifyUrgentRecord',
  'MarkAnalysisFailed',
  'StartTranscription',
  'CollectTranscript',
  'NoteTranscriptionFailed',
] as const;
/** The periodic run's steps (agents A11–A16): metrics, agents, findings, report, email. */
export const PERIODIC_STEP_NAMES = [
  'PlanPeriodicRun',
  'ComputeCustomerMetrics',
  'RunCustomerAgent',
  'SaveCustomerFindings',
  'WriteReport',
  'EmailReport',
  'MarkReportFailed',
] as const;
export const WORKFLOW_STEP_NAMES = [...RECORD_STEP_NAMES, ...PERIODIC_STEP_NAMES] as const;
export type WorkflowStepName = (typeof WORKFLOW_STEP_NAMES)[number];
export type RecordStepName = (typeof RECORD_STEP_NAMES)[number];
export type PeriodicStepName = (typeof PERIODIC_STEP_NAMES)[number];

export const STATE_MACHINES = {
  /** Text records (and media with a provided transcript): Express — billed per request and duration, not per transition. */
  recordAnalysis: { file: 'record-analysis.asl.json', type: 'EXPRESS' },
  /** Recordings that need speech-to-text: Standard, because only Standard can wait on a task token for minutes. */
  recordTranscription: { file: 'record-transcription.asl.json', type: 'STANDARD' },
  /**
   * The A16 coordinator: Standard (a monthly run over many customers outlasts Express's five
   * minutes), its per-customer work in a distributed map of Express children (no history limit).
   */
  periodicRun: { file: 'periodic-run.asl.json', type: 'STANDARD' },
} as const;
export type StateMachineName = keyof typeof STATE_MACHINES;

/** The placeholder a step's function ARN is substituted for. */
export const stepPlaceholder = (step: WorkflowStepName) => `${step}FunctionArn`;
/** The placeholder a state machine's ARN is substituted for (nested executions). */
export const stateMachinePlaceholder = (name: StateMachineName) => `${name[0]!.toUpperCase()}${name.slice(1)}StateMachineArn`;

export function definitionText(name: StateMachineName): string {
  return readFileSync(fileURLToPath(new URL(STATE_MACHINES[name].file, import.meta.url)), 'utf8');
}

/** Every `${X}` a definition uses. */
export function placeholdersIn(definition: string): string[] {
  return [...new Set([...definition.matchAll(/\$\{([A-Za-z0-9_]+)\}/g)].map((m) => m[1]!))];
}

/** Replaces each `${X}` by its binding; throws naming any placeholder left unbound. */
export function substitute(definition: string, bindings: Readonly<Record<string, string>>): string {
  const unbound = placeholdersIn(definition).filter((name) => bindings[name] === undefined);
  if (unbound.length > 0) throw new Error(`unbound state machine placeholders: ${unbound.join(', ')}`);
  return definition.replace(/\$\{([A-Za-z0-9_]+)\}/g, (_, name: string) => bindings[name]!);
}
