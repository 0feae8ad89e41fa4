import type * as z from '../zod.js';
import type { CommunicationInput } from '../model/communication-input.js';

/** The third-party webhook doors of `POST|GET /v1/webhooks/{tenantId}/{channel}`. */
export const WEBHOOK_CHANNELS = ['wecom', 'zoom', 'teams', 'tencent-meeting', 'dingtalk', 'telephony', 'connect'] as const;
export type WebhookChannel = (typeof WEBHOOK_CHANNELS)[number];

/** A webhook delivery as the adapter sees it: exact bytes, lower-cased header names. */
export interface WebhookRequest {
  readonly method: 'GET' | 'POST';
  readonly headers: Readonly<Record<string, string | undefined>>;
  readonly query: Readonly<Record<string, string | undefined>>;
  readonly rawBody: Buffer;
  readonly receivedAt: Date;
}

/** A literal HTTP answer the vendor expects (URL verification echo, `success`, a challenge JSON). */
export interface VendorResponse {
  readonly statusCode: number;
  readonly contentType: string;
  readonly body: string;
}

/**
 * What a verified delivery means:
 * - `respond`: a handshake (URL verification, challenge) — answer it, store nothing;
 * - `ingest`: communications to store (canonical input; the usual identification, dedup and
 *   threading apply), then answer with `ack` (default `200 {"received": n}`);
 * - `ignore`: verified, but nothing to store (an event type that is not a communication) — say why.
 */
export type WebhookOutcome =
  | { readonly kind: 'respond'; readonly response: VendorResponse }
  | { readonly kind: 'ingest'; readonly items: readonly CommunicationInput[]; readonly ack?: VendorResponse; readonly replay?: VerifiedDelivery }
  | { readonly kind: 'ignore'; readonly reason: string; readonly ack?: VendorResponse; readonly replay?: VerifiedDelivery };

/** What an adapter knows of the tenant besides its channel settings. */
export interface TenantContext {
  readonly tenantId: string;
  /** IANA zone, e.g. `Asia/Shanghai`: for vendor times given without an offset. */
  readonly timezone: string;
  /** Email domains of the tenant's own staff: a sender there makes a communication `outbound`. */
  readonly internalDomains: readonly string[];
}

/**
 * A channel adapter: pure (no I/O) — verify the sender, parse, normalise. Throws
 * `SignatureError` (→ 401) when the sender cannot be verified and `PayloadError` (→ 400) when the
 * verified payload cannot be understood. Never throws anything else for bad input.
 */
export interface ChannelAdapter<Settings> {
  readonly channel: WebhookChannel;
  /** The tenant's settings for this channel (`webhooks.<key>` of the tenant settings). */
  readonly settingsKey: string;
  readonly settingsSchema: z.ZodMiniType<Settings>;
  handle(request: WebhookRequest, settings: Settings, tenant: TenantContext): WebhookOutcome;
}

/** Why a signature check failed: named so rejections can be counted and archived per cause. */
export type SignatureFailure = 'missing' | 'forged' | 'stale' | 'replayed' | 'wrong-recipient';

export class SignatureError extends Error {
  override readonly name = 'SignatureError';
  constructor(
    readonly failure: SignatureFailure,
    message: string,
    /** For replay protection: a value unique to this signed delivery (e.g. the signature), when there is one. */
    readonly deliveryId?: string,
  ) {
    super(message);
  }
}

/** A verified payload that does not parse or lacks what a record needs; the message names the field. */
export class PayloadError extends Error {
  override readonly name = 'PayloadError';
}

/**
 * Signed deliveries the hub must see only once (the replay window): adapters whose vendor signs a
 * timestamp return the value to remember, and the webhook use case rejects a second use of it.
 */
export interface VerifiedDelivery {
  /** Unique per signed delivery (e.g. `t=…,v1=…`); remembered until `expiresAt`. */
  readonly replayKey: string;
  readonly expiresAt: Date;
}
