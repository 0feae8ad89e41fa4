import * as z from '../../core/zod.js';
import { PayloadError } from '../../core/channels/channel-adapter.js';
import { formatClock } from './vtt.js';

/** What one speaker said without interruption; times are seconds from the start of the recording. */
export interface SpeakerTurn {
  readonly speaker: string;
  readonly startSeconds: number;
  readonly endSeconds: number;
  readonly text: string;
}

export interface ParsedTranscript {
  readonly turns: readonly SpeakerTurn[];
  /** The whole transcript: Transcribe's own `transcripts` text when present, else the turns, one a line. */
  readonly text: string;
  readonly languageCode?: string;
  readonly jobName?: string;
  /** Transcribe PII redaction put `[PII]` in the text. */
  readonly redacted: boolean;
}

export interface TranscribeOutputOptions {
  /**
   * Display names by Transcribe label (`{ ch_0: 'Agent', ch_1: 'Customer' }`; `spk_0`, `AGENT` work too).
   * @default `spk_0` → `Speaker 1`, `ch_0` → `Channel 1`, `AGENT` → `Agent`, `CUSTOMER` → `Customer`
   */
  readonly channelNames?: Readonly<Record<string, string>>;
}

/**
 * A Transcribe output the hub cannot read; the message names what is missing or malformed. A
 * `PayloadError` (HTTP 400, and the same error name for Step Functions): test with `instanceof`.
 */
export class TranscribeOutputError extends PayloadError {
  constructor(problem: string, options?: ErrorOptions) {
    super(`Transcribe output: ${problem}`, options);
  }
}

// Transcribe writes times as decimal strings ("4.87"); Call Analytics and PCA as numbers.
const Seconds = z.coerce.number().check(z.nonnegative());

// Batch output (Transcribe developer guide, "Data input and output"; diarization-output-batch and
// channel-id-output-batch examples). Punctuation items carry no times.
const BatchItem = z.object({
  type: z.optional(z.string()),
  start_time: z.optional(Seconds),
  end_time: z.optional(Seconds),
  speaker_label: z.optional(z.string()),
  channel_label: z.optional(z.string()),
  alternatives: z.array(z.object({ content: z.string() })).check(z.minLength(1)),
});
type BatchItem = z.infer<typeof BatchItem>;

const BatchOutput = z.object({
  jobName: z.optional(z.string()),
  results: z.object({
    transcripts: z._default(z.array(z.object({ transcript: z.string() })), []),
    items: z._default(z.array(BatchItem), []),
    language_code: z.optional(z.string()),
    // Older outputs put the speaker only here, keyed by the item's start time.
    speaker_labels: z.optional(
      z.object({ segments: z._default(z.array(z.object({ items: z._default(z.array(z.object({ start_time: Seconds, speaker_label: z.string() })), []) })), []) }),
    ),
    channel_labels: z.optional(z.object({ channels: z._default(z.array(z.object({ channel_label: z.string(), items: z._default(z.array(BatchItem), []) })), []) })),
    // Newer outputs also group items into segments with their own transcript text.
    audio_segments: z.optional(
      z.array(z.object({ transcript: z.string(), start_time: Seconds, end_time: Seconds, speaker_label: z.optional(z.string()), channel_label: z.optional(z.string()) })),
    ),
  }),
});

// Transcribe Call Analytics post-call output (developer guide, tca-output-batch).
const CallAnalyticsOutput = z.object({
  JobName: z.optional(z.string()),
  LanguageCode: z.optional(z.string()),
  Transcript: z.array(z.object({ ParticipantRole: z.string(), Content: z.string(), BeginOffsetMillis: Seconds, EndOffsetMillis: Seconds })),
});

// The Post Call Analytics solution's parsed file (aws-samples/amazon-transcribe-post-call-analytics).
const PcaOutput = z.object({
  ConversationAnalytics: z.object({
    LanguageCode: z.optional(z.string()),
    SpeakerLabels: z._default(z.array(z.object({ Speaker: z.string(), DisplayText: z.string() })), []),
    SourceInformation: z._default(z.array(z.object({ TranscribeJobInfo: z.optional(z.object({ TranscriptionJobName: z.optional(z.string()) })) })), []),
  }),
  SpeechSegments: z.array(z.object({ SegmentSpeaker: z.string(), SegmentStartTime: Seconds, SegmentEndTime: Seconds, DisplayText: z.string() })),
});

/** One timed piece of speech before turns are formed: a word, or a whole utterance. */
interface Utterance {
  readonly label?: string;
  readonly start: number;
  readonly end: number;
  text: string;
}

// Chinese and Japanese are written without spaces between words (Transcribe returns one item per word).
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u3000-\u303f\uff00-\uffef]/u;

function joinWords(left: string, right: string): string {
  if (left === '') return right;
  const tight = CJK.test(left.at(-1) ?? '') || CJK.test(right.at(0) ?? '');
  return tight ? left + right : `${left} ${right}`;
}

const DEFAULT_ROLES: Readonly<Record<string, string>> = { AGENT: 'Agent', CUSTOMER: 'Customer' };

function speakerName(label: string | undefined, names: Readonly<Record<string, string>>): string {
  if (label === undefined) return 'Speaker';
  const given = names[label] ?? DEFAULT_ROLES[label];
  if (given) return given;
  const numbered = /^(spk|ch)_(\d+)$/.exec(label);
  if (!numbered) return label;
  return `${numbered[1] === 'spk' ? 'Speaker' : 'Channel'} ${Number(numbered[2]) + 1}`;
}

/** Consecutive utterances of one speaker become one turn. */
function toTurns(utterances: readonly Utterance[], names: Readonly<Record<string, string>>): SpeakerTurn[] {
  const turns: { speaker: string; startSeconds: number; endSeconds: number; text: string }[] = [];
  for (const utterance of utterances) {
    const speaker = speakerName(utterance.label, names);
    const last = turns.at(-1);
    if (last?.speaker === speaker) {
      last.text = joinWords(last.text, utterance.text);
      last.endSeconds = Math.max(last.endSeconds, utterance.end);
    } else {
      turns.push({ speaker, startSeconds: utterance.start, endSeconds: utterance.end, text: utterance.text });
    }
  }
  return turns;
}

/** Words of a batch output in time order; punctuation is glued to the word before it of the same speaker. */
function batchUtterances(results: z.infer<typeof BatchOutput>['results']): Utterance[] {
  const speakerAt = new Map<number, string>();
  for (const segment of results.speaker_labels?.segments ?? []) for (const item of segment.items) speakerAt.set(item.start_time, item.speaker_label);
  const items: BatchItem[] =
    results.items.length > 0
      ? results.items
      : (results.channel_labels?.channels.flatMap((channel) => channel.items.map((item) => ({ ...item, channel_label: item.channel_label ?? channel.channel_label }))) ?? []);
  if (items.length === 0) {
    return (results.audio_segments ?? []).map((s) => ({ label: s.speaker_label ?? s.channel_label, start: s.start_time, end: s.end_time, text: s.transcript }));
  }
  const words: Utterance[] = [];
  const lastWordOf = new Map<string | undefined, Utterance>();
  for (const item of items) {
    const content = item.alternatives[0]?.content ?? '';
    const label = item.speaker_label ?? item.channel_label ?? (item.start_time === undefined ? undefined : speakerAt.get(item.start_time));
    const previous = lastWordOf.get(label) ?? words.at(-1);
    if ((item.type === 'punctuation' || item.start_time === undefined) && previous) {
      previous.text += content;
      continue;
    }
    const start = item.start_time ?? previous?.end ?? 0;
    const word: Utterance = { label, start, end: item.end_time ?? start, text: content };
    words.push(word);
    lastWordOf.set(label, word);
  }
  // With channel identification each channel is transcribed on its own; the merge is by time.
  return words.sort((a, b) => a.start - b.start);
}

function parsed<Schema extends z.ZodMiniType>(schema: Schema, json: object, format: string): z.output<Schema> {
  const result = schema.safeParse(json);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  throw new TranscribeOutputError(`${format}: ${issue?.path.join('.') || '(root)'}: ${issue?.message ?? 'invalid'}`, { cause: result.error });
}

function readJson(input: string | Buffer): unknown {
  try {
    return JSON.parse(typeof input === 'string' ? input : input.toString('utf8'));
  } catch (error) {
    // AWS writes valid JSON; documentation copies with raw line breaks or "..." elisions are refused.
    throw new TranscribeOutputError(`not valid JSON (${(error as Error).message})`, { cause: error });
  }
}

function transcriptOf(turns: readonly SpeakerTurn[], text: string, meta: { languageCode?: string; jobName?: string }): ParsedTranscript {
  const whole = text.trim() === '' ? turns.map((turn) => turn.text).join('\n') : text;
  return {
    turns,
    text: whole,
    ...(meta.languageCode ? { languageCode: meta.languageCode } : {}),
    ...(meta.jobName ? { jobName: meta.jobName } : {}),
    redacted: whole.includes('[PII]') || turns.some((turn) => turn.text.includes('[PII]')),
  };
}

/**
 * Reads what Amazon Transcribe wrote for a recording into speaker turns: a standard batch job
 * (`results.items` with `speaker_label` or `channel_label`; `spk_0` → `Speaker 1`, `ch_0` → `Channel 1`),
 * Transcribe Call Analytics (`Transcript` turns, `AGENT` → `Agent`, `CUSTOMER` → `Customer`) or the
 * Post Call Analytics solution's parsed file (`SpeechSegments`). Without speaker information the whole
 * transcript is one `Speaker` turn. Words are joined with spaces except next to Chinese or Japanese
 * characters. Accepts the parsed JSON, or its text.
 *
 * @throws TranscribeOutputError (a `PayloadError`) naming what is missing or malformed.
 * @example parseTranscribeOutput(JSON.parse(outputJson), { channelNames: { ch_0: 'Agent', ch_1: 'Customer' } }).turns[0]
 * // { speaker: 'Agent', startSeconds: 4.86, endSeconds: 6.87, text: "I've been on hold for an hour." }
 */
export function parseTranscribeOutput(json: unknown, options: TranscribeOutputOptions = {}): ParsedTranscript {
  const input = typeof json === 'string' || Buffer.isBuffer(json) ? readJson(json) : json;
  if (typeof input !== 'object' || input === null || Array.isArray(input)) throw new TranscribeOutputError('expected a JSON object');
  const names = options.channelNames ?? {};
  if ('results' in input) {
    const { jobName, results } = parsed(BatchOutput, input, 'batch output');
    const text = results.transcripts.map((t) => t.transcript).join('\n');
    const utterances = batchUtterances(results);
    const turns = utterances.length > 0 ? toTurns(utterances, names) : text.trim() ? [{ speaker: 'Speaker', startSeconds: 0, endSeconds: 0, text }] : [];
    return transcriptOf(turns, text, { languageCode: results.language_code, jobName });
  }
  if ('Transcript' in input) {
    const output = parsed(CallAnalyticsOutput, input, 'Call Analytics output');
    const utterances = output.Transcript.map((t) => ({ label: t.ParticipantRole, start: t.BeginOffsetMillis / 1000, end: t.EndOffsetMillis / 1000, text: t.Content }));
    return transcriptOf(toTurns(utterances, names), '', { languageCode: output.LanguageCode, jobName: output.JobName });
  }
  if ('SpeechSegments' in input) {
    const { ConversationAnalytics: analytics, SpeechSegments: segments } = parsed(PcaOutput, input, 'Post Call Analytics output');
    const labelled = Object.fromEntries(analytics.SpeakerLabels.map((label) => [label.Speaker, label.DisplayText]));
    const utterances = segments.map((s) => ({ label: s.SegmentSpeaker, start: s.SegmentStartTime, end: s.SegmentEndTime, text: s.DisplayText }));
    const jobName = analytics.SourceInformation.find((source) => source.TranscribeJobInfo?.TranscriptionJobName)?.TranscribeJobInfo?.TranscriptionJobName;
    return transcriptOf(toTurns(utterances, { ...labelled, ...names }), '', { languageCode: analytics.LanguageCode, jobName });
  }
  throw new TranscribeOutputError('found none of results (batch job), Transcript (Call Analytics) or SpeechSegments (Post Call Analytics)');
}

/**
 * One line per turn, stamped with its start: the transcript stored as a media record's content.
 * @example renderSpeakerTranscript([{ speaker: 'Speaker 1', startSeconds: 4.87, endSeconds: 6.88, text: "I've been on hold for an hour." }])
 * // "[00:00:04] Speaker 1: I've been on hold for an hour."
 */
export function renderSpeakerTranscript(turns: readonly SpeakerTurn[]): string {
  return turns.map((turn) => `[${formatClock(turn.startSeconds)}] ${turn.speaker}: ${turn.text}`).join('\n');
}
