import { type CfnElement, Stack } from 'aws-cdk-lib';
import type { Template } from 'aws-cdk-lib/assertions';
import type { IConstruct } from 'constructs';
import { beforeAll, describe, expect, it } from 'vitest';
import { ENV } from '../../functions/config/runtime-config.js';
import { REPORT_SCHEDULES } from '../../functions/core/schedules/report-schedules.js';
import type { CommHubStack } from '../../lib/commhub-stack.js';
import { AGENT_STEP_MEMORY_MB, PERIODIC_STEP_MEMORY_MB, REPORT_STEP_MEMORY_MB } from '../../lib/function-memory.js';
import type { HubFunction } from '../../lib/hub-function.js';
import { PERIODIC_STEP_NAMES, definitionText, placeholdersIn } from '../../statemachines/state-machines.js';
import { BUILD_TIMEOUT_MS, synthCommHub } from './synth-commhub.js';

type Statement = { Effect: string; Action: string | string[]; Resource: unknown };
type Resources = Record<string, { Type: string; Properties: Record<string, unknown> }>;

describe('PeriodicReporting', () => {
  let stack: CommHubStack;
  let template: Template;
  const idOf = (construct: IConstruct) => Stack.of(construct).getLogicalId(construct.node.defaultChild as CfnElement);
  const resources = (t = template) => t.toJSON().Resources as Resources;
  const policyOf = (role: IConstruct, t = template): Statement[] =>
    (resources(t)[idOf(role.node.findChild('DefaultPolicy'))]?.Properties.PolicyDocument as { Statement: Statement[] } | undefined)?.Statement ?? [];
  const actionsOf = (statements: Statement[]) => statements.flatMap((statement) => [statement.Action].flat());
  // The report schedules only (the retention sweep has its own, lib/data-retention.ts).
  const schedulesOf = (t = template) =>
    Object.entries(resources(t)).filter(([id, r]) => r.Type === 'AWS::Scheduler::Schedule' && id.startsWith('PeriodicReporting')).map(([, r]) => r.Properties);

  beforeAll(() => {
    ({ stack, template } = synthCommHub({ context: { stage: 'dev', mailFrom: 'reports@example.com' } }));
  }, BUILD_TIMEOUT_MS);

  it('sizes the steps as bench:cost prices them: the agent step, which waits on the model, at 256 MB', () => {
    // Act
    const memoryOf = (fn: HubFunction) => resources()[idOf(fn.function)]?.Properties.MemorySize;

    // Assess
    const { steps } = stack.periodicReporting;
    expect(memoryOf(steps.RunCustomerAgent)).toBe(AGENT_STEP_MEMORY_MB);
    expect(AGENT_STEP_MEMORY_MB).toBe(256);
    expect(memoryOf(steps.WriteReport)).toBe(REPORT_STEP_MEMORY_MB);
    for (const name of PERIODIC_STEP_NAMES.filter((step) => step !== 'RunCustomerAgent' && step !== 'WriteReport')) {
      expect(memoryOf(steps[name]), name).toBe(PERIODIC_STEP_MEMORY_MB);
    }
  });

  it('deploys the four schedules at 09:00 / every 5 minutes in Asia/Shanghai, each sending its run to the dispatcher', () => {
    // Prepare
    const dispatcherArn = { 'Fn::GetAtt': [idOf(stack.periodicReporting.dispatcher.function), 'Arn'] };

    // Act
    const schedules = schedulesOf();

    // Assess
    expect(schedules.map((s) => s.ScheduleExpression).sort()).toEqual(
      ['cron(0 9 * * ? *)', 'cron(0 9 ? * MON *)', 'cron(0 9 1 * ? *)', 'cron(0/5 * * * ? *)'].sort(),
    );
    for (const schedule of schedules) {
      expect(schedule.ScheduleExpressionTimezone).toBe('Asia/Shanghai');
      const target = schedule.Target as { Arn: unknown; RoleArn: unknown; Input: string; RetryPolicy: unknown };
      expect(target.Arn).toEqual(dispatcherArn);
      expect(target.RoleArn).toEqual({ 'Fn::GetAtt': [expect.stringMatching(/SchedulerRole/), 'Arn'] });
      expect(target.RetryPolicy).toEqual({ MaximumRetryAttempts: 2, MaximumEventAgeInSeconds: 3600 });
      const input = JSON.parse(target.Input) as { run: string; timeZone: string; scheduledTime: string };
      expect(input).toEqual({ run: REPORT_SCHEDULES.find((s) => s.expression === schedule.ScheduleExpression)!.run, timeZone: 'Asia/Shanghai', scheduledTime: '<aws.scheduler.scheduled-time>' });
    }
  });

  it('deploys the schedules once per report time zone', () => {
    const { template: twoZones } = synthCommHub({ context: { stage: 'dev', reportTimeZones: ['Asia/Shanghai', 'Europe/Berlin'] } });
    const zones = schedulesOf(twoZones).map((s) => s.ScheduleExpressionTimezone);
    expect(zones.filter((z) => z === 'Asia/Shanghai')).toHaveLength(4);
    expect(zones.filter((z) => z === 'Europe/Berlin')).toHaveLength(4);
  }, BUILD_TIMEOUT_MS);

  it('runs the coordinator as a Standard machine: a distributed map of Express children, ten at a time, A11/A12/A14 in parallel, then A13', () => {
    // Prepare
    const machine = resources()[idOf(stack.periodicReporting.stateMachine)]!.Properties;
    // The deployed definition itself (inline; placeholders are substituted by CloudFormation).
    const definition = JSON.parse(machine.DefinitionString as string) as { States: Record<string, Record<string, unknown>> };
    const map = definition.States['Analyse each customer'] as { MaxConcurrency: number; ItemProcessor: { ProcessorConfig: unknown; States: Record<string, { Type: string; Branches?: { StartAt: string }[]; Next?: string }> } };

    // Assess
    expect(machine.StateMachineType ?? 'STANDARD').toBe('STANDARD');
    expect(machine.TracingConfiguration).toEqual({ Enabled: true });
    expect(machine.LoggingConfiguration).toMatchObject({ Level: 'ERROR', IncludeExecutionData: false });
    expect(Object.keys(machine.DefinitionSubstitutions as object).sort()).toEqual(placeholdersIn(definitionText('periodicRun')).sort());
    expect(map.MaxConcurrency).toBe(10);
    expect(map.ItemProcessor.ProcessorConfig).toEqual({ Mode: 'DISTRIBUTED', ExecutionType: 'EXPRESS' });
    const parallel = map.ItemProcessor.States['Insight, opportunities and risks']!;
    expect(parallel.Type).toBe('Parallel');
    expect(parallel.Branches!.map((b) => b.StartAt)).toEqual(['Customer insight (A11)', 'Opportunities (A12)', 'Risks (A14)']);
    expect(parallel.Next).toBe('Marketing suggestions (A13)');
  });

  it('lets the coordinator invoke exactly its seven steps and start, describe and stop only its own children', () => {
    // Prepare
    const statements = policyOf(stack.periodicReporting.stateMachine.role);
    const invoked = statements.filter((s) => actionsOf([s]).includes('lambda:InvokeFunction')).flatMap((s) => [s.Resource].flat());
    const stepIds = PERIODIC_STEP_NAMES.map((step) => idOf(stack.periodicReporting.steps[step].function));

    // Assess
    const invokedIds = new Set(invoked.map((r) => JSON.stringify(r).match(/"([A-Za-z0-9]+)","Arn"/)?.[1]));
    expect([...invokedIds].sort()).toEqual([...stepIds].sort());
    const states = statements.filter((s) => actionsOf([s]).some((a) => a.startsWith('states:')));
    expect(actionsOf(states).sort()).toEqual(['states:DescribeExecution', 'states:StartExecution', 'states:StopExecution']);
    const resourcesText = JSON.stringify(states.map((s) => s.Resource));
    expect(resourcesText).toContain(':stateMachine:');
    expect(resourcesText).not.toMatch(/recordAnalysis|recordTranscription/);
  });

  it('gives each step only what it uses: Bedrock for the agent and report steps, SES for the email step, the cursor key for paging steps', () => {
    const steps = stack.periodicReporting.steps;
    const functions = resources();
    for (const step of PERIODIC_STEP_NAMES) {
      const actions = actionsOf(policyOf(steps[step].role));
      expect(actions.includes('bedrock:InvokeModel'), step).toBe(step === 'RunCustomerAgent' || step === 'WriteReport');
      expect(actions.includes('ses:SendEmail'), step).toBe(step === 'EmailReport');
      expect(actions.some((a) => a.startsWith('states:')), step).toBe(false);
      const variables = (functions[idOf(steps[step].function)]!.Properties.Environment as { Variables: Record<string, unknown> }).Variables;
      expect(ENV.cursorKeySecretArn in variables, step).toBe(['PlanPeriodicRun', 'ComputeCustomerMetrics', 'WriteReport'].includes(step));
    }
  });

  it('lets the dispatcher and POST /v1/reports start the coordinator, and nothing else start anything', () => {
    // Prepare
    const machineArn = { Ref: idOf(stack.periodicReporting.stateMachine) };
    const starters = [stack.periodicReporting.dispatcher.function, stack.ingestionApi.functions['create-report']];

    // Assess
    for (const fn of starters) {
      const starts = policyOf(fn.role!).filter((s) => actionsOf([s]).includes('states:StartExecution'));
      expect(starts.map((s) => s.Resource)).toEqual([machineArn]);
      const variables = (resources()[idOf(fn)]!.Properties.Environment as { Variables: Record<string, unknown> }).Variables;
      expect(variables[ENV.periodicRunArn]).toEqual(machineArn);
    }
    expect(actionsOf(policyOf(stack.ingestionApi.functions['get-report'].role!))).not.toContain('states:StartExecution');
    const schedulerRole = Object.entries(resources()).find(([id, r]) => r.Type === 'AWS::IAM::Role' && id.includes('SchedulerRole'))![0];
    const schedulerPolicy = Object.values(resources()).find(
      (r) => r.Type === 'AWS::IAM::Policy' && JSON.stringify(r.Properties.Roles).includes(schedulerRole),
    )!.Properties.PolicyDocument as { Statement: Statement[] };
    // Invoke the dispatcher; send dead letters to its SSE-KMS queue — nothing else.
    expect(actionsOf(schedulerPolicy.Statement).sort()).toEqual(['kms:Decrypt', 'kms:GenerateDataKey', 'lambda:InvokeFunction', 'sqs:SendMessage']);
  });

  it('grants no model and no mail when the stage has neither', () => {
    const { stack: plain, template: plainTemplate } = synthCommHub({ context: { stage: 'dev', modelId: 'local' } });
    for (const step of PERIODIC_STEP_NAMES) {
      const actions = actionsOf(policyOf(plain.periodicReporting.steps[step].role, plainTemplate));
      expect(actions, step).not.toContain('bedrock:InvokeModel');
      expect(actions, step).not.toContain('ses:SendEmail');
    }
  }, BUILD_TIMEOUT_MS);
});
