import type { Node } from 'constructs';
import * as z from 'zod';
import { DEFAULT_MODEL_ID } from '../functions/config/runtime-config.js';
import { isTimeZone } from '../functions/core/reports/zoned-time.js';

/** The CDK context keys a deployment is configured with (`cdk.json`, `cdk.context.json` or `-c key=value`). */
export const STAGE_CONTEXT_KEYS = [
  'stage',
  'region',
  'alarmEmail',
  'retentionDays',
  'allowedOrigins',
  'inboundEmailDomain',
  'connectInstanceArns',
  'modelId',
  'mailFrom',
  'reportTimeZones',
  'logRetentionDays',
  'analysisConcurrency',
  'transcriptionConcurrency',
  'reportConcurrency',
  'machineClients',
  'console',
  'consoleDomainName',
  'consoleCertificateArn',
] as const;

/** The retention periods CloudWatch Logs accepts (PutRetentionPolicy), in days; "never expire" is not offered. */
export const LOG_RETENTION_DAYS = [1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653] as const;
export type LogRetentionDays = (typeof LOG_RETENTION_DAYS)[number];

/**
 * Reserved concurrency of the functions that call a quota-bound service, by default. Each caps how many
 * calls run at once, so a burst (a backfill, a monthly run over every customer) queues in Step Functions'
 * retries (`Lambda.TooManyRequestsException` is retried with backoff in every ASL task) instead of
 * exhausting the quota for everything else, and the rest of the account's concurrency stays free for
 * the API. `0` leaves a function unreserved (for accounts whose concurrency quota cannot spare it: Lambda
 * keeps at least 100 unreserved).
 */
export const DEFAULT_RESERVED_CONCURRENCY = {
  /**
   * A10 (`AnalyzeRecord`): one Bedrock Converse call of 2-5 s each, so 10 at once is roughly 120-300
   * requests a minute — inside the on-demand requests/tokens-per-minute quota of small models in most
   * regions, which new accounts get far less of than the documented defaults.
   */
  analysis: 10,
  /**
   * `StartTranscription`: StartTranscriptionJob is rate-limited (25 requests/s by default) and the
   * account has a concurrent-job quota (100-250 by region); 5 starts at once stays well under the rate,
   * and a job over the concurrent quota fails with LimitExceededException, which the workflow retries.
   */
  transcription: 5,
  /**
   * Agents A11-A15 (`RunCustomerAgent`, `WriteReport`, each): they share the model quota with A10, and a
   * monthly run over every customer must not starve the per-record analysis.
   */
  report: 10,
} as const;

/** The stage whose data resources are protected from deletion and kept when the stack goes away. */
export const PRODUCTION_STAGE = 'prod';

/** One deployment's settings, validated. */
export interface StageConfig {
  /** Deployment name, part of the stack name. */
  readonly stage: string;
  /** Region to deploy to. China regions (`cn-*`) are in the `aws-cn` partition; ARNs use `Aws.PARTITION`. */
  readonly region: string;
  /** Where operational alarms are sent; no alarm subscription when absent. */
  readonly alarmEmail?: string;
  /** Days a raw payload stays in the raw archive before it expires. */
  readonly retentionDays: number;
  /** Browser origins allowed by CORS; no CORS configuration when empty. */
  readonly allowedOrigins: readonly string[];
  /** True for the production stage: deletion protection on, data resources retained. */
  readonly deletionProtection: boolean;
  /**
   * Domain whose mail SES receives for CommHub (`mail.example.com`); its MX record must point at SES
   * inbound in `region`. No SES receipt rule set when absent.
   */
  readonly inboundEmailDomain?: string;
  /**
   * Amazon Connect instances whose contact events are ingested; every instance of the account when
   * absent (the handler still drops events of instances no tenant lists).
   */
  readonly connectInstanceArns?: readonly string[];
  /** Bedrock model (or inference profile) id agent A10 calls; `local` runs only the rules-based analyzer. */
  readonly modelId: string;
  /** Sender of alert and report mail (an SES-verified identity); alert emails are skipped when absent. */
  readonly mailFrom?: string;
  /**
   * The time zones report schedules run in (09:00 local daily / Mondays / the 1st, and the 5-minute
   * risk check); each covers the tenants whose `timezone` setting it is.
   */
  readonly reportTimeZones: readonly string[];
  /** Days every log group (functions, API access logs, state machines) keeps its events. */
  readonly logRetentionDays: LogRetentionDays;
  /** Reserved concurrency of A10 `AnalyzeRecord` (Bedrock); 0 = unreserved. See {@link DEFAULT_RESERVED_CONCURRENCY}. */
  readonly analysisConcurrency: number;
  /** Reserved concurrency of `StartTranscription` (Amazon Transcribe); 0 = unreserved. */
  readonly transcriptionConcurrency: number;
  /** Reserved concurrency of each of `RunCustomerAgent` and `WriteReport` (Bedrock, A11-A15); 0 = unreserved. */
  readonly reportConcurrency: number;
  /**
   * Cognito machine clients (client credentials) to create, by name — one per integration, usually per
   * tenant; list each client's id under its tenant's `machineClientIds` in the tenant settings.
   */
  readonly machineClients: readonly string[];
  /**
   * Hosts the web console on S3 + CloudFront (its URL is added to CORS and the people client's
   * callbacks). Off by default in China regions, where CloudFront serves only ICP-recorded custom domains.
   */
  readonly console: boolean;
  /**
   * Custom domain of the console (`console.example.com`), with the ARN of its ACM certificate in
   * us-east-1; the console is at `https://<distribution>.cloudfront.net` when absent.
   */
  readonly consoleDomain?: { readonly name: string; readonly certificateArn: string };
}

export class StageConfigError extends Error {
  override readonly name = 'StageConfigError';
}

// `-c retentionDays=30` arrives as a string; cdk.json values arrive as numbers.
const wholeNumberFromContext = (value: unknown) =>
  typeof value === 'string' && /^\d+$/.test(value.trim()) ? Number(value) : value;

const reservedConcurrency = (fallback: number) =>
  z
    .preprocess(
      wholeNumberFromContext,
      z
        .number({ error: 'must be a whole number of concurrent executions (0 = unreserved)' })
        .int('must be a whole number of concurrent executions (0 = unreserved)')
        .min(0, 'must be 0 (unreserved) or more')
        .max(1000, 'must be at most 1000 (the default account quota; Lambda keeps 100 of it unreserved)'),
    )
    .default(fallback);

const origin = z
  .url({ protocol: /^https?$/, error: 'each origin must be an http(s) URL such as "https://console.example.com"' })
  .refine((value) => new URL(value).origin === value, {
    error: 'each origin must be scheme://host[:port] without a path or trailing slash',
  });

// `-c connectInstanceArns=arn1,arn2` (or a JSON array) arrives as a string; cdk.json gives an array.
const listFromContext = (value: unknown) => {
  if (typeof value !== 'string') return value;
  const text = value.trim();
  if (text.startsWith('[')) {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      return value;
    }
  }
  return text === '' ? [] : text.split(',').map((item) => item.trim());
};

// RFC 1035 labels (letters, digits, inner dashes; at most 63 characters), at least two of them, and an
// alphabetic top-level domain. SES matches recipient domains case-insensitively; they are kept lower-case.
const domainName = z
  .string({ error: 'must be a domain name such as "mail.example.com"' })
  .trim()
  .toLowerCase()
  .max(253, 'must be at most 253 characters')
  .regex(
    /^([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/,
    'must be a domain name such as "mail.example.com" (no scheme, no "@", no trailing dot)',
  );

const connectInstanceArn = z
  .string()
  .regex(
    /^arn:aws(-cn|-us-gov)?:connect:[a-z]{2}(-[a-z]+)+-\d:\d{12}:instance\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/,
    'each must be an Amazon Connect instance ARN such as "arn:aws:connect:ap-southeast-1:123456789012:instance/<uuid>"',
  );

// `-c console=false` arrives as a string; cdk.json gives a boolean.
const booleanFromContext = (value: unknown) => (value === 'true' ? true : value === 'false' ? false : value);

// CloudFront in the China regions serves only ICP-recorded custom domains (with IAM server certificates),
// which the stack does not set up: the console is opt-in there.
const hostsConsoleByDefault = (region: string) => !region.startsWith('cn-');

// CloudFront uses ACM certificates from us-east-1 only, whatever the stack's region.
const cloudFrontCertificateArn = z
  .string({ error: 'must be an ACM certificate ARN' })
  .regex(
    /^arn:aws(-us-gov)?:acm:us-east-1:\d{12}:certificate\/[0-9a-f-]{36}$/,
    'must be the ARN of an ACM certificate in us-east-1 ("arn:aws:acm:us-east-1:<account>:certificate/<uuid>"): CloudFront takes no other region\'s',
  );

const stageContextSchema = z.object({
  stage: z
    .string({ error: 'must be a string such as "dev" or "prod"' })
    .regex(/^[a-z][a-z0-9-]{0,19}$/, 'must be 1-20 lower-case letters, digits or dashes, starting with a letter')
    .default('dev'),
  region: z
    .string({ error: 'must be a string such as "ap-southeast-1"' })
    .regex(/^[a-z]{2}(-[a-z]+)+-\d$/, 'must be an AWS region code such as "ap-southeast-1" or "cn-north-1"')
    .default('ap-southeast-1'),
  alarmEmail: z.email({ error: 'must be an email address' }).optional(),
  retentionDays: z
    .preprocess(
      wholeNumberFromContext,
      z
        .number({ error: 'must be a whole number of days' })
        .int('must be a whole number of days')
        .min(1, 'must be at least 1 day')
        .max(36_500, 'must be at most 36500 days'),
    )
    .default(365),
  allowedOrigins: z
    .array(origin, { error: 'must be an array of origins such as ["https://console.example.com"]' })
    .default([]),
  inboundEmailDomain: domainName.optional(),
  modelId: z
    .string({ error: 'must be a Bedrock model id such as "amazon.nova-micro-v1:0", or "local"' })
    .regex(/^(local|[a-z0-9-]+(\.[a-z0-9-]+)+(:[0-9a-z-]+)?(:\d+)?)$/, 'must be a Bedrock model id such as "amazon.nova-micro-v1:0" or "apac.amazon.nova-micro-v1:0", or "local"')
    .default(DEFAULT_MODEL_ID),
  mailFrom: z.email({ error: 'must be an email address verified in SES' }).optional(),
  reportTimeZones: z
    .preprocess(listFromContext, z.array(z.string().refine(isTimeZone, 'each must be an IANA time zone such as "Asia/Shanghai"'), { error: 'must be an array of IANA time zones' }).min(1))
    .default(['Asia/Shanghai']),
  logRetentionDays: z
    .preprocess(
      wholeNumberFromContext,
      z
        .number({ error: 'must be a whole number of days' })
        .refine((days) => (LOG_RETENTION_DAYS as readonly number[]).includes(days), {
          error: `must be one of the retention periods CloudWatch Logs accepts: ${LOG_RETENTION_DAYS.join(', ')}`,
        }),
    )
    .default(30),
  analysisConcurrency: reservedConcurrency(DEFAULT_RESERVED_CONCURRENCY.analysis),
  transcriptionConcurrency: reservedConcurrency(DEFAULT_RESERVED_CONCURRENCY.transcription),
  reportConcurrency: reservedConcurrency(DEFAULT_RESERVED_CONCURRENCY.report),
  machineClients: z
    .preprocess(
      listFromContext,
      z
        .array(z.string().regex(/^[a-z][a-z0-9-]{0,31}$/, 'each must be 1-32 lower-case letters, digits or dashes, starting with a letter'), {
          error: 'must be an array of client names such as ["erp-t001", "crm-t002"]',
        })
        .min(1, 'must name at least one client')
        .refine((names) => new Set(names).size === names.length, 'must not repeat a name'),
    )
    .default(['integrations']),
  connectInstanceArns: z
    .preprocess(
      listFromContext,
      z.array(connectInstanceArn, { error: 'must be an array of Amazon Connect instance ARNs' }),
    )
    .optional(),
  console: z.preprocess(booleanFromContext, z.boolean({ error: 'must be true or false' })).optional(),
  consoleDomainName: domainName.optional(),
  consoleCertificateArn: cloudFrontCertificateArn.optional(),
}).superRefine(({ region, connectInstanceArns = [], console: hostsConsole, consoleDomainName, consoleCertificateArn }, context) => {
  if ((consoleDomainName === undefined) !== (consoleCertificateArn === undefined)) {
    const missing = consoleDomainName === undefined ? 'consoleDomainName' : 'consoleCertificateArn';
    context.addIssue({ code: 'custom', path: [missing], message: 'is needed too: a custom console domain takes both consoleDomainName and consoleCertificateArn' });
  }
  if (!(hostsConsole ?? hostsConsoleByDefault(region)) && consoleDomainName !== undefined) {
    context.addIssue({ code: 'custom', path: ['consoleDomainName'], message: 'names a domain for the console, but "console" is false (the default in China regions)' });
  }
  connectInstanceArns.forEach((arn, index) => {
    // An instance publishes its contact events to the default bus of its own region only.
    if (arn.split(':')[3] !== region) {
      context.addIssue({
        code: 'custom',
        path: ['connectInstanceArns', index],
        message: `each must be an instance in the deployment region "${region}" (EventBridge delivers Connect events only in the instance's region)`,
      });
    }
  });
});

/**
 * Reads and validates the stage settings from CDK context.
 *
 * @throws StageConfigError naming every context key whose value is invalid.
 * @example
 * const config = stageConfigFromContext(app.node); // { stage: 'dev', region: 'ap-southeast-1', ... }
 */
export function stageConfigFromContext(node: Node): StageConfig {
  const raw = Object.fromEntries(STAGE_CONTEXT_KEYS.map((key) => [key, node.tryGetContext(key) ?? undefined]));
  const parsed = stageContextSchema.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => {
      const [key, ...rest] = issue.path.map(String);
      const at = rest.length > 0 ? ` (at ${rest.join('.')})` : '';
      return `context key "${key ?? '?'}"${at}: ${issue.message}`;
    });
    throw new StageConfigError(`Invalid CDK context — ${problems.join('; ')}`);
  }
  const { alarmEmail, inboundEmailDomain, connectInstanceArns, logRetentionDays, console: hostsConsole, consoleDomainName, consoleCertificateArn, ...settings } = parsed.data;
  return {
    ...settings,
    console: hostsConsole ?? hostsConsoleByDefault(settings.region),
    logRetentionDays: logRetentionDays as LogRetentionDays,
    ...(alarmEmail === undefined ? {} : { alarmEmail }),
    ...(inboundEmailDomain === undefined ? {} : { inboundEmailDomain }),
    ...(connectInstanceArns === undefined || connectInstanceArns.length === 0 ? {} : { connectInstanceArns }),
    ...(consoleDomainName === undefined || consoleCertificateArn === undefined ? {} : { consoleDomain: { name: consoleDomainName, certificateArn: consoleCertificateArn } }),
    deletionProtection: settings.stage === PRODUCTION_STAGE,
  };
}
