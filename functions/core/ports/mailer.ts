/** An email the hub sends (alerts, reports). */
export interface OutgoingMail {
  readonly to: readonly string[];
  readonly subject: string;
  readonly text: string;
  readonly html?: string;
  /** Stable id, so a retried send can be recognised (`X-CommHub-Message-Id`). */
  readonly messageId: string;
}

/** SES on AWS; `.eml` files in an outbox folder in embedded mode. */
export interface Mailer {
  send(mail: OutgoingMail): Promise<void>;
}
