/**
 * The custom CloudWatch metrics the hub's functions emit (embedded metric format on stdout, emf-metrics.ts)
 * and the CDK stack alarms on and graphs — one list for both sides, so a renamed metric cannot leave
 * an alarm watching nothing.
 */
export const HUB_METRICS_NAMESPACE = 'CommHub';

/** The `service` dimension of every metric where no stage names it (embedded mode, tests). */
export const HUB_SERVICE_NAME = 'commhub';

/**
 * `POWERTOOLS_SERVICE_NAME` of a stage's functions, and so the `service` dimension its metrics and
 * alarms use: two stages in one account and region never count into each other's alarms.
 *
 * @example
 * hubServiceName('prod'); // 'commhub-prod'
 */
export const hubServiceName = (stage: string) => `${HUB_SERVICE_NAME}-${stage}`;

/** The service name this process reports under: the function's `POWERTOOLS_SERVICE_NAME`, else `commhub`. */
export const runtimeServiceName = () => process.env.POWERTOOLS_SERVICE_NAME ?? HUB_SERVICE_NAME;

/** Metric names; the extra dimension each carries besides `service`, where it has one. */
export const HUB_METRICS = {
  /** A new record was stored (dimension `channel`). */
  recordsIngested: 'RecordsIngested',
  /** A delivery was recognised as one already stored. */
  duplicatesIgnored: 'DuplicatesIgnored',
  /** A webhook's vendor signature or token did not verify (dimension `channel`). */
  signaturesRejected: 'SignaturesRejected',
  /** A payload failed validation (answered 4xx). */
  payloadsRejected: 'PayloadsRejected',
  /** A record's analysis failed and was marked `analysis.status = failed`. */
  analysisFailed: 'AnalysisFailed',
  /** A model answer was replaced by the local analyzer (dimension `agent`). */
  modelFallbacks: 'ModelFallbacks',
  /** Model input tokens (dimension `agent`). */
  modelInputTokens: 'ModelInputTokens',
  /** Model output tokens (dimension `agent`). */
  modelOutputTokens: 'ModelOutputTokens',
  /** An Amazon Transcribe job was started. */
  transcriptionsStarted: 'TranscriptionsStarted',
  /** A change was made but its audit entry could not be written (after one retry). */
  auditWriteFailed: 'AuditWriteFailed',
} as const;
