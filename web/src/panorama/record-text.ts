import type { TimelineRecord } from '../api/api-types.js';

/** Types whose body is what was said (a transcript), not what was written. */
const SPOKEN_TYPES = new Set(['phone', 'mobile', 'meeting', 'video']);

/** The line a record is listed under: its summary or subject, else what the analysis made of it, else its first line. */
export function recordTitle(record: TimelineRecord): string {
  const firstLine = record.content?.split('\n').find((line) => line.trim())?.trim();
  return record.summary ?? record.subject ?? record.analysis.intent?.detail ?? firstLine ?? record.recordId;
}

/** A short excerpt of the body (the title may already be its first line). */
export function recordExcerpt(record: TimelineRecord, max = 160): string {
  const text = (record.content ?? '').replace(/\s+/g, ' ').trim();
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** Whether the record has a transcript to show: a call or meeting with text. */
export const hasTranscript = (record: TimelineRecord) => SPOKEN_TYPES.has(record.type) && Boolean(record.content?.trim());

export const hasRecording = (record: TimelineRecord) => Boolean(record.recording);

/** Who the record is from, as shown in lists: a name, an address, a number. */
export function senderOf(record: TimelineRecord): string | undefined {
  const from = record.participants.find((p) => p.role === 'from' || p.role === 'customer') ?? record.participants.find((p) => !p.internal);
  if (!from) return undefined;
  return from.name && from.email ? `${from.name} <${from.email}>` : (from.name ?? from.email ?? from.phone ?? from.wecomUserId);
}
