import * as z from '../../core/zod.js';

/**
 * Contact Lens post-call analysis output files, as stored in the instance bucket under
 * `Analysis/Voice|Chat/…/<ContactId>_analysis_<ConnectedToAgentTimestamp>.json`
 * (https://docs.aws.amazon.com/connect/latest/adminguide/contact-lens-example-output-files.html and
 * example-contact-lens-output-locations.html). Only what a record uses is read; other keys pass.
 */

const Role = z.string().check(z.maxLength(64));
const Offsets = z.object({ BeginOffsetChar: z.number().check(z.int(), z.nonnegative()), EndOffsetChar: z.number().check(z.int(), z.nonnegative()) });
/** A voice turn's IssuesDetected / OutcomesDetected / ActionItemsDetected entry. */
const DetectedSpan = z.object({ CharacterOffsets: z.optional(Offsets), Text: z.optional(z.string().check(z.maxLength(20_000))) });
const RoleNumbers = z.record(Role, z.number());

const Common = {
  Version: z.string().check(z.maxLength(64)),
  AccountId: z.optional(z.string().check(z.maxLength(64))),
  JobStatus: z.string().check(z.maxLength(32)),
  LanguageCode: z.optional(z.string().check(z.maxLength(32))),
  ContentMetadata: z.optional(z.object({ Output: z.optional(z.string().check(z.maxLength(32))), RedactionTypes: z.optional(z.array(z.string())) })),
  /** Present in the chat sample; the voice sample has no contact id at all (it is in the S3 key). */
  CustomerMetadata: z.optional(
    z.object({
      ContactId: z.optional(z.string().check(z.minLength(1), z.maxLength(256))),
      InstanceId: z.optional(z.string().check(z.maxLength(256))),
      InputS3Uri: z.optional(z.string()),
    }),
  ),
  /** Redacted chat files drop `ParticipantRole` here; the transcript items still carry it. */
  Participants: z
    .array(
      z.object({
        ParticipantId: z.string().check(z.minLength(1), z.maxLength(256)),
        ParticipantRole: z.optional(Role),
        DisplayName: z.optional(z.string().check(z.maxLength(256))),
      }),
    )
    .check(z.maxLength(100)),
  Categories: z.optional(
    z.object({ MatchedCategories: z.array(z.string().check(z.maxLength(256))).check(z.maxLength(1000)), MatchedDetails: z.optional(z.record(z.string(), z.unknown())) }),
  ),
};

export const VoiceTurn = z.object({
  Id: z.optional(z.string().check(z.maxLength(256))),
  ParticipantId: z.string().check(z.minLength(1), z.maxLength(256)),
  Content: z.string().check(z.maxLength(100_000)),
  BeginOffsetMillis: z.number().check(z.nonnegative()),
  EndOffsetMillis: z.number().check(z.nonnegative()),
  Sentiment: z.optional(z.string().check(z.maxLength(32))),
  IssuesDetected: z.optional(z.array(DetectedSpan)),
  OutcomesDetected: z.optional(z.array(DetectedSpan)),
  ActionItemsDetected: z.optional(z.array(DetectedSpan)),
});
export type VoiceTurn = z.infer<typeof VoiceTurn>;

const Period = z.object({ BeginOffsetMillis: z.number(), EndOffsetMillis: z.number(), Score: z.number() });

/** A Contact Lens VOICE analysis file (Version `VOICE-…`, or an older file with `Channel: VOICE`). */
export const VoiceAnalysis = z.object({
  ...Common,
  Channel: z.optional(z.literal('VOICE')),
  ConversationCharacteristics: z.optional(
    z.object({
      TotalConversationDurationMillis: z.optional(z.number().check(z.nonnegative())),
      Sentiment: z.optional(
        z.object({
          OverallSentiment: z.optional(RoleNumbers),
          SentimentByPeriod: z.optional(z.object({ QUARTER: z.optional(z.record(Role, z.array(Period))) })),
        }),
      ),
      Interruptions: z.optional(z.object({ TotalCount: z.optional(z.number()), TotalTimeMillis: z.optional(z.number()) })),
      NonTalkTime: z.optional(z.object({ TotalTimeMillis: z.optional(z.number()) })),
      TalkTime: z.optional(z.object({ TotalTimeMillis: z.optional(z.number()), DetailsByParticipant: z.optional(z.record(Role, z.object({ TotalTimeMillis: z.number() }))) })),
      TalkSpeed: z.optional(z.object({ DetailsByParticipant: z.optional(z.record(Role, z.object({ AverageWordsPerMinute: z.number() }))) })),
    }),
  ),
  Transcript: z.array(VoiceTurn).check(z.maxLength(100_000)),
});
export type VoiceAnalysis = z.infer<typeof VoiceAnalysis>;

export const ChatItem = z.object({
  Id: z.string().check(z.minLength(1), z.maxLength(256)),
  Type: z.optional(z.string().check(z.maxLength(64))),
  AbsoluteTime: z.iso.datetime({ offset: true, error: 'an ISO 8601 timestamp, e.g. 2022-10-27T03:31:50.735Z' }),
  Content: z.optional(z.string().check(z.maxLength(100_000))),
  ContentType: z.optional(z.string().check(z.maxLength(256))),
  DisplayName: z.optional(z.string().check(z.maxLength(256))),
  ParticipantId: z.optional(z.string().check(z.maxLength(256))),
  ParticipantRole: z.optional(Role),
});
export type ChatItem = z.infer<typeof ChatItem>;

/** Chat summaries point at transcript items by id (with character offsets). */
const ItemReferences = z.array(z.object({ TranscriptItems: z.optional(z.array(z.object({ Id: z.string() }))) }));

/** A Contact Lens CHAT analysis file (Version `CHAT-…`). */
export const ChatAnalysis = z.object({
  ...Common,
  Channel: z.literal('CHAT'),
  ConversationCharacteristics: z.optional(
    z.object({
      Sentiment: z.optional(
        z.object({
          OverallSentiment: z.optional(z.object({ DetailsByParticipantRole: z.optional(RoleNumbers) })),
          SentimentShift: z.optional(z.object({ DetailsByParticipantRole: z.optional(z.record(Role, z.object({ BeginScore: z.number(), EndScore: z.number() }))) })),
        }),
      ),
      ContactSummary: z.optional(
        z.object({
          SummaryItemsDetected: z.optional(
            z.array(z.object({ IssuesDetected: z.optional(ItemReferences), OutcomesDetected: z.optional(ItemReferences), ActionItemsDetected: z.optional(ItemReferences) })),
          ),
        }),
      ),
      ResponseTime: z.optional(
        z.object({
          AgentGreetingTimeMillis: z.optional(z.number()),
          DetailsByParticipantRole: z.optional(z.record(Role, z.object({ Average: z.optional(z.object({ ValueMillis: z.number() })) }))),
        }),
      ),
    }),
  ),
  Transcript: z.array(ChatItem).check(z.maxLength(100_000)),
});
export type ChatAnalysis = z.infer<typeof ChatAnalysis>;

/** Whether a JSON object looks like a Contact Lens analysis file (then it is validated as one). */
export function isContactLensAnalysis(body: Record<string, unknown>): boolean {
  return 'Transcript' in body && 'Participants' in body && ('JobStatus' in body || 'ConversationCharacteristics' in body);
}

/** VOICE or CHAT: `Channel` when given, else the `Version` prefix (`VOICE-2022-11-30`). */
export function analysisChannel(body: Record<string, unknown>): 'VOICE' | 'CHAT' | string {
  if (typeof body.Channel === 'string') return body.Channel;
  return typeof body.Version === 'string' && body.Version.startsWith('CHAT') ? 'CHAT' : 'VOICE';
}
