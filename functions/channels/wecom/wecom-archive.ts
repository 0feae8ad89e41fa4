import { createHash } from 'node:crypto';
import { PayloadError, type TenantContext } from '../../core/channels/channel-adapter.js';
import type { CommunicationInput } from '../../core/model/communication-input.js';
import { asArray, asNumber, asRecord, asString, asText } from '../shared/json-values.js';
import { epochMsToZonedIso } from '../shared/zoned-time.js';
import { ARCHIVE_BODY_KEY, archiveBody } from './wecom-archive-bodies.js';
import { firstExternalUserId, isExternalUserId, wecomParticipant } from './wecom-ids.js';
import { parseVendorObject, type ArchiveResult } from './wecom-pulled.js';
import { assembleRecord } from './wecom-record.js';

/**
 * 会话内容存档 (message archive): normalises messages as the Finance SDK returns them after
 * decrypting `encrypt_chat_msg` (https://developer.work.weixin.qq.com/document/path/91774). They
 * are pulled later by a puller, not pushed, so this is a pure function over one message.
 */

/** One chat = one thread: the group (`roomid`), else the sorted pair/set of people in it. */
function threadOf(roomId: string | undefined, people: readonly string[]): string {
  if (roomId !== undefined) return `wecom:${roomId}`;
  const members = [...new Set(people)].sort().join(',');
  return members.length <= 400 ? `wecom:${members}` : `wecom:sha256:${createHash('sha256').update(members).digest('hex')}`;
}

/** Why a message that is not a communication is skipped; `undefined` when it is one. */
function skipReason(msg: Record<string, unknown>, msgType: string | undefined): string | undefined {
  const action = asString(msg.action);
  if (action === 'switch') return `switchlog: ${asString(msg.user) ?? 'a member'} switched enterprise — not a message`;
  if (action === 'recall' || msgType === 'revoke') {
    return `recall of message ${asString(asRecord(msg.revoke)?.pre_msgid) ?? '(unknown)'} — not a communication (the recalled record is kept)`;
  }
  if (msgType === 'agree' || msgType === 'disagree') {
    return `${msgType}: the external contact ${msgType === 'agree' ? 'agreed to' : 'refused'} message archiving — a consent event, not a communication`;
  }
  if (msgType === undefined) return 'no msgtype';
  return undefined;
}

function toRecord(msg: Record<string, unknown>, msgId: string, msgType: string, tenant: TenantContext): CommunicationInput {
  const from = asText(msg.from);
  if (from === undefined) throw new PayloadError('"from" is missing');
  const msgtime = asNumber(msg.msgtime);
  if (msgtime === undefined || msgtime < 0) throw new PayloadError('"msgtime" is missing or not epoch milliseconds');
  const to = asArray(msg.tolist).map(asText).filter((id): id is string => id !== undefined);
  const roomId = asText(msg.roomid);
  const external = isExternalUserId(from);
  const body = asRecord(msg[ARCHIVE_BODY_KEY[msgType] ?? msgType]) ?? {};
  return assembleRecord(
    {
      sourceSystem: 'wecom-archive',
      sourceRecordId: msgId,
      msgType,
      occurredAt: epochMsToZonedIso(msgtime, tenant.timezone),
      // Staff → customer is outbound, customer → staff inbound, staff ↔ staff internal.
      direction: external ? 'inbound' : to.some(isExternalUserId) ? 'outbound' : 'internal',
      customerWecomUserId: firstExternalUserId([from, ...to]),
      participants: [wecomParticipant(from, 'from'), ...to.map((id) => wecomParticipant(id, 'to'))],
      threadId: threadOf(roomId, [from, ...to]),
      metadata: { action: asString(msg.action), roomId },
    },
    archiveBody(msgType, body, msg, msgId, tenant.timezone),
  );
}

/**
 * One decrypted archive message → at most one record (or the reason it is skipped).
 * @param message the Finance SDK's decrypted JSON, as text (preferred: keeps 64-bit ids exact) or object.
 * @throws PayloadError only when `message` is not a JSON object at all.
 * @example normalizeArchiveMessage('{"msgid":"…","action":"send","msgtype":"text",…}', tenant)
 */
export function normalizeArchiveMessage(message: unknown, tenant: TenantContext): ArchiveResult {
  const msg = parseVendorObject(message, 'archived message');
  const msgId = asText(msg.msgid);
  if (msgId === undefined) return { items: [], skipped: [{ id: '(none)', reason: 'no msgid: cannot be deduplicated' }] };
  const msgType = asText(msg.msgtype)?.toLowerCase();
  const reason = skipReason(msg, msgType);
  if (reason !== undefined || msgType === undefined) return { items: [], skipped: [{ id: msgId, reason: reason ?? 'no msgtype' }] };
  try {
    return { items: [toRecord(msg, msgId, msgType, tenant)], skipped: [] };
  } catch (error) {
    if (error instanceof PayloadError) return { items: [], skipped: [{ id: msgId, reason: error.message }] };
    throw error;
  }
}

/**
 * The newer `chatdata/sync_msg` API (会话存档 v2) returns each message encrypted to the corp's
 * public key (`service_encrypt_info.encrypted_secret_key`); it must be decrypted with the private key
 * first, which is I/O this pure module does not do. Every entry is therefore reported as skipped.
 */
export function normalizeChatDataMessages(response: unknown): ArchiveResult {
  const body = parseVendorObject(response, 'chatdata/sync_msg response');
  if ((asNumber(body.errcode) ?? 0) !== 0) throw new PayloadError(`chatdata/sync_msg failed: errcode ${asString(body.errcode)} ${asString(body.errmsg) ?? ''}`);
  const skipped = asArray(body.msg_list).map((raw, index) => {
    const item = asRecord(raw) ?? {};
    const version = asString(asRecord(item.service_encrypt_info)?.public_key_ver) ?? '?';
    return { id: asString(item.msgid) ?? `#${index}`, reason: `content encrypted for public key version ${version}: decrypt it, then pass the message to normalizeArchiveMessage` };
  });
  return { items: [], skipped };
}

export type { ArchiveResult } from './wecom-pulled.js';
export { normalizeKfMessages } from './wecom-kf.js';
