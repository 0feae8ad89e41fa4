import { createLocalAnalyzer } from '../../functions/analysis/local/local-analyzer.js';
import { createDocumentClient } from '../../functions/adapters/dynamodb/document-client.js';
import { DynamoDbTranscriptionJobStore } from '../../functions/adapters/dynamodb/dynamodb-transcription-job-store.js';
import { unavailableTranscriber } from '../../functions/adapters/transcribe/unavailable-transcriber.js';
import { createZoomTranscriptSource } from '../../functions/adapters/zoom/zoom-transcript-source.js';
import type { HubDependencies } from '../../functions/core/dependencies.js';
import type { CommunicationAnalyzer } from '../../functions/core/ports/analyzer.js';
import type { Mailer } from '../../functions/core/ports/mailer.js';
import type { Transcriber } from '../../functions/core/ports/transcriber.js';
import type { RecordWorkflowDependencies } from '../../functions/core/workflow/record-workflow-dependencies.js';
import { createLocalCustomerAgents } from '../../functions/analysis/agents/local-customer-agents.js';
import { periodicRunExecutionName } from '../../functions/adapters/stepfunctions/execution-name.js';
import type { CustomerAgents } from '../../functions/core/ports/customer-agents.js';
import type { PeriodicRunStarter } from '../../functions/core/ports/periodic-run-starter.js';
import type { ReportWriter } from '../../functions/core/ports/report-writer.js';
import { createLocalReportWriter } from '../../functions/analysis/agents/local-report-writer.js';
import { namingDependencyFailures } from '../../functions/workflow/dependency-unavailable.js';
import { workflowPortsWithin } from '../../functions/wiring/workflow-port-groups.js';
import { tableStoreGroups } from '../../functions/wiring/adapter-groups.js';
import { portsWithin } from '../../functions/wiring/ports-within.js';
import { STEP_STORAGE, STEP_WORKFLOW_PORTS, WORKFLOW_STEPS, type WorkflowDependencies, type WorkflowStep } from '../../functions/workflow/workflow-steps.js';
import { startRecordWorkflows } from '../../functions/core/workflow/start-record-workflows.js';
import { FIRST_RUN } from '../../functions/core/workflow/analyze-record.js';
import { workflowKindFor } from '../../functions/core/workflow/workflow-kind.js';
import { logger } from '../../functions/http/logger.js';
import { summarizeError } from '../../functions/observability/error-summary.js';
import { correlatedStep } from '../../functions/observability/step-correlation.js';
import { WORKFLOW_STEP_NAMES, type WorkflowStepName } from '../../statemachines/state-machines.js';
import { createLocalEventLog, type LocalEventLog } from '../event-log.js';
import { createOutboxMailer } from '../outbox-mailer.js';
import { LocalWorkflowEngine } from './local-workflow-engine.js';
import { WorkflowJournal, type InsertedRecordRef } from './workflow-journal.js';
import { withInsertFeed } from './record-insert-feed.js';

/** Why embedded mode has no speech-to-text: said on every audio-only record it cannot transcribe. */
export const EMBEDDED_NO_SPEECH_ENGINE =
  'embedded mode has no speech-to-text engine (Amazon Transcribe runs only on AWS) and the source provided no transcript';

export interface EmbeddedWorkflowOptions {
  readonly tableName: string;
  readonly dynamodbEndpoint: string;
  readonly region: string;
  readonly credentials: { readonly accessKeyId: string; readonly secretAccessKey: string };
  readonly outboxDir: string;
  readonly eventLogFile: string;
  readonly mailFrom: string;
  /** Start a record's workflow when it is stored. @default true */
  readonly autoStart?: boolean;
  readonly concurrency?: number;
  readonly retryIntervalMs?: number;
  /**
   * The journal file that keeps record workflow starts across restarts (see `WorkflowJournal`);
   * its unfinished starts are queued again at once.
   * @default none - an in-memory hub keeps nothing across restarts
   */
  readonly journalFile?: string;
  /** Replace a port (tests: a Bedrock adapter on a mocked client, a Transcribe adapter, a failing mailer…). */
  readonly overrides?: Partial<Pick<RecordWorkflowDependencies, 'analyzer' | 'analyzerUsesModel' | 'transcriber' | 'transcriptSources' | 'mailer' | 'events'>> & {
    /** Agents A11–A14 (tests: Bedrock adapters on a mocked client). */
    readonly agents?: CustomerAgents;
    /** Agent A15's writer (tests: the Bedrock writer on a mocked client). */
    readonly reportWriter?: ReportWriter;
  };
}

export interface EmbeddedWorkflows {
  /** The hub's ports with the record store feeding new records to the workflows. */
  readonly hub: HubDependencies;
  readonly deps: WorkflowDependencies;
  readonly engine: LocalWorkflowEngine;
  readonly eventLog: LocalEventLog;
  close(): Promise<void>;
}

/**
 * The record workflow in embedded mode: the same steps and ASL files, run by the local interpreter,
 * with the local analyzer (no model), no speech engine, an outbox folder for mail and a JSON-lines
 * event log — and the record store's insert feed starting each new record's workflow.
 */
export function createEmbeddedWorkflows(base: HubDependencies, options: EmbeddedWorkflowOptions): EmbeddedWorkflows {
  const localAnalyzer: CommunicationAnalyzer = createLocalAnalyzer();
  const transcriber: Transcriber = options.overrides?.transcriber ?? unavailableTranscriber(EMBEDDED_NO_SPEECH_ENGINE);
  const eventLog = createLocalEventLog({ file: options.eventLogFile });
  const outbox = createOutboxMailer({ directory: options.outboxDir, from: options.mailFrom });
  const mailer: Mailer = options.overrides?.mailer ?? outbox;
  const documentClient = createDocumentClient({ region: options.region, endpoint: options.dynamodbEndpoint, credentials: options.credentials });
  let engine: LocalWorkflowEngine | undefined;
  const journal = options.journalFile ? new WorkflowJournal(options.journalFile) : undefined;
  // The stream's part: publish `communication.ingested` and start the workflow; noted `fed` in the
  // journal once both are done (an insert noted and never fed is fed again at the next start).
  const feed = async (record: Parameters<typeof startRecordWorkflows>[1][number]) => {
    await startRecordWorkflows(deps, [record]);
    journal?.fed(record);
  };
  const onInserted = (record: Parameters<typeof startRecordWorkflows>[1][number]) => {
    feed(record).catch((error: unknown) => logger.error('could not start the record workflow', { tenantId: record.tenantId, recordId: record.recordId, error: summarizeError(error) }));
  };
  // A stored record still pending whose workflow is neither queued nor running lost its start (see withInsertFeed).
  const onPendingDuplicate = (record: Parameters<typeof startRecordWorkflows>[1][number]) => {
    engine!
      .startUnlessInFlight({ kind: workflowKindFor(record, transcriber), tenantId: record.tenantId, recordId: record.recordId, attempt: FIRST_RUN })
      .then((started) => started && logger.info('started the workflow of a stored record a redelivery found pending', { tenantId: record.tenantId, recordId: record.recordId }))
      .catch((error: unknown) => logger.error('could not start the record workflow', { tenantId: record.tenantId, recordId: record.recordId, error: summarizeError(error) }));
  };
  const records = options.autoStart === false ? base.records : withInsertFeed(base.records, onInserted, onPendingDuplicate, (record) => journal?.inserted(record));
  const hub: HubDependencies = Object.create(base, { records: { value: records } }) as HubDependencies;
  const periodicRuns: PeriodicRunStarter = {
    startRun: async (run) => engine!.startNamed('periodicRun', run, periodicRunExecutionName(run.tenantId, run.runId)),
  };
  const deps: WorkflowDependencies = Object.create(hub, {
    analyzer: { value: options.overrides?.analyzer ?? localAnalyzer },
    localAnalyzer: { value: localAnalyzer },
    analyzerUsesModel: { value: options.overrides?.analyzerUsesModel ?? false },
    transcriber: { value: transcriber },
    transcriptSources: { value: options.overrides?.transcriptSources ?? [createZoomTranscriptSource()] },
    transcriptionJobs: { value: new DynamoDbTranscriptionJobStore(documentClient, options.tableName) },
    workflows: { get: () => engine! },
    callbacks: { get: () => engine! },
    events: { value: options.overrides?.events ?? eventLog },
    mailer: { value: mailer },
    agents: { value: options.overrides?.agents ?? createLocalCustomerAgents() },
    agentsModel: { value: options.overrides?.agents ? 'model' : 'local' },
    reportWriter: { value: options.overrides?.reportWriter ?? createLocalReportWriter() },
    periodicRuns: { value: periodicRuns },
    reportMail: { value: { from: options.mailFrom, mailer: outbox } },
  }) as WorkflowDependencies;
  // Each step runs as its Lambda would: in a correlation scope with its tenant, record and execution ids,
  // its transient dependency failures named `DependencyUnavailable` for the state machines to retry.
  // Each step also sees only the workflow ports it declares and the storage its STEP_STORAGE marks, as
  // its Lambda bundle holds only those.
  const stepView = (name: WorkflowStepName) =>
    workflowPortsWithin(
      portsWithin(deps, { table: true, cursors: true, blobs: STEP_STORAGE[name].blobs, tenants: STEP_STORAGE[name].tenants, ...tableStoreGroups(true, STEP_STORAGE[name].stores) }, name),
      STEP_WORKFLOW_PORTS[name],
      name,
    );
  const steps = Object.fromEntries(WORKFLOW_STEP_NAMES.map((name) => [name, correlatedStep(namingDependencyFailures(WORKFLOW_STEPS[name](stepView(name))))])) as Record<
    WorkflowStepName,
    WorkflowStep
  >;
  engine = new LocalWorkflowEngine({
    steps,
    concurrency: options.concurrency,
    retryIntervalMs: options.retryIntervalMs,
    onFailure: (execution) => logger.warn('workflow execution failed', { machine: execution.machine, execution: execution.name, error: execution.error }),
    ...(journal ? { journal } : {}),
  });
  const resumed = engine.resumeUnfinished();
  if (resumed > 0) logger.info('resumed record workflows the last stop left unfinished', { count: resumed });
  const unfed = journal?.unfed() ?? [];
  if (unfed.length > 0) void refeed(unfed);
  async function refeed(inserts: readonly InsertedRecordRef[]): Promise<void> {
    let fed = 0;
    for (const insert of inserts) {
      try {
        const record = await base.records.getRecord(insert.tenantId, insert.recordId);
        // Erased meanwhile, or analysed by a replay: nothing left to hand on.
        if (record?.analysis.status === 'pending') {
          await startRecordWorkflows(deps, [record]);
          fed++;
        }
        journal!.fed(insert);
      } catch (error) {
        logger.error('could not start the record workflow', { tenantId: insert.tenantId, recordId: insert.recordId, error: summarizeError(error) });
      }
    }
    logger.info('fed the records the last stop caught between store and workflow start', { count: fed, noted: inserts.length });
  }
  return {
    hub,
    deps,
    engine,
    eventLog,
    close: () => engine!.close(),
  };
}
