import type * as z from '../core/zod.js';
import { parseSesEvent, sesMessageContent, type SesLambdaEvent } from '../channels/email/ses-event.js';
import { INBOUND_PREFIX } from '../adapters/s3/archive-prefixes.js';
import type { HubDependencies } from '../core/dependencies.js';
import { receiveEmail, type EmailDelivery } from '../core/use-cases/receive-email.js';
import { logger } from '../http/logger.js';
import { onAws } from '../wiring/lambda-entry.js';

/** What SES hands the Lambda action (the embedded SMTP listener builds the same). */
export type SesInboundEvent = z.input<typeof SesLambdaEvent>;

/**
 * The SES receipt rule's Lambda action: for each received message, read the MIME the S3 action
 * stored (or the content an SNS notification carried) and ingest it. A virus verdict of FAIL is
 * not ingested (the message stays in the archive); failures throw, so Lambda retries and then
 * dead-letters the event — nothing is dropped silently.
 */
export const build =
  (deps: HubDependencies) =>
  async (event: unknown): Promise<EmailDelivery[]> => {
    const deliveries: EmailDelivery[] = [];
    for (const receipt of parseSesEvent(event)) {
      if (receipt.failedChecks.includes('virus')) {
        logger.warn('inbound mail failed the virus check; archived, not ingested', { sesMessageId: receipt.messageId });
        continue;
      }
      const key = receipt.s3?.objectKey ?? `${INBOUND_PREFIX}${receipt.messageId}`;
      const mime = sesMessageContent(receipt) ?? (await deps.blobs.getBytes(key));
      if (!mime) throw new Error(`inbound message ${receipt.messageId} is not at ${key}`);
      deliveries.push(
        ...(await receiveEmail(deps, {
          mime: Buffer.from(mime),
          recipients: receipt.recipients,
          receivedAt: new Date(receipt.timestamp),
          mailbox: key,
          tags: receipt.failedChecks.includes('spam') ? ['spam'] : [],
        })),
      );
    }
    return deliveries;
  };

export const handler = onAws(build);
