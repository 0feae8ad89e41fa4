import './promise-with-resolvers.js';
import { randomUUID } from 'node:crypto';
import { StateMachine, type StateMachineDefinition } from 'aws-local-stepfunctions';
import type { RecordWorkflowStart, WorkflowCallbacks, WorkflowStarter } from '../../functions/core/ports/workflow.js';
import type { WorkflowStep } from '../../functions/workflow/workflow-steps.js';
import { STATE_MACHINES, definitionText, substitute, type StateMachineName, type WorkflowStepName } from '../../statemachines/state-machines.js';
import { localBindings, stateMachineOfArn, stepOfArn } from './local-bindings.js';
import { journalKey, type WorkflowJournal } from './workflow-journal.js';

/** What one embedded execution did: the figures `bench/workflow` prices. */
export interface ExecutionRecord {
  readonly name: string;
  readonly machine: StateMachineName;
  readonly input: Record<string, unknown>;
  status: 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'ABORTED';
  error?: string;
  cause?: string;
  output?: unknown;
  /** States entered (Step Functions bills Standard workflows per transition). */
  transitions: number;
  /** Lambda invocations (one per Task attempt bound to a step function). */
  stepInvocations: number;
  /** Wall time spent in step handlers, by step (what Lambda would bill as duration). */
  readonly stepMillis: Partial<Record<WorkflowStepName, number>>;
  readonly startedAt: number;
  endedAt?: number;
}

export interface LocalWorkflowEngineOptions {
  readonly steps: Readonly<Record<WorkflowStepName, WorkflowStep>>;
  /** Executions run at once (the analyzer is CPU-bound; more only queue on two cores). @default 4 */
  readonly concurrency?: number;
  /** Replaces every Retry interval (tests); absent = the definitions' own backoff. */
  readonly retryIntervalMs?: number;
  /** Called for an execution that failed (logging). */
  readonly onFailure?: (execution: ExecutionRecord) => void;
  /** Executions kept in `history`. @default 10000 */
  readonly historyLimit?: number;
  /**
   * Keeps record workflow starts across restarts (the data dir's journal); without it a start still
   * queued or running when the process stops leaves its record `pending` until replayed.
   * @default none (in-memory hubs: tests)
   */
  readonly journal?: WorkflowJournal;
}

const TASK_TOKEN_WAIT = 'arn:aws:states:::lambda:invoke.waitForTaskToken';
const START_EXECUTION_SYNC = 'arn:aws:states:::states:startExecution.sync:2';

type TaskHandler = (input: unknown) => Promise<unknown>;
/** The parts of an ASL state the engine reads to bind handlers. */
interface AslState {
  readonly Type: string;
  readonly Resource?: string;
  readonly ItemProcessor?: { readonly States: Record<string, AslState> };
  readonly Iterator?: { readonly States: Record<string, AslState> };
  readonly Branches?: readonly { readonly States: Record<string, AslState> }[];
}
interface Waiter {
  readonly resolve: (output: unknown) => void;
  readonly reject: (error: Error) => void;
}

class TaskFailure extends Error {
  constructor(name: string, message: string) {
    super(message);
    this.name = name;
  }
}

/**
 * Runs the `statemachines/*.asl.json` definitions unchanged with aws-local-stepfunctions, each
 * `${X}` bound to a local handler: step functions for Lambda ARNs, a task-token registry for
 * `.waitForTaskToken` (resumed by `succeed`/`fail`, as SendTaskSuccess does on AWS), and nested
 * runs for `states:startExecution.sync:2`. Starts are queued and run a few at a time.
 */
export class LocalWorkflowEngine implements WorkflowStarter, WorkflowCallbacks {
  readonly history: ExecutionRecord[] = [];
  private readonly definitions = new Map<StateMachineName, StateMachineDefinition>();
  private readonly waiting = new Map<string, Waiter>();
  private readonly queue: (() => Promise<unknown>)[] = [];
  private readonly running = new Set<Promise<unknown>>();
  private readonly aborts = new Set<() => void>();
  /** Step calls still running: an abort stops the interpreter, not a handler already called. */
  private readonly stepCalls = new Set<Promise<unknown>>();
  private idleWaiters: (() => void)[] = [];
  /** Names of executions started by `startNamed` (Standard-machine name dedupe). */
  private readonly names = new Set<string>();
  /** Record workflow executions queued or running, by execution name (`<recordId>-<attempt>`). */
  private readonly inFlight = new Set<string>();
  private closed = false;

  constructor(private readonly options: LocalWorkflowEngineOptions) {
    const bindings = localBindings();
    for (const name of Object.keys(STATE_MACHINES) as StateMachineName[]) {
      this.definitions.set(name, JSON.parse(substitute(definitionText(name), bindings)) as StateMachineDefinition);
    }
  }

  /** Queues a record workflow; a start of the same record and attempt already queued or running is not repeated. */
  async start(execution: RecordWorkflowStart): Promise<void> {
    if (this.closed || this.inFlight.has(journalKey(execution))) return;
    this.options.journal?.started(execution);
    this.enqueue(execution);
  }

  /**
   * Queues again the record workflows the journal holds open — started before the last stop and
   * never finished (a crash, or a shutdown with work queued). Returns how many.
   */
  resumeUnfinished(): number {
    const unfinished = this.options.journal?.unfinished() ?? [];
    for (const execution of unfinished) this.enqueue(execution);
    return unfinished.length;
  }

  private enqueue(execution: RecordWorkflowStart): void {
    const machine: StateMachineName = execution.kind === 'media' ? 'recordTranscription' : 'recordAnalysis';
    const input = { tenantId: execution.tenantId, recordId: execution.recordId, run: execution.attempt };
    const name = journalKey(execution);
    this.inFlight.add(name);
    this.queue.push(async () => {
      try {
        const result = await this.execute(machine, input, name);
        // Ended by a shutdown (aborted, or failed because its callbacks were cancelled): left open in
        // the journal, so the next start runs it again.
        if (!this.closed) this.options.journal?.ended(name);
        return result;
      } finally {
        this.inFlight.delete(name);
      }
    });
    this.pump();
  }

  /** Starts a record workflow unless an execution of the same record and attempt is queued or running; `false` when one is. */
  async startUnlessInFlight(execution: RecordWorkflowStart): Promise<boolean> {
    if (this.closed || this.inFlight.has(journalKey(execution))) return false;
    await this.start(execution);
    return true;
  }

  async succeed(taskToken: string, output: Record<string, unknown>): Promise<void> {
    this.waiting.get(taskToken)?.resolve(output);
    this.waiting.delete(taskToken);
  }

  async fail(taskToken: string, error: string, cause: string): Promise<void> {
    this.waiting.get(taskToken)?.reject(new TaskFailure(error, cause));
    this.waiting.delete(taskToken);
  }

  /**
   * Queues a named execution unless one of that name was started before (as Step Functions refuses
   * a second Standard execution of the same name); `false` when it was.
   */
  startNamed(machine: StateMachineName, input: Record<string, unknown>, name: string): boolean {
    if (this.closed || this.names.has(name)) return false;
    this.names.add(name);
    this.queue.push(() => this.execute(machine, input, name));
    this.pump();
    return true;
  }

  /** Runs one execution to its end (not queued): nested executions, tests and the replay path use it. */
  async execute(machine: StateMachineName, input: Record<string, unknown>, name: string = randomUUID()): Promise<ExecutionRecord> {
    const record: ExecutionRecord = { name, machine, input, status: 'RUNNING', transitions: 0, stepInvocations: 0, stepMillis: {}, startedAt: Date.now() };
    this.remember(record);
    const token = `local-${randomUUID()}`;
    const stateMachine = new StateMachine(this.definitions.get(machine)!, { validationOptions: { checkArn: false } });
    const run = stateMachine.run(input as Parameters<StateMachine['run']>[0], {
      overrides: { taskResourceLocalHandlers: this.handlersFor(machine, record, token) as never, retryIntervalOverrides: this.retryOverrides(machine) },
      context: { Execution: { Id: `local:${machine}:${name}`, Name: name }, StateMachine: { Id: machine, Name: machine }, Task: { Token: token } },
      noThrowOnAbort: true,
    });
    this.aborts.add(run.abort);
    const counting = (async () => {
      for await (const event of run.eventLogs) if (event.type === 'StateEntered') record.transitions++;
    })().catch(() => undefined);
    try {
      const output = await run.result;
      record.status = output === null && this.closed ? 'ABORTED' : 'SUCCEEDED';
      record.output = output;
    } catch (error) {
      const cause = (error as { cause?: unknown }).cause;
      const failure = (cause instanceof Error ? cause : error) as Error;
      record.status = 'FAILED';
      record.error = failure.name;
      record.cause = failure.message;
      this.options.onFailure?.(record);
    } finally {
      this.aborts.delete(run.abort);
      this.waiting.delete(token);
      record.endedAt = Date.now();
    }
    await counting;
    return record;
  }

  /** Resolves once nothing is queued or running (tests, benches, shutdown). */
  idle(): Promise<void> {
    if (this.queue.length === 0 && this.running.size === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** Drops queued starts and aborts running ones: with a journal they run at the next start, otherwise their records stay `pending` (replayable). */
  async close(): Promise<void> {
    this.closed = true;
    this.queue.length = 0;
    this.inFlight.clear();
    for (const waiter of this.waiting.values()) waiter.reject(new TaskFailure('States.Runtime', 'the hub is shutting down'));
    for (const abort of this.aborts) abort();
    await Promise.allSettled([...this.running]);
    await Promise.allSettled([...this.stepCalls]);
    this.options.journal?.close();
  }

  private pump(): void {
    const limit = this.options.concurrency ?? 4;
    while (this.running.size < limit && this.queue.length > 0) {
      const job = this.queue.shift()!;
      const promise: Promise<unknown> = job()
        .catch(() => undefined)
        .finally(() => {
          this.running.delete(promise);
          this.pump();
          if (this.queue.length === 0 && this.running.size === 0) {
            const waiters = this.idleWaiters;
            this.idleWaiters = [];
            for (const resolve of waiters) resolve();
          }
        });
      this.running.add(promise);
    }
  }

  private remember(record: ExecutionRecord): void {
    this.history.push(record);
    const limit = this.options.historyLimit ?? 10_000;
    if (this.history.length > limit) this.history.splice(0, this.history.length - limit);
  }

  private retryOverrides(machine: StateMachineName): Record<string, number> | undefined {
    if (this.options.retryIntervalMs === undefined) return undefined;
    const states = this.definitions.get(machine)!.States as Record<string, { Retry?: unknown[] }>;
    return Object.fromEntries(Object.entries(states).filter(([, s]) => s.Retry).map(([name]) => [name, this.options.retryIntervalMs!]));
  }

  /** One local handler per Task state — nested Map and Parallel states included — by what its Resource (or FunctionName / StateMachineArn) names. */
  private handlersFor(machine: StateMachineName, record: ExecutionRecord, token: string): Record<string, TaskHandler> {
    const handlers: Record<string, TaskHandler> = {};
    const visit = (states: Record<string, AslState>) => {
      for (const [stateName, state] of Object.entries(states)) {
        if (state.Type === 'Task' && state.Resource) handlers[stateName] = this.handlerFor(stateName, state.Resource, record, token);
        const processor = state.ItemProcessor ?? state.Iterator;
        if (processor) visit(processor.States);
        for (const branch of state.Branches ?? []) visit(branch.States);
      }
    };
    visit(this.definitions.get(machine)!.States as Record<string, AslState>);
    return handlers;
  }

  private handlerFor(stateName: string, resource: string, record: ExecutionRecord, token: string): TaskHandler {
    const invoke = (step: WorkflowStepName, payload: unknown) => {
      record.stepInvocations++;
      const started = performance.now();
      const call = (this.options.steps[step] as (input: unknown) => Promise<unknown>)(payload);
      this.stepCalls.add(call);
      void call
        .finally(() => {
          this.stepCalls.delete(call);
          record.stepMillis[step] = (record.stepMillis[step] ?? 0) + performance.now() - started;
        })
        .catch(() => undefined);
      return call;
    };
    const direct = stepOfArn(resource);
    if (direct) return async (input) => (await invoke(direct, input)) ?? null;
    if (resource === TASK_TOKEN_WAIT) {
      return async (input) => {
        const { FunctionName, Payload } = input as { FunctionName: string; Payload: unknown };
        const step = stepOfArn(FunctionName);
        if (!step) throw new TaskFailure('States.Runtime', `no local function bound to ${FunctionName}`);
        const resumed = new Promise<unknown>((resolve, reject) => this.waiting.set(token, { resolve, reject }));
        resumed.catch(() => undefined);
        await invoke(step, Payload);
        return resumed;
      };
    }
    if (resource === START_EXECUTION_SYNC) {
      return async (input) => {
        const { StateMachineArn, Input } = input as { StateMachineArn: string; Input: Record<string, unknown> };
        const child = stateMachineOfArn(StateMachineArn);
        if (!child) throw new TaskFailure('States.Runtime', `no local state machine bound to ${StateMachineArn}`);
        const result = await this.execute(child, Input, `${record.name}-${child}`);
        if (result.status !== 'SUCCEEDED') throw new TaskFailure('States.TaskFailed', `${result.error ?? 'failed'}: ${result.cause ?? ''}`);
        return { Status: result.status, Output: result.output ?? null };
      };
    }
    throw new Error(`state "${stateName}": resource ${resource} has no embedded binding`);
  }
}
