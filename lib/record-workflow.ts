import { fileURLToPath } from 'node:url';
import { ArnFormat, Duration, Names, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import type * as logs from 'aws-cdk-lib/aws-logs';
import { DynamoEventSource, SqsDlq } from 'aws-cdk-lib/aws-lambda-event-sources';
import * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import { Construct } from 'constructs';
import { ENV, LOCAL_MODEL_ID } from '../functions/config/runtime-config.js';
import { stepEntryName } from '../functions/workflow/step-entry-name.js';
import { STEP_STORAGE, STEP_WORKFLOW_PORTS } from '../functions/workflow/workflow-steps.js';
import { EVENT_WORKFLOW_PORTS } from '../functions/wiring/workflow-port-groups.js';
import {
  RECORD_STEP_NAMES,
  stateMachinePlaceholder,
  type StateMachineName,
  type RecordStepName,
} from '../statemachines/state-machines.js';
import { aslStateMachine } from './asl-state-machine.js';
import { DeadLetterQueue } from './dead-letter-queue.js';
import { nagResourceName } from './grant-acknowledgments.js';
import { HubFunction, type FunctionAccess } from './hub-function.js';
import { grantBedrockModel, grantSendMail } from './service-grants.js';
import type { Storage } from './storage.js';
import { ANALYSIS_STEP_MEMORY_MB, RECORD_STEP_MEMORY_MB } from './function-memory.js';

const entry = (path: string) => fileURLToPath(new URL(`../functions/${path}`, import.meta.url));

/** Transcribe jobs the hub starts are named `commhub-…` (transcription-job-name.ts): the callback rule matches only those. */
export const TRANSCRIPTION_JOB_PREFIX = 'commhub-';

/** What a step touches: the table, and the blobs and tenant settings its `STEP_STORAGE` marks (none pages, so none needs the cursor key). */
function stepAccess(step: RecordStepName): FunctionAccess {
  const { blobs, tenants, stores } = STEP_STORAGE[step];
  return { table: 'readWrite', rawArchive: 'none', blobs: blobs ? 'readWrite' : 'none', cursors: false, tenants, stores };
}

/** Properties of {@link RecordWorkflow}. */
export interface RecordWorkflowProps {
  readonly storage: Storage;
  /** Deployment stage, passed as `COMMHUB_STAGE`. */
  readonly stage: string;
  /** Bedrock model (or inference profile) id for agent A10; `local` = rules only, no model calls. */
  readonly modelId: string;
  /**
   * SES identity alerts are sent from.
   * @default - alerts are stored as insights but not emailed
   */
  readonly mailFrom?: string;
  /**
   * Reserved concurrency of `AnalyzeRecord`, which calls Bedrock (see `DEFAULT_RESERVED_CONCURRENCY`
   * in lib/stage-config.ts); ignored when `modelId` is `local`.
   * @default - unreserved
   */
  readonly analysisConcurrency?: number;
  /**
   * Reserved concurrency of `StartTranscription`, which calls StartTranscriptionJob.
   * @default - unreserved
   */
  readonly transcriptionConcurrency?: number;
  /**
   * How long the functions' and state machines' logs are kept.
   * @default logs.RetentionDays.ONE_MONTH
   */
  readonly logRetention?: logs.RetentionDays;
  /**
   * @default RemovalPolicy.DESTROY
   */
  readonly removalPolicy?: RemovalPolicy;
}

/**
 * The record workflow: the table's stream starts, for each new record, the Express analysis
 * workflow (text) or the Standard transcription workflow (a recording to transcribe, which waits on
 * a task token resumed by Transcribe's job-state-change event and then runs the analysis as a child).
 * Both definitions are `statemachines/*.asl.json`, loaded inline with their substitutions.
 */
export class RecordWorkflow extends Construct {
  public readonly analysisStateMachine: sfn.StateMachine;
  public readonly transcriptionStateMachine: sfn.StateMachine;
  /** Integrators subscribe here to `communication.ingested` / `communication.analyzed` (source `commhub`). */
  public readonly eventBus: events.EventBus;
  public readonly steps: Readonly<Record<RecordStepName, HubFunction>>;
  public readonly starter: HubFunction;
  public readonly transcriptionCallback: HubFunction;
  /** Stream batches and Transcribe events that could not be handled (kept 14 days, redrivable). */
  public readonly deadLetterQueue: DeadLetterQueue;

  constructor(scope: Construct, id: string, props: RecordWorkflowProps) {
    super(scope, id);
    const { storage } = props;
    const removalPolicy = props.removalPolicy ?? RemovalPolicy.DESTROY;

    this.eventBus = new events.EventBus(this, 'Events', { description: 'CommHub integrator events (communication.ingested, communication.analyzed)' });
    this.deadLetterQueue = new DeadLetterQueue(this, 'DeadLetters', { encryptionKey: storage.key, removalPolicy });
    const common = { storage, stage: props.stage, removalPolicy, logRetention: props.logRetention };
    // Each step gets only the settings its ports need.
    const stepEnvironment: Partial<Record<RecordStepName, Record<string, string>>> = {
      AnalyzeRecord: { [ENV.modelId]: props.modelId, [ENV.eventBusName]: this.eventBus.eventBusName },
      NotifyUrgentRecord: props.mailFrom ? { [ENV.mailFrom]: props.mailFrom } : {},
    };

    // Only the steps that call a quota-bound service are capped (see DEFAULT_RESERVED_CONCURRENCY).
    const reserved: Partial<Record<RecordStepName, number | undefined>> = {
      AnalyzeRecord: props.modelId === LOCAL_MODEL_ID ? undefined : props.analysisConcurrency,
      StartTranscription: props.transcriptionConcurrency,
    };
    const steps = {} as Record<RecordStepName, HubFunction>;
    for (const step of RECORD_STEP_NAMES) {
      const analyzes = step === 'AnalyzeRecord';
      steps[step] = new HubFunction(this, step, {
        ...common,
        entry: entry(`workflow/${stepEntryName(step)}.ts`),
        description: `CommHub record workflow step ${step}.`,
        access: stepAccess(step),
        workflowPorts: STEP_WORKFLOW_PORTS[step],
        environment: stepEnvironment[step],
        timeout: Duration.seconds(analyzes ? 90 : 30),
        memorySize: analyzes ? ANALYSIS_STEP_MEMORY_MB : RECORD_STEP_MEMORY_MB,
        reservedConcurrentExecutions: reserved[step],
        // The local analyzer (the fallback) segments Chinese with jieba, a native addon: the function
        // runs on the synthesizing machine's architecture with its binary copied beside the bundle.
        ...(analyzes ? { architecture: lambda.Architecture.X86_64, nativeModules: ['@node-rs/jieba'] } : {}),
      });
    }
    this.steps = steps;
    this.eventBus.grantPutEventsTo(steps.AnalyzeRecord.function);
    grantBedrockModel(steps.AnalyzeRecord.role, props.modelId);
    if (props.mailFrom) grantSendMail(steps.NotifyUrgentRecord.role, props.mailFrom);
    this.grantTranscribe(steps.StartTranscription.role, steps.CollectTranscript.role);

    this.analysisStateMachine = this.stateMachine('recordAnalysis', steps, storage, removalPolicy, props.logRetention);
    this.transcriptionStateMachine = this.stateMachine('recordTranscription', steps, storage, removalPolicy, props.logRetention);

    const workflowEnvironment = { ...this.starterEnvironment(), [ENV.eventBusName]: this.eventBus.eventBusName };
    this.starter = new HubFunction(this, 'Starter', {
      ...common,
      entry: entry('events/record-stream.ts'),
      description: 'Starts the record workflow for each record the table stream reports as new.',
      workflowPorts: EVENT_WORKFLOW_PORTS['record-stream'],
      access: { table: 'none', rawArchive: 'none', blobs: 'none', cursors: false, tenants: false },
      environment: workflowEnvironment,
      timeout: Duration.seconds(60),
    });
    this.grantStartWorkflows(this.starter.function);
    this.eventBus.grantPutEventsTo(this.starter.function);
    this.starter.function.addEventSource(
      new DynamoEventSource(storage.table, {
        startingPosition: lambda.StartingPosition.TRIM_HORIZON,
        batchSize: 100,
        bisectBatchOnError: true,
        retryAttempts: 5,
        onFailure: new SqsDlq(this.deadLetterQueue.queue),
        filters: [lambda.FilterCriteria.filter({ eventName: lambda.FilterRule.isEqual('INSERT'), dynamodb: { NewImage: { SK: { S: lambda.FilterRule.isEqual('RECORD') } } } })],
      }),
    );
    storage.key.grantDecrypt(this.starter.function);
    const dlqReason = 'The stream source sends failed batches to the KMS-encrypted dead-letter queue: kms:GenerateDataKey*/ReEncrypt* on that one key.';
    for (const action of ['kms:GenerateDataKey*', 'kms:ReEncrypt*']) Validations.of(this.starter).acknowledge({ id: `AwsSolutions-IAM5[Action::${action}]`, reason: dlqReason });

    this.transcriptionCallback = new HubFunction(this, 'TranscriptionCallback', {
      ...common,
      entry: entry('events/transcription-job-state.ts'),
      description: 'Resumes the record workflow waiting on a finished Transcribe job.',
      workflowPorts: EVENT_WORKFLOW_PORTS['transcription-job-state'],
      access: { table: 'read', rawArchive: 'none', blobs: 'none', cursors: false, tenants: false },
      deadLetterQueue: this.deadLetterQueue.queue,
      retryAttempts: 2,
    });
    this.transcriptionCallback.role.addToPolicy(
      new iam.PolicyStatement({ actions: ['states:SendTaskSuccess', 'states:SendTaskFailure'], resources: [this.transcriptionStateMachine.stateMachineArn] }),
    );
    // A name known at synth time: the key policy names the rule (see allowRuleToEncryptDeadLetters).
    const ruleName = Names.uniqueResourceName(this, { maxLength: 64, separator: '-' });
    new events.Rule(this, 'TranscriptionJobState', {
      ruleName,
      description: 'Transcribe jobs started by CommHub finished or failed',
      eventPattern: {
        source: ['aws.transcribe'],
        detailType: ['Transcribe Job State Change'],
        detail: { TranscriptionJobName: events.Match.prefix(TRANSCRIPTION_JOB_PREFIX), TranscriptionJobStatus: ['COMPLETED', 'FAILED'] },
      },
      targets: [new targets.LambdaFunction(this.transcriptionCallback.function, { deadLetterQueue: this.deadLetterQueue.queue, retryAttempts: 4, maxEventAge: Duration.hours(2) })],
    });
    this.allowRuleToEncryptDeadLetters(storage, ruleName);
  }

  /** EventBridge sends undeliverable events to the KMS-encrypted queue as events.amazonaws.com: for this rule only. */
  private allowRuleToEncryptDeadLetters(storage: Storage, ruleName: string): void {
    const stack = Stack.of(this);
    storage.key.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: 'AllowTranscriptionRuleDeadLetters',
        principals: [new iam.ServicePrincipal('events.amazonaws.com')],
        actions: ['kms:GenerateDataKey', 'kms:Decrypt'],
        resources: ['*'],
        conditions: {
          StringEquals: { 'aws:SourceAccount': stack.account },
          ArnEquals: { 'aws:SourceArn': stack.formatArn({ service: 'events', resource: 'rule', resourceName: ruleName }) },
        },
      }),
    );
  }

  /** What a function that starts record workflows needs in its environment (`WorkflowStarter` on AWS). */
  public starterEnvironment(): Record<string, string> {
    return { [ENV.textWorkflowArn]: this.analysisStateMachine.stateMachineArn, [ENV.mediaWorkflowArn]: this.transcriptionStateMachine.stateMachineArn };
  }

  /** Lets a function start executions of both record workflows (the stream starter, the replay route). */
  public grantStartWorkflows(grantee: iam.IGrantable): void {
    this.analysisStateMachine.grantStartExecution(grantee);
    this.transcriptionStateMachine.grantStartExecution(grantee);
  }

  /** One of the record workflow's state machines, the transcription one with rights on its nested analysis runs. */
  private stateMachine(name: StateMachineName, steps: Record<RecordStepName, HubFunction>, storage: Storage, removalPolicy: RemovalPolicy, logRetention?: logs.RetentionDays): sfn.StateMachine {
    const nested = name === 'recordTranscription';
    const machine = aslStateMachine(this, name, {
      storage,
      steps,
      logRetention,
      bindings: nested ? { [stateMachinePlaceholder('recordAnalysis')]: this.analysisStateMachine.stateMachineArn } : {},
      removalPolicy,
    });
    if (nested) {
      this.grantNestedExecution(machine);
      Validations.of(machine).acknowledge({
        id: `AwsSolutions-IAM5[Resource::${nagResourceName(machine, childExecutionsArn(this.analysisStateMachine))}]`,
        reason: 'startExecution.sync:2 describes/stops the child executions of the analysis state machine, named per run: executions of that one machine only.',
      });
    }
    return machine;
  }

  /** `states:startExecution.sync:2` needs start/describe/stop on the child and the managed EventBridge rule Step Functions uses to learn when it ends. */
  private grantNestedExecution(parent: sfn.StateMachine): void {
    const stack = Stack.of(this);
    this.analysisStateMachine.grantStartExecution(parent);
    parent.addToRolePolicy(
      new iam.PolicyStatement({
        actions: ['states:DescribeExecution', 'states:StopExecution'],
        resources: [childExecutionsArn(this.analysisStateMachine)],
      }),
    );
    parent.addToRolePolicy(
      new iam.PolicyStatement({
        actions: ['events:PutTargets', 'events:PutRule', 'events:DescribeRule'],
        resources: [stack.formatArn({ service: 'events', resource: 'rule', resourceName: 'StepFunctionsGetEventsForStepFunctionsExecutionRule' })],
      }),
    );
  }

  /** StartTranscriptionJob / GetTranscriptionJob on the hub's jobs only; Transcribe reads the media and writes the output with the caller's permissions (already granted on the blob bucket). */
  private grantTranscribe(starter: iam.IRole, collector: iam.IRole): void {
    const stack = Stack.of(this);
    const jobs = stack.formatArn({ service: 'transcribe', resource: 'transcription-job', resourceName: `${TRANSCRIPTION_JOB_PREFIX}*` });
    starter.addToPrincipalPolicy(new iam.PolicyStatement({ actions: ['transcribe:StartTranscriptionJob', 'transcribe:TagResource'], resources: [jobs] }));
    collector.addToPrincipalPolicy(new iam.PolicyStatement({ actions: ['transcribe:GetTranscriptionJob'], resources: [jobs] }));
    for (const role of [starter, collector]) {
      Validations.of(role).acknowledge({
        id: `AwsSolutions-IAM5[Resource::${nagResourceName(this, jobs)}]`,
        reason: 'Job names are per record (commhub-<tenant>-<record>-<run>-<digest>), known only at run time; the hub\'s own jobs only, by their commhub- prefix.',
      });
    }
  }
}

/** Every execution of a state machine (its ARN pattern `…:execution:<machine name>:*`). */
function childExecutionsArn(machine: sfn.StateMachine): string {
  return Stack.of(machine).formatArn({ service: 'states', resource: 'execution', resourceName: `${machine.stateMachineName}:*`, arnFormat: ArnFormat.COLON_RESOURCE_NAME });
}
