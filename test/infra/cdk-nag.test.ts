import { type PolicyViolation, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { describe, expect, it } from 'vitest';
import { BUILD_TIMEOUT_MS, synthCommHub } from './synth-commhub.js';

const describeViolations = (violations: readonly PolicyViolation[]) =>
  violations
    .map((violation) => `${violation.ruleName}: ${violation.description}\n  ${violation.violatingResources.map((resource) => resource.constructPath).join('\n  ')}`)
    .join('\n');

describe('cdk-nag AwsSolutions', () => {
  it.each([
    ['dev', 'without inbound email', {}],
    ['prod', 'without inbound email', {}],
    ['dev', 'with inbound email', { inboundEmailDomain: 'mail.example.com' }],
    ['prod', 'with inbound email', { inboundEmailDomain: 'mail.example.com' }],
  ])('reports no unacknowledged finding for stage %s %s', { timeout: BUILD_TIMEOUT_MS }, (stage, _variant, extra) => {
    // Prepare
    const { stack } = synthCommHub({ context: { stage, allowedOrigins: ['https://console.example.com'], ...extra } });

    // Act
    const report = new AwsSolutionsChecks().validateScope(stack);

    // Assess
    expect(report.violations, describeViolations(report.violations)).toEqual([]);
    expect(report.success).toBe(true);
  });

  it('gives every acknowledgment its own reason, never a generic one', { timeout: BUILD_TIMEOUT_MS }, () => {
    // Prepare
    const { stack } = synthCommHub({ context: { stage: 'prod', inboundEmailDomain: 'mail.example.com' } });

    // Act
    const acknowledgments = stack.node
      .findAll()
      .flatMap((construct) => construct.node.metadata.filter((entry) => entry.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY))
      .flatMap((entry) => Object.entries(entry.data as Record<string, string>));

    // Assess
    expect(acknowledgments.length).toBeGreaterThan(0);
    for (const [id, reason] of acknowledgments) {
      expect(reason.length, id).toBeGreaterThanOrEqual(40);
      expect(reason, id).not.toMatch(/^(ok|n\/a|suppressed|acknowledged|not applicable)\b/i);
    }
    // The SES function's read of inbound/ objects is acknowledged for that prefix, with it named.
    const inboundRead = acknowledgments.find(([id]) => id.includes('StorageRawArchive') && id.includes('/inbound/*'));
    expect(inboundRead?.[1]).toMatch(/inbound\//);
  });

  it('passes the built-in CloudFormation validation on synth', { timeout: BUILD_TIMEOUT_MS }, () => {
    // Prepare
    const synth = () => synthCommHub({ cloudFormationValidation: true, context: { inboundEmailDomain: 'mail.example.com' } });

    // Act
    const { app } = synth();
    const assembly = app.synth();

    // Assess
    expect(assembly.stacks.map((stack) => stack.stackName)).toEqual(['CommHub-dev']);
  });
});
