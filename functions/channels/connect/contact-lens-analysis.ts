import * as z from 'zod';

/**
 * Contact Lens post-call analysis output files, as stored in the instance bucket under
 * `Analysis/Voice|Chat/…/<ContactId>_analysis_<ConnectedToAgentTimestamp>.json`
 * (https://docs.aws.amazon.com/connect/latest/adminguide/contact-lens-example-output-files.html and
 * example-contact-lens-output-locations.html). Only what a record uses is read; other keys pass.
 */

const Role = z.string().max(64);
const Offsets = z.object({ BeginOffsetChar: z.number().int().nonnegative(), EndOffsetChar: z.number().int().nonnegative() });
/** A voice turn's IssuesDetected / OutcomesDetected / ActionItemsDetected entry. */
const DetectedSpan = z.object({ CharacterOffsets: Offsets.optional(), Text: z.string().max(20_000).optional() });
const RoleNumbers = z.record(Role, z.number());

const Common = {
  Version: z.string().max(64),
  AccountId: z.string().max(64).optional(),
  JobStatus: z.string().max(32),
  LanguageCode: z.string().max(32).optional(),
  ContentMetadata: z.object({ Output: z.string().max(32).optional(), RedactionTypes: z.array(z.string()).optional() }).optional(),
  /** Present in the chat sample; the voice sample has no contact id at all (it is in the S3 key). */
  CustomerMetadata: z
    .object({ ContactId: z.string().min(1).max(256).optional(), InstanceId: z.string().max(256).optional(), InputS3Uri: z.string().optional() })
    .optional(),
  /** Redacted chat files drop `ParticipantRole` here; the transcript items still carry it. */
  Participants: z
    .array(z.object({ ParticipantId: z.string().min(1).max(256), ParticipantRole: Role.optional(), DisplayName: z.string().max(256).optional() }))
    .max(100),
  Categories: z
    .object({ MatchedCategories: z.array(z.string().max(256)).max(1000), MatchedDetails: z.record(z.string(), z.unknown()).optional() })
    .optional(),
};

export const VoiceTurn = z.object({
  Id: z.string().max(256).optional(),
  ParticipantId: z.string().min(1).max(256),
  Content: z.string().max(100_000),
  BeginOffsetMillis: z.number().nonnegative(),
  EndOffsetMillis: z.number().nonnegative(),
  Sentiment: z.string().max(32).optional(),
  IssuesDetected: z.array(DetectedSpan).optional(),
  OutcomesDetected: z.array(DetectedSpan).optional(),
  ActionItemsDetected: z.array(DetectedSpan).optional(),
});
export type VoiceTurn = z.infer<typeof VoiceTurn>;

const Period = z.object({ BeginOffsetMillis: z.number(), EndOffsetMillis: z.number(), Score: z.number() });

/** A Contact Lens VOICE analysis file (Version `VOICE-…`, or an older file with `Channel: VOICE`). */
export const VoiceAnalysis = z.object({
  ...Common,
  Channel: z.literal('VOICE').optional(),
  ConversationCharacteristics: z
    .object({
      TotalConversationDurationMillis: z.number().nonnegative().optional(),
      Sentiment: z
        .object({
          OverallSentiment: RoleNumbers.optional(),
          SentimentByPeriod: z.object({ QUARTER: z.record(Role, z.array(Period)).optional() }).optional(),
        })
        .optional(),
      Interruptions: z.object({ TotalCount: z.number().optional(), TotalTimeMillis: z.number().optional() }).optional(),
      NonTalkTime: z.object({ TotalTimeMillis: z.number().optional() }).optional(),
      TalkTime: z
        .object({ TotalTimeMillis: z.number().optional(), DetailsByParticipant: z.record(Role, z.object({ TotalTimeMillis: z.number() })).optional() })
        .optional(),
      TalkSpeed: z.object({ DetailsByParticipant: z.record(Role, z.object({ AverageWordsPerMinute: z.number() })).optional() }).optional(),
    })
    .optional(),
  Transcript: z.array(VoiceTurn).max(100_000),
});
export type VoiceAnalysis = z.infer<typeof VoiceAnalysis>;

export const ChatItem = z.object({
  Id: z.string().min(1).max(256),
  Type: z.string().max(64).optional(),
  AbsoluteTime: z.iso.datetime({ offset: true, error: 'an ISO 8601 timestamp, e.g. 2022-10-27T03:31:50.735Z' }),
  Content: z.string().max(100_000).optional(),
  ContentType: z.string().max(256).optional(),
  DisplayName: z.string().max(256).optional(),
  ParticipantId: z.string().max(256).optional(),
  ParticipantRole: Role.optional(),
});
export type ChatItem = z.infer<typeof ChatItem>;

/** Chat summaries point at transcript items by id (with character offsets). */
const ItemReferences = z.array(z.object({ TranscriptItems: z.array(z.object({ Id: z.string() })).optional() }));

/** A Contact Lens CHAT analysis file (Version `CHAT-…`). */
export const ChatAnalysis = z.object({
  ...Common,
  Channel: z.literal('CHAT'),
  ConversationCharacteristics: z
    .object({
      Sentiment: z
        .object({
          OverallSentiment: z.object({ DetailsByParticipantRole: RoleNumbers.optional() }).optional(),
          SentimentShift: z
            .object({ DetailsByParticipantRole: z.record(Role, z.object({ BeginScore: z.number(), EndScore: z.number() })).optional() })
            .optional(),
        })
        .optional(),
      ContactSummary: z
        .object({
          SummaryItemsDetected: z
            .array(z.object({ IssuesDetected: ItemReferences.optional(), OutcomesDetected: ItemReferences.optional(), ActionItemsDetected: ItemReferences.optional() }))
            .optional(),
        })
        .optional(),
      ResponseTime: z
        .object({
          AgentGreetingTimeMillis: z.number().optional(),
          DetailsByParticipantRole: z.record(Role, z.object({ Average: z.object({ ValueMillis: z.number() }).optional() })).optional(),
        })
        .optional(),
    })
    .optional(),
  Transcript: z.array(ChatItem).max(100_000),
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
