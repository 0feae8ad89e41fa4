import { Match, type Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { SCOPES } from '../../functions/http/routes.js';
import { logicalIdOf, synthCommHub } from './synth-commhub.js';

describe('Auth', () => {
  let template: Template;

  beforeAll(() => {
    ({ template } = synthCommHub({ context: { stage: 'dev' } }));
  });

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
    const client = {
      GenerateSecret: true,
      AllowedOAuthFlows: ['client_credentials'],
      AllowedOAuthFlowsUserPoolClient: true,
      AllowedOAuthScopes: Match.arrayEquals(Object.values(SCOPES)),
    };

    // Act
    const matches = template.findResources('AWS::Cognito::UserPoolClient', { Properties: Match.objectLike(client) });

    // Assess
    expect(Object.keys(matches)).toHaveLength(1);
  });

  it('gives people a public authorization-code client that cannot write tenant_id', () => {
    // Prepare
    const client = {
      GenerateSecret: false,
      AllowedOAuthFlows: ['code'],
      AllowedOAuthScopes: Match.arrayWith(['openid', ...Object.values(SCOPES)]),
      WriteAttributes: Match.not(Match.arrayWith(['custom:tenant_id'])),
    };

    // Act
    const matches = template.findResources('AWS::Cognito::UserPoolClient', { Properties: Match.objectLike(client) });

    // Assess
    expect(Object.keys(matches)).toHaveLength(1);
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
});
