import { CfnOutput, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { Auth } from './auth.js';
import { IngestionApi } from './ingestion-api.js';
import type { StageConfig } from './stage-config.js';
import { Storage } from './storage.js';

/** Properties of {@link CommHubStack}. */
export interface CommHubStackProps extends StackProps {
  /** The validated stage settings (see `stageConfigFromContext`). */
  readonly config: StageConfig;
}

/** CommHub on AWS: wires storage, auth and the HTTP API together and prints what clients need. */
export class CommHubStack extends Stack {
  public readonly storage: Storage;
  public readonly auth: Auth;
  public readonly ingestionApi: IngestionApi;

  constructor(scope: Construct, id: string, props: CommHubStackProps) {
    super(scope, id, props);
    const { config } = props;
    const removalPolicy = config.deletionProtection ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY;

    this.storage = new Storage(this, 'Storage', {
      rawArchiveRetentionDays: config.retentionDays,
      deletionProtection: config.deletionProtection,
      removalPolicy,
    });
    this.auth = new Auth(this, 'Auth', {
      deletionProtection: config.deletionProtection,
      removalPolicy,
      ...(config.allowedOrigins.length > 0
        ? {
            callbackUrls: config.allowedOrigins.map((origin) => `${origin}/auth/callback`),
            logoutUrls: config.allowedOrigins.map((origin) => `${origin}/`),
          }
        : {}),
    });
    this.ingestionApi = new IngestionApi(this, 'IngestionApi', {
      storage: this.storage,
      authorizer: this.auth.authorizer,
      stage: config.stage,
      allowedOrigins: config.allowedOrigins,
      removalPolicy,
    });

    const outputs: Record<string, { value: string; description: string }> = {
      ApiUrl: { value: this.ingestionApi.url, description: 'Base URL of the HTTP API' },
      UserPoolId: { value: this.auth.userPool.userPoolId, description: 'Cognito user pool id' },
      AuthDomainUrl: { value: this.auth.domain.baseUrl(), description: 'OAuth 2.0 endpoints (/oauth2/token, /oauth2/authorize)' },
      MachineClientId: { value: this.auth.machineClient.userPoolClientId, description: 'Client id for integrations (client credentials)' },
      PeopleClientId: { value: this.auth.peopleClient.userPoolClientId, description: 'Client id for people (authorization code + PKCE)' },
      TableName: { value: this.storage.table.tableName, description: 'DynamoDB table' },
      RawArchiveBucketName: { value: this.storage.rawArchive.bucketName, description: 'Raw payload archive bucket' },
      BlobBucketName: { value: this.storage.blobs.bucketName, description: 'Attachments and large bodies bucket' },
    };
    for (const [outputId, output] of Object.entries(outputs)) new CfnOutput(this, outputId, output);
  }
}
