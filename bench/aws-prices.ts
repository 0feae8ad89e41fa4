/**
 * AWS list prices used by the cost benches, in USD, for us-east-1 on-demand (first pricing tier), as
 * published on the services' pricing pages; dated so a reader knows when to re-check them. Other
 * regions (ap-southeast-1, cn-*) are 10–30 % higher for most items.
 */
export const PRICES_AS_OF = '2026-11-01 (us-east-1 list prices, first tier)';

export const AWS_PRICES = {
  /** API Gateway HTTP API, per request. */
  httpApiRequest: 1.0 / 1e6,
  /** Lambda, per invocation. */
  lambdaRequest: 0.2 / 1e6,
  /** Lambda duration per GB-second (arm64 / x86_64). */
  lambdaGbSecondArm: 0.0000133334,
  lambdaGbSecondX86: 0.0000166667,
  /** Step Functions Express: per execution, and per GB-second billed in 100 ms steps at 64 MB minimum. */
  expressRequest: 1.0 / 1e6,
  expressGbSecond: 0.00001667,
  /** Step Functions Standard: per state transition. */
  standardTransition: 0.025 / 1000,
  /** DynamoDB on-demand: per write request unit (1 KB) and read request unit (4 KB strongly / 8 KB eventually consistent). */
  dynamoWriteUnit: 0.625 / 1e6,
  dynamoReadUnit: 0.125 / 1e6,
  /** S3 Standard: PUT and GET requests. */
  s3Put: 0.005 / 1000,
  s3Get: 0.0004 / 1000,
  /** EventBridge custom events, per event (64 KB chunk). */
  eventBridgeEvent: 1.0 / 1e6,
  /** Bedrock on-demand, Amazon Nova Micro (the default model), per token. */
  novaMicroInputToken: 0.035 / 1e6,
  novaMicroOutputToken: 0.14 / 1e6,
  /** Amazon Transcribe batch, per audio minute (tier 1). */
  transcribeMinute: 0.024,
  /** SES outbound, per email. */
  sesEmail: 0.1 / 1000,
  /** SES receiving: per message, and per 256 KB incoming chunk. */
  sesInboundMail: 0.1 / 1000,
  sesInboundChunk: 0.09 / 1000,
  /** EventBridge Scheduler, per invocation (beyond the 14M monthly free tier, not counted here). */
  schedulerInvocation: 1.0 / 1e6,
  /** S3 Standard storage, per GB-month (first 50 TB). */
  s3StorageGbMonth: 0.023,
  /** Bedrock on-demand, Anthropic Claude 3.5 Haiku (the "Haiku-class" reference point), per token. */
  haikuInputToken: 0.8 / 1e6,
  haikuOutputToken: 4.0 / 1e6,
} as const;

/** One line of a cost breakdown: what, how many per record, and USD per 1M records. */
export interface CostLine {
  readonly component: string;
  readonly perRecord: number;
  readonly unit: string;
  readonly usdPerMillion: number;
}

export const line = (component: string, perRecord: number, unit: string, unitPrice: number): CostLine => ({
  component,
  perRecord,
  unit,
  usdPerMillion: perRecord * unitPrice * 1e6,
});

export const total = (lines: readonly CostLine[]) => lines.reduce((sum, l) => sum + l.usdPerMillion, 0);
