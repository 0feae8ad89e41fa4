import { SendEmailCommand, type SESv2Client } from '@aws-sdk/client-sesv2';
import { MESSAGE_ID_HEADER, type Mailer, type OutgoingMail, type RawMailer, type RawOutgoingMail } from '../../core/ports/mailer.js';

/** SES header values: printable ASCII, name and value together at most 996 characters (MessageHeader, SESv2 API reference). */
const HEADER_VALUE_MAX_LENGTH = 996 - MESSAGE_ID_HEADER.length;

export interface SesMailerOptions {
  readonly client: SESv2Client;
  /** A verified identity (address or domain) of the account. */
  readonly from: string;
  /** For bounce/complaint event publishing and dedicated IP pools. */
  readonly configurationSetName?: string;
}

/**
 * Sends the hub's mail (alerts, reports) through SES v2 as simple content: SES builds the MIME and,
 * given `Charset: 'UTF-8'`, encodes the Chinese subject and bodies itself (Content, SESv2 API reference). The mail's stable id travels as the
 * `X-CommHub-Message-Id` header (simple content accepts custom headers, `Message.Headers`), not as a
 * message tag: tags become CloudWatch dimensions, where a per-mail value is the wrong cardinality.
 * SES has no idempotency token, so a retried send may deliver twice; the header is what lets the
 * recipient's side recognise the repeat.
 *
 * `sendRaw` sends pre-built MIME as `Content.Raw` unchanged (reports, whose bytes also go to the
 * outbox in embedded mode); the message's own `From` should name the same verified identity.
 *
 * @example
 * const mailer = createSesMailer({ client: new SESv2Client({}), from: 'CommHub <alerts@example.com>' });
 * await mailer.send({ to: ['ops@example.com'], subject: '每日报告', text: '…', messageId: 'report-T001-2024-06-15' });
 */
export function createSesMailer(options: SesMailerOptions): Mailer & RawMailer {
  const { client, from, configurationSetName } = options;
  const configurationSet = configurationSetName === undefined ? {} : { ConfigurationSetName: configurationSetName };
  return {
    async send(mail: OutgoingMail): Promise<void> {
      await client.send(
        new SendEmailCommand({
          FromEmailAddress: from,
          Destination: { ToAddresses: [...mail.to] },
          Content: {
            Simple: {
              Subject: { Data: mail.subject, Charset: 'UTF-8' },
              Body: {
                Text: { Data: mail.text, Charset: 'UTF-8' },
                ...(mail.html === undefined ? {} : { Html: { Data: mail.html, Charset: 'UTF-8' } }),
              },
              Headers: [{ Name: MESSAGE_ID_HEADER, Value: headerValue(mail.messageId) }],
            },
          },
          ...configurationSet,
        }),
      );
    },

    async sendRaw(mail: RawOutgoingMail): Promise<void> {
      await client.send(
        new SendEmailCommand({
          FromEmailAddress: from,
          Destination: { ToAddresses: [...mail.to] },
          Content: { Raw: { Data: mail.raw } },
          ...configurationSet,
        }),
      );
    },
  };
}

/** Ids are ASCII in practice; anything else is percent-encoded rather than refused by SES. */
function headerValue(messageId: string): string {
  const printable = /^[\x20-\x7e]*$/.test(messageId) ? messageId : encodeURIComponent(messageId);
  return printable.slice(0, HEADER_VALUE_MAX_LENGTH);
}
