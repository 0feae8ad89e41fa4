import { PayloadError, type TenantContext } from '../../core/channels/channel-adapter.js';
import type { CommunicationInput } from '../../core/model/communication-input.js';
import type { Participant } from '../../core/model/participant.js';
import { compact } from '../signing/signed-json-payload.js';
import { formatInZone } from '../telephony/call-time.js';
import { formatTranscript } from '../telephony/call-transcript.js';
import { callThreadId } from '../telephony/normalize-telephony-call.js';
import type { ChatAnalysis, VoiceAnalysis, VoiceTurn } from './contact-lens-analysis.js';
import { CONNECT_CHANNEL, CONNECT_SOURCE_SYSTEM, type ConnectOutcome } from './connect-mapping.js';

/** What the delivery knows beside the file: the voice file carries neither its contact id nor a time. */
export interface ContactLensHints {
  /** The ContactId, when the file has no `CustomerMetadata.ContactId`. */
  readonly contactId?: string;
  /** The S3 key of the file (`…/<ContactId>_analysis_<ConnectedToAgentTimestamp>.json`), URL-encoded or not. */
  readonly objectKey?: string;
  /** When the file was delivered: the record time of last resort for a voice file. */
  readonly receivedAt?: Date;
}

/** The Contact Lens record of a contact: a companion of the contact-event record, in the same thread. */
export const contactLensRecordId = (contactId: string) => `contact-lens:${contactId}`;

/**
 * `<ContactId>_analysis[_redacted]_<ConnectedToAgentTimestamp>.json`: per
 * example-contact-lens-output-locations.html the time in the key is when the agent connected.
 * S3 event notifications URL-encode keys (`:` → `%3A`, space → `+`).
 */
export function parseAnalysisObjectKey(objectKey: string): { contactId: string; connectedToAgentAt: string } | undefined {
  let key = objectKey;
  try {
    key = decodeURIComponent(objectKey.replace(/\+/g, ' '));
  } catch {
    // Not URL-encoded after all (a literal %): read it as it is.
  }
  const match = /(?:^|\/)([^/]+?)_analysis(?:_redacted)?_(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z)\.json$/.exec(key);
  return match?.[1] && match[2] ? { contactId: match[1], connectedToAgentAt: match[2] } : undefined;
}

const ROLES = ['AGENT', 'CUSTOMER', 'SYSTEM'];

/** ParticipantId → role, from the participant list and (redacted chat files) the transcript items. */
function rolesOf(analysis: VoiceAnalysis | ChatAnalysis): (participantId: string | undefined) => string | undefined {
  const roles = new Map<string, string>();
  for (const p of analysis.Participants) if (p.ParticipantRole) roles.set(p.ParticipantId, p.ParticipantRole);
  for (const item of analysis.Transcript) {
    if ('ParticipantRole' in item && item.ParticipantRole && item.ParticipantId) roles.set(item.ParticipantId, item.ParticipantRole);
  }
  // In voice files the participant id IS the role (`AGENT`, `CUSTOMER`).
  return (id) => (id === undefined ? undefined : roles.get(id) ?? (ROLES.includes(id.toUpperCase()) ? id.toUpperCase() : undefined));
}

function spanTexts(turns: readonly VoiceTurn[], pick: (turn: VoiceTurn) => VoiceTurn['IssuesDetected']): string[] {
  return turns.flatMap((turn) =>
    (pick(turn) ?? []).map((span) => span.Text ?? turn.Content.slice(span.CharacterOffsets?.BeginOffsetChar ?? 0, span.CharacterOffsets?.EndOffsetChar)),
  );
}

function baseItem(contactId: string, type: 'phone' | 'webchat', categories: readonly string[]) {
  return {
    sourceSystem: CONNECT_SOURCE_SYSTEM,
    sourceRecordId: contactLensRecordId(contactId),
    type,
    channel: CONNECT_CHANNEL,
    threadId: callThreadId(contactId),
    attachments: [],
    // Tags are ≤ 50 × 100 characters; category names are the rule names the tenant chose.
    tags: categories.slice(0, 50).map((name) => name.slice(0, 100)),
  };
}

function voiceItem(analysis: VoiceAnalysis, contactId: string, hints: ContactLensHints, tenant: TenantContext): CommunicationInput {
  const roleOf = rolesOf(analysis);
  const fromKey = hints.objectKey === undefined ? undefined : parseAnalysisObjectKey(hints.objectKey);
  const start = fromKey ? new Date(fromKey.connectedToAgentAt) : hints.receivedAt;
  if (start === undefined) {
    throw new PayloadError('Contact Lens voice analysis: the file has no timestamps; pass the S3 objectKey (…_analysis_<time>.json) or the delivery time');
  }
  const c = analysis.ConversationCharacteristics;
  const lastEnd = analysis.Transcript.at(-1)?.EndOffsetMillis;
  const categories = analysis.Categories?.MatchedCategories ?? [];
  const talk = c?.TalkTime;
  const content = formatTranscript(
    analysis.Transcript.map((t) => ({ speaker: roleOf(t.ParticipantId) ?? t.ParticipantId, text: t.Content, startSeconds: t.BeginOffsetMillis / 1000 })),
  );
  return compact({
    ...baseItem(contactId, 'phone', categories),
    occurredAt: formatInZone(start, tenant.timezone),
    durationSeconds: (c?.TotalConversationDurationMillis ?? lastEnd ?? 0) / 1000,
    content: content === '' ? undefined : content,
    participants: [],
    metadata: {
      contactLens: compact({
        contactId,
        version: analysis.Version,
        channel: 'VOICE',
        languageCode: analysis.LanguageCode,
        redacted: analysis.ContentMetadata?.Output === 'Redacted',
        occurredAtSource: fromKey ? 'objectKey' : 'delivery',
        overallSentiment: c?.Sentiment?.OverallSentiment,
        sentimentByPeriod: c?.Sentiment?.SentimentByPeriod,
        categories,
        issues: spanTexts(analysis.Transcript, (t) => t.IssuesDetected),
        outcomes: spanTexts(analysis.Transcript, (t) => t.OutcomesDetected),
        actionItems: spanTexts(analysis.Transcript, (t) => t.ActionItemsDetected),
        totalConversationMillis: c?.TotalConversationDurationMillis,
        talkTimeMillis: talk
          ? { total: talk.TotalTimeMillis, ...Object.fromEntries(Object.entries(talk.DetailsByParticipant ?? {}).map(([r, d]) => [r, d.TotalTimeMillis])) }
          : undefined,
        nonTalkTimeMillis: c?.NonTalkTime?.TotalTimeMillis,
        interruptions: c?.Interruptions ? compact({ count: c.Interruptions.TotalCount, totalTimeMillis: c.Interruptions.TotalTimeMillis }) : undefined,
        wordsPerMinute: c?.TalkSpeed?.DetailsByParticipant
          ? Object.fromEntries(Object.entries(c.TalkSpeed.DetailsByParticipant).map(([r, d]) => [r, d.AverageWordsPerMinute]))
          : undefined,
      }),
    },
  });
}

function chatItem(analysis: ChatAnalysis, contactId: string, tenant: TenantContext): CommunicationInput {
  const roleOf = rolesOf(analysis);
  const first = analysis.Transcript[0];
  const last = analysis.Transcript.at(-1);
  if (first === undefined || last === undefined) throw new PayloadError('Contact Lens chat analysis: Transcript is empty, so the chat has no time');
  const startMs = Date.parse(first.AbsoluteTime);
  const byId = new Map(analysis.Transcript.map((item) => [item.Id, item]));
  const c = analysis.ConversationCharacteristics;
  const summary = c?.ContactSummary?.SummaryItemsDetected ?? [];
  // The doc sample's CharacterOffsets do not line up with its own messages (they cut words in half),
  // so a detected issue is reported as the whole message it points at.
  const referenced = (pick: (s: (typeof summary)[number]) => { TranscriptItems?: { Id: string }[] | undefined }[] | undefined) =>
    summary.flatMap((s) => (pick(s) ?? []).flatMap((ref) => (ref.TranscriptItems ?? []).map((t) => byId.get(t.Id)?.Content).filter((x): x is string => !!x)));
  const firstSpeaker = analysis.Transcript.map((item) => roleOf(item.ParticipantId)).find((role) => role === 'AGENT' || role === 'CUSTOMER');
  const participants: Participant[] = analysis.Participants.flatMap((p): Participant[] => {
    const role = roleOf(p.ParticipantId);
    const name = p.DisplayName && p.DisplayName !== '[PII]' ? p.DisplayName : undefined;
    if (name === undefined) return [];
    if (role === 'AGENT') return [{ name, role: 'agent', internal: true }];
    return role === 'CUSTOMER' ? [{ name, role: 'customer' }] : [];
  });
  const categories = analysis.Categories?.MatchedCategories ?? [];
  const content = formatTranscript(
    analysis.Transcript.filter((item) => item.Content !== undefined).map((item) => ({
      speaker: roleOf(item.ParticipantId) ?? item.DisplayName ?? item.ParticipantId ?? 'SYSTEM',
      text: item.Content ?? '',
      startSeconds: (Date.parse(item.AbsoluteTime) - startMs) / 1000,
    })),
  );
  const response = c?.ResponseTime;
  return compact({
    ...baseItem(contactId, 'webchat', categories),
    occurredAt: formatInZone(new Date(startMs), tenant.timezone),
    endedAt: formatInZone(new Date(last.AbsoluteTime), tenant.timezone),
    durationSeconds: Math.max(0, (Date.parse(last.AbsoluteTime) - startMs) / 1000),
    // Who opened the chat: a customer who joins first started it.
    direction: firstSpeaker === undefined ? undefined : firstSpeaker === 'CUSTOMER' ? ('inbound' as const) : ('outbound' as const),
    content: content === '' ? undefined : content,
    participants,
    metadata: {
      contactLens: compact({
        contactId,
        version: analysis.Version,
        channel: 'CHAT',
        languageCode: analysis.LanguageCode,
        redacted: analysis.ContentMetadata?.Output === 'Redacted',
        overallSentiment: c?.Sentiment?.OverallSentiment?.DetailsByParticipantRole,
        sentimentShift: c?.Sentiment?.SentimentShift?.DetailsByParticipantRole,
        categories,
        issues: referenced((s) => s.IssuesDetected),
        outcomes: referenced((s) => s.OutcomesDetected),
        actionItems: referenced((s) => s.ActionItemsDetected),
        responseTime: response
          ? compact({
              agentGreetingMillis: response.AgentGreetingTimeMillis,
              averageMillis: Object.fromEntries(Object.entries(response.DetailsByParticipantRole ?? {}).map(([r, d]) => [r, d.Average?.ValueMillis])),
            })
          : undefined,
      }),
    },
  });
}

/**
 * Maps a Contact Lens post-call analysis file to a companion record `contact-lens:<ContactId>` in
 * thread `call:<ContactId>`: the speaker-labelled transcript (客服 / 客户, with offsets), matched
 * categories as tags, and sentiment, issues and talk-time figures under `metadata.contactLens`.
 */
export function normalizeContactLensAnalysis(
  analysis: { kind: 'VOICE'; file: VoiceAnalysis } | { kind: 'CHAT'; file: ChatAnalysis },
  tenant: TenantContext,
  hints: ContactLensHints = {},
): ConnectOutcome {
  const file = analysis.file;
  const contactId = file.CustomerMetadata?.ContactId ?? hints.contactId ?? (hints.objectKey ? parseAnalysisObjectKey(hints.objectKey)?.contactId : undefined);
  if (contactId === undefined) {
    throw new PayloadError(
      'Contact Lens analysis: no contact id — the file has no CustomerMetadata.ContactId; pass ?contactId=<ContactId> or ?objectKey=<…/<ContactId>_analysis_<time>.json>',
    );
  }
  if (file.JobStatus !== 'COMPLETED') return { kind: 'ignore', reason: `Contact Lens analysis of contact ${contactId} is ${file.JobStatus}, not COMPLETED` };
  const item = analysis.kind === 'VOICE' ? voiceItem(analysis.file, contactId, hints, tenant) : chatItem(analysis.file, contactId, tenant);
  return { kind: 'ingest', items: [item] };
}
