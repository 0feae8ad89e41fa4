import type { TenantContext } from '../../core/channels/channel-adapter.js';
import type { CommunicationInput } from '../../core/model/communication-input.js';
import { normalizePhone } from '../../core/model/identity.js';
import type { Participant } from '../../core/model/participant.js';
import { compact } from '../signing/signed-json-payload.js';
import { callTimeIso, callTimeMillis } from './call-time.js';
import { formatTranscript } from './call-transcript.js';
import type { TelephonyCall } from './telephony-cdr.js';

/** `sourceSystem` of every telephony record: with the call id, the dedup key. */
export const TELEPHONY_SOURCE_SYSTEM = 'telephony';
/** `channel` of telephony records: the 400 call center. */
export const TELEPHONY_CHANNEL = '400';

/** What a call that was not talked through says on the timeline (there is no transcript to show). */
const STATUS_TEXT = {
  missed: { inbound: '未接来电', outbound: '客户未接听' },
  voicemail: { inbound: '语音留言', outbound: '语音留言' },
  busy: { inbound: '占线未接通', outbound: '对方忙线' },
  failed: { inbound: '呼叫失败', outbound: '呼叫失败' },
} as const;

/** The thread every record of one call joins (`call:<callId>`); Amazon Connect uses the same form. */
export const callThreadId = (callId: string) => `call:${callId}`;

/** E.164 when the number is recognisable; else the trimmed raw value (anonymous / withheld callers). */
function phoneOrRaw(raw: string): { phone: string; e164: boolean } {
  const e164 = normalizePhone(raw);
  return e164 === null ? { phone: raw.trim(), e164: false } : { phone: e164, e164: true };
}

/** Who the call was with, as far as the CDR says; absent when it says nothing usable. */
function customerHint(call: TelephonyCall, number: { phone: string; e164: boolean }): CommunicationInput['customer'] {
  const hint = compact({
    id: call.customer?.id,
    name: call.customer?.name,
    // Only a recognisable number identifies anyone: "anonymous" must not match a profile.
    phone: number.e164 ? number.phone : undefined,
  });
  return Object.keys(hint).length === 0 ? undefined : hint;
}

function transcriptText(transcript: TelephonyCall['transcript']): string | undefined {
  if (transcript === undefined) return undefined;
  const text =
    typeof transcript === 'string'
      ? transcript.trim()
      : formatTranscript(transcript.map((s) => ({ speaker: s.speaker, text: s.text, startSeconds: s.start })));
  return text === '' ? undefined : text;
}

function contentOf(call: TelephonyCall): string | undefined {
  const transcript = transcriptText(call.transcript);
  const status = call.status === undefined || call.status === 'answered' ? undefined : STATUS_TEXT[call.status][call.direction];
  const parts = [status, transcript].filter((part): part is string => part !== undefined);
  return parts.length === 0 ? undefined : parts.join('\n');
}

/**
 * Maps one verified CDR to canonical input: a `phone` record on channel `400`, keyed by the
 * provider's call id and threaded by it; the customer is the caller of an inbound call and the
 * callee of an outbound one.
 *
 * @example
 * normalizeTelephonyCall({ callId: 'C1', caller: '13800138000', callee: '4008108888', direction: 'inbound',
 *   startedAt: '2024-06-15T10:30:00+08:00', status: 'missed' }, tenant)
 * // → { sourceRecordId: 'C1', threadId: 'call:C1', customer: { phone: '+8613800138000' }, content: '未接来电', … }
 */
export function normalizeTelephonyCall(call: TelephonyCall, tenant: TenantContext): CommunicationInput {
  const customerSide = phoneOrRaw(call.direction === 'inbound' ? call.caller : call.callee);
  const companySide = phoneOrRaw(call.direction === 'inbound' ? call.callee : call.caller);
  const startMs = callTimeMillis(call.startedAt);
  const endMs = call.endedAt === undefined ? undefined : callTimeMillis(call.endedAt);
  const answeredMs = call.answeredAt === undefined ? undefined : callTimeMillis(call.answeredAt);
  const durationSeconds = call.durationSeconds ?? (endMs === undefined ? undefined : (endMs - startMs) / 1000);

  const participants: Participant[] = [
    compact({ phone: customerSide.phone, name: call.customer?.name, role: 'customer' as const }),
  ];
  if (call.agent) participants.push(compact({ staffId: call.agent.id, name: call.agent.name, role: 'agent' as const, internal: true }));

  return compact({
    sourceSystem: TELEPHONY_SOURCE_SYSTEM,
    sourceRecordId: call.callId,
    type: 'phone' as const,
    channel: TELEPHONY_CHANNEL,
    occurredAt: callTimeIso(call.startedAt, tenant.timezone),
    endedAt: call.endedAt === undefined ? undefined : callTimeIso(call.endedAt, tenant.timezone),
    durationSeconds,
    direction: call.direction,
    customer: customerHint(call, customerSide),
    participants,
    handledBy: call.agent?.id,
    content: contentOf(call),
    recording: call.recordingUrl === undefined ? undefined : { url: call.recordingUrl },
    threadId: callThreadId(call.callId),
    attachments: [],
    tags: [],
    metadata: compact({
      status: call.status,
      caller: call.caller,
      callee: call.callee,
      companyNumber: companySide.phone,
      hotline: call.hotline === undefined ? undefined : phoneOrRaw(call.hotline).phone,
      customerNumberRecognised: customerSide.e164,
      answeredAt: call.answeredAt === undefined ? undefined : callTimeIso(call.answeredAt, tenant.timezone),
      talkSeconds: answeredMs !== undefined && endMs !== undefined ? Math.max(0, (endMs - answeredMs) / 1000) : undefined,
      agentExtension: call.agent?.extension,
      provider: call.metadata,
    }),
  });
}
