import type { Participant } from '../../core/model/participant.js';

/**
 * WeCom identities. An external contact's id (`external_userid`) starts with `wm` (WeCom users) or
 * `wo` (WeChat users) and is ~32 URL-safe characters (https://developer.work.weixin.qq.com/document/path/92114);
 * member `UserID`s are chosen by the admin. Without the staff directory this prefix is the only
 * signal an adapter has, so a member id that happens to look like `wo…` (16+ id characters, no dots) would be
 * taken for a customer — identification then simply finds no match and the record is unmatched.
 */
const EXTERNAL_USER_ID = /^w[mo][A-Za-z0-9_-]{14,}$/;

/** Whether a WeCom user id names an external contact (a customer) rather than a member (staff). */
export function isExternalUserId(id: string): boolean {
  return EXTERNAL_USER_ID.test(id);
}

/** A participant for a WeCom id, flagged internal unless it is an external contact. */
export function wecomParticipant(id: string, role: NonNullable<Participant['role']>): Participant {
  return { wecomUserId: id, role, internal: !isExternalUserId(id) };
}

/** The first external contact among ids: the customer the conversation is with. */
export function firstExternalUserId(ids: readonly string[]): string | undefined {
  return ids.find(isExternalUserId);
}
