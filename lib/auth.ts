import { fileURLToPath } from 'node:url';
import { Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import { HttpUserPoolAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import type * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { SCOPES } from '../functions/http/routes.js';
import { HubFunction } from './hub-function.js';
import type { Storage } from './storage.js';

const PRE_TOKEN_ENTRY = fileURLToPath(new URL('../functions/events/pre-token-generation.ts', import.meta.url));

/** Properties of {@link Auth}. */
export interface AuthProps {
  /** The tenant settings the pre-token-generation trigger reads (which tenant a machine client acts for). */
  readonly storage: Storage;
  /** Deployment stage, passed to the trigger as `COMMHUB_STAGE`. */
  readonly stage: string;
  /**
   * Machine clients (client credentials) to create, by name — typically one per tenant integration;
   * each client's id goes under its tenant's `machineClientIds` in the tenant settings. The first is
   * {@link Auth.machineClient}. All are audiences of the API's authorizer, which is why they are
   * created here rather than by hand.
   * @default ['integrations']
   */
  readonly machineClientNames?: readonly string[];
  /**
   * How long the trigger's logs are kept.
   * @default logs.RetentionDays.ONE_MONTH
   */
  readonly logRetention?: logs.RetentionDays;
  /**
   * Where the people client may send users back after sign-in (authorization code + PKCE).
   * @default ['http://localhost:3000/auth/callback']
   */
  readonly callbackUrls?: string[];
  /**
   * Where the people client may send users after sign-out.
   * @default ['http://localhost:3000/']
   */
  readonly logoutUrls?: string[];
  /**
   * Prefix of the Cognito domain that serves `/oauth2/token` and the sign-in pages; unique per region.
   * @default - `<stack name>-<account id>`, lower-cased
   */
  readonly domainPrefix?: string;
  /**
   * Puts the pool on the Plus feature plan with enforced threat protection (billed per active user).
   * @default false - Essentials plan
   */
  readonly threatProtection?: boolean;
  /**
   * Protects the user pool from deletion.
   * @default false
   */
  readonly deletionProtection?: boolean;
  /**
   * What happens to the user pool when it leaves the stack.
   * @default RemovalPolicy.DESTROY
   */
  readonly removalPolicy?: RemovalPolicy;
}

/** The custom attribute holding a user's tenant; tokens carry it as `custom:tenant_id`. */
export const TENANT_ATTRIBUTE = 'tenant_id';

/**
 * Who may call the API: a Cognito user pool with the `commhub` resource server (scopes from
 * `SCOPES`), an app client for machines (client credentials) and one for people (authorization code
 * with PKCE), and the JWT authorizer the HTTP API uses.
 */
export class Auth extends Construct {
  public readonly userPool: cognito.UserPool;
  public readonly resourceServer: cognito.UserPoolResourceServer;
  public readonly domain: cognito.UserPoolDomain;
  /** Integrations and backfill jobs: client credentials, confidential (has a secret); the first of {@link machineClients}. */
  public readonly machineClient: cognito.UserPoolClient;
  /** Every machine client by name (`machineClientNames`). */
  public readonly machineClients: ReadonlyMap<string, cognito.UserPoolClient>;
  /** Console and staff tools: authorization code + PKCE, public (no secret). */
  public readonly peopleClient: cognito.UserPoolClient;
  /** Validates the bearer JWT and its scopes; accepts tokens of both clients. */
  public readonly authorizer: HttpUserPoolAuthorizer;
  /**
   * Cognito's pre-token-generation trigger (V3_0, people and machines): writes `custom:tenant_id`
   * into every access token — from the user's attribute, or for a machine client from the tenant
   * whose settings list its client id — and refuses a token that would have no tenant.
   */
  public readonly tenantClaimTrigger: HubFunction;

  constructor(scope: Construct, id: string, props: AuthProps) {
    super(scope, id);
    const threatProtection = props.threatProtection ?? false;

    this.userPool = new cognito.UserPool(this, 'UserPool', {
      selfSignUpEnabled: false,
      signInAliases: { email: true },
      signInCaseSensitive: false,
      passwordPolicy: {
        minLength: 12,
        requireLowercase: true,
        requireUppercase: true,
        requireDigits: true,
        requireSymbols: true,
        tempPasswordValidity: Duration.days(3),
        passwordHistorySize: 5,
      },
      mfa: cognito.Mfa.OPTIONAL,
      mfaSecondFactor: { otp: true, sms: false },
      accountRecovery: cognito.AccountRecovery.EMAIL_ONLY,
      customAttributes: {
        [TENANT_ATTRIBUTE]: new cognito.StringAttribute({ minLen: 1, maxLen: 64, mutable: false }),
      },
      featurePlan: threatProtection ? cognito.FeaturePlan.PLUS : cognito.FeaturePlan.ESSENTIALS,
      ...(threatProtection
        ? { standardThreatProtectionMode: cognito.StandardThreatProtectionMode.FULL_FUNCTION }
        : {}),
      deletionProtection: props.deletionProtection ?? false,
      removalPolicy: props.removalPolicy ?? RemovalPolicy.DESTROY,
    });
    Validations.of(this.userPool).acknowledge({
      id: 'AwsSolutions-COG2',
      reason:
        'TOTP MFA is offered and optional so tenants can enrol their staff before it is enforced (switch to Mfa.REQUIRED then); machine clients use client credentials, where MFA does not apply.',
    });
    if (!threatProtection) {
      Validations.of(this.userPool).acknowledge({
        id: 'AwsSolutions-COG8',
        reason:
          'The Plus plan is billed per monthly active user; it is opt-in through AuthProps.threatProtection, which also enforces standard threat protection.',
      });
    }

    // Access tokens carry no custom attributes by themselves; without this trigger no API call has a tenant.
    this.tenantClaimTrigger = new HubFunction(this, 'TenantClaim', {
      entry: PRE_TOKEN_ENTRY,
      description: 'Cognito pre-token-generation trigger: puts the tenant into every access token.',
      access: { table: 'none', rawArchive: 'none', blobs: 'none', cursors: false, tenants: true },
      storage: props.storage,
      stage: props.stage,
      timeout: Duration.seconds(5),
      logRetention: props.logRetention,
      removalPolicy: props.removalPolicy ?? RemovalPolicy.DESTROY,
    });
    this.userPool.addTrigger(cognito.UserPoolOperation.PRE_TOKEN_GENERATION_CONFIG, this.tenantClaimTrigger.function, cognito.LambdaVersion.V3_0);

    const { identifier, scopeNames } = resourceServerFromScopes();
    const scopes = scopeNames.map(
      (scopeName) => new cognito.ResourceServerScope({ scopeName, scopeDescription: `CommHub ${scopeName} access` }),
    );
    this.resourceServer = this.userPool.addResourceServer('ResourceServer', { identifier, scopes });
    const oauthScopes = scopes.map((scope) => cognito.OAuthScope.resourceServer(this.resourceServer, scope));

    const stack = Stack.of(this);
    this.domain = this.userPool.addDomain('Domain', {
      cognitoDomain: {
        domainPrefix: props.domainPrefix ?? `${stack.stackName.toLowerCase().replace(/[^a-z0-9-]/g, '-')}-${stack.account}`,
      },
    });

    const tokenValidity = {
      accessTokenValidity: Duration.hours(1),
      idTokenValidity: Duration.hours(1),
      refreshTokenValidity: Duration.days(30),
      enableTokenRevocation: true,
      preventUserExistenceErrors: true,
    };
    const names = props.machineClientNames ?? ['integrations'];
    if (names.length === 0) throw new Error('Auth needs at least one machine client name');
    // The first keeps the id "MachineClient", so adding clients later never replaces it.
    this.machineClients = new Map(
      names.map((name, index) => [
        name,
        this.userPool.addClient(index === 0 ? 'MachineClient' : `MachineClient-${name}`, {
          userPoolClientName: `${Stack.of(this).stackName}-${name}`,
          generateSecret: true,
          authFlows: {},
          oAuth: { flows: { clientCredentials: true }, scopes: oauthScopes },
          ...tokenValidity,
        }),
      ]),
    );
    this.machineClient = this.machineClients.get(names[0] as string) as cognito.UserPoolClient;
    this.peopleClient = this.userPool.addClient('PeopleClient', {
      // A public client: PKCE, not a secret, protects the authorization code.
      generateSecret: false,
      authFlows: { userSrp: true },
      oAuth: {
        flows: { authorizationCodeGrant: true },
        scopes: [cognito.OAuthScope.OPENID, cognito.OAuthScope.EMAIL, cognito.OAuthScope.PROFILE, ...oauthScopes],
        callbackUrls: props.callbackUrls ?? ['http://localhost:3000/auth/callback'],
        logoutUrls: props.logoutUrls ?? ['http://localhost:3000/'],
      },
      // The tenant is set by an administrator at sign-up and never by the user.
      writeAttributes: new cognito.ClientAttributes().withStandardAttributes({ email: true, fullname: true }),
      ...tokenValidity,
    });

    this.authorizer = new HttpUserPoolAuthorizer('CognitoAuthorizer', this.userPool, {
      userPoolClients: [...this.machineClients.values(), this.peopleClient],
    });
  }
}

/** Splits `SCOPES` (`commhub/read`, ...) into the resource server identifier and its scope names. */
function resourceServerFromScopes(): { identifier: string; scopeNames: string[] } {
  const parts = Object.values(SCOPES).map((fullScope) => {
    const [identifier, scopeName, ...rest] = fullScope.split('/');
    if (!identifier || !scopeName || rest.length > 0) throw new Error(`scope "${fullScope}" is not "<server>/<scope>"`);
    return { identifier, scopeName };
  });
  const identifiers = new Set(parts.map((part) => part.identifier));
  const [identifier] = identifiers;
  if (identifiers.size !== 1 || identifier === undefined) {
    throw new Error(`SCOPES must share one resource server, found: ${[...identifiers].join(', ')}`);
  }
  return { identifier, scopeNames: parts.map((part) => part.scopeName) };
}
