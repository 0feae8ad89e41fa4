import { type CfnElement, Stack } from 'aws-cdk-lib';
import { Match, type Template } from 'aws-cdk-lib/assertions';
import type { IConstruct } from 'constructs';
import { beforeAll, describe, expect, it } from 'vitest';
import { ENV } from '../../functions/config/runtime-config.js';
import type { CommHubStack } from '../../lib/commhub-stack.js';
import { ANALYSIS_STEP_MEMORY_MB, RECORD_STEP_MEMORY_MB } from '../../lib/function-memory.js';
import type { HubFunction } from '../../lib/hub-function.js';
import { BUILD_TIMEOUT_MS, synthCommHub } from './synth-commhub.js';

type Statement = { Effect: string; Action: string | string[]; Resource: unknown };

describe('RecordWorkflow', () => {
  let stack: CommHubStack;
  let template: Template;
  const idOf = (construct: IConstruct) => Stack.of(construct).getLogicalId(construct.node.defaultChild as CfnElement);
  const statementsOf = (fn: HubFunction, s = stack, t = template): Statement[] =>
    t.toJSON().Resources[idOf(fn.role.node.findChild('DefaultPolicy'))].Properties.PolicyDocument.Statement;
  const withAction = (statements: Statement[], action: string) => statements.filter((st) => [st.Action].flat().includes(action));

  beforeAll(() => {
    ({ stack, template } = synthCommHub({ context: { stage: 'dev', mailFrom: 'alerts@example.com' } }));
  }, BUILD_TIMEOUT_MS);

  it('starts workflows from the table stream: new record items only, failed batches to the dead-letter queue', () => {
    template.hasResourceProperties('AWS::DynamoDB::GlobalTable', { StreamSpecification: { StreamViewType: 'NEW_IMAGE' } });
    template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      FunctionName: { Ref: idOf(stack.recordWorkflow.starter.function) },
      BisectBatchOnFunctionError: true,
      MaximumRetryAttempts: 5,
      FilterCriteria: { Filters: [{ Pattern: JSON.stringify({ eventName: ['INSERT'], dynamodb: { NewImage: { SK: { S: ['RECORD'] } } } }) }] },
      DestinationConfig: { OnFailure: { Destination: { 'Fn::GetAtt': [idOf(stack.recordWorkflow.deadLetterQueue.queue), 'Arn'] } } },
    });
  });

  it('runs text records in an Express machine and transcriptions in a Standard one, both logging to the KMS-encrypted log groups', () => {
    const ids = [stack.recordWorkflow.analysisStateMachine, stack.recordWorkflow.transcriptionStateMachine].map(idOf);
    const machines = ids.map((id) => template.toJSON().Resources[id].Properties);
    expect(machines.map((m) => m.StateMachineType ?? 'STANDARD')).toEqual(['EXPRESS', 'STANDARD']);
    for (const machine of machines) {
      expect(machine.TracingConfiguration).toEqual({ Enabled: true });
      expect(machine.LoggingConfiguration.Level).toBe('ERROR');
      expect(machine.LoggingConfiguration.IncludeExecutionData).toBe(false);
    }
  });

  it('resumes only the hub’s own Transcribe jobs, and only the transcription machine may be resumed', () => {
    template.hasResourceProperties('AWS::Events::Rule', {
      EventPattern: {
        source: ['aws.transcribe'],
        'detail-type': ['Transcribe Job State Change'],
        detail: { TranscriptionJobName: [{ prefix: 'commhub-' }], TranscriptionJobStatus: ['COMPLETED', 'FAILED'] },
      },
    });
    const resume = withAction(statementsOf(stack.recordWorkflow.transcriptionCallback), 'states:SendTaskSuccess');
    expect(resume).toHaveLength(1);
    expect(resume[0]!.Resource).toEqual({ Ref: idOf(stack.recordWorkflow.transcriptionStateMachine) });
  });

  it('sizes the steps as the cost benches price them: the Bedrock-bound analysis step smaller than the rest', () => {
    const memoryOf = (fn: HubFunction) => template.toJSON().Resources[idOf(fn.function)].Properties.MemorySize;
    const steps = stack.recordWorkflow.steps;
    expect(memoryOf(steps.AnalyzeRecord)).toBe(ANALYSIS_STEP_MEMORY_MB);
    for (const [name, step] of Object.entries(steps)) if (name !== 'AnalyzeRecord') expect(memoryOf(step)).toBe(RECORD_STEP_MEMORY_MB);
  });

  it('lets only the analysis step call the configured model, on that model only', () => {
    const steps = stack.recordWorkflow.steps;
    const invoke = withAction(statementsOf(steps.AnalyzeRecord), 'bedrock:InvokeModel');
    expect(invoke).toHaveLength(1);
    expect(invoke[0]!.Resource).toBe('arn:aws:bedrock:ap-southeast-1::foundation-model/amazon.nova-micro-v1:0');
    for (const step of ['NotifyUrgentRecord', 'MarkAnalysisFailed', 'StartTranscription', 'CollectTranscript'] as const) {
      expect(withAction(statementsOf(steps[step]), 'bedrock:InvokeModel'), step).toEqual([]);
    }
    template.hasResourceProperties('AWS::Lambda::Function', {
      Environment: { Variables: Match.objectLike({ [ENV.modelId]: 'amazon.nova-micro-v1:0' }) },
    });
    template.hasResourceProperties('AWS::Lambda::Function', { Environment: { Variables: Match.objectLike({ [ENV.mailFrom]: 'alerts@example.com' }) } });
  });

  it('grants no model at all when the stage runs the local analyzer only', { timeout: BUILD_TIMEOUT_MS }, () => {
    const local = synthCommHub({ context: { stage: 'dev', modelId: 'local' } });
    const statements = statementsOf(local.stack.recordWorkflow.steps.AnalyzeRecord, local.stack, local.template);
    expect(withAction(statements, 'bedrock:InvokeModel')).toEqual([]);
  });

  it("lets EventBridge encrypt the Transcribe rule's dead letters with the data key, for that rule only", () => {
    template.hasResourceProperties('AWS::KMS::Key', {
      KeyPolicy: { Statement: Match.arrayWith([Match.objectLike({ Sid: 'AllowTranscriptionRuleDeadLetters', Principal: { Service: 'events.amazonaws.com' } })]) },
    });
  });

  it('lets the notification step send from the configured identity only', () => {
    const send = withAction(statementsOf(stack.recordWorkflow.steps.NotifyUrgentRecord), 'ses:SendEmail');
    expect(JSON.stringify(send)).toContain('identity/alerts@example.com');
    expect(JSON.stringify(send)).toContain('identity/example.com');
  });
});
