import { readFileSync } from 'node:fs';
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { STRICT_CFN_VALIDATE_ERRORS } from 'aws-cdk-lib/cx-api';
import { CommHubStack } from '../../lib/commhub-stack.js';
import { stageConfigFromContext } from '../../lib/stage-config.js';

/** The context `cdk synth` gets from cdk.json (stage defaults and feature flags), so tests match the app. */
const CDK_JSON_CONTEXT: Record<string, unknown> = JSON.parse(
  readFileSync(new URL('../../cdk.json', import.meta.url), 'utf8'),
).context;

/** Building and synthesizing a stack takes 1-2 s alone, several times that when test files run in parallel. */
export const BUILD_TIMEOUT_MS = 60_000;

export interface SynthOptions {
  /** Context overriding cdk.json, e.g. `{ stage: 'prod' }`. */
  readonly context?: Record<string, unknown>;
  /** Run the built-in CloudFormation schema validation on synth (about 5 s); any finding fails the synth. */
  readonly cloudFormationValidation?: boolean;
}

/**
 * Builds the CommHub stack as `bin/commhub.ts` does, without esbuild bundling (the handler files must
 * exist, their bundles are not built), and synthesizes its template.
 */
export function synthCommHub({ context = {}, cloudFormationValidation = false }: SynthOptions = {}) {
  const app = new App({
    context: {
      ...CDK_JSON_CONTEXT,
      ...context,
      'aws:cdk:bundling-stacks': [],
      // Without this the built-in validation downgrades schema errors to warnings.
      ...(cloudFormationValidation ? { [STRICT_CFN_VALIDATE_ERRORS]: true } : {}),
    },
    builtinCloudFormationValidation: cloudFormationValidation,
  });
  const config = stageConfigFromContext(app.node);
  const stack = new CommHubStack(app, `CommHub-${config.stage}`, {
    config,
    env: { account: '123456789012', region: config.region },
  });
  return { app, stack, config, template: Template.fromStack(stack) };
}

/**
 * Whether a Lambda function is one CDK provides rather than a CommHub function: the web console's
 * bucket-deployment handler (Python, a stack-level singleton that runs only while CloudFormation
 * deploys). CommHub's function conventions (Node.js, tracing, Powertools) do not apply to it.
 */
export const isCdkProvidedFunction = (logicalId: string) => logicalId.startsWith('CustomCDKBucketDeployment');

/** The logical id of the only resource of `type` whose id starts with `prefix`. */
export function logicalIdOf(template: Template, type: string, prefix: string): string {
  const ids = Object.keys(template.findResources(type)).filter((id) => id.startsWith(prefix));
  if (ids.length !== 1) throw new Error(`expected one ${type} starting with ${prefix}, found ${ids.join(', ') || 'none'}`);
  return ids[0] as string;
}
