import { Duration } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';

/** When one kind of alarm fires: `threshold` crossed in `datapointsToAlarm` of `evaluationPeriods` periods. */
export interface AlarmRule {
  readonly threshold: number;
  readonly comparisonOperator: cloudwatch.ComparisonOperator;
  readonly period: Duration;
  readonly evaluationPeriods: number;
  readonly datapointsToAlarm: number;
  readonly treatMissingData: cloudwatch.TreatMissingData;
}

const GTE = cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD;
const GT = cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD;
// Every metric below is published only when something happens (an invocation, a message, an
// execution, a request, a custom metric): no data means nothing went wrong, never "unknown".
const QUIET = cloudwatch.TreatMissingData.NOT_BREACHING;
const FIVE_MINUTES = Duration.minutes(5);

/**
 * The operational alarms' thresholds, in one place so the construct, the README and the template
 * tests agree. Each says why it is set where it is.
 */
export const ALARM_POLICY = {
  /**
   * Unhandled errors of one function: 5 in 5 minutes. Handlers map domain errors to responses and
   * workflow steps throw on throttling on purpose (Step Functions retries them), so a single error is
   * noise; a function failing every call of even a slow stream crosses 5 in 5 minutes.
   */
  lambdaErrors: { threshold: 5, comparisonOperator: GTE, period: FIVE_MINUTES, evaluationPeriods: 1, datapointsToAlarm: 1, treatMissingData: QUIET },
  /** Any throttle of an unreserved function means the account's concurrency ran out: 1 in 5 minutes. */
  lambdaThrottles: { threshold: 1, comparisonOperator: GTE, period: FIVE_MINUTES, evaluationPeriods: 1, datapointsToAlarm: 1, treatMissingData: QUIET },
  /**
   * A function with reserved concurrency is throttled by design during a burst (the workflow retries);
   * only throttling for 15 minutes on end says the reservation is too small for the load.
   */
  reservedLambdaThrottles: { threshold: 1, comparisonOperator: GTE, period: FIVE_MINUTES, evaluationPeriods: 3, datapointsToAlarm: 3, treatMissingData: QUIET },
  /** Any message in a dead-letter queue is an event that was not processed and waits for a replay. */
  deadLetterDepth: { threshold: 0, comparisonOperator: GT, period: FIVE_MINUTES, evaluationPeriods: 1, datapointsToAlarm: 1, treatMissingData: QUIET },
  /** Any failed, timed-out or aborted execution: a record or report did not finish (the records are marked and replayable). */
  workflowFailures: { threshold: 0, comparisonOperator: GT, period: FIVE_MINUTES, evaluationPeriods: 1, datapointsToAlarm: 1, treatMissingData: QUIET },
  /**
   * HTTP 5xx above 1% of requests in 5 minutes, counted only when the API served at least
   * `minimumRequests` (below that one failure is already several percent).
   */
  api5xxRate: { threshold: 1, comparisonOperator: GT, period: FIVE_MINUTES, evaluationPeriods: 1, datapointsToAlarm: 1, treatMissingData: QUIET },
  /** p99 latency above 3 s for 15 minutes (3 periods) with at least `minimumRequests` each: cold starts alone do not keep p99 there. */
  apiLatencyP99: { threshold: 3000, comparisonOperator: GT, period: FIVE_MINUTES, evaluationPeriods: 3, datapointsToAlarm: 3, treatMissingData: QUIET },
  /** Any record whose analysis failed (marked `analysis.status = failed`, replayable with POST /v1/admin/replays). */
  analysisFailed: { threshold: 1, comparisonOperator: GTE, period: FIVE_MINUTES, evaluationPeriods: 1, datapointsToAlarm: 1, treatMissingData: QUIET },
  /** Any change whose audit entry could not be written after a retry: the trail has a gap (the entry is in the error log). */
  auditWriteFailed: { threshold: 1, comparisonOperator: GTE, period: FIVE_MINUTES, evaluationPeriods: 1, datapointsToAlarm: 1, treatMissingData: QUIET },
  /**
   * 20 rejected webhook signatures in 5 minutes across channels: a vendor retrying with a rotated or
   * mistyped secret, or someone probing the webhook URLs. Single rejections (replays, clock skew) are normal.
   */
  signaturesRejected: { threshold: 20, comparisonOperator: GTE, period: FIVE_MINUTES, evaluationPeriods: 1, datapointsToAlarm: 1, treatMissingData: QUIET },
  /**
   * 20 model answers replaced by the local analyzer in 15 minutes: Bedrock is throttling, down, or
   * model access is not enabled — the hub keeps working, at the local analyzer's quality.
   */
  modelFallbacks: { threshold: 20, comparisonOperator: GTE, period: Duration.minutes(15), evaluationPeriods: 1, datapointsToAlarm: 1, treatMissingData: QUIET },
} as const satisfies Record<string, AlarmRule>;

/** Requests in a period below which the API's 5xx rate and latency alarms do not judge it. */
export const API_ALARM_MINIMUM_REQUESTS = 20;
