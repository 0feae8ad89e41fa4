/**
 * Environment variables a Lambda function of the hub reads. The CDK stack sets them (from these
 * names) and the embedded runtime passes the same values directly, so both wire one way.
 */
export const ENV = {
  tableName: 'COMMHUB_TABLE_NAME',
  rawArchiveBucket: 'COMMHUB_RAW_ARCHIVE_BUCKET',
  blobBucket: 'COMMHUB_BLOB_BUCKET',
  cursorKeySecretArn: 'COMMHUB_CURSOR_KEY_SECRET_ARN',
  tenantsSecretArn: 'COMMHUB_TENANTS_SECRET_ARN',
  stage: 'COMMHUB_STAGE',
} as const;

/** Everything the adapters need to reach their services; endpoints only in embedded mode. */
export interface RuntimeConfig {
  readonly tableName?: string;
  readonly rawArchiveBucket?: string;
  readonly blobBucket?: string;
  readonly region: string;
  /** The cursor HMAC key: a Secrets Manager secret on AWS, a literal in embedded mode. */
  readonly cursorKey?: { readonly secretArn: string } | { readonly literal: string };
  /** Where tenant settings come from: a Secrets Manager secret on AWS, a JSON file in embedded mode. */
  readonly tenantSettings?: { readonly secretArn: string } | { readonly file: string };
  /** Endpoint overrides: the embedded runtime points the same SDK adapters at its local servers. */
  readonly endpoints?: { readonly dynamodb: string; readonly s3: string };
  readonly credentials?: { readonly accessKeyId: string; readonly secretAccessKey: string };
}

export class ConfigurationError extends Error {
  override readonly name = 'ConfigurationError';
}

/** Reads a deployed function's configuration; a port that needs a missing value fails on first use. */
export function runtimeConfigFromEnv(env: NodeJS.ProcessEnv = process.env): RuntimeConfig {
  const secretArn = env[ENV.cursorKeySecretArn];
  const tenantsArn = env[ENV.tenantsSecretArn];
  return {
    tenantSettings: tenantsArn ? { secretArn: tenantsArn } : undefined,
    tableName: env[ENV.tableName],
    rawArchiveBucket: env[ENV.rawArchiveBucket],
    blobBucket: env[ENV.blobBucket],
    region: env.AWS_REGION ?? 'us-east-1',
    cursorKey: secretArn ? { secretArn } : undefined,
  };
}

/** Returns a configured value or fails with the environment variable that should have set it. */
export function requireSetting<T>(value: T | undefined, envName: string): T {
  if (value === undefined || value === '') throw new ConfigurationError(`environment variable ${envName} is not set`);
  return value;
}
