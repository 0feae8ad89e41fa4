import { connect } from 'node:net';
import fc from 'fast-check';

/** One SMTP session: commands (raw bytes, CRLF added) and, where DATA is reached, a message body. */
export interface SmtpCase {
  readonly commands: readonly Buffer[];
  readonly message: Buffer;
}

const RECIPIENT = 'inbox@t001.commhub.local';
const command = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom('EHLO fuzz.example', 'HELO fuzz', `MAIL FROM:<buyer@auxgroup.com>`, `RCPT TO:<${RECIPIENT}>`, 'RCPT TO:<nobody@nowhere.cn>', 'DATA', 'RSET', 'NOOP', 'VRFY root', 'AUTH PLAIN AGFAYg==', 'STARTTLS', 'MAIL FROM:<>', 'MAIL FROM:<a@b> SIZE=999999999999', 'RCPT TO:<"weird@"@t001.commhub.local>', 'BDAT 10 LAST', 'HELP') },
  { weight: 2, arbitrary: fc.string({ maxLength: 80 }) },
  { weight: 1, arbitrary: fc.constantFrom('X'.repeat(20_000), `MAIL FROM:<${'a'.repeat(5000)}@b.cn>`, `RCPT TO:<${RECIPIENT}${'>'.repeat(100)}`) },
);
const header = fc.oneof(
  fc.constantFrom('From: 王工 <wang@auxgroup.com>', 'To: inbox@t001.commhub.local', 'Subject: =?gb2312?B?1tDOxA==?=', 'Subject: =?x-unknown?Q?=FF=FE?=', 'Subject: =?utf-8?B?!!!?=', 'Content-Type: text/plain; charset=x-no-such-charset', 'Content-Type: text/plain; charset=gbk', 'Content-Transfer-Encoding: base64', 'Content-Transfer-Encoding: quoted-printable', 'Content-Type: multipart/mixed; boundary="b1"', 'Content-Type: multipart/mixed', 'Message-ID: <>', 'Message-ID: <dup@fuzz>', 'Date: not a date', 'Date: Mon, 31 Feb 2024 25:61:61 +9999', 'In-Reply-To: <<<>>>', 'References: ' + '<r@x> '.repeat(500), 'Content-Disposition: attachment; filename="../../etc/passwd"'),
  fc.tuple(fc.string({ maxLength: 20 }), fc.string({ maxLength: 120 })).map(([name, value]) => `${name}: ${value}`),
);
const bodyText = fc.oneof(
  fc.string({ maxLength: 500 }),
  fc.constantFrom('--b1\r\nContent-Type: text/plain\r\n\r\nhi\r\n--b1\r\nContent-Type: application/pdf\r\nContent-Transfer-Encoding: base64\r\n\r\n%%%notbase64\r\n', '--b1\r\n--b1\r\n--b1--', '=E4=B8=AD=\r\n=ZZ', 'A'.repeat(100_000), '\u0000\u0001\u0002', '.\r\n..\r\n.leading dot'),
);
const message = fc.oneof(
  { weight: 4, arbitrary: fc.tuple(fc.array(header, { maxLength: 8 }), bodyText).map(([headers, text]) => Buffer.from(`${headers.join('\r\n')}\r\n\r\n${text}`)) },
  { weight: 1, arbitrary: fc.uint8Array({ maxLength: 2048 }).map((bytes) => Buffer.from(bytes)) },
);

/** Sessions: usually a valid envelope with a broken message, sometimes arbitrary command sequences. */
export const smtpCases: fc.Arbitrary<SmtpCase> = fc.oneof(
  fc.tuple(message, fc.boolean()).map(([m, rcptFirst]) => ({
    commands: ['EHLO fuzz.example', 'MAIL FROM:<buyer@auxgroup.com>', rcptFirst ? `RCPT TO:<${RECIPIENT}>` : 'RCPT TO:<nobody@nowhere.cn>', `RCPT TO:<${RECIPIENT}>`, 'DATA'].map((c) => Buffer.from(c)),
    message: m,
  })),
  fc.tuple(fc.array(command, { minLength: 1, maxLength: 8 }), message).map(([commands, m]) => ({ commands: commands.map((c) => Buffer.from(c)), message: m })),
);

/** Dot-stuffing (RFC 5321 §4.5.2) and the terminator, so the body is one message whatever it contains. */
const stuffed = (m: Buffer) => Buffer.concat([Buffer.from(m.toString('latin1').replace(/(^|\r\n)\./g, '$1..'), 'latin1'), Buffer.from('\r\n.\r\n')]);

/**
 * Plays one session against the listener. Wrong: no greeting, a reply that is not `ddd`, or 451 "could not
 * store" (a temporary failure for malformed mail makes the sender retry it forever; it must be 250 or 5xx).
 */
export function checkSmtpCase(port: number, c: SmtpCase): Promise<string | null> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    let buffer = '';
    let step = -1; // -1: waiting for the greeting
    let inData = false;
    let finished = false;
    const done = (result: string | null) => {
      if (finished) return;
      finished = true;
      clearTimeout(timer);
      socket.destroy();
      resolve(result);
    };
    const timer = setTimeout(() => done(`session stalled at step ${step}: ${buffer.slice(-200)}`), 20_000);
    const sendNext = () => {
      step++;
      if (step > c.commands.length) return;
      if (step < c.commands.length) socket.write(Buffer.concat([c.commands[step] as Buffer, Buffer.from('\r\n')]));
      else socket.end('QUIT\r\n');
    };
    socket.on('error', () => done(step < 0 ? 'connection refused' : null));
    socket.on('close', () => done(step < 0 ? 'closed before greeting' : null));
    socket.setEncoding('latin1').on('data', (chunk: string) => {
      buffer += chunk;
      let end: number;
      while ((end = buffer.indexOf('\r\n')) >= 0) {
        const line = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        if (!/^\d{3}[ -]/.test(line)) return done(`not an SMTP reply: ${JSON.stringify(line.slice(0, 100))}`);
        if (line[3] === '-') continue;
        if (line.startsWith('451')) return done(`temporary failure for a malformed session: ${line}`);
        if (line.startsWith('354')) {
          inData = true;
          socket.write(stuffed(c.message));
          continue;
        }
        if (inData) inData = false;
        sendNext();
      }
    });
  });
}
