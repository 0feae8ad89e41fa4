import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PayloadError } from '../../functions/core/channels/channel-adapter.js';
import { WebVttSyntaxError, formatClock, parseWebVtt, renderTranscript } from '../../functions/channels/transcripts/vtt.js';

const fixture = (name: string) => readFileSync(new URL(`../../../shared/fixtures/meetings/${name}`, import.meta.url));

function lineOf(run: () => unknown): number | undefined {
  try {
    run();
  } catch (error) {
    if (error instanceof WebVttSyntaxError) return error.line;
    throw error;
  }
  return undefined;
}

describe('parseWebVtt — vendor fixtures', () => {
  it('reads the Graph callTranscript content: unpadded times and a <v> voice span', () => {
    // Prepare
    const vtt = fixture('graph-calltranscript-content.docs.vtt');

    // Act
    const cues = parseWebVtt(vtt);

    // Assess: the values the Graph docs page states for this example.
    expect(cues).toEqual([{ start: 0, end: 5.32, speaker: 'User Name', text: 'This is a transcript test.' }]);
    expect(renderTranscript(cues)).toBe('[00:00:00] User Name: This is a transcript test.');
  });

  it('reads the Graph metadataContent flavour, whose cue payload is JSON', () => {
    // Prepare
    const vtt = fixture('graph-calltranscript-metadatacontent.docs.vtt');

    // Act
    const cues = parseWebVtt(vtt);

    // Assess
    expect(cues).toEqual([{ start: 16.246, end: 17.726, speaker: 'User Name', text: 'This is a transcription test.' }]);
    expect(renderTranscript(cues)).toBe('[00:00:16] User Name: This is a transcription test.');
  });
});

describe('parseWebVtt — Zoom and Teams flavours', () => {
  it('reads a Zoom transcript: numeric cue ids and "Speaker: text" prefixes, CRLF and a BOM', () => {
    // Prepare: the layout of Zoom's cloud-recording audio transcript (.VTT) files.
    const vtt = '\uFEFFWEBVTT\r\n\r\n1\r\n00:01:02.300 --> 00:01:04.000\r\n张三: 大家好，我们开始吧。\r\n\r\n2\r\n00:01:04.000 --> 00:01:06.500\r\n张三: 先看报价。\r\n\r\n3\r\n00:01:07.000 --> 00:01:09.000\r\nLi Si: OK, go ahead.\r\n';

    // Act
    const cues = parseWebVtt(vtt);
    const text = renderTranscript(cues);

    // Assess: consecutive cues of one speaker merge into one turn stamped with its first start.
    expect(cues).toHaveLength(3);
    expect(cues[0]).toEqual({ start: 62.3, end: 64, speaker: '张三', text: '大家好，我们开始吧。' });
    expect(text).toBe('[00:01:02] 张三: 大家好，我们开始吧。 先看报价。\n[00:01:07] Li Si: OK, go ahead.');
  });

  it('reads multi-line Teams cues with voice classes, entities, NOTE blocks and a full-width colon', () => {
    // Prepare
    const vtt = [
      'WEBVTT',
      'Kind: captions',
      '',
      'NOTE exported by Teams',
      'second note line',
      '',
      '5d8c6e1f-1/12-0',
      '00:00:03.000 --> 00:00:05.000 align:start',
      '<v.loud Wang Wu>Pricing &amp; delivery</v>',
      '<v.loud Wang Wu>are both fine.</v>',
      '',
      '00:07.000 --> 00:09.250',
      '王五：没有问题',
      '',
      '1:00:00.000 --> 1:00:01.000',
      'no speaker at the hour mark',
    ].join('\n');

    // Act
    const cues = parseWebVtt(vtt);

    // Assess
    expect(cues).toEqual([
      { start: 3, end: 5, speaker: 'Wang Wu', text: 'Pricing & delivery are both fine.' },
      { start: 7, end: 9.25, speaker: '王五', text: '没有问题' },
      { start: 3600, end: 3601, text: 'no speaker at the hour mark' },
    ]);
    expect(renderTranscript(cues).split('\n')[2]).toBe('[01:00:00] no speaker at the hour mark');
  });

  it('does not take a URL or a sentence for a speaker name', () => {
    // Prepare
    const vtt = 'WEBVTT\n\n00:00.000 --> 00:01.000\nhttps://example.com/a is the link\n\n00:01.000 --> 00:02.000\nWell, here is the point: price.\n';

    // Act
    const cues = parseWebVtt(vtt);

    // Assess
    expect(cues.map((c) => c.speaker)).toEqual([undefined, undefined]);
  });

  it('formats clocks with hours kept', () => {
    expect(formatClock(3725.9)).toBe('01:02:05');
    expect(formatClock(0)).toBe('00:00:00');
  });
});

describe('parseWebVtt — malformed files name the line', () => {
  it.each([
    ['no WEBVTT header', 'WEBVT\n\n00:00.000 --> 00:01.000\nhi', 1],
    ['a cue id without a timing line', 'WEBVTT\n\n1\nhello there\n', 4],
    ['a bad timestamp', 'WEBVTT\r\n\r\n00:00.000 --> 00:xx.000\r\nhi', 3],
    ['minutes above 59', 'WEBVTT\n\n\n\n00:75:00.000 --> 01:00:00.000\nhi', 5],
    ['a cue that ends before it starts', 'WEBVTT\n\n00:05.000 --> 00:01.000\nhi', 3],
    ['a cue id at the end of the file', 'WEBVTT\n\n00:00.000 --> 00:01.000\nhi\n\norphan-id', 7],
  ])('%s', (_, vtt, line) => {
    // Act
    const failedAt = lineOf(() => parseWebVtt(vtt));

    // Assess
    expect(failedAt).toBe(line);
    expect(() => parseWebVtt(vtt)).toThrow(PayloadError);
    expect(() => parseWebVtt(vtt)).toThrow(new RegExp(`^WebVTT line ${line}: `));
  });

  it('never throws anything but a PayloadError, whatever the text (property)', () => {
    // Prepare: random text, and random cue-shaped blocks after a valid header.
    const line = fc.oneof(fc.string({ maxLength: 40 }), fc.constantFrom('-->', '00:00.000 --> 00:01.000', '<v A>', 'NOTE', ''));
    const arbitraryVtt = fc.oneof(fc.string({ maxLength: 400 }), fc.array(line, { maxLength: 30 }).map((ls) => `WEBVTT\n\n${ls.join('\n')}`));

    // Act / Assess
    fc.assert(
      fc.property(arbitraryVtt, (vtt) => {
        try {
          const cues = parseWebVtt(vtt);
          expect(typeof renderTranscript(cues)).toBe('string');
        } catch (error) {
          expect(error).toBeInstanceOf(PayloadError);
        }
      }),
      { numRuns: 500 },
    );
  });
});
