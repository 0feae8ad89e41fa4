import { ValidationError } from '../errors.js';
import type { CommunicationRecord } from '../model/communication-record.js';
import type { Task } from '../model/task.js';
import { communicationVolume } from './communication-volume.js';
import { contactRecency } from './contact-recency.js';
import { isCustomerCommunication } from './customer-communication.js';
import { CustomerMetrics } from './customer-metrics.js';
import { isWithinHistory } from './metric-windows.js';
import { opportunitySignals } from './opportunity-signals.js';
import { preferredChannel } from './preferred-channel.js';
import { preferredContactTimes } from './preferred-contact-times.js';
import { responseTime } from './response-time.js';
import { sentimentTrend } from './sentiment-trend.js';
import { signalCounts } from './signal-counts.js';
import { taskCounts } from './task-counts.js';

export interface CustomerMetricsInput {
  readonly customerId: string;
  /** The customer's timeline, in any order. The last 120 days are enough; older records only date the first contact. */
  readonly records: readonly CommunicationRecord[];
  /** The customer's follow-up tasks, any status. */
  readonly tasks: readonly Pick<Task, 'status' | 'dueAt'>[];
  /** The instant the windows are anchored at: a `Date` or an ISO 8601 string with an offset. */
  readonly asOf: Date | string;
  /** The tenant's IANA zone, for preferred hours and weekdays. */
  readonly timeZone: string;
}

/**
 * All computed figures about one customer at `asOf`: the numbers agents A11–A15 and the reports
 * quote, so none of them is left to a model. Pure: no clock, no I/O — the same input gives the same
 * metrics.
 *
 * Records after `asOf` (clock skew, a future-dated import) and records 120 days or more before it are
 * ignored, except that older records still date `firstContactAt`. Internal records never count.
 *
 * @throws ValidationError when `asOf` is not a valid instant or `timeZone` not an IANA zone.
 * @example
 * const metrics = computeCustomerMetrics({
 *   customerId: 'C001',
 *   records: timeline,
 *   tasks,
 *   asOf: new Date('2024-06-15T00:00:00Z'),
 *   timeZone: 'Asia/Shanghai',
 * });
 * metrics.communications.trend // 'falling'
 * metrics.signals.competitorMentions.last30Days // 2
 */
export function computeCustomerMetrics(input: CustomerMetricsInput): CustomerMetrics {
  const asOf = anchorOf(input.asOf);
  assertTimeZone(input.timeZone);
  const { records, tasks, timeZone } = input;
  const recent = records.filter((record) => isWithinHistory(record, asOf));
  const recency = contactRecency(records, asOf);
  return CustomerMetrics.parse({
    customerId: input.customerId,
    asOf: asOf.toISOString(),
    timeZone,
    recordsConsidered: recent.filter(isCustomerCommunication).length,
    communications: communicationVolume(records, asOf),
    firstContactAt: recency.firstContactAt,
    lastContactAt: recency.lastContactAt,
    daysSinceLastContact: recency.daysSinceLastContact,
    responseTime: responseTime(recent, asOf),
    channels: preferredChannel(recent, asOf),
    contactTimes: preferredContactTimes(recent, asOf, timeZone),
    sentiment: sentimentTrend(recent, asOf),
    signals: signalCounts(recent, asOf),
    tasks: taskCounts(tasks, asOf),
    opportunities: opportunitySignals(recent, asOf),
  } satisfies CustomerMetrics);
}

function anchorOf(asOf: Date | string): Date {
  const anchor = typeof asOf === 'string' ? new Date(asOf) : asOf;
  if (Number.isNaN(anchor.getTime())) {
    throw new ValidationError('asOf is not a valid instant', [{ path: 'asOf', message: `cannot read ${String(asOf)} as a time` }]);
  }
  return anchor;
}

function assertTimeZone(timeZone: string): void {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
  } catch (error) {
    throw new ValidationError('timeZone is not an IANA time zone', [{ path: 'timeZone', message: `unknown zone ${timeZone}` }], { cause: error });
  }
}
