import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { CommHubStack } from '../lib/commhub-stack.js';
import { stageConfigFromContext } from '../lib/stage-config.js';

const app = new App();
// `cdk synth -c skipBundling=true` synthesizes without esbuild; the CLI refuses `-c aws:cdk:bundling-stacks=[]`.
if (String(app.node.tryGetContext('skipBundling')) === 'true') app.node.setContext('aws:cdk:bundling-stacks', []);

const config = stageConfigFromContext(app.node);
new CommHubStack(app, `CommHub-${config.stage}`, {
  config,
  env: { account: process.env.CDK_DEFAULT_ACCOUNT, region: config.region },
});
Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
