import type { CommunicationInput } from '../../core/model/communication-input.js';
import type { RecordType } from '../../core/model/record-types.js';

/** `sourceSystem` of every Amazon Connect record. */
export const CONNECT_SOURCE_SYSTEM = 'connect';
/** `channel` of Amazon Connect records (the Connect channel — VOICE, CHAT — is in the metadata). */
export const CONNECT_CHANNEL = 'connect';

/** What a Connect payload means once verified: records to store, or why there are none. */
export type ConnectOutcome =
  | { readonly kind: 'ingest'; readonly items: readonly CommunicationInput[] }
  | { readonly kind: 'ignore'; readonly reason: string };

/**
 * Connect channel → record type. TASK contacts are internal work items, not conversations with a
 * customer, so they have no record type (`null`). The docs spell it `VOICE`, the EventBridge sample
 * `Voice`: compared case-insensitively.
 */
export function recordTypeOfChannel(channel: string): RecordType | null {
  switch (channel.toUpperCase()) {
    case 'VOICE':
      return 'phone';
    case 'CHAT':
      return 'webchat';
    case 'EMAIL':
      return 'email';
    default:
      return null;
  }
}

/**
 * Direction from the contact's `InitiationMethod`
 * (https://docs.aws.amazon.com/connect/latest/APIReference/API_Contact.html): who reached out first.
 * API (StartOutboundVoiceContact) and CALLBACK calls are placed by the contact center; a TRANSFER
 * continues a customer's call. `null` for MONITOR (a supervisor listening in — not a conversation with
 * the customer); `undefined` for values this code does not know.
 */
export function directionOfInitiationMethod(method: string | undefined): 'inbound' | 'outbound' | null | undefined {
  switch (method?.toUpperCase()) {
    case 'INBOUND':
    case 'TRANSFER':
    case 'QUEUE_TRANSFER':
    case 'WEBRTC_API':
      return 'inbound';
    case 'OUTBOUND':
    case 'API':
    case 'CALLBACK':
    case 'EXTERNAL_OUTBOUND':
    case 'AGENT_REPLY':
    case 'FLOW':
      return 'outbound';
    case 'MONITOR':
      return null;
    default:
      return undefined;
  }
}

/**
 * The agent id of an agent ARN (`arn:aws:connect:…:instance/<instance>/agent/<agentId>`), used as the
 * staff id; a value that is not such an ARN is kept when it fits a staff id (doc samples say `"arn"`).
 */
export function agentIdFromArn(arn: string): string | undefined {
  const id = /\/agent\/([^/]+)$/.exec(arn)?.[1];
  if (id !== undefined) return id;
  const trimmed = arn.trim();
  return trimmed !== '' && trimmed.length <= 128 ? trimmed : undefined;
}

/** The contact id of a contact ARN (`…/contact/<contactId>`). */
export function contactIdFromArn(arn: string): string | undefined {
  return /\/contact\/([^/]+)$/.exec(arn)?.[1];
}
