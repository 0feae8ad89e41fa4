import type { RouteAccess } from '../http/routes.js';
import type { WorkflowDependencies } from '../workflow/workflow-steps.js';
import { refusing } from './ports-within.js';

/**
 * The workflows' ports a Lambda bundle may hold, by the AWS service behind them (Bedrock by the
 * agents that call it), with the esbuild `define` name that tells `createWorkflowDependencies` whether
 * the bundle holds them — as ADAPTER_GROUP_FLAGS do for the hub's storage adapters. A function
 * declares the groups it uses (`workflowPorts` of lib/hub-function.ts); the ports of the others are
 * dead code esbuild drops, with their SDK client and their local rules: A10's lexicons (~130 KB) only
 * where records are analysed, A11–A14's and A15's only where those agents run.
 */
export const WORKFLOW_PORT_FLAGS = {
  /** Bedrock for A10: the record analyzer with the local rules as fallback, and the local rules alone. */
  analysis: 'COMMHUB_BUNDLES_ANALYSIS',
  /** Bedrock for the customer agents A11–A14, each with its local rules as fallback. */
  customerAgents: 'COMMHUB_BUNDLES_CUSTOMER_AGENTS',
  /** Bedrock for the report writer A15, with the local writer as fallback. */
  reportWriter: 'COMMHUB_BUNDLES_REPORT_WRITER',
  /** Amazon Transcribe. */
  transcribe: 'COMMHUB_BUNDLES_TRANSCRIBE',
  /** Step Functions: record workflow starts, task-token callbacks, periodic run starts. */
  stepFunctions: 'COMMHUB_BUNDLES_STEP_FUNCTIONS',
  /** EventBridge: `communication.ingested` / `communication.analyzed`. */
  events: 'COMMHUB_BUNDLES_EVENTS',
  /** SES: urgent alerts and report mail. */
  mail: 'COMMHUB_BUNDLES_MAIL',
} as const;

export type WorkflowPortGroup = keyof typeof WORKFLOW_PORT_FLAGS;

/** The group of each workflow port that has one (the rest — settings, transcript sources, the transcription job store — every such function has). */
export const WORKFLOW_PORT_GROUPS = {
  analyzer: 'analysis',
  localAnalyzer: 'analysis',
  agents: 'customerAgents',
  reportWriter: 'reportWriter',
  transcriber: 'transcribe',
  workflows: 'stepFunctions',
  callbacks: 'stepFunctions',
  periodicRuns: 'stepFunctions',
  events: 'events',
  mailer: 'mail',
  reportMail: 'mail',
} as const satisfies Partial<Record<keyof WorkflowDependencies, WorkflowPortGroup>>;

/**
 * The esbuild `define` entries for a function that declares `groups` (JSON values, as esbuild takes them).
 *
 * @example
 * workflowPortDefines(['mail']); // { COMMHUB_BUNDLES_MODEL: 'false', …, COMMHUB_BUNDLES_MAIL: 'true' }
 */
export function workflowPortDefines(groups: readonly WorkflowPortGroup[]): Record<string, string> {
  return Object.fromEntries(Object.entries(WORKFLOW_PORT_FLAGS).map(([group, flag]) => [flag, String(groups.includes(group as WorkflowPortGroup))]));
}

/**
 * `deps` as a function bundled with `groups` sees it on AWS: a workflow port of another group throws
 * `MissingAdapterError`. The embedded runtime runs every step on this view, so a step using a
 * port it does not declare fails in the tests as it would in its Lambda function.
 */
export function workflowPortsWithin<D extends WorkflowDependencies>(deps: D, groups: readonly WorkflowPortGroup[], functionName: string): D {
  return refusing(deps, Object.entries(WORKFLOW_PORT_GROUPS).filter(([, group]) => !groups.includes(group)), functionName);
}

/**
 * The workflow ports of the event functions (by entry, `functions/events/<name>.ts`): the stream
 * starter publishes `communication.ingested` and starts the workflow of the record's kind, the
 * Transcribe job-state handler resumes the waiting execution, the scheduler's dispatcher starts runs.
 */
export const EVENT_WORKFLOW_PORTS = {
  'record-stream': ['stepFunctions', 'events', 'transcribe'],
  'transcription-job-state': ['stepFunctions'],
  'scheduled-run': ['stepFunctions'],
} as const satisfies Readonly<Record<string, readonly WorkflowPortGroup[]>>;

/** A route's workflow ports, from its access: starting record workflows (of the record's kind) or periodic runs. */
export function routeWorkflowPorts(access: RouteAccess): WorkflowPortGroup[] {
  return [...(access.workflows || access.periodicRuns ? (['stepFunctions'] as const) : []), ...(access.workflows ? (['transcribe'] as const) : [])];
}
