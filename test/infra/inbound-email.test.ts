import { type CfnElement, Stack } from 'aws-cdk-lib';
import { Match, type Template } from 'aws-cdk-lib/assertions';
import type { IConstruct } from 'constructs';
import { beforeAll, describe, expect, it } from 'vitest';
import { ENV } from '../../functions/config/runtime-config.js';
import { INBOUND_PREFIX } from '../../functions/adapters/s3/archive-prefixes.js';
import type { CommHubStack } from '../../lib/commhub-stack.js';
import type { InboundEmail } from '../../lib/inbound-email.js';
import { OBSERVABILITY_ENVIRONMENT, TABLE_ACTIONS } from '../../lib/hub-function.js';
import { BUILD_TIMEOUT_MS, logicalIdOf, synthCommHub } from './synth-commhub.js';

const DOMAIN = 'mail.example.com';
type Statement = { Effect: string; Action: string | string[]; Resource: unknown; Principal?: unknown; Condition?: unknown };
const actionsOf = (statement: Statement) => [statement.Action].flat();
const resourcesOf = (statement: Statement) => [statement.Resource].flat();
const objectsOf = (bucket: string, pattern: string) => ({ 'Fn::Join': ['', [{ 'Fn::GetAtt': [bucket, 'Arn'] }, `/${pattern}`]] });

describe('InboundEmail', () => {
  let stack: CommHubStack;
  let inboundEmail: InboundEmail;
  let template: Template;
  let rawArchive: string;
  const idOf = (construct: IConstruct) => Stack.of(construct).getLogicalId(construct.node.defaultChild as CfnElement);
  const functionStatements = (): Statement[] => {
    const policy = inboundEmail.function.role.node.findChild('DefaultPolicy');
    return template.toJSON().Resources[idOf(policy)].Properties.PolicyDocument.Statement;
  };

  beforeAll(() => {
    ({ stack, template } = synthCommHub({ context: { stage: 'dev', inboundEmailDomain: DOMAIN } }));
    inboundEmail = stack.inboundEmail as InboundEmail;
    rawArchive = logicalIdOf(template, 'AWS::S3::Bucket', 'StorageRawArchive');
  }, BUILD_TIMEOUT_MS);

  it('receives mail for the domain over TLS only, scanned, into the raw archive and then the function', () => {
    // Prepare
    const functionId = idOf(inboundEmail.function.function);

    // Act
    const rule = {
      RuleSetName: { Ref: idOf(inboundEmail.ruleSet) },
      Rule: {
        Enabled: true,
        Recipients: [DOMAIN],
        TlsPolicy: 'Require',
        ScanEnabled: true,
        // S3 first, then Lambda: the function reads the object the S3 action stored.
        Actions: [
          { S3Action: { BucketName: { Ref: rawArchive }, ObjectKeyPrefix: INBOUND_PREFIX } },
          { LambdaAction: { FunctionArn: { 'Fn::GetAtt': [functionId, 'Arn'] }, InvocationType: 'Event' } },
        ],
      },
    };

    // Assess
    template.resourceCountIs('AWS::SES::ReceiptRuleSet', 1);
    template.resourceCountIs('AWS::SES::ReceiptRule', 1);
    template.hasResourceProperties('AWS::SES::ReceiptRule', rule);
  });

  it('creates the rule only after SES may write the bucket and invoke the function', () => {
    // Prepare
    const bucketPolicy = logicalIdOf(template, 'AWS::S3::BucketPolicy', 'StorageRawArchivePolicy');

    // Act
    const [rule] = Object.values(template.findResources('AWS::SES::ReceiptRule'));

    // Assess
    expect(rule?.DependsOn).toEqual(expect.arrayContaining([bucketPolicy, expect.stringMatching(/^InboundEmailSesInboundFunctionAllowSes/)]));
    template.hasResourceProperties('AWS::Lambda::Permission', {
      Action: 'lambda:InvokeFunction',
      Principal: 'ses.amazonaws.com',
      FunctionName: { 'Fn::GetAtt': [idOf(inboundEmail.function.function), 'Arn'] },
      SourceAccount: { Ref: 'AWS::AccountId' },
    });
  });

  it('lets SES put objects under inbound/ only, for this account only', () => {
    // Prepare
    const statement = {
      Effect: 'Allow',
      Principal: { Service: 'ses.amazonaws.com' },
      Action: 's3:PutObject',
      Resource: objectsOf(rawArchive, `${INBOUND_PREFIX}*`),
      Condition: { StringEquals: { 'aws:SourceAccount': { Ref: 'AWS::AccountId' } } },
    };

    // Act
    const policy = { Bucket: { Ref: rawArchive }, PolicyDocument: { Statement: Match.arrayWith([statement]) } };

    // Assess
    template.hasResourceProperties('AWS::S3::BucketPolicy', policy);
  });

  it("lets SES generate data keys under the bucket's KMS key for this account's rule set only", () => {
    // Prepare
    const ruleSet = idOf(inboundEmail.ruleSet);

    // Act
    const statement = {
      Effect: 'Allow',
      Principal: { Service: 'ses.amazonaws.com' },
      Action: ['kms:Encrypt', 'kms:GenerateDataKey'],
      Resource: '*',
      Condition: {
        StringEquals: { 'aws:SourceAccount': '123456789012' },
        ArnLike: {
          'aws:SourceArn': { 'Fn::Join': ['', ['arn:aws:ses:ap-southeast-1:123456789012:receipt-rule-set/', { Ref: ruleSet }, ':receipt-rule/*']] },
        },
      },
    };

    // Assess
    template.hasResourceProperties('AWS::KMS::Key', { KeyPolicy: { Statement: Match.arrayWith([Match.objectLike(statement)]) } });
  });

  it('lets the function read inbound/ objects only (no listing) and put raw payloads under raw/', () => {
    // Prepare
    const statements = functionStatements();
    const onRawArchive = statements.filter((statement) => JSON.stringify(statement.Resource).includes(rawArchive));

    // Act
    const reads = onRawArchive.filter((statement) => actionsOf(statement).some((action) => action.startsWith('s3:Get') || action.startsWith('s3:List')));
    const puts = onRawArchive.filter((statement) => actionsOf(statement).includes('s3:PutObject'));

    // Assess
    expect(reads).toEqual([expect.objectContaining({ Effect: 'Allow', Action: 's3:GetObject', Resource: objectsOf(rawArchive, `${INBOUND_PREFIX}*`) })]);
    expect(puts).toHaveLength(1);
    expect(resourcesOf(puts[0] as Statement)).toEqual([objectsOf(rawArchive, 'raw/*')]);
    expect(actionsOf(puts[0] as Statement).filter((action) => action.includes('Delete'))).toEqual([]);
  });

  it('gives the function the item operations of TABLE_ACTIONS.readWrite, the blobs and the tenant settings', () => {
    // Prepare
    const table = logicalIdOf(template, 'AWS::DynamoDB::GlobalTable', 'StorageTable');
    const tenantSettings = logicalIdOf(template, 'AWS::SecretsManager::Secret', 'StorageTenantSettings');

    // Act
    const actions = functionStatements().flatMap(actionsOf);
    const secretReads = functionStatements().filter((statement) => actionsOf(statement).includes('secretsmanager:GetSecretValue'));

    // Assess
    expect(actions.filter((action) => action.startsWith('dynamodb:')).sort()).toEqual([...TABLE_ACTIONS.readWrite].sort());
    expect(functionStatements()).toContainEqual(
      expect.objectContaining({ Resource: expect.arrayContaining([{ 'Fn::GetAtt': [table, 'Arn'] }]) }),
    );
    expect(secretReads.map((statement) => statement.Resource)).toEqual([{ Ref: tenantSettings }]);
  });

  it('sets exactly the variables the handler reads, with the tenant settings secret ARN', () => {
    // Prepare
    const tenantSettings = logicalIdOf(template, 'AWS::SecretsManager::Secret', 'StorageTenantSettings');

    // Act
    const variables = template.toJSON().Resources[idOf(inboundEmail.function.function)].Properties.Environment.Variables;

    // Assess
    expect(Object.keys(variables).sort()).toEqual(
      [...Object.keys(OBSERVABILITY_ENVIRONMENT), ENV.stage, ENV.tableName, ENV.rawArchiveBucket, ENV.blobBucket, ENV.tenantsSecretArn].sort(),
    );
    expect(variables[ENV.tenantsSecretArn]).toEqual({ Ref: tenantSettings });
    expect(variables[ENV.rawArchiveBucket]).toEqual({ Ref: rawArchive });
  });

  it('retries a failed event twice, then keeps it in a KMS-encrypted, TLS-only dead-letter queue', () => {
    // Prepare
    const keyId = logicalIdOf(template, 'AWS::KMS::Key', 'StorageKey');
    const queue = idOf(inboundEmail.deadLetterQueue.queue);
    const functionId = idOf(inboundEmail.function.function);

    // Act
    const fn = template.toJSON().Resources[functionId].Properties;

    // Assess
    expect(fn.DeadLetterConfig).toEqual({ TargetArn: { 'Fn::GetAtt': [queue, 'Arn'] } });
    template.hasResourceProperties('AWS::Lambda::EventInvokeConfig', { FunctionName: { Ref: functionId }, MaximumRetryAttempts: 2 });
    template.hasResourceProperties('AWS::SQS::Queue', { KmsMasterKeyId: { 'Fn::GetAtt': [keyId, 'Arn'] }, MessageRetentionPeriod: 1_209_600 });
    template.hasResourceProperties('AWS::SQS::QueuePolicy', {
      Queues: [{ Ref: queue }],
      PolicyDocument: { Statement: Match.arrayWith([Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } })]) },
    });
    expect(functionStatements()).toContainEqual(
      expect.objectContaining({ Action: expect.arrayContaining(['sqs:SendMessage']), Resource: { 'Fn::GetAtt': [queue, 'Arn'] } }),
    );
  });

  it('outputs the rule set name and the command that activates it', () => {
    // Prepare
    const ruleSet = { Ref: idOf(inboundEmail.ruleSet) };

    // Act
    const outputs = template.toJSON().Outputs;

    // Assess
    expect(outputs.InboundEmailRuleSetName.Value).toEqual(ruleSet);
    expect(outputs.InboundEmailActivateCommand.Value).toEqual({
      'Fn::Join': ['', ['aws ses set-active-receipt-rule-set --rule-set-name ', ruleSet, ' --region ap-southeast-1']],
    });
    expect(outputs.InboundEmailActivateCommand.Description).toMatch(/CloudFormation cannot activate/);
    expect(outputs.InboundEmailDeadLetterQueueUrl.Value).toEqual({ Ref: idOf(inboundEmail.deadLetterQueue.queue) });
  });

  it('creates nothing for email when inboundEmailDomain is not set', { timeout: BUILD_TIMEOUT_MS }, () => {
    // Prepare
    const context = { stage: 'dev' };

    // Act
    const withoutEmail = synthCommHub({ context });

    // Assess
    expect(withoutEmail.stack.inboundEmail).toBeUndefined();
    withoutEmail.template.resourceCountIs('AWS::SES::ReceiptRuleSet', 0);
    withoutEmail.template.resourceCountIs('AWS::SES::ReceiptRule', 0);
    expect(Object.keys(withoutEmail.template.toJSON().Outputs).filter((id) => id.startsWith('InboundEmail'))).toEqual([]);
    expect(JSON.stringify(withoutEmail.template.toJSON())).not.toContain('ses.amazonaws.com');
  });
});
