import * as z from '../../core/zod.js';
import { PayloadError } from '../../core/channels/channel-adapter.js';

/**
 * The SES receipt notification shapes (docs.aws.amazon.com/ses/latest/dg/receiving-email-notifications-contents.html
 * and receiving-email-action-lambda-event.html). Only what CommHub reads is required; the rest passes.
 */
const Verdict = z.looseObject({ status: z.string().check(z.minLength(1)) });

const SesMail = z.looseObject({
  timestamp: z.string().check(z.minLength(1)),
  source: z.string(),
  messageId: z.string().check(z.minLength(1)),
  destination: z._default(z.array(z.string()), []),
  headersTruncated: z.optional(z.boolean()),
  commonHeaders: z.optional(z.looseObject({ messageId: z.optional(z.string()), subject: z.optional(z.string()) })),
});

const SesAction = z.looseObject({
  type: z.string().check(z.minLength(1)),
  bucketName: z.optional(z.string().check(z.minLength(1))),
  objectKey: z.optional(z.string().check(z.minLength(1))),
  /** SNS action only: how `content` is encoded (`UTF8` is the default). */
  encoding: z.optional(z.enum(['UTF8', 'BASE64'])),
});

const SesReceiptPart = z.looseObject({
  timestamp: z.string().check(z.minLength(1)),
  recipients: z.array(z.string().check(z.minLength(1))).check(z.minLength(1)),
  spamVerdict: z.optional(Verdict),
  virusVerdict: z.optional(Verdict),
  spfVerdict: z.optional(Verdict),
  dkimVerdict: z.optional(Verdict),
  dmarcVerdict: z.optional(Verdict),
  action: SesAction,
});

/** Lambda action (and S3 action → Lambda): `Records[].ses.{mail, receipt}`. */
export const SesLambdaEvent = z.object({
  Records: z.array(z.looseObject({ eventSource: z.literal('aws:ses'), ses: z.object({ mail: SesMail, receipt: SesReceiptPart }) })).check(z.minLength(1)),
});

/** SNS action: the `Message` JSON of the SNS notification, with the message itself in `content`. */
export const SesSnsNotification = z.looseObject({
  notificationType: z.literal('Received'),
  mail: SesMail,
  receipt: SesReceiptPart,
  content: z.optional(z.string()),
});

/** An SNS delivery to Lambda: `Records[].Sns.Message` holds the notification as a JSON string. */
const SnsLambdaEvent = z.object({
  Records: z.array(z.looseObject({ EventSource: z.literal('aws:sns'), Sns: z.looseObject({ Message: z.string() }) })).check(z.minLength(1)),
});

/** Verdict statuses SES reports: `PASS`, `FAIL`, `GRAY`, `PROCESSING_FAILED` (or `DISABLED` when scanning is off). */
export type SesVerdictStatus = string;
export const SES_CHECKS = ['spam', 'virus', 'spf', 'dkim', 'dmarc'] as const;
export type SesCheck = (typeof SES_CHECKS)[number];

/** One received message as SES describes it; what the caller needs to fetch, screen and ingest it. */
export interface SesReceipt {
  /** SES's id for the message (also the S3 object name), not the RFC 5322 Message-ID. */
  readonly messageId: string;
  /** Envelope recipients this receipt rule matched (`receipt.recipients`). */
  readonly recipients: readonly string[];
  readonly timestamp: string;
  readonly source: string;
  readonly actionType: string;
  readonly spamVerdict?: SesVerdictStatus;
  readonly virusVerdict?: SesVerdictStatus;
  readonly spfVerdict?: SesVerdictStatus;
  readonly dkimVerdict?: SesVerdictStatus;
  readonly dmarcVerdict?: SesVerdictStatus;
  /** The checks whose verdict is `FAIL`: reported, not acted on — rejecting is the caller's decision. */
  readonly failedChecks: readonly SesCheck[];
  /** Where an S3 action stored the raw message. */
  readonly s3?: { readonly bucketName: string; readonly objectKey: string };
  /** The raw message, base64, when the notification carried it (SNS action). */
  readonly contentBase64?: string;
}

type Mail = z.infer<typeof SesMail>;
type ReceiptPart = z.infer<typeof SesReceiptPart>;

function toReceipt(mail: Mail, receipt: ReceiptPart, content?: string): SesReceipt {
  const verdicts: Record<SesCheck, string | undefined> = {
    spam: receipt.spamVerdict?.status,
    virus: receipt.virusVerdict?.status,
    spf: receipt.spfVerdict?.status,
    dkim: receipt.dkimVerdict?.status,
    dmarc: receipt.dmarcVerdict?.status,
  };
  const { bucketName, objectKey, encoding } = receipt.action;
  const contentBase64 = content === undefined ? undefined : encoding === 'BASE64' ? content.replace(/\s+/g, '') : Buffer.from(content, 'utf8').toString('base64');
  return {
    messageId: mail.messageId,
    recipients: receipt.recipients,
    timestamp: receipt.timestamp,
    source: mail.source,
    actionType: receipt.action.type,
    spamVerdict: verdicts.spam,
    virusVerdict: verdicts.virus,
    spfVerdict: verdicts.spf,
    dkimVerdict: verdicts.dkim,
    dmarcVerdict: verdicts.dmarc,
    failedChecks: SES_CHECKS.filter((check) => verdicts[check] === 'FAIL'),
    ...(bucketName !== undefined && objectKey !== undefined ? { s3: { bucketName, objectKey } } : {}),
    ...(contentBase64 === undefined ? {} : { contentBase64 }),
  };
}

function payloadError(error: z.core.$ZodError, what: string): PayloadError {
  const issue = error.issues[0];
  const path = issue?.path.map(String).join('.') ?? '';
  return new PayloadError(`${what}: ${path === '' ? '' : `${path}: `}${issue?.message ?? 'invalid'}`, { cause: error });
}

function parseJson(body: string, what: string): unknown {
  try {
    return JSON.parse(body) as unknown;
  } catch (error) {
    throw new PayloadError(`${what} is not valid JSON (${error instanceof Error ? error.message : String(error)})`, { cause: error });
  }
}

function receiptsOf(value: unknown, depth: number): SesReceipt[] {
  const record = value as { Records?: Array<{ EventSource?: unknown; eventSource?: unknown }> } | null;
  const firstSource = typeof record === 'object' && record !== null ? (record.Records?.[0]?.eventSource ?? record.Records?.[0]?.EventSource) : undefined;
  if (firstSource === 'aws:sns' && depth === 0) {
    const sns = SnsLambdaEvent.safeParse(value);
    if (!sns.success) throw payloadError(sns.error, 'SNS event');
    return sns.data.Records.flatMap((r) => receiptsOf(parseJson(r.Sns.Message, 'SNS Message'), depth + 1));
  }
  if (firstSource === 'aws:ses') {
    const lambda = SesLambdaEvent.safeParse(value);
    if (!lambda.success) throw payloadError(lambda.error, 'SES event');
    return lambda.data.Records.map((r) => toReceipt(r.ses.mail, r.ses.receipt));
  }
  const notification = SesSnsNotification.safeParse(value);
  if (!notification.success) throw payloadError(notification.error, 'SES notification');
  return [toReceipt(notification.data.mail, notification.data.receipt, notification.data.content)];
}

/**
 * Reads an SES receipt event in any of its deliveries: the Lambda action event, the same event for
 * an S3 action (`s3` says where the message is), an SES notification published by an SNS action
 * (`contentBase64` carries the message), or the SNS Lambda envelope around one. Accepts the JSON
 * text or the already parsed value. Parsing is strict: the AWS documentation examples kept verbatim
 * as `*.docs.txt` (line breaks inside strings, `"\email"`, single quotes) are rejected.
 *
 * @throws PayloadError naming the field when the event is not JSON or not an SES receipt.
 * @example parseSesEvent(event)[0]?.failedChecks // [] or e.g. ['virus']
 */
export function parseSesEvent(event: string | Buffer | unknown): SesReceipt[] {
  const value = typeof event === 'string' || Buffer.isBuffer(event) ? parseJson(event.toString(), 'SES event') : event;
  return receiptsOf(value, 0);
}

/** The raw message bytes a notification carried, if any. */
export function sesMessageContent(receipt: SesReceipt): Buffer | undefined {
  return receipt.contentBase64 === undefined ? undefined : Buffer.from(receipt.contentBase64, 'base64');
}
