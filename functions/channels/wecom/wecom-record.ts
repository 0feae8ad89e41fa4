import type { CommunicationInput } from '../../core/model/communication-input.js';
import type { Participant } from '../../core/model/participant.js';
import { parseCommunicationInput } from '../shared/parse-communication-input.js';
import { plainJson } from '../shared/plain-json.js';
import { mediaAttachment, mediaReferenceUrl, type MediaSpec } from './wecom-media.js';

/**
 * The one place WeCom messages (app callbacks, 会话存档, 微信客服) become canonical input: a
 * message-type specific {@link MessageBody} on a common {@link RecordFrame}.
 */

/** What a message type contributes. */
export interface MessageBody {
  readonly subject?: string;
  readonly content?: string;
  readonly media?: readonly MediaSpec[];
  readonly location?: CommunicationInput['location'];
  /** Audio of a call, kept as a reference like other media (see wecom-media.ts). */
  readonly recording?: { readonly sdkfileid: string; readonly durationSeconds?: number };
  readonly durationSeconds?: number;
  /** Type-specific facts for `metadata` (undefined members are dropped). */
  readonly details?: Readonly<Record<string, unknown>>;
}

/** What every WeCom message has, whatever its type. */
export interface RecordFrame {
  readonly sourceSystem: 'wecom' | 'wecom-archive' | 'wecom-kf';
  readonly sourceRecordId: string;
  readonly msgType: string;
  readonly occurredAt: string;
  readonly direction: CommunicationInput['direction'];
  readonly customerWecomUserId?: string;
  readonly participants: readonly Participant[];
  readonly threadId: string;
  readonly metadata: Readonly<Record<string, unknown>>;
}

/** A type the normaliser does not know yet is still a message someone sent: keep it, flagged. */
export function unsupportedBody(msgType: string): MessageBody {
  return { content: `[${msgType} message]`, details: { unsupported: true } };
}

/** Non-empty parts joined by newlines (`undefined` when there are none). */
export function lines(...parts: readonly (string | undefined)[]): string | undefined {
  const kept = parts.filter((p): p is string => p !== undefined && p.trim() !== '');
  return kept.length === 0 ? undefined : kept.join('\n');
}

/**
 * Frame + body → validated canonical input.
 * @throws PayloadError naming the field when a vendor value breaks the canonical schema.
 */
export function assembleRecord(frame: RecordFrame, body: MessageBody): CommunicationInput {
  const media = (body.media ?? []).map(mediaAttachment);
  const recording = body.recording === undefined ? undefined : { url: mediaReferenceUrl('sdkfile', body.recording.sdkfileid), durationSeconds: body.recording.durationSeconds };
  const metadata = {
    msgType: frame.msgType,
    ...frame.metadata,
    ...(body.details ?? {}),
    ...(media.length > 0 ? { media: media.map((m) => m.media) } : {}),
    ...(body.recording === undefined ? {} : { recordingSdkFileId: body.recording.sdkfileid }),
  };
  return parseCommunicationInput(
    {
      sourceSystem: frame.sourceSystem,
      sourceRecordId: frame.sourceRecordId,
      type: 'wechat',
      channel: 'wecom',
      occurredAt: frame.occurredAt,
      direction: frame.direction,
      durationSeconds: body.durationSeconds ?? body.recording?.durationSeconds,
      ...(frame.customerWecomUserId === undefined ? {} : { customer: { wecomUserId: frame.customerWecomUserId } }),
      participants: frame.participants.slice(0, 500),
      subject: body.subject,
      content: body.content,
      // The canonical schema takes at most 50 attachments; the rest stay listed in metadata.media.
      attachments: media.slice(0, 50).map((m) => m.attachment),
      recording: recording === undefined ? undefined : plainJson(recording),
      location: body.location,
      threadId: frame.threadId,
      metadata: plainJson(metadata),
    },
    `WeCom ${frame.msgType} message ${frame.sourceRecordId}`,
  );
}
