import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { SMTPServer, type SMTPServerAddress } from 'smtp-server';
import type { HubDependencies } from '../functions/core/dependencies.js';
import { logger } from '../functions/http/logger.js';
import { withCorrelation } from '../functions/observability/correlation.js';
import { summarizeError } from '../functions/observability/error-summary.js';
import { INBOUND_PREFIX } from '../functions/adapters/s3/archive-prefixes.js';
import { PayloadError } from '../functions/core/channels/channel-adapter.js';
import type { SesInboundEvent } from '../functions/events/ses-inbound.js';

export interface SmtpListenerOptions {
  readonly port: number;
  readonly host: string;
  readonly deps: HubDependencies;
  /** The raw archive bucket, where SES's S3 action would put the message. */
  readonly s3: S3Client;
  readonly rawArchiveBucket: string;
  /** The SES Lambda's logic: the same code runs on AWS. */
  readonly deliver: (event: SesInboundEvent) => Promise<unknown>;
  /** SES accepts messages up to 40 MB (after encoding); the same limit here. */
  readonly maxBytes?: number;
}

const smtpError = (code: number, message: string) => Object.assign(new Error(message), { responseCode: code });

/**
 * The embedded stand-in for SES inbound: accepts mail for the tenants' inbound addresses, stores
 * the MIME where SES's S3 action would, then hands the same handler an SES-shaped event. The 250
 * reply is sent only after the message is stored and handled — nothing acknowledged is lost.
 */
export async function startSmtpListener(options: SmtpListenerOptions): Promise<{ port: number; close(): Promise<void> }> {
  const maxBytes = options.maxBytes ?? 40 * 1024 * 1024;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    size: maxBytes,
    banner: 'CommHub embedded inbound mail',
    logger: false,
    onRcptTo(address: SMTPServerAddress, _session, callback) {
      options.deps.tenants.findTenantByInboundAddress(address.address).then(
        (found) => callback(found ? null : smtpError(550, `5.1.1 <${address.address}>: no CommHub tenant receives mail at this address`)),
        (error: unknown) => callback(smtpError(451, `4.3.0 temporary failure: ${(error as Error).message}`)),
      );
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('error', (error) => callback(error));
      stream.on('end', () => {
        if (stream.sizeExceeded) return callback(smtpError(552, `5.3.4 message exceeds ${maxBytes} bytes`));
        const mime = Buffer.concat(chunks);
        const recipients = session.envelope.rcptTo.map((r) => r.address);
        const from = session.envelope.mailFrom === false ? '' : session.envelope.mailFrom.address;
        // One scope per message, as the SES Lambda has one invocation per message.
        withCorrelation({ requestId: randomUUID() }, () => accept(options, mime, recipients, from)).then(
          (messageId) => callback(null, `2.0.0 queued as ${messageId}`),
          (error: unknown) => {
            // A message that is not RFC 5322 will never parse: a 4xx would make the sender retry it forever
            // (RFC 5321 §4.2.1), so it is refused for good — its MIME is already in the raw archive.
            if (error instanceof PayloadError) return callback(smtpError(554, `5.6.0 ${error.message}`));
            logger.error('inbound mail not accepted', { error: summarizeError(error) });
            callback(smtpError(451, '4.3.0 could not store the message; try again later'));
          },
        );
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  server.on('error', (error) => logger.error('smtp listener error', { error: summarizeError(error) }));
  const { port } = server.server.address() as AddressInfo;
  return { port, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

async function accept(options: SmtpListenerOptions, mime: Buffer, recipients: string[], from: string): Promise<string> {
  const messageId = randomUUID().replaceAll('-', '');
  const now = new Date().toISOString();
  await options.s3.send(new PutObjectCommand({ Bucket: options.rawArchiveBucket, Key: `${INBOUND_PREFIX}${messageId}`, Body: mime, ContentType: 'message/rfc822' }));
  await options.deliver({
    Records: [
      {
        eventSource: 'aws:ses',
        eventVersion: '1.0',
        ses: {
          mail: { timestamp: now, source: from, messageId, destination: recipients },
          receipt: {
            timestamp: now,
            recipients,
            spamVerdict: { status: 'PROCESSING_FAILED' },
            virusVerdict: { status: 'PROCESSING_FAILED' },
            action: { type: 'Lambda', invocationType: 'RequestResponse' },
          },
        },
      },
    ],
  });
  return messageId;
}
