import * as z from '../../core/zod.js';
import { contactIdFromArn, type ConnectOutcome } from './connect-mapping.js';

/**
 * A record of the Contact Lens real-time contact analysis segment stream (Kinesis)
 * (https://docs.aws.amazon.com/connect/latest/adminguide/sample-real-time-contact-analysis-segment-stream.html).
 * The stream repeats, partially, what the post-call analysis file states in full, so it makes no
 * record — but it is validated, so a malformed one is a 400 and not a silent 200.
 */
export const SegmentStreamRecord = z
  .object({
    Version: z.string().check(z.maxLength(64)),
    Channel: z.string().check(z.maxLength(32)),
    AccountId: z.string().check(z.maxLength(256)),
    InstanceId: z.string().check(z.maxLength(256)),
    ContactId: z.string().check(z.minLength(1), z.maxLength(256)),
    LanguageCode: z.optional(z.string().check(z.maxLength(64))),
    EventType: z.enum(['STARTED', 'SEGMENTS', 'COMPLETED', 'FAILED'], {
      error: "EventType must be one of 'STARTED', 'SEGMENTS', 'COMPLETED', 'FAILED'",
    }),
    /** Each segment holds one of Utterance, Transcript, Categories, Issues, Attachments, Event, PostContactSummary. */
    Segments: z.optional(z.array(z.record(z.string(), z.record(z.string(), z.unknown()))).check(z.maxLength(10_000))),
  })
  .check(z.refine((r) => r.EventType !== 'SEGMENTS' || r.Segments !== undefined, { path: ['Segments'], message: 'a SEGMENTS record needs Segments' }));
export type SegmentStreamRecord = z.infer<typeof SegmentStreamRecord>;

/** Whether a JSON object looks like a segment stream record (then it is validated as one). */
export function isSegmentStreamRecord(body: Record<string, unknown>): boolean {
  return 'EventType' in body && 'ContactId' in body && 'InstanceId' in body;
}

/** Every segment stream record is verified and ignored: the post-call analysis is the source of truth. */
export function ignoreSegmentStreamRecord(record: SegmentStreamRecord): ConnectOutcome {
  const what = record.EventType === 'SEGMENTS' ? `${record.Segments?.length ?? 0} real-time segments` : `real-time analysis ${record.EventType}`;
  return {
    kind: 'ignore',
    reason: `${what} for contact ${record.ContactId}: the real-time stream is not stored; the post-call Contact Lens analysis is the source of truth`,
  };
}

/**
 * The `detail` of a "Contact Lens Post Call Rules Matched" / "Contact Lens Realtime Rules Matched"
 * EventBridge event (https://docs.aws.amazon.com/connect/latest/adminguide/contact-lens-rules-eventbridge-event.html).
 */
export const RulesMatchedDetail = z.object({
  version: z.optional(z.string().check(z.maxLength(32))),
  ruleName: z.string().check(z.minLength(1), z.maxLength(512)),
  actionName: z.optional(z.string().check(z.maxLength(512))),
  instanceArn: z.optional(z.string().check(z.maxLength(512))),
  contactArn: z.string().check(z.minLength(1), z.maxLength(1024)),
  agentArn: z.optional(z.string().check(z.maxLength(1024))),
  queueArn: z.optional(z.string().check(z.maxLength(1024))),
});
export type RulesMatchedDetail = z.infer<typeof RulesMatchedDetail>;

/**
 * A rule match is an alert about a contact, not a communication: the contact's record comes from its
 * contact event, and the categories the rule stands for are in its analysis file (→ tags).
 */
export function ignoreRulesMatched(detail: RulesMatchedDetail): ConnectOutcome {
  const contact = contactIdFromArn(detail.contactArn) ?? detail.contactArn;
  return {
    kind: 'ignore',
    reason: `Contact Lens rule "${detail.ruleName}" matched contact ${contact}: a rule match is an alert, not a communication; the analysis file carries the categories`,
  };
}
