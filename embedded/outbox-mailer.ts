import { createHash, randomUUID } from 'node:crypto';
import { mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { systemClock, type Clock } from '../functions/core/ports/clock.js';
import { composeMimeMessage, messageIdHeader } from '../functions/core/reports/mime-message.js';
import { MESSAGE_ID_HEADER, type Mailer, type OutgoingMail, type RawMailer, type RawOutgoingMail } from '../functions/core/ports/mailer.js';

export interface OutboxMailerOptions {
  /** Folder the `.eml` files go to; created when missing. */
  readonly directory: string;
  readonly from: string;
  /** Stamps the file names and the `Date` header. @default systemClock */
  readonly clock?: Clock;
}

/** Long ids keep a readable head and a digest, under common 255-byte file-name limits. */
const ID_PART_MAX_LENGTH = 180;
/** `yyyymmddThhmmss-` */
const STAMP_PART_LENGTH = 16;
const STAMPED_NAME = /^\d{8}T\d{6}-/;

/**
 * The embedded runtime's mailer: every mail becomes one RFC 5322 `.eml` file in an outbox folder,
 * named `<yyyymmddThhmmss>-<messageId>.eml`, that any mail client opens. The file is written under a
 * temporary name and renamed, so a reader never sees half a message; a messageId already in the
 * outbox is not written again, so a retried send leaves one file. Sends are serialised in-process
 * (the embedded hub is one process), which makes the check-then-write safe. `sendRaw` writes
 * pre-built MIME byte for byte, the same bytes SES would get on AWS.
 *
 * @example
 * const mailer = createOutboxMailer({ directory: join(dataDir, 'outbox'), from: 'CommHub <hub@localhost>' });
 * await mailer.send({ to: ['ops@example.com'], subject: '每日报告', text: '…', messageId: 'report-T001-2024-06-15' });
 */
export function createOutboxMailer(options: OutboxMailerOptions): Mailer & RawMailer {
  const { directory, from, clock = systemClock } = options;
  let tail: Promise<unknown> = Promise.resolve();

  /** Writes the message unless its id is in the outbox already; `build` runs only when it is not. */
  async function write(messageId: string, build: (now: Date) => Promise<Uint8Array>): Promise<void> {
    await mkdir(directory, { recursive: true });
    const idPart = fileNamePart(messageId);
    const already = (await readdir(directory)).some((name) => STAMPED_NAME.test(name) && name.slice(STAMP_PART_LENGTH) === `${idPart}.eml`);
    if (already) return;

    const now = clock.now();
    const message = await build(now);
    const finalPath = join(directory, `${fileStamp(now)}-${idPart}.eml`);
    const tmpPath = join(directory, `.${randomUUID()}.eml.tmp`);
    try {
      await writeFile(tmpPath, message);
      await rename(tmpPath, finalPath);
    } catch (error) {
      await rm(tmpPath, { force: true });
      throw error;
    }
  }

  async function compose(mail: OutgoingMail, now: Date): Promise<Buffer> {
    return composeMimeMessage({
      from,
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      date: now,
      messageId: messageIdHeader(mail.messageId, from),
      headers: { [MESSAGE_ID_HEADER]: mail.messageId },
    });
  }

  /** One write at a time, so the "already in the outbox?" check sees every earlier write. */
  function serialised(work: () => Promise<void>): Promise<void> {
    const sent = tail.then(work);
    tail = sent.catch(() => undefined);
    return sent;
  }

  return {
    send(mail: OutgoingMail): Promise<void> {
      return serialised(() => write(mail.messageId, (now) => compose(mail, now)));
    },
    sendRaw(mail: RawOutgoingMail): Promise<void> {
      return serialised(() => write(mail.messageId, async () => mail.raw));
    },
  };
}

/** `2024-06-15T02:30:00.000Z` → `20240615T023000` (UTC). */
function fileStamp(date: Date): string {
  return date.toISOString().slice(0, 19).replace(/[-:]/g, '');
}

/**
 * The messageId as a file-name part, reversibly: characters outside `[A-Za-z0-9._@+-]` become
 * `%XX` per UTF-8 byte, so two ids never share a name (replacing them with `_` would merge `a/b` and
 * `a_b`, and the second mail would be taken for a retry of the first).
 */
function fileNamePart(messageId: string): string {
  const encoded = Array.from(Buffer.from(messageId, 'utf8'), (byte) => {
    const char = String.fromCharCode(byte);
    return /[A-Za-z0-9._@+-]/.test(char) ? char : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }).join('');
  if (encoded.length <= ID_PART_MAX_LENGTH) return encoded;
  // `~` is never produced by the encoding above, so a digested name cannot equal an encoded one.
  const digest = createHash('sha256').update(messageId).digest('hex').slice(0, 16);
  return `${encoded.slice(0, ID_PART_MAX_LENGTH - 17)}~${digest}`;
}
