import { fileURLToPath } from 'node:url';
import { ArnFormat, type CfnResource, Duration, Names, RemovalPolicy, Stack, TimeZone, Validations } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as logs from 'aws-cdk-lib/aws-logs';
import * as scheduler from 'aws-cdk-lib/aws-scheduler';
import * as schedulerTargets from 'aws-cdk-lib/aws-scheduler-targets';
import type * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import { Construct } from 'constructs';
import { ENV, LOCAL_MODEL_ID } from '../functions/config/runtime-config.js';
import { REPORT_SCHEDULES } from '../functions/core/schedules/report-schedules.js';
import { stepEntryName } from '../functions/workflow/step-entry-name.js';
import { PERIODIC_STEP_NAMES, type PeriodicStepName } from '../statemachines/state-machines.js';
import { STEP_STORAGE, STEP_WORKFLOW_PORTS } from '../functions/workflow/workflow-steps.js';
import { EVENT_WORKFLOW_PORTS } from '../functions/wiring/workflow-port-groups.js';
import { aslStateMachine } from './asl-state-machine.js';
import { DeadLetterQueue } from './dead-letter-queue.js';
import { grantBedrockModel, grantSendMail } from './service-grants.js';
import { nagResourceName } from './grant-acknowledgments.js';
import { HubFunction, type FunctionAccess } from './hub-function.js';
import { AGENT_STEP_MEMORY_MB, PERIODIC_STEP_MEMORY_MB, REPORT_STEP_MEMORY_MB } from './function-memory.js';
import type { Storage } from './storage.js';

const entry = (path: string) => fileURLToPath(new URL(`../functions/${path}`, import.meta.url));

/** Steps that page through the store (day feed, timeline, insights) need the cursor key. */
const PAGING_STEPS: ReadonlySet<PeriodicStepName> = new Set(['PlanPeriodicRun', 'ComputeCustomerMetrics', 'WriteReport']);

/** What a periodic-run step's function may reach (its bundle holds only those adapters). */
export function periodicStepAccess(step: PeriodicStepName): FunctionAccess {
  const { blobs, tenants, stores } = STEP_STORAGE[step];
  return { table: 'readWrite', rawArchive: 'none', blobs: blobs ? 'readWrite' : 'none', cursors: PAGING_STEPS.has(step), tenants, stores };
}

/** Properties of {@link PeriodicReporting}. */
export interface PeriodicReportingProps {
  readonly storage: Storage;
  /** Deployment stage, passed as `COMMHUB_STAGE`. */
  readonly stage: string;
  /** Bedrock model (or inference profile) id for agents A11–A14; `local` = rules only. */
  readonly modelId: string;
  /**
   * SES identity reports are sent from.
   * @default - reports are stored but not emailed
   */
  readonly mailFrom?: string;
  /** Zones the four schedules are deployed in (each covers the tenants whose zone it is). */
  readonly timeZones: readonly string[];
  /**
   * Reserved concurrency of each of `RunCustomerAgent` and `WriteReport`, which call Bedrock (see
   * `DEFAULT_RESERVED_CONCURRENCY` in lib/stage-config.ts); ignored when `modelId` is `local`.
   * @default - unreserved
   */
  readonly reportConcurrency?: number;
  /**
   * How long the functions' and the state machine's logs are kept.
   * @default logs.RetentionDays.ONE_MONTH
   */
  readonly logRetention?: logs.RetentionDays;
  /**
   * @default RemovalPolicy.DESTROY
   */
  readonly removalPolicy?: RemovalPolicy;
}

/**
 * The periodic run (agents A11–A16): the A16 coordinator state machine (`statemachines/periodic-run.asl.json`,
 * Standard, its per-customer work in a distributed map of Express children), one Lambda per step, and
 * EventBridge Scheduler schedules — daily 09:00, Mondays 09:00, the 1st 09:00 and every 5 minutes —
 * in each report time zone, which start each tenant's runs through a small dispatcher.
 */
export class PeriodicReporting extends Construct {
  public readonly stateMachine: sfn.StateMachine;
  public readonly steps: Readonly<Record<PeriodicStepName, HubFunction>>;
  public readonly dispatcher: HubFunction;
  public readonly schedules: scheduler.Schedule[] = [];
  /**
   * Scheduled runs that did not start: invocations Scheduler could not deliver, and events the
   * dispatcher failed on after Lambda's asynchronous retries (Scheduler invokes Lambda asynchronously).
   */
  public readonly deadLetterQueue: DeadLetterQueue;

  constructor(scope: Construct, id: string, props: PeriodicReportingProps) {
    super(scope, id);
    const { storage } = props;
    const removalPolicy = props.removalPolicy ?? RemovalPolicy.DESTROY;
    const common = { storage, stage: props.stage, removalPolicy, logRetention: props.logRetention };
    const modelBound = props.modelId === LOCAL_MODEL_ID ? undefined : props.reportConcurrency;
    const environment: Partial<Record<PeriodicStepName, Record<string, string>>> = {
      RunCustomerAgent: { [ENV.modelId]: props.modelId },
      WriteReport: { [ENV.modelId]: props.modelId },
      EmailReport: props.mailFrom ? { [ENV.mailFrom]: props.mailFrom } : {},
    };
    const steps = {} as Record<PeriodicStepName, HubFunction>;
    for (const step of PERIODIC_STEP_NAMES) {
      const access = periodicStepAccess(step);
      steps[step] = new HubFunction(this, step, {
        ...common,
        entry: entry(`workflow/${stepEntryName(step)}.ts`),
        description: `CommHub periodic run step ${step}.`,
        access,
        workflowPorts: STEP_WORKFLOW_PORTS[step],
        environment: environment[step],
        timeout: Duration.seconds(step === 'WriteReport' ? 240 : step === 'RunCustomerAgent' ? 90 : 50),
        memorySize: step === 'WriteReport' ? REPORT_STEP_MEMORY_MB : step === 'RunCustomerAgent' ? AGENT_STEP_MEMORY_MB : PERIODIC_STEP_MEMORY_MB,
        // The agent steps share the model's quota with A10 (see DEFAULT_RESERVED_CONCURRENCY).
        reservedConcurrentExecutions: step === 'RunCustomerAgent' || step === 'WriteReport' ? modelBound : undefined,
      });
    }
    this.steps = steps;
    if (props.modelId !== LOCAL_MODEL_ID) {
      grantBedrockModel(steps.RunCustomerAgent.role, props.modelId);
      grantBedrockModel(steps.WriteReport.role, props.modelId);
    }
    if (props.mailFrom) grantSendMail(steps.EmailReport.role, props.mailFrom);

    // A distributed map starts its children as executions of this machine: its role names the machine by name.
    const stateMachineName = Names.uniqueResourceName(this, { maxLength: 80, separator: '-' });
    this.stateMachine = aslStateMachine(this, 'periodicRun', { storage, steps, stateMachineName, removalPolicy, logRetention: props.logRetention });
    this.grantDistributedMap(stateMachineName);

    this.deadLetterQueue = new DeadLetterQueue(this, 'DeadLetters', { encryptionKey: storage.key, removalPolicy });
    this.dispatcher = new HubFunction(this, 'Dispatcher', {
      ...common,
      entry: entry('events/scheduled-run.ts'),
      description: 'Starts each tenant scheduled report or risk check (EventBridge Scheduler target).',
      workflowPorts: EVENT_WORKFLOW_PORTS['scheduled-run'],
      // Cursors: the risk check reads the last minutes' day feed (paged) to start a run only when a customer has news.
      access: { table: 'readWrite', rawArchive: 'none', blobs: 'none', cursors: true, tenants: true },
      environment: this.starterEnvironment(),
      timeout: Duration.seconds(60),
      deadLetterQueue: this.deadLetterQueue.queue,
      retryAttempts: 2,
    });
    this.grantStartRuns(this.dispatcher.function);

    // One role for every schedule, invoking the dispatcher only.
    const schedulerRole = new iam.Role(this, 'SchedulerRole', {
      description: 'EventBridge Scheduler: invokes the CommHub periodic-run dispatcher',
      assumedBy: new iam.ServicePrincipal('scheduler.amazonaws.com', { conditions: { StringEquals: { 'aws:SourceAccount': Stack.of(this).account } } }),
    });
    this.dispatcher.function.grantInvoke(schedulerRole);
    // Scheduler sends dead letters with this role (the target adds sqs:SendMessage); the queue is SSE-KMS.
    storage.key.grant(schedulerRole, 'kms:GenerateDataKey', 'kms:Decrypt');
    Validations.of(schedulerRole).acknowledge({
      id: `AwsSolutions-IAM5[Resource::<${Stack.of(this).resolve((this.dispatcher.function.node.defaultChild as CfnResource).logicalId) as string}.Arn>:*]`,
      reason: 'grantInvoke covers the dispatcher function and its versions/aliases (ARN:*); that one function only.',
    });
    for (const timeZone of props.timeZones) {
      for (const schedule of REPORT_SCHEDULES) {
        const zoneId = timeZone.replace(/[^A-Za-z0-9]/g, '');
        this.schedules.push(
          new scheduler.Schedule(this, `${schedule.name}-${zoneId}`, {
            description: `${schedule.description}, ${timeZone}`,
            schedule: scheduler.ScheduleExpression.expression(schedule.expression, TimeZone.of(timeZone)),
            target: new schedulerTargets.LambdaInvoke(this.dispatcher.function, {
              role: schedulerRole,
              retryAttempts: 2,
              maxEventAge: Duration.hours(1),
              deadLetterQueue: this.deadLetterQueue.queue,
              input: scheduler.ScheduleTargetInput.fromObject({ run: schedule.run, timeZone, scheduledTime: scheduler.ContextAttribute.scheduledTime }),
            }),
          }),
        );
      }
    }
  }

  /** What a function that starts periodic runs needs in its environment (`PeriodicRunStarter` on AWS). */
  public starterEnvironment(): Record<string, string> {
    return { [ENV.periodicRunArn]: this.stateMachine.stateMachineArn };
  }

  /** Lets a function start periodic runs (the dispatcher, `POST /v1/reports`). */
  public grantStartRuns(grantee: iam.IGrantable): void {
    this.stateMachine.grantStartExecution(grantee);
  }

  /** A distributed map starts, describes and stops child executions of its own machine (Step Functions developer guide, "IAM policies for Distributed Map"). */
  private grantDistributedMap(stateMachineName: string): void {
    const stack = Stack.of(this);
    const machineArn = stack.formatArn({ service: 'states', resource: 'stateMachine', resourceName: stateMachineName, arnFormat: ArnFormat.COLON_RESOURCE_NAME });
    const childExecutions = stack.formatArn({ service: 'states', resource: 'execution', resourceName: `${stateMachineName}/*`, arnFormat: ArnFormat.COLON_RESOURCE_NAME });
    this.stateMachine.addToRolePolicy(new iam.PolicyStatement({ actions: ['states:StartExecution'], resources: [machineArn] }));
    this.stateMachine.addToRolePolicy(new iam.PolicyStatement({ actions: ['states:DescribeExecution', 'states:StopExecution'], resources: [childExecutions] }));
    Validations.of(this.stateMachine).acknowledge({
      id: `AwsSolutions-IAM5[Resource::${nagResourceName(this.stateMachine, childExecutions)}]`,
      reason: 'The distributed map describes/stops its own child executions, named per item at run time: executions of this one machine only.',
    });
  }
}
