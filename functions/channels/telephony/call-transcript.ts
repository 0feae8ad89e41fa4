/**
 * How a call transcript reads on the timeline and to the analysers: one line per turn,
 * `[mm:ss] 客服: …` / `[mm:ss] 客户: …`, so the speaker is never lost when the text is read alone.
 */
export const SPEAKER_LABELS = {
  agent: '客服',
  customer: '客户',
  system: '系统',
} as const;

/** One turn of a conversation, with its start as seconds from the start of the call when known. */
export interface TranscriptTurn {
  readonly speaker: string;
  readonly text: string;
  readonly startSeconds?: number;
}

/**
 * `agent` / `AGENT` → 客服, `customer` → 客户, `system` → 系统; any other speaker name is kept as given.
 *
 * @example speakerLabel('Agent') // '客服'
 */
export function speakerLabel(speaker: string): string {
  const key = speaker.trim().toLowerCase();
  return key === 'agent' || key === 'customer' || key === 'system' ? SPEAKER_LABELS[key] : speaker.trim();
}

/** `75.4` → `01:15`; `3723` → `1:02:03` (hours only when the call is that long). */
export function formatOffset(seconds: number): string {
  const whole = Math.max(0, Math.floor(seconds));
  const two = (n: number) => String(n).padStart(2, '0');
  const h = Math.floor(whole / 3600);
  const m = Math.floor((whole % 3600) / 60);
  const s = whole % 60;
  return h > 0 ? `${h}:${two(m)}:${two(s)}` : `${two(m)}:${two(s)}`;
}

/**
 * Speaker-labelled transcript lines.
 *
 * @example
 * formatTranscript([{ speaker: 'agent', text: '您好', startSeconds: 0 }, { speaker: 'customer', text: '我想退货' }])
 * // '[00:00] 客服: 您好\n客户: 我想退货'
 */
export function formatTranscript(turns: readonly TranscriptTurn[]): string {
  return turns
    .filter((turn) => turn.text.trim() !== '')
    .map((turn) => {
      const line = `${speakerLabel(turn.speaker)}: ${turn.text.trim()}`;
      return turn.startSeconds === undefined ? line : `[${formatOffset(turn.startSeconds)}] ${line}`;
    })
    .join('\n');
}
