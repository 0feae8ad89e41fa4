import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { PayloadError } from '../../functions/core/channels/channel-adapter.js';
import { planCharset } from '../../functions/channels/email/charset-decoding.js';
import { detectCharset } from '../../functions/channels/email/charset-detection.js';
import { parseEmailDate } from '../../functions/channels/email/email-date.js';
import { htmlToText } from '../../functions/channels/email/html-text.js';
import { messageIdList } from '../../functions/channels/email/message-ids.js';
import { parseEmail, type ParsedEmail } from '../../functions/channels/email/parse-email.js';

const EMAIL_DIR = join(import.meta.dirname, '../../../shared/fixtures/email');
const FIXTURES = readdirSync(EMAIL_DIR).filter((f) => f.endsWith('.eml'));
const fixture = (name: string) => readFileSync(join(EMAIL_DIR, name));
const parseFixture = (name: string) => parseEmail(fixture(name));

interface StalwartPart {
  readonly body: { readonly Text?: string };
  readonly headers?: ReadonlyArray<{ readonly name: string; readonly value: { readonly Text?: string } }>;
}
interface StalwartExpected {
  readonly text_body: readonly number[];
  readonly attachments: readonly number[];
  readonly parts: readonly StalwartPart[];
}
const STALWART = readdirSync(join(EMAIL_DIR, 'stalwart-expected')).map((f) => f.replace('.expected.json', ''));

describe('stalwart-*.eml against stalwartlabs/mail-parser expected trees', () => {
  it.each(STALWART)('%s: subject and every text body part', async (name) => {
    // Prepare
    const expected = JSON.parse(readFileSync(join(EMAIL_DIR, 'stalwart-expected', `${name}.expected.json`), 'utf8')) as StalwartExpected;
    const root = expected.parts[0];
    const subject = root?.headers?.find((h) => h.name === 'subject')?.value.Text ?? '';

    // Act
    const mail = await parseFixture(`${name}.eml`);

    // Assess
    expect(mail.subject).toBe(subject);
    for (const index of expected.text_body) {
      const text = expected.parts[index]?.body.Text;
      if (text !== undefined) expect(mail.text).toContain(text.trim());
    }
  });

  it('keeps a broken message/rfc822 as an attachment (stalwart-malformed-022)', async () => {
    const mail = await parseFixture('stalwart-malformed-022.eml');
    expect(mail.text).toBe('hello');
    expect(mail.attachments[0]?.content.toString()).toContain('this attachment is not a valid eml, sorry!');
  });

  it('reads UTF-16 and EUC-JP parts and reports the unterminated one (stalwart-thirdparty-005)', async () => {
    const mail = await parseFixture('stalwart-thirdparty-005.eml');
    expect(mail.text.split('Test message')).toHaveLength(4);
    expect(mail.text).toContain('『世界人権宣言』');
    expect(mail.warnings.join('\n')).toMatch(/missing final boundary "--1--"/);
  });
});

describe('repairs for mail CommHub sees', () => {
  const message = (headers: Buffer[], body: Buffer = Buffer.from('Hi')) =>
    Buffer.concat([...headers.flatMap((h) => [h, Buffer.from('\r\n')]), Buffer.from('\r\n'), body, Buffer.from('\r\n')]);
  const header = (name: string, value: Buffer) => Buffer.concat([Buffer.from(`${name}: `), value]);

  it('decodes raw GBK Subject and From display name (no RFC 2047 words)', async () => {
    const mail = await parseEmail(
      message([header('From', Buffer.concat([iconv.encode('张伟', 'gbk'), Buffer.from(' <zhang@kehu.cn>')])), header('Subject', iconv.encode('关于合同付款的问题', 'gbk'))]),
    );
    expect(mail.subject).toBe('关于合同付款的问题');
    expect(mail.from).toEqual({ name: '张伟', address: 'zhang@kehu.cn' });
    expect(mail.warnings.join('\n')).toMatch(/raw 8-bit from, subject headers .* decoded as gb18030/);
  });

  it('decodes a raw Big5 Subject', async () => {
    const mail = await parseEmail(message([Buffer.from('From: a@b.tw'), header('Subject', iconv.encode('報價單與交貨時間', 'big5'))]));
    expect(mail.subject).toBe('報價單與交貨時間');
  });

  it('reads isolated 8-bit bytes as Latin-1, not as CJK', async () => {
    const mail = await parseEmail(message([Buffer.from('From: a@b.de'), header('Subject', iconv.encode('Grüße aus München', 'latin1'))]));
    expect(mail.subject).toBe('Grüße aus München');
  });

  it('detects a GBK body sent without any charset', async () => {
    const mail = await parseEmail(message([Buffer.from('From: a@b.cn'), Buffer.from('Content-Type: text/plain')], iconv.encode('您好，请查收附件中的报价。', 'gbk')));
    expect(mail.text.trim()).toBe('您好，请查收附件中的报价。');
  });

  it('skips an mbox From_ line and keeps the sender time zone', async () => {
    const mail = await parseEmail(Buffer.from('From someone@x Mon Jan  1 00:00:00 2024\nFrom: a@b.cn\nDate: Sat, 15 Jun 2024 10:30:00 +0800\n\nhi\n'));
    expect([mail.from?.address, mail.date]).toEqual(['a@b.cn', '2024-06-15T10:30:00+08:00']);
  });

  it.each([Buffer.alloc(0), Buffer.from('\r\n\r\n  '), Buffer.from('just some text, not a message'), Buffer.from([0x00, 0xff, 0x13])])(
    'refuses non-messages with a PayloadError (%#)',
    async (input) => {
      await expect(parseEmail(input)).rejects.toBeInstanceOf(PayloadError);
    },
  );

  it('holds a 25 MB message in about three copies at most', async () => {
    // Prepare: an 18 MB attachment is 24.3 MB of base64.
    const payload = randomBytes(18 * 1024 * 1024);
    const base64 = payload.toString('base64').replace(/.{76}/g, '$&\r\n');
    const mime = Buffer.from(
      `From: a@b.com\r\nSubject: big\r\nContent-Type: multipart/mixed; boundary="XX"\r\n\r\n--XX\r\nContent-Type: text/plain\r\n\r\nhello\r\n--XX\r\nContent-Type: application/octet-stream; name="big.bin"\r\nContent-Transfer-Encoding: base64\r\n\r\n${base64}\r\n--XX--\r\n`,
    );
    const before = process.memoryUsage().arrayBuffers;
    let peak = before;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().arrayBuffers)), 2);

    // Act
    let mail: ParsedEmail;
    try {
      mail = await parseEmail(mime);
    } finally {
      clearInterval(sampler);
    }

    // Assess: beyond the input, at most the decoded chunks plus the joined attachment (+ slack for GC timing).
    expect(mail.attachments[0]?.content.equals(payload)).toBe(true);
    expect(peak - before).toBeLessThan(mime.length * 2);
  }, 60_000);
});

describe('property: any bytes', () => {
  const fixtures = FIXTURES.map(fixture);
  const withTimeout = <T>(promise: Promise<T>, ms: number) =>
    Promise.race([promise, new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`parseEmail hung for ${ms} ms`)), ms).unref())]);

  it('resolves, or rejects only with PayloadError, and never hangs', async () => {
    const mutated = fc
      .record({ index: fc.nat({ max: fixtures.length - 1 }), cut: fc.nat(), flips: fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 20 }) })
      .map(({ index, cut, flips }) => {
        const source = Buffer.from(fixtures[index] as Buffer);
        const bytes = source.subarray(0, source.length === 0 ? 0 : (cut % source.length) + 1);
        for (const [at, value] of flips) if (bytes.length > 0) bytes[at % bytes.length] = value;
        return bytes;
      });
    const random = fc.uint8Array({ maxLength: 4096 }).map((bytes) => Buffer.from(bytes));
    const headed = fc.uint8Array({ maxLength: 4096 }).map((bytes) => Buffer.concat([Buffer.from('Content-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\n'), bytes]));

    await fc.assert(
      fc.asyncProperty(fc.oneof(random, mutated, headed), async (input) => {
        try {
          await withTimeout(parseEmail(input), 5_000);
        } catch (error) {
          expect(error).toBeInstanceOf(PayloadError);
        }
      }),
      { numRuns: 300 },
    );
  }, 120_000);
});

describe('building blocks', () => {
  it.each([
    ['c4e3bac3a3acd6d0b9fa', 'gb18030'], // 你好，中国 in GBK
    ['b9cfa7cebd58', 'big5hkscs'], // 圖形碼 in Big5
    ['e7a4bae4be8b', 'utf-8'], // 示例 in UTF-8
    ['4772fc df652061757320', 'windows-1252'], // "Grüße aus" in Latin-1
    ['4b4c4155532d2048c44e534348454c', 'windows-1252'], // KLAUS- HÄNSCHEL (rubymail-encoding-madness)
  ])('detects %s as %s', (hex, charset) => {
    expect(detectCharset(Buffer.from(hex.replace(/\s/g, ''), 'hex'))).toBe(charset);
  });

  it.each([
    ['gb2312', 'gb18030'],
    ['GBK', 'gb18030'],
    ['X-GBK', 'gb18030'],
    ['ks_c_5601-1987', 'cp949'],
    ['iso-8859-8-i', 'iso-8859-8'],
    ['x-mac-cyrillic', 'maccyrillic'],
    ['"Big5"', 'big5hkscs'],
    ['Shift_JIS', 'cp932'],
    ['windows-1250', 'windows-1250'],
  ])('maps the charset label %s to a superset iconv-lite knows (%s)', (label, encoding) => {
    expect(planCharset(label)).toEqual({ kind: 'table', encoding });
    expect(iconv.encodingExists(encoding)).toBe(true);
  });

  it.each([
    ['us-ascii', 'ascii'],
    [undefined, 'undeclared'],
    ['fakescii', 'unknown'],
    ['unknown-8bit', 'unknown'],
  ])('detects instead of trusting the label %s', (label, why) => {
    expect(planCharset(label)).toEqual({ kind: 'detect', why });
  });

  it.each([
    ['Thu, 18 Oct 2012 22:48:39 -0700', '2012-10-18T22:48:39-07:00'],
    ['14 Jan 2025 12:00:00 +0000', '2025-01-14T12:00:00+00:00'],
    ['Mon, 6 Mar 2017 14:56:51 +0000 (GMT)', '2017-03-06T14:56:51+00:00'],
    ['Sat, 19 Sep 09 10:40:39 PDT', '2009-09-19T10:40:39-07:00'],
    ['Wed, 19 Nov 2014 00:46:01 +0530', '2014-11-19T00:46:01+05:30'],
    ['2024-06-15T10:30:00+08:00', '2024-06-15T02:30:00.000Z'],
    ['31 Feb 2024 10:00:00 +0000', null],
    ['yesterday', null],
    ['2024-06-15 10:30', null],
  ])('reads the Date %j as %j', (value, iso) => {
    expect(parseEmailDate(value)).toBe(iso);
  });

  it('normalises message ids without angle brackets', () => {
    expect(messageIdList(' <a@x> (comment)\r\n <b@\r\n y> <a@x>')).toEqual(['a@x', 'b@y']);
    expect(messageIdList('bare@id.example')).toEqual(['bare@id.example']);
    expect(messageIdList('')).toEqual([]);
    expect(messageIdList(`<${'x'.repeat(600)}@y>`)[0]).toMatch(/^sha256:[0-9a-f]{64}$/);
  });

  it('turns HTML into readable text, linearly', () => {
    expect(htmlToText('<html><head><title>t</title><style>p{}</style></head><body><p>Hello&nbsp;<b>world</b> &amp; &#20320;&#x597D;</p><div>Bye<br>now</div><!-- hidden --></body></html>')).toBe(
      'Hello world & 你好\n\nBye\nnow',
    );
    const started = Date.now();
    htmlToText('<'.repeat(200_000) + '<script>'.repeat(20_000) + '<!--'.repeat(20_000));
    expect(Date.now() - started).toBeLessThan(2_000);
  });
});
