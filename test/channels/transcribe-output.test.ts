import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PayloadError } from '../../functions/core/channels/channel-adapter.js';
import {
  TranscribeOutputError,
  parseTranscribeOutput,
  renderSpeakerTranscript,
} from '../../functions/channels/transcripts/transcribe-output.js';

const fixtureText = (name: string) => readFileSync(new URL(`../../../shared/fixtures/transcribe/${name}`, import.meta.url), 'utf8');
const fixtureJson = (name: string): Record<string, unknown> => JSON.parse(fixtureText(name)) as Record<string, unknown>;

function errorOf(run: () => unknown): TranscribeOutputError {
  try {
    run();
  } catch (error) {
    if (error instanceof TranscribeOutputError) return error;
    throw error;
  }
  throw new Error('expected a TranscribeOutputError');
}

const word = (content: string, start: number, extra: Record<string, string> = {}) => ({
  type: 'pronunciation',
  start_time: String(start),
  end_time: String(start + 0.3),
  alternatives: [{ confidence: '0.99', content }],
  ...extra,
});
const mark = (content: string, extra: Record<string, string> = {}) => ({ type: 'punctuation', alternatives: [{ confidence: '0.0', content }], ...extra });

describe('parseTranscribeOutput — batch jobs (AWS documentation examples)', () => {
  it('turns speaker labels into alternating turns with punctuation glued to the word', () => {
    // Prepare
    const output = fixtureJson('transcribe-batch-speaker-labels.docs.json');

    // Act
    const parsed = parseTranscribeOutput(output);

    // Assess
    expect(parsed.turns).toEqual([
      { speaker: 'Speaker 1', startSeconds: 4.87, endSeconds: 6.88, text: "I've been on hold for an hour." },
      { speaker: 'Speaker 2', startSeconds: 8.49, endSeconds: 9.24, text: 'Sorry about that.' },
    ]);
    expect(parsed).toMatchObject({ jobName: 'my-first-transcription-job', text: "I've been on hold for an hour. Sorry about that.", redacted: false });
    expect(renderSpeakerTranscript(parsed.turns)).toBe("[00:00:04] Speaker 1: I've been on hold for an hour.\n[00:00:08] Speaker 2: Sorry about that.");
  });

  it('finds the speaker in speaker_labels.segments when items do not carry it (older outputs)', () => {
    // Prepare
    const output = fixtureJson('transcribe-batch-speaker-labels.docs.json');
    const results = output.results as { items: Record<string, unknown>[] };
    for (const item of results.items) if (item.type === 'pronunciation') delete item.speaker_label;

    // Act
    const parsed = parseTranscribeOutput(output);

    // Assess
    expect(parsed.turns.map((turn) => [turn.speaker, turn.text])).toEqual([
      ['Speaker 1', "I've been on hold for an hour."],
      ['Speaker 2', 'Sorry about that.'],
    ]);
  });

  it('turns channel identification into two channels, named by the caller when asked', () => {
    // Prepare
    const output = fixtureJson('transcribe-batch-channel-identification.docs.json');

    // Act
    const byChannel = parseTranscribeOutput(output);
    const byRole = parseTranscribeOutput(output, { channelNames: { ch_0: 'Customer', ch_1: 'Agent' } });

    // Assess
    expect(byChannel.turns).toEqual([
      { speaker: 'Channel 1', startSeconds: 4.86, endSeconds: 6.87, text: "I've been on hold for an hour." },
      { speaker: 'Channel 2', startSeconds: 8.5, endSeconds: 9.25, text: 'Sorry about that.' },
    ]);
    expect(byRole.turns.map((turn) => turn.speaker)).toEqual(['Customer', 'Agent']);
  });

  it('merges channels by time when the items come channel by channel', () => {
    // Prepare: ch_0 speaks at 1 s and 5 s, ch_1 at 3 s, but all ch_0 items are listed first.
    const output = {
      results: {
        transcripts: [{ transcript: 'Hello. Hi there. Bye.' }],
        items: [
          word('Hello', 1, { channel_label: 'ch_0' }),
          mark('.', { channel_label: 'ch_0' }),
          word('Bye', 5, { channel_label: 'ch_0' }),
          mark('.', { channel_label: 'ch_0' }),
          word('Hi', 3, { channel_label: 'ch_1' }),
          word('there', 3.4, { channel_label: 'ch_1' }),
          mark('.', { channel_label: 'ch_1' }),
        ],
      },
    };

    // Act
    const { turns } = parseTranscribeOutput(output);

    // Assess
    expect(turns.map((turn) => `${turn.speaker}: ${turn.text}`)).toEqual(['Channel 1: Hello.', 'Channel 2: Hi there.', 'Channel 1: Bye.']);
  });

  it('joins Chinese words without spaces, and keeps the space between Latin words', () => {
    // Prepare: zh-CN items are one word each, punctuation separate (as Transcribe returns them).
    const output = {
      jobName: 'zh-call',
      results: {
        language_code: 'zh-CN',
        transcripts: [{ transcript: '您好，请问有什么可以帮您？我的iPhone 15坏了。' }],
        items: [
          word('您好', 0.5, { speaker_label: 'spk_0' }),
          mark('，', { speaker_label: 'spk_0' }),
          word('请问', 1, { speaker_label: 'spk_0' }),
          word('有', 1.3, { speaker_label: 'spk_0' }),
          word('什么', 1.5, { speaker_label: 'spk_0' }),
          word('可以', 1.8, { speaker_label: 'spk_0' }),
          word('帮', 2.1, { speaker_label: 'spk_0' }),
          word('您', 2.3, { speaker_label: 'spk_0' }),
          mark('？', { speaker_label: 'spk_0' }),
          word('我的', 3, { speaker_label: 'spk_1' }),
          word('iPhone', 3.3, { speaker_label: 'spk_1' }),
          word('15', 3.7, { speaker_label: 'spk_1' }),
          word('坏', 4, { speaker_label: 'spk_1' }),
          word('了', 4.2, { speaker_label: 'spk_1' }),
          mark('。', { speaker_label: 'spk_1' }),
        ],
      },
    };

    // Act
    const parsed = parseTranscribeOutput(output);

    // Assess
    expect(parsed.languageCode).toBe('zh-CN');
    expect(parsed.turns.map((turn) => turn.text)).toEqual(['您好，请问有什么可以帮您？', '我的iPhone 15坏了。']);
  });

  it('makes one "Speaker" turn when the job had no speaker or channel labels', () => {
    const output = { results: { transcripts: [{ transcript: 'Hello world.' }], items: [word('Hello', 0), word('world', 0.4), mark('.')] } };
    expect(parseTranscribeOutput(output).turns).toEqual([{ speaker: 'Speaker', startSeconds: 0, endSeconds: 0.7, text: 'Hello world.' }]);
  });

  it('falls back to audio_segments when an output carries no items', () => {
    // Prepare
    const output = {
      results: {
        transcripts: [{ transcript: 'Hi. Hello.' }],
        audio_segments: [
          { id: 0, transcript: 'Hi.', start_time: '0.1', end_time: '0.5', speaker_label: 'spk_0', items: [0, 1] },
          { id: 1, transcript: 'Hello.', start_time: '0.9', end_time: '1.4', speaker_label: 'spk_1', items: [2, 3] },
        ],
      },
    };

    // Act / Assess
    expect(parseTranscribeOutput(output).turns.map((turn) => `${turn.speaker}: ${turn.text}`)).toEqual(['Speaker 1: Hi.', 'Speaker 2: Hello.']);
  });
});

describe('parseTranscribeOutput — PII redaction', () => {
  it('refuses the documentation example, which is not JSON (raw line breaks, "Items removed for brevity")', () => {
    // Act
    const error = errorOf(() => parseTranscribeOutput(fixtureText('transcribe-batch-pii-redacted.docs.txt')));

    // Assess
    expect(error).toBeInstanceOf(PayloadError);
    expect(error.message).toMatch(/^Transcribe output: not valid JSON/);
  });

  it('marks a redacted output (the same example, as AWS writes it) as redacted', () => {
    // Prepare: the example's transcript and items, as valid JSON text.
    const output = JSON.stringify({
      jobName: 'my-first-transcription-job',
      isRedacted: true,
      results: {
        transcripts: [{ transcript: 'Good morning, everybody. My name is [PII], and today I feel like sharing a whole lot of personal information with you.' }],
        items: [word('Good', 2.86), { ...word('[PII]', 5.56), alternatives: [{ content: '[PII]', redactions: [{ confidence: '0.9999', type: 'NAME', category: 'PII' }] }] }],
      },
      status: 'COMPLETED',
    });

    // Act
    const parsed = parseTranscribeOutput(output);

    // Assess
    expect(parsed.redacted).toBe(true);
    expect(parsed.turns).toMatchObject([{ speaker: 'Speaker', startSeconds: 2.86, text: 'Good [PII]' }]);
  });
});

describe('parseTranscribeOutput — Call Analytics', () => {
  it('turns ParticipantRole AGENT and CUSTOMER into Agent and Customer turns', () => {
    // Prepare: the shape of the documented post-call output, abridged by hand to valid JSON.
    const output = {
      JobName: 'my-call-analytics-job',
      LanguageCode: 'en-US',
      Transcript: [
        { Id: 'a', ParticipantRole: 'AGENT', Content: '[PII], my name is [PII], how can I help?', BeginOffsetMillis: 4240, EndOffsetMillis: 6850, Sentiment: 'NEUTRAL' },
        { Id: 'b', ParticipantRole: 'CUSTOMER', Content: 'Well, I would like to cancel my recipe subscription.', BeginOffsetMillis: 7060, EndOffsetMillis: 11490 },
        { Id: 'c', ParticipantRole: 'AGENT', Content: "That's very sad to hear.", BeginOffsetMillis: 12180, EndOffsetMillis: 13500 },
        { Id: 'd', ParticipantRole: 'AGENT', Content: 'Can I offer you a 50% discount to have you stay with us?', BeginOffsetMillis: 13600, EndOffsetMillis: 16960 },
      ],
    };

    // Act
    const parsed = parseTranscribeOutput(output);

    // Assess
    expect(parsed.turns).toEqual([
      { speaker: 'Agent', startSeconds: 4.24, endSeconds: 6.85, text: '[PII], my name is [PII], how can I help?' },
      { speaker: 'Customer', startSeconds: 7.06, endSeconds: 11.49, text: 'Well, I would like to cancel my recipe subscription.' },
      { speaker: 'Agent', startSeconds: 12.18, endSeconds: 16.96, text: "That's very sad to hear. Can I offer you a 50% discount to have you stay with us?" },
    ]);
    expect(parsed).toMatchObject({ jobName: 'my-call-analytics-job', languageCode: 'en-US', redacted: true });
    expect(renderSpeakerTranscript(parsed.turns).split('\n')[1]).toBe('[00:00:07] Customer: Well, I would like to cancel my recipe subscription.');
  });

  it('refuses the abridged documentation example, which is not JSON ("...")', () => {
    expect(errorOf(() => parseTranscribeOutput(fixtureText('transcribe-call-analytics-batch-abridged.docs.txt'))).message).toMatch(/not valid JSON/);
  });

  it('reads the Post Call Analytics parsed file with its own speaker names', () => {
    // Act
    const parsed = parseTranscribeOutput(fixtureJson('pca-parsed-call-analytics-output.json'));

    // Assess
    expect(parsed.turns).toHaveLength(12);
    expect(parsed.turns.slice(0, 2).map((turn) => turn.speaker)).toEqual(['Agent', 'Customer']);
    expect(parsed.turns[3]).toMatchObject({ speaker: 'Customer', startSeconds: 3.71, text: 'This is [PII] speaking. Am I speaking to [PII]?' });
    expect(parsed).toMatchObject({ languageCode: 'en-US', jobName: 'stereo_std_1.mp3', redacted: true });
  });
});

describe('parseTranscribeOutput — bad input', () => {
  it.each([
    ['null', null, 'expected a JSON object'],
    ['a number', 42, 'expected a JSON object'],
    ['an array', [], 'expected a JSON object'],
    ['an object of another kind', { hello: 'world' }, 'found none of results (batch job), Transcript (Call Analytics)'],
    ['results without words', { results: { items: [{ type: 'pronunciation', alternatives: [] }] } }, 'batch output: results.items.0.alternatives'],
    ['a Call Analytics turn without times', { Transcript: [{ ParticipantRole: 'AGENT', Content: 'Hi' }] }, 'Call Analytics output: Transcript.0.BeginOffsetMillis'],
    ['garbage text', 'not json at all', 'not valid JSON'],
  ])('refuses %s with a TranscribeOutputError naming what is wrong', (_name, input, expected) => {
    const error = errorOf(() => parseTranscribeOutput(input));
    expect(error).toBeInstanceOf(PayloadError);
    expect(error.message).toContain(expected);
  });

  it('refuses a streaming event, which is not a job output', () => {
    const error = errorOf(() => parseTranscribeOutput(fixtureJson('transcribe-streaming-pii-redacted.docs.json')));
    expect(error.message).toContain('found none of results');
  });
});
