import * as z from '../../core/zod.js';
import { CustomerHint } from '../../core/model/communication-input.js';
import { MAX_UNIX_SECONDS, MIN_UNIX_SECONDS, callTimeMillis } from './call-time.js';

/** Most calls a batch delivery may carry (the same limit as `POST /v1/communications/batch`). */
export const MAX_CALLS_PER_BATCH = 500;
/** The canonical `content` limit; a transcript longer than this is refused rather than cut silently. */
export const MAX_TRANSCRIPT_CHARS = 1_000_000;

const text = (max: number, what: string) => z.string({ error: `${what} (a string)` }).check(z.trim(), z.minLength(1, `${what} must not be empty`), z.maxLength(max));

const CallTime = z.union(
  [
    z.iso.datetime({ offset: true, error: 'an ISO 8601 date-time with offset (e.g. 2024-06-15T10:30:00+08:00) or unix seconds' }),
    z
      .number()
      .check(
        z.gte(MIN_UNIX_SECONDS, 'unix seconds after 2000-01-01 (milliseconds? divide by 1000)'),
        z.lte(MAX_UNIX_SECONDS, 'unix seconds before 2100-01-01 (milliseconds? divide by 1000)'),
      ),
  ],
  { error: 'an ISO 8601 date-time with offset (e.g. 2024-06-15T10:30:00+08:00) or unix seconds' },
);

const PhoneNumber = text(40, 'a phone number');

const TranscriptSegment = z.strictObject({
  /** `agent` → 客服, `customer` → 客户; any other name (e.g. `IVR`) is shown as given. */
  speaker: text(100, 'the speaker (agent, customer or a name)'),
  text: z.string({ error: 'the segment text (a string)' }).check(z.maxLength(20_000)),
  /** Seconds from the start of the call. */
  start: z.optional(z.number().check(z.nonnegative(), z.lte(7 * 24 * 3600))),
  end: z.optional(z.number().check(z.nonnegative(), z.lte(7 * 24 * 3600))),
});

const Transcript = z.union([z.string().check(z.maxLength(MAX_TRANSCRIPT_CHARS)), z.array(TranscriptSegment).check(z.maxLength(50_000, 'at most 50,000 transcript segments'))], {
  error: 'a transcript string or an array of segments { speaker, text, start?, end? }',
});

const Agent = z.strictObject({
  /** The agent's staff id (工号) — becomes the participant's `staffId`. */
  id: text(128, 'the agent id'),
  name: z.optional(text(200, 'the agent name')),
  extension: z.optional(text(40, 'the agent extension')),
});

/**
 * One call detail record (CDR) as a 400 call-center provider posts it to the `telephony` webhook.
 * Unknown fields are refused so a misspelt field surfaces instead of vanishing.
 */
export const TelephonyCall = z
  .strictObject({
    callId: text(200, 'the provider call id'),
    caller: PhoneNumber,
    callee: PhoneNumber,
    direction: z.enum(['inbound', 'outbound'], { error: "direction must be 'inbound' or 'outbound'" }),
    startedAt: CallTime,
    answeredAt: z.optional(CallTime),
    endedAt: z.optional(CallTime),
    durationSeconds: z.optional(z.number().check(z.nonnegative(), z.lte(7 * 24 * 3600))),
    status: z.optional(
      z.enum(['answered', 'missed', 'voicemail', 'busy', 'failed'], {
        error: "status must be one of 'answered', 'missed', 'voicemail', 'busy', 'failed'",
      }),
    ),
    agent: z.optional(Agent),
    recordingUrl: z.optional(z.url({ protocol: /^https?$/, error: 'an http(s) URL' }).check(z.maxLength(2048))),
    transcript: z.optional(Transcript),
    customer: z.optional(z.strictObject({ id: CustomerHint.shape.id, name: CustomerHint.shape.name })),
    /** The 400 number the customer dialled (inbound) or the one shown to them (outbound). */
    hotline: z.optional(PhoneNumber),
    /** Anything else the provider wants kept; stored under `metadata.provider`. */
    metadata: z.optional(z.record(z.string().check(z.maxLength(128)), z.unknown())),
  })
  .check(
    z.superRefine((call, ctx) => {
      const start = callTimeMillis(call.startedAt);
      if (call.endedAt !== undefined && callTimeMillis(call.endedAt) < start) {
        ctx.addIssue({ code: 'custom', path: ['endedAt'], message: 'endedAt is before startedAt' });
      }
      if (call.answeredAt !== undefined && callTimeMillis(call.answeredAt) < start) {
        ctx.addIssue({ code: 'custom', path: ['answeredAt'], message: 'answeredAt is before startedAt' });
      }
    }),
  );
export type TelephonyCall = z.infer<typeof TelephonyCall>;

/** A backfill or burst: up to {@link MAX_CALLS_PER_BATCH} CDRs in one signed delivery. */
export const TelephonyBatch = z.strictObject({
  calls: z.array(TelephonyCall).check(z.minLength(1, 'a batch holds at least one call'), z.maxLength(MAX_CALLS_PER_BATCH, `a batch holds at most ${MAX_CALLS_PER_BATCH} calls`)),
});

/**
 * The schema for a webhook body: one CDR, or `{ "calls": [...] }` (told apart by the `calls` key, so
 * the errors name the fields of the shape the sender meant).
 */
export function telephonyBodySchema(body: unknown): z.ZodMiniType<{ calls: TelephonyCall[] }> {
  const isBatch = typeof body === 'object' && body !== null && !Array.isArray(body) && 'calls' in body;
  return isBatch
    ? TelephonyBatch
    : z.pipe(
        TelephonyCall,
        z.transform((call) => ({ calls: [call] })),
      );
}
