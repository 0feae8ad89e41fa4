import type { CommunicationRecord } from '../model/communication-record.js';
import type { Transcriber } from '../ports/transcriber.js';
import type { RecordWorkflowKind } from '../ports/workflow.js';
import { isMediaOnly, isVttAttachment } from './record-text.js';


/**
 * Which record workflow a new record needs. Only a recording we hold, with no text and no
 * transcript from its source, pays for speech-to-text and waits in the Standard workflow; every other
 * record (text, or media with a provided transcript) goes through the Express workflow.
 */
export function workflowKindFor(record: CommunicationRecord, transcriber: Transcriber): RecordWorkflowKind {
  const needsSpeechToText = isMediaOnly(record) && record.recording?.storageKey !== undefined && !record.attachments.some(isVttAttachment);
  return needsSpeechToText && transcriber.available ? 'media' : 'text';
}
