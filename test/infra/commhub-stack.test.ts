import { type CfnElement, Stack } from 'aws-cdk-lib';
import type { Template } from 'aws-cdk-lib/assertions';
import type { IConstruct } from 'constructs';
import { beforeAll, describe, expect, it } from 'vitest';
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
});
