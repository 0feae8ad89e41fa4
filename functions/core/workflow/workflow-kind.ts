import type { CommunicationRecord } from '../model/communication-record.js';
import type { Transcriber } from '../ports/transcriber.js';
import type { RecordWorkflowKind } from '../ports/workflow.js';
import { isMediaOnly } from './record-text.js';

const isVttAttachment = (record: CommunicationRecord) => record.attachments.some((a) => /\.vtt$/i.test(a.fileName) || /^text\/vtt\b/i.test(a.contentType));

/**
 * Which record workflow a new record needs. Only a recording we hold, with no text and no
 * transcript from its source, pays for speech-to-text and waits in the Standard workflow; every other
 * record (text, or media with a provided transcript) goes through the Express workflow.
 */
export function workflowKindFor(record: CommunicationRecord, transcriber: Transcriber): RecordWorkflowKind {
  const needsSpeechToText = isMediaOnly(record) && record.recording?.storageKey !== undefined && !isVttAttachment(record);
  return needsSpeechToText && transcriber.available ? 'media' : 'text';
}
