import type { PolicyViolation } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { describe, expect, it } from 'vitest';
import { BUILD_TIMEOUT_MS, synthCommHub } from './synth-commhub.js';

const describeViolations = (violations: readonly PolicyViolation[]) =>
  violations
    .map((violation) => `${violation.ruleName}: ${violation.description}\n  ${violation.violatingResources.map((resource) => resource.constructPath).join('\n  ')}`)
    .join('\n');

describe('cdk-nag AwsSolutions', () => {
  it.each(['dev', 'prod'])('reports no unacknowledged finding for stage %s', { timeout: BUILD_TIMEOUT_MS }, (stage) => {
    // Prepare
    const { stack } = synthCommHub({ context: { stage, allowedOrigins: ['https://console.example.com'] } });

    // Act
    const report = new AwsSolutionsChecks().validateScope(stack);

    // Assess
    expect(report.violations, describeViolations(report.violations)).toEqual([]);
    expect(report.success).toBe(true);
  });

  it('passes the built-in CloudFormation validation on synth', { timeout: BUILD_TIMEOUT_MS }, () => {
    // Prepare
    const synth = () => synthCommHub({ cloudFormationValidation: true });

    // Act
    const { app } = synth();
    const assembly = app.synth();

    // Assess
    expect(assembly.stacks.map((stack) => stack.stackName)).toEqual(['CommHub-dev']);
  });
});
