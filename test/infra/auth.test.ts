import { Match, type Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { SCOPES } from '../../functions/http/routes.js';
import { BUILD_TIMEOUT_MS, logicalIdOf, synthCommHub } from './synth-commhub.js';

/** The client's scopes as strings: `{ Fn::Join: [{ Ref: <resource server> }, '/read'] }` becomes `commhub/read`. */
function scopesOf(client: { Properties: { AllowedOAuthScopes: unknown[] } }, resourceServerIdentifier: string): string[] {
  return client.Properties.AllowedOAuthScopes.map((scope: unknown) => {
    if (typeof scope === 'string') return scope;
    const [, [, suffix]] = (scope as { 'Fn::Join': [string, [unknown, string]] })['Fn::Join'];
    return `${resourceServerIdentifier}${suffix}`;
  });
}

describe('Auth', () => {
  let template: Template;
  let resourceServer: string;
  const clientWith = (properties: Record<string, unknown>) => {
    const matches = Object.values(template.findResources('AWS::Cognito::UserPoolClient', { Properties: Match.objectLike(properties) }));
    expect(matches).toHaveLength(1);
    return matches[0] as { Properties: { AllowedOAuthScopes: unknown[]; WriteAttributes?: string[] } };
  };

  beforeAll(() => {
    ({ template } = synthCommHub({ context: { stage: 'dev' } }));
    resourceServer = Object.values(template.findResources('AWS::Cognito::UserPoolResourceServer'))[0]?.Properties.Identifier;
  }, BUILD_TIMEOUT_MS);

  it('enforces a strong password policy, optional TOTP MFA and an immutable tenant_id', () => {
    // Prepare
    const pool = {
      Policies: {
        PasswordPolicy: Match.objectLike({
          MinimumLength: 12,
          RequireLowercase: true,
          RequireUppercase: true,
          RequireNumbers: true,
          RequireSymbols: true,
        }),
      },
      MfaConfiguration: 'OPTIONAL',
      EnabledMfas: ['SOFTWARE_TOKEN_MFA'],
      AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
      Schema: Match.arrayWith([Match.objectLike({ Name: 'tenant_id', AttributeDataType: 'String', Mutable: false })]),
    };

    // Act
    const pools = template.findResources('AWS::Cognito::UserPool');

    // Assess
    expect(Object.keys(pools)).toHaveLength(1);
    template.hasResourceProperties('AWS::Cognito::UserPool', pool);
  });

  it('defines the commhub resource server with exactly the scopes of SCOPES', () => {
    // Prepare
    const scopeNames = Object.values(SCOPES).map((scope) => scope.split('/')[1]);

    // Act
    const server = Object.values(template.findResources('AWS::Cognito::UserPoolResourceServer'))[0]?.Properties;

    // Assess
    expect(server.Identifier).toBe('commhub');
    expect(server.Scopes.map((scope: { ScopeName: string }) => scope.ScopeName).sort()).toEqual(scopeNames.sort());
  });

  it('gives machines a confidential client-credentials client with every scope', () => {
    // Prepare
    const client = { GenerateSecret: true, AllowedOAuthFlows: ['client_credentials'], AllowedOAuthFlowsUserPoolClient: true };

    // Act
    const machineClient = clientWith(client);

    // Assess
    expect(scopesOf(machineClient, resourceServer).sort()).toEqual(Object.values(SCOPES).sort());
  });

  it('gives people a public authorization-code client that cannot write tenant_id', () => {
    // Prepare
    const client = { GenerateSecret: false, AllowedOAuthFlows: ['code'], AllowedOAuthFlowsUserPoolClient: true };

    // Act
    const peopleClient = clientWith(client);

    // Assess
    expect(scopesOf(peopleClient, resourceServer)).toEqual(expect.arrayContaining(['openid', ...Object.values(SCOPES)]));
    expect(peopleClient.Properties.WriteAttributes).toEqual(expect.arrayContaining(['email']));
    expect(peopleClient.Properties.WriteAttributes).not.toContain('custom:tenant_id');
  });

  it('authorizes the API with a JWT authorizer on the pool for both clients', () => {
    // Prepare
    const pool = logicalIdOf(template, 'AWS::Cognito::UserPool', 'AuthUserPool');

    // Act
    const authorizer = {
      AuthorizerType: 'JWT',
      IdentitySource: ['$request.header.Authorization'],
      JwtConfiguration: {
        Audience: [{ Ref: Match.stringLikeRegexp('MachineClient') }, { Ref: Match.stringLikeRegexp('PeopleClient') }],
        Issuer: { 'Fn::Join': ['', [Match.stringLikeRegexp('^https://cognito-idp\\.'), { Ref: pool }]] },
      },
    };

    // Assess
    template.hasResourceProperties('AWS::ApiGatewayV2::Authorizer', authorizer);
  });

  it('puts the tenant into access tokens through a V3_0 pre-token-generation trigger that reads the tenant settings', () => {
    // Prepare
    const trigger = logicalIdOf(template, 'AWS::Lambda::Function', 'AuthTenantClaim');

    // Act
    const pool = { LambdaConfig: { PreTokenGenerationConfig: { LambdaArn: { 'Fn::GetAtt': [trigger, 'Arn'] }, LambdaVersion: 'V3_0' } } };

    // Assess
    template.hasResourceProperties('AWS::Cognito::UserPool', pool);
    template.hasResourceProperties('AWS::Lambda::Permission', { FunctionName: { 'Fn::GetAtt': [trigger, 'Arn'] }, Principal: 'cognito-idp.amazonaws.com' });
    template.hasResourceProperties('AWS::Lambda::Function', {
      Description: Match.stringLikeRegexp('pre-token-generation'),
      Environment: { Variables: Match.objectLike({ COMMHUB_TENANTS_SECRET_ARN: Match.anyValue() }) },
    });
  });

  it('creates one machine client per name in the stage config, each an audience of the authorizer and an output', () => {
    // Prepare
    const { template: twoClients } = synthCommHub({ context: { stage: 'dev', machineClients: 'erp-t001,crm-t002' } });

    // Act
    const machineClients = twoClients.findResources('AWS::Cognito::UserPoolClient', { Properties: { AllowedOAuthFlows: ['client_credentials'] } });
    const [authorizer] = Object.values(twoClients.findResources('AWS::ApiGatewayV2::Authorizer'));
    const outputs = twoClients.findOutputs('*');

    // Assess
    expect(Object.values(machineClients).map((client) => client.Properties.ClientName).sort()).toEqual(['CommHub-dev-crm-t002', 'CommHub-dev-erp-t001']);
    expect(authorizer?.Properties.JwtConfiguration.Audience).toHaveLength(3);
    for (const id of Object.keys(machineClients)) expect(authorizer?.Properties.JwtConfiguration.Audience).toContainEqual({ Ref: id });
    expect(Object.keys(outputs).filter((name) => name.startsWith('MachineClientId')).sort()).toEqual(['MachineClientId', 'MachineClientIdCrmT002']);
  }, BUILD_TIMEOUT_MS);
});
