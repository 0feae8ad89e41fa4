import { Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { LOCAL_MODEL_ID } from '../functions/config/runtime-config.js';

/**
 * Converse needs bedrock:InvokeModel on the model — and, for a cross-region inference profile, on
 * the profile and its models in every region it routes to. Nothing for `local`.
 */
export function grantBedrockModel(role: iam.IRole, modelId: string): void {
  if (modelId === LOCAL_MODEL_ID) return;
  const stack = Stack.of(role);
  const profile = /^(us|eu|apac|jp|au|ca|us-gov|global)\.(.+)$/.exec(modelId);
  const resources = profile
    ? [
        stack.formatArn({ service: 'bedrock', resource: 'inference-profile', resourceName: modelId }),
        `arn:${stack.partition}:bedrock:*::foundation-model/${profile[2]}`,
      ]
    : [`arn:${stack.partition}:bedrock:${stack.region}::foundation-model/${modelId}`];
  role.addToPrincipalPolicy(new iam.PolicyStatement({ actions: ['bedrock:InvokeModel'], resources }));
}

/** ses:SendEmail as the sender address or its domain identity (whichever is the verified one). */
export function grantSendMail(role: iam.IRole, mailFrom: string): void {
  const stack = Stack.of(role);
  const domain = mailFrom.split('@')[1]!;
  role.addToPrincipalPolicy(
    new iam.PolicyStatement({
      actions: ['ses:SendEmail'],
      resources: [
        stack.formatArn({ service: 'ses', resource: 'identity', resourceName: mailFrom }),
        stack.formatArn({ service: 'ses', resource: 'identity', resourceName: domain }),
      ],
    }),
  );
}
