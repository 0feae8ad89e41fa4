import * as z from '../../core/zod.js';
import { PayloadError, type TenantContext } from '../../core/channels/channel-adapter.js';
import { checkedInputs, parseOrThrow } from '../signing/signed-json-payload.js';
import { ContactEventDetail, normalizeContactEvent } from './contact-event.js';
import { ChatAnalysis, VoiceAnalysis, analysisChannel, isContactLensAnalysis } from './contact-lens-analysis.js';
import { RulesMatchedDetail, SegmentStreamRecord, ignoreRulesMatched, ignoreSegmentStreamRecord, isSegmentStreamRecord } from './contact-lens-events.js';
import type { ConnectOutcome } from './connect-mapping.js';
import { type ContactLensHints, normalizeContactLensAnalysis } from './normalize-contact-lens-analysis.js';

/** What the delivery knows beside the payload (only Contact Lens voice files need it). */
export type ConnectEventHints = ContactLensHints;

const CONTACT_EVENT = 'Amazon Connect Contact Event';
/** "Contact Lens Post Call Rules Matched" and "Contact Lens Realtime Rules Matched". */
const RULES_MATCHED = /^Contact Lens .*Rules Matched$/;

const envelope = <Detail extends z.ZodMiniType>(detail: Detail) =>
  z.object({
    'detail-type': z.string().check(z.minLength(1), z.maxLength(256)),
    id: z.optional(z.string().check(z.maxLength(256))),
    account: z.optional(z.string().check(z.maxLength(64))),
    region: z.optional(z.string().check(z.maxLength(64))),
    detail,
  });

type JsonObject = Record<string, unknown>;
const isObject = (value: unknown): value is JsonObject => typeof value === 'object' && value !== null && !Array.isArray(value);
const hasEither = (body: JsonObject, ...keys: string[]) => keys.some((key) => key in body);

function normalizeEventBridgeEvent(event: JsonObject, tenant: TenantContext): ConnectOutcome {
  const detailType = event['detail-type'];
  if (detailType === CONTACT_EVENT) {
    const parsed = parseOrThrow(envelope(ContactEventDetail), event, 'Amazon Connect contact event');
    return normalizeContactEvent(parsed.detail, tenant, { id: parsed.id, account: parsed.account, region: parsed.region });
  }
  if (typeof detailType === 'string' && RULES_MATCHED.test(detailType)) {
    return ignoreRulesMatched(parseOrThrow(envelope(RulesMatchedDetail), event, 'Contact Lens rules event').detail);
  }
  const { 'detail-type': other } = parseOrThrow(envelope(z.unknown()), event, 'EventBridge event');
  return { kind: 'ignore', reason: `EventBridge "${other}" events make no record; only "${CONTACT_EVENT}" and Contact Lens payloads do` };
}

/**
 * Normalises any Amazon Connect payload CommHub understands, without a signature check — the
 * EventBridge-triggered Lambda calls it directly; the signed `connect` webhook calls it after verifying.
 *
 * - EventBridge "Amazon Connect Contact Event" (or its bare `detail`): the final event
 *   (DISCONNECTED / COMPLETED) → a record `<ContactId>` in thread `call:<InitialContactId>`; earlier
 *   events → `ignore`.
 * - Contact Lens post-call analysis file (VOICE / CHAT) → a record `contact-lens:<ContactId>` in thread
 *   `call:<ContactId>`.
 * - Contact Lens rules events and real-time segment stream records → validated, then `ignore`.
 *
 * @throws PayloadError naming the field for anything malformed or unrecognised.
 * @example
 * const outcome = normalizeConnectEvent(eventBridgeEvent, tenant);
 * if (outcome.kind === 'ingest') await ingest(outcome.items);
 */
export function normalizeConnectEvent(event: unknown, tenant: TenantContext, hints: ConnectEventHints = {}): ConnectOutcome {
  const outcome = classifyAndNormalize(event, tenant, hints);
  // Every item leaves as valid canonical input (a 400 here, never a 500 at ingestion).
  return outcome.kind === 'ingest' ? { kind: 'ingest', items: checkedInputs(outcome.items, 'Amazon Connect payload') } : outcome;
}

function classifyAndNormalize(event: unknown, tenant: TenantContext, hints: ConnectEventHints): ConnectOutcome {
  if (!isObject(event)) throw new PayloadError('Amazon Connect payload: expected a JSON object');
  if ('detail-type' in event) return normalizeEventBridgeEvent(event, tenant);
  if (isContactLensAnalysis(event)) {
    const channel = analysisChannel(event);
    if (channel === 'VOICE') {
      return normalizeContactLensAnalysis({ kind: 'VOICE', file: parseOrThrow(VoiceAnalysis, event, 'Contact Lens voice analysis') }, tenant, hints);
    }
    if (channel === 'CHAT') {
      return normalizeContactLensAnalysis({ kind: 'CHAT', file: parseOrThrow(ChatAnalysis, event, 'Contact Lens chat analysis') }, tenant, hints);
    }
    return { kind: 'ignore', reason: `Contact Lens ${channel} analysis files make no record yet; only VOICE and CHAT are mapped` };
  }
  if (isSegmentStreamRecord(event)) {
    return ignoreSegmentStreamRecord(parseOrThrow(SegmentStreamRecord, event, 'Contact Lens real-time segment stream record'));
  }
  if (isObject(event.Details) && 'ContactData' in event.Details) {
    throw new PayloadError('a contact flow Lambda event is not a webhook delivery: Amazon Connect invokes the flow Lambda directly (see normalizeContactFlowEvent)');
  }
  if (hasEither(event, 'eventType', 'EventType') && hasEither(event, 'contactId', 'ContactId')) {
    return normalizeContactEvent(parseOrThrow(ContactEventDetail, event, 'Amazon Connect contact event detail'), tenant);
  }
  throw new PayloadError(
    'Amazon Connect payload: not a recognised shape — expected an EventBridge "Amazon Connect Contact Event" (or its detail), ' +
      'a Contact Lens analysis file, a Contact Lens rules event or a real-time segment stream record',
  );
}
