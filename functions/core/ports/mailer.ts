/** The header carrying a mail's stable id (`OutgoingMail.messageId`); every mailer writes the same one. */
export const MESSAGE_ID_HEADER = 'X-CommHub-Message-Id';

/** An email the hub sends (alerts, reports). */
export interface OutgoingMail {
  readonly to: readonly string[];
  readonly subject: string;
  readonly text: string;
  readonly html?: string;
  /** Stable id, so a retried send can be recognised (`X-CommHub-Message-Id`). */
  readonly messageId: string;
}

/**
 * An email already composed as MIME (RFC 5322 bytes, headers included), so the bytes SES sends on
 * AWS are the bytes the embedded outbox keeps.
 */
export interface RawOutgoingMail {
  /** Envelope recipients; the message's own `To` header is what readers see. */
  readonly to: readonly string[];
  readonly raw: Uint8Array;
  /** Stable id, so a retried send can be recognised (the `X-CommHub-Message-Id` inside `raw`). */
  readonly messageId: string;
}

/** SES on AWS; `.eml` files in an outbox folder in embedded mode. */
export interface Mailer {
  send(mail: OutgoingMail): Promise<void>;
}

/**
 * Sends pre-built MIME (reports). A separate port from `Mailer` so senders of simple mail and their
 * test doubles need not implement it; both adapters implement both.
 */
export interface RawMailer {
  sendRaw(mail: RawOutgoingMail): Promise<void>;
}
