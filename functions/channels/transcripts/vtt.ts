import { PayloadError } from '../../core/channels/channel-adapter.js';

/** One timed utterance of a transcript. Times are seconds from the start of the recording. */
export interface TranscriptCue {
  readonly start: number;
  readonly end: number;
  readonly speaker?: string;
  readonly text: string;
}

/** A WebVTT file that cannot be read; `line` is 1-based, counted after the BOM and in any line-ending style. */
export class WebVttSyntaxError extends PayloadError {
  constructor(
    readonly line: number,
    problem: string,
  ) {
    super(`WebVTT line ${line}: ${problem}`);
  }
}

// Hours are optional (`mm:ss.ttt`) and Teams writes unpadded parts (`0:0:5.320`), so every part is
// `\d+`; a comma decimal separator is accepted because SRT-converted files carry one.
const TIMESTAMP = /^(?:(\d+):)?(\d+):(\d+)(?:[.,](\d+))?$/;
const TIMING = /^(\S+)[ \t]+-->[ \t]+(\S+)(?:[ \t].*)?$/;
// Zoom's transcript cues read `Speaker Name: text` (Zoom support, "Using audio transcription for cloud
// recordings"); a prefix holding sentence punctuation is text, not a name.
const SPEAKER_PREFIX = /^([^:：?!。？！,，<>]{1,64}?)\s*(?::\s+|：\s*)(\S.*)$/;
const VOICE_TAG = /<v(?:\.[^\s>]*)?[ \t]+([^>]+)>/;
const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', nbsp: ' ', lrm: '', rlm: '', quot: '"', apos: "'" };

function toSeconds(raw: string, line: number): number {
  const match = TIMESTAMP.exec(raw);
  if (!match) throw new WebVttSyntaxError(line, `"${raw.slice(0, 40)}" is not a timestamp (hh:mm:ss.ttt)`);
  const [, hours = '0', minutes = '0', seconds = '0', fraction = ''] = match;
  if (Number(minutes) > 59 || Number(seconds) > 59) throw new WebVttSyntaxError(line, `"${raw}" has minutes or seconds above 59`);
  return Number(hours) * 3600 + Number(minutes) * 60 + Number(seconds) + (fraction === '' ? 0 : Number(`0.${fraction}`));
}

const decodeEntities = (text: string) =>
  text.replace(/&(amp|lt|gt|nbsp|lrm|rlm|quot|apos);/g, (_, name: string) => ENTITIES[name] ?? '');

/**
 * Teams `metadataContent` cues carry a JSON object instead of text
 * (learn.microsoft.com/graph/api/calltranscript-get, "Get a callTranscript metadataContent").
 */
function teamsMetadataCue(payload: string): { speaker?: string; text: string } | undefined {
  if (!payload.startsWith('{') || !payload.endsWith('}')) return undefined;
  try {
    const parsed: unknown = JSON.parse(payload);
    if (typeof parsed !== 'object' || parsed === null) return undefined;
    const { speakerName, spokenText } = parsed as Record<string, unknown>;
    if (typeof spokenText !== 'string') return undefined;
    return { ...(typeof speakerName === 'string' && speakerName.trim() ? { speaker: speakerName.trim() } : {}), text: spokenText.trim() };
  } catch {
    return undefined;
  }
}

/** Speaker and plain text of a cue payload: `<v Name>` voice span, Teams JSON, or a `Name: ` prefix. */
function readPayload(lines: readonly string[]): { speaker?: string; text: string } {
  const raw = lines.join('\n').trim();
  const metadata = teamsMetadataCue(raw);
  if (metadata) return metadata;
  const voice = VOICE_TAG.exec(raw)?.[1]?.trim();
  const text = decodeEntities(raw.replace(/<[^>]*>/g, ''))
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .join(' ');
  if (voice) return { speaker: decodeEntities(voice), text };
  const prefixed = SPEAKER_PREFIX.exec(text);
  if (prefixed?.[1] && prefixed[2] && !/^https?$/i.test(prefixed[1])) return { speaker: prefixed[1].trim(), text: prefixed[2].trim() };
  return { text };
}

/**
 * Parses a WebVTT transcript (W3C WebVTT; the Zoom and Microsoft Teams flavours): BOM and CRLF
 * tolerated, cue identifiers optional, `NOTE`/`STYLE`/`REGION` blocks skipped, multi-line cues joined
 * with spaces, inline tags removed. Cues whose text is empty are dropped.
 *
 * @throws WebVttSyntaxError (a `PayloadError`) naming the line of the first problem.
 * @example parseWebVtt('WEBVTT\n\n00:01.000 --> 00:02.500\n<v 张三>你好</v>')
 * // [{ start: 1, end: 2.5, speaker: '张三', text: '你好' }]
 */
export function parseWebVtt(input: string | Buffer): TranscriptCue[] {
  const text = (typeof input === 'string' ? input : input.toString('utf8')).replace(/^\uFEFF/, '');
  const lines = text.split(/\r\n|\r|\n/);
  if (!/^WEBVTT(?:[ \t].*)?$/.test(lines[0] ?? '')) throw new WebVttSyntaxError(1, 'a WebVTT file starts with "WEBVTT"');

  const cues: TranscriptCue[] = [];
  let index = 1;
  // The header runs to the first blank line.
  while (index < lines.length && (lines[index] ?? '').trim() !== '') index += 1;
  while (index < lines.length) {
    while (index < lines.length && (lines[index] ?? '').trim() === '') index += 1;
    if (index >= lines.length) break;
    const block: { text: string; line: number }[] = [];
    while (index < lines.length && (lines[index] ?? '').trim() !== '') {
      block.push({ text: lines[index] ?? '', line: index + 1 });
      index += 1;
    }
    const first = block[0];
    if (!first || /^(NOTE|STYLE|REGION)(?:[ \t]|$)/.test(first.text)) continue;
    const timingAt = first.text.includes('-->') ? 0 : 1;
    const timing = block[timingAt];
    if (!timing || !timing.text.includes('-->')) {
      throw new WebVttSyntaxError(timing?.line ?? first.line + 1, 'expected a cue timing line "start --> end" after the cue identifier');
    }
    const parts = TIMING.exec(timing.text.trim());
    if (!parts?.[1] || !parts[2]) throw new WebVttSyntaxError(timing.line, 'a cue timing reads "start --> end"');
    const start = toSeconds(parts[1], timing.line);
    const end = toSeconds(parts[2], timing.line);
    if (end < start) throw new WebVttSyntaxError(timing.line, 'the cue ends before it starts');
    const payload = readPayload(block.slice(timingAt + 1).map((l) => l.text));
    if (payload.text !== '') cues.push({ start, end, ...payload });
  }
  return cues;
}

/** `3725.4` → `01:02:05`: whole seconds, hours never dropped (the rendered transcript sorts as text). */
export function formatClock(seconds: number): string {
  const whole = Math.max(0, Math.floor(seconds));
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(Math.floor(whole / 3600))}:${pad(Math.floor((whole % 3600) / 60))}:${pad(whole % 60)}`;
}

/**
 * Renders cues as the speaker-labelled transcript stored as a record's `content`: one line per turn,
 * consecutive cues of the same speaker merged into one turn stamped with its first cue's start.
 *
 * @example renderTranscript([{ start: 62, end: 64, speaker: '张三', text: '你好' }, { start: 64, end: 65, speaker: '张三', text: '开始吧' }])
 * // '[00:01:02] 张三: 你好 开始吧'
 */
export function renderTranscript(cues: readonly TranscriptCue[]): string {
  const turns: { start: number; speaker?: string; texts: string[] }[] = [];
  for (const cue of cues) {
    const last = turns.at(-1);
    if (last && last.speaker === cue.speaker) last.texts.push(cue.text);
    else turns.push({ start: cue.start, ...(cue.speaker === undefined ? {} : { speaker: cue.speaker }), texts: [cue.text] });
  }
  return turns
    .map((turn) => `[${formatClock(turn.start)}] ${turn.speaker === undefined ? '' : `${turn.speaker}: `}${turn.texts.join(' ')}`)
    .join('\n');
}
