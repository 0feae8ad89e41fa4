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
  /** Bedrock model (or inference profile) id for A10; `local` runs the rules-based analyzer only. */
  modelId: 'COMMHUB_MODEL_ID',
  textWorkflowArn: 'COMMHUB_TEXT_WORKFLOW_ARN',
  mediaWorkflowArn: 'COMMHUB_MEDIA_WORKFLOW_ARN',
  /** The A16 coordinator (periodic run) state machine, for functions that start runs. */
  periodicRunArn: 'COMMHUB_PERIODIC_RUN_ARN',
  eventBusName: 'COMMHUB_EVENT_BUS_NAME',
  mailFrom: 'COMMHUB_MAIL_FROM',
} as const;

/** A low-cost model that supports Converse tool use with a forced tool choice. */
export const DEFAULT_MODEL_ID = 'amazon.nova-micro-v1:0';
/** The `COMMHUB_MODEL_ID` value that turns model calls off (the embedded default). */
export const LOCAL_MODEL_ID = 'local';

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
  readonly modelId?: string;
  readonly workflowArns?: { readonly text?: string; readonly media?: string; readonly periodic?: string };
  readonly eventBusName?: string;
  readonly mailFrom?: string;
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
    modelId: env[ENV.modelId] ?? DEFAULT_MODEL_ID,
    workflowArns: { text: env[ENV.textWorkflowArn], media: env[ENV.mediaWorkflowArn], periodic: env[ENV.periodicRunArn] },
    eventBusName: env[ENV.eventBusName],
    mailFrom: env[ENV.mailFrom],
  };
}

/** Returns a configured value or fails with the environment variable that should have set it. */
export function requireSetting<T>(value: T | undefined, envName: string): T {
  if (value === undefined || value === '') throw new ConfigurationError(`environment variable ${envName} is not set`);
  return value;
}
