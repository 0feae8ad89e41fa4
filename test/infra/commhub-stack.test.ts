import { type CfnElement, Stack } from 'aws-cdk-lib';
import type { Template } from 'aws-cdk-lib/assertions';
import type { IConstruct } from 'constructs';
import { beforeAll, describe, expect, it } from 'vitest';
import { WEBHOOK_CHANNELS } from '../../functions/core/channels/channel-adapter.js';
import type { CommHubStack } from '../../lib/commhub-stack.js';
import { BUILD_TIMEOUT_MS, logicalIdOf, synthCommHub } from './synth-commhub.js';

describe('CommHubStack outputs', () => {
  let stack: CommHubStack;
  let template: Template;
  const idOf = (construct: IConstruct) => Stack.of(construct).getLogicalId(construct.node.defaultChild as CfnElement);

  beforeAll(() => {
    ({ stack, template } = synthCommHub({ context: { stage: 'dev', inboundEmailDomain: 'mail.example.com' } }));
  }, BUILD_TIMEOUT_MS);

  it('prints the webhook URL template under the API base URL', () => {
    // Prepare
    const api = logicalIdOf(template, 'AWS::ApiGatewayV2::Api', 'IngestionApi');

    // Act
    const { Value: value } = template.toJSON().Outputs.WebhookUrlTemplate;

    // Assess
    expect(value['Fn::Join'][1][0]).toBe('https://');
    expect(value['Fn::Join'][1][1]).toEqual({ Ref: api });
    expect(value['Fn::Join'][1].at(-1)).toBe('/v1/webhooks/{tenantId}/{channel}');
  });

  it('prints the tenant settings secret ARN and tells operators to put the tenants JSON there', () => {
    // Prepare
    const secret = logicalIdOf(template, 'AWS::SecretsManager::Secret', 'StorageTenantSettings');

    // Act
    const output = template.toJSON().Outputs.TenantSettingsSecretArn;

    // Assess
    expect(output.Value).toEqual({ Ref: secret });
    expect(output.Description).toMatch(/tenants JSON/);
    expect(output.Description).toMatch(/put-secret-value/);
  });

  it('prints both dead-letter queue URLs', () => {
    // Prepare
    const outputs = template.toJSON().Outputs;

    // Act
    const urls = [outputs.ConnectEventsDeadLetterQueueUrl.Value, outputs.InboundEmailDeadLetterQueueUrl.Value];

    // Assess
    expect(urls).toEqual([
      { Ref: idOf(stack.connectEvents.deadLetterQueue.queue) },
      { Ref: idOf(stack.inboundEmail?.deadLetterQueue.queue as IConstruct) },
    ]);
  });

  it('prints one webhook URL per channel the webhook route accepts, with the tenant left to fill in', () => {
    // Prepare
    const outputs = template.toJSON().Outputs;

    // Act
    const webhookOutputs = Object.entries(outputs).filter(([id]) => id.startsWith('WebhookUrl') && id !== 'WebhookUrlTemplate');
    const paths = webhookOutputs.map(([, output]) => (output as { Value: { 'Fn::Join': [string, unknown[]] } }).Value['Fn::Join'][1].at(-1));

    // Assess
    expect(paths).toEqual(WEBHOOK_CHANNELS.map((channel) => `/v1/webhooks/{tenantId}/${channel}`));
    expect(outputs.WebhookUrlTencentMeeting).toBeDefined();
  });

  it('prints the user pool, the alarm topic, the dashboard, the SES inbound address and every dead-letter queue', () => {
    // Prepare
    const outputs = template.toJSON().Outputs;

    // Assess
    expect(outputs.UserPoolId.Value).toEqual({ Ref: idOf(stack.auth.userPool) });
    expect(outputs.MachineClientId.Value).toEqual({ Ref: idOf(stack.auth.machineClient) });
    expect(outputs.AlarmTopicArn.Value).toEqual({ Ref: idOf(stack.observability.alarmTopic) });
    expect(outputs.DashboardName.Value).toEqual({ Ref: idOf(stack.observability.dashboard) });
    expect(JSON.stringify(outputs.DashboardUrl.Value)).toContain('https://ap-southeast-1.console.aws.amazon.com/cloudwatch/home?region=ap-southeast-1#dashboards:name=');
    expect(outputs.InboundEmailAddress.Value).toBe('{mailbox}@mail.example.com');
    expect(outputs.InboundEmailAddress.Description).toMatch(/inboundAddresses/);
    expect(outputs.PeriodicReportingDeadLetterQueueUrl.Value).toEqual({ Ref: idOf(stack.periodicReporting.deadLetterQueue.queue) });
    expect(outputs.RecordWorkflowDeadLetterQueueUrl.Value).toEqual({ Ref: idOf(stack.recordWorkflow.deadLetterQueue.queue) });
  });
});
