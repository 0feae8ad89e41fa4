import { createHash } from 'node:crypto';
import { PayloadError, type TenantContext } from '../../core/channels/channel-adapter.js';
import type { CommunicationInput } from '../../core/model/communication-input.js';
import { epochSecondsToZonedIso } from '../shared/zoned-time.js';
import { textField, type WeComFields } from './wecom-callback-body.js';
import { isExternalUserId, wecomParticipant } from './wecom-ids.js';
import type { MediaSpec } from './wecom-media.js';
import { assembleRecord, lines, unsupportedBody, type MessageBody, type RecordFrame } from './wecom-record.js';

/**
 * Normalises one decrypted WeCom app callback (接收消息与事件,
 * https://developer.work.weixin.qq.com/document/path/90239 and 90240) to canonical input: messages
 * become `wechat` records, events say why they are not communications.
 */

export type NormalizedCallback =
  | { readonly kind: 'item'; readonly item: CommunicationInput }
  | { readonly kind: 'ignore'; readonly reason: string };

export interface CallbackContext {
  readonly tenant: TenantContext;
  /** The signed request timestamp (unix seconds): the time of messages that carry no `CreateTime`. */
  readonly signedAtSeconds: number;
}

const UNIX_SECONDS = /^\d{1,12}$/;
const VOICE_FORMATS = ['amr', 'speex', 'silk', 'mp3'] as const;

function describeEvent(fields: WeComFields): string {
  const event = textField(fields, 'Event') ?? '(none)';
  if (event === 'kf_msg_or_event') {
    // The notification carries no message: https://developer.work.weixin.qq.com/document/path/94670
    const token = textField(fields, 'Token') ?? '(none)';
    return `WeCom kf_msg_or_event: messages must be pulled with kf/sync_msg; token ${token} for open_kfid ${textField(fields, 'OpenKfId') ?? '(none)'}`;
  }
  if (event === 'msgaudit_notify') return 'WeCom msgaudit_notify: archived messages must be pulled with the Finance SDK (会话内容存档)';
  const change = textField(fields, 'ChangeType');
  return `WeCom event ${event}${change === undefined ? '' : `/${change}`} is not a communication`;
}

function required(fields: WeComFields, name: string): string {
  const value = textField(fields, name);
  if (value === undefined || value === '') throw new PayloadError(`decrypted message: <${name}> is missing`);
  return value;
}

function coordinate(fields: WeComFields, name: string): number {
  const value = Number(required(fields, name));
  if (!Number.isFinite(value)) throw new PayloadError(`decrypted message: <${name}> is not a number`);
  return value;
}

function mediaSpec(fields: WeComFields, kind: string, msgId: string, extension: string, details: Record<string, unknown> = {}): MediaSpec {
  const id = required(fields, 'MediaId');
  const fileName = textField(fields, 'FileName') || `${kind}-${msgId}.${extension}`;
  return { kind, scheme: 'media', id, fileName, directUrl: textField(fields, 'PicUrl'), details: { mediaId: id, ...details } };
}

/** The type-specific part of a message (content, media, location). */
function bodyOf(msgType: string, fields: WeComFields, msgId: string): MessageBody {
  switch (msgType) {
    case 'text':
      return { content: textField(fields, 'Content') ?? '' };
    case 'image':
      return { media: [mediaSpec(fields, 'image', msgId, 'jpg', { picUrl: textField(fields, 'PicUrl') })] };
    case 'voice': {
      // Format is "amr, speex, …" (doc 90239); the doc sample's literal "Format" falls back to amr.
      const format = textField(fields, 'Format');
      const extension = VOICE_FORMATS.find((f) => f === format?.toLowerCase()) ?? 'amr';
      return { media: [mediaSpec(fields, 'voice', msgId, extension, { format })] };
    }
    case 'video':
      return { media: [mediaSpec(fields, 'video', msgId, 'mp4', { thumbMediaId: textField(fields, 'ThumbMediaId') })] };
    case 'file':
      return { media: [mediaSpec(fields, 'file', msgId, 'bin')] };
    case 'link': {
      const title = textField(fields, 'Title');
      const url = textField(fields, 'Url');
      return { subject: title, content: lines(title, textField(fields, 'Description'), url), details: { url, picUrl: textField(fields, 'PicUrl') } };
    }
    case 'location': {
      // Location_X is the latitude and Location_Y the longitude (doc 90239 "位置消息").
      const latitude = coordinate(fields, 'Location_X');
      const longitude = coordinate(fields, 'Location_Y');
      const label = textField(fields, 'Label');
      return {
        content: `${label === undefined || label === '' ? 'Location' : label} (${latitude}, ${longitude})`,
        location: { latitude, longitude, ...(label === undefined || label === '' ? {} : { address: label }) },
        details: { scale: textField(fields, 'Scale') },
      };
    }
    default:
      return unsupportedBody(msgType);
  }
}

/** A stable id for deliveries without `MsgId`: the hash of every scalar field, sorted by name. */
export function stableFieldsId(fields: WeComFields): string {
  const canonical = Object.keys(fields)
    .sort()
    .map((name) => `${name}=${textField(fields, name) ?? JSON.stringify(fields[name])}`)
    .join('\n');
  return `sha256:${createHash('sha256').update(canonical).digest('hex')}`;
}

/**
 * One decrypted callback → a record or the reason it is not one.
 * @throws PayloadError when a message lacks what a record needs (sender, media id, coordinates).
 * @example normalizeWeComMessage(parseDecryptedMessage(xml), { tenant, signedAtSeconds: 1409659813 })
 */
export function normalizeWeComMessage(fields: WeComFields, context: CallbackContext): NormalizedCallback {
  const msgType = required(fields, 'MsgType').toLowerCase();
  if (msgType === 'event') return { kind: 'ignore', reason: describeEvent(fields) };
  const from = required(fields, 'FromUserName');
  const createTime = textField(fields, 'CreateTime');
  if (createTime !== undefined && !UNIX_SECONDS.test(createTime)) throw new PayloadError('decrypted message: <CreateTime> is not unix seconds');
  const msgId = textField(fields, 'MsgId') || stableFieldsId(fields);
  const chatId = textField(fields, 'ChatId') || undefined;
  const frame: RecordFrame = {
    sourceSystem: 'wecom',
    sourceRecordId: msgId,
    msgType,
    occurredAt: epochSecondsToZonedIso(createTime === undefined ? context.signedAtSeconds : Number(createTime), context.tenant.timezone),
    // Everything the app callback delivers was sent *to* the app by a WeCom user.
    direction: 'inbound',
    customerWecomUserId: isExternalUserId(from) ? from : undefined,
    participants: [wecomParticipant(from, 'from')],
    threadId: `wecom:${chatId ?? from}`,
    metadata: { toUserName: textField(fields, 'ToUserName'), agentId: textField(fields, 'AgentID'), chatId },
  };
  return { kind: 'item', item: assembleRecord(frame, bodyOf(msgType, fields, msgId)) };
}
