import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseEmail } from '../../functions/channels/email/parse-email.js';

const EMAIL_DIR = join(import.meta.dirname, '../../../shared/fixtures/email');
/** Every .eml fixture, so a new one is covered without touching this file. */
const FIXTURES = [
  ...readdirSync(EMAIL_DIR).filter((f) => f.endsWith('.eml')),
  ...readdirSync(join(EMAIL_DIR, 'ses')).filter((f) => f.endsWith('.eml')).map((f) => `ses/${f}`),
];
const fixture = (name: string) => readFileSync(join(EMAIL_DIR, name));
const parseFixture = (name: string) => parseEmail(fixture(name));
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const md5 = (bytes: Buffer) => createHash('md5').update(bytes).digest('hex');
const crlf = (text: string) => text.replace(/\r\n/g, '\n');

describe('parseEmail over every fixture', () => {
  it('finds the fixtures', () => {
    expect(FIXTURES.length).toBeGreaterThanOrEqual(60);
  });

  it.each(FIXTURES)('parses %s without throwing, with consistent attachments', async (name) => {
    // Act
    const mail = await parseFixture(name);

    // Assess
    expect(typeof mail.text).toBe('string');
    expect(mail.text).not.toContain('\r');
    expect(Array.isArray(mail.warnings)).toBe(true);
    if (mail.date !== null) expect(Number.isNaN(Date.parse(mail.date))).toBe(false);
    for (const id of [mail.messageId, mail.inReplyTo, ...mail.references]) if (id !== null) expect(id).not.toMatch(/[<>\s]/);
    for (const attachment of mail.attachments) {
      expect(attachment.fileName.length).toBeGreaterThan(0);
      expect(attachment.sizeBytes).toBe(attachment.content.length);
      expect(attachment.sha256).toBe(sha256(attachment.content));
    }
  });
});

/** The expected results SOURCES.md lists for the fixtures (from each source project's own tests). */
describe('expected values per fixture (fixtures/SOURCES.md)', () => {
  it.each([
    ['demisto-gb2312-body.eml', '你好，我是程序员，很高兴认识你'],
    ['demisto-gbk-body.eml', '你好，中国'],
    ['demisto-big5-body.eml', '圖形碼'],
    ['demisto-iso2022jp-body.eml', '中文字'],
  ])('decodes the charset of %s', async (name, text) => {
    expect((await parseFixture(name)).text.trim()).toBe(text);
  });

  it('reads raw 8-bit UTF-8 in the Subject (demisto-utf8-chinese-8bit)', async () => {
    const mail = await parseFixture('demisto-utf8-chinese-8bit.eml');
    expect(mail.subject).toBe('示例邮件');
    expect(mail.text).toBe(crlf('这是一个示例邮件，用于演示指定的条件。\r\n它使用了 UTF-8 编码，可以支持多种语言的字符，包括中文。\r\n祝好，\r\n发件人'));
  });

  it('re-reads a mailbox hidden in an unknown-8bit encoded word (demisto-unknown-8bit-headers)', async () => {
    expect((await parseFixture('demisto-unknown-8bit-headers.eml')).from).toEqual({ name: 'test', address: 'test@test.com' });
  });

  it('keeps a text part falsely declared base64 and names the attached .eml (demisto-attached-eml-html)', async () => {
    const mail = await parseFixture('demisto-attached-eml-html.eml');
    expect(mail.text.trim()).toBe('Email with attached another email');
    expect(mail.html).toBeUndefined();
    expect(mail.attachments.map((a) => a.fileName)).toEqual(['original_message.eml']);
    expect(mail.warnings.join('\n')).toMatch(/declared base64 but is not base64/);
  });

  it('detects Big5 in a part declared us-ascii (enmime-big5-declared-us-ascii)', async () => {
    const mail = await parseFixture('enmime-big5-declared-us-ascii.eml');
    expect(mail.text).toContain('夫九州之人，言語不同');
    expect(mail.warnings.join('\n')).toMatch(/declared charset "us-ascii" but contains 8-bit bytes; decoded as big5/);
  });

  it('detects UTF-8 in a part declared us-ascii (enmime-utf8-declared-us-ascii)', async () => {
    const mail = await parseFixture('enmime-utf8-declared-us-ascii.eml');
    expect(mail.text).toContain('∮ E⋅da = Q');
    expect(mail.warnings.join('\n')).toMatch(/"us-ascii" but contains 8-bit bytes; decoded as utf-8/);
  });

  it('recovers the attachment after a missing final boundary (enmime-missing-final-boundary)', async () => {
    const mail = await parseFixture('enmime-missing-final-boundary.eml');
    expect(mail.attachments.map((a) => [a.fileName, a.content.toString()])).toEqual([['foo_9E5D72.zip', '<html>\n']]);
    expect(mail.text).toBe('A text section');
    expect(mail.warnings.join('\n')).toMatch(/missing final boundary "--Enmime-Test-100--"/);
  });

  it('reports malformed base64 and keeps what decodes (enmime-malformed-base64-attachment)', async () => {
    const mail = await parseFixture('enmime-malformed-base64-attachment.eml');
    expect(mail.attachments.map((a) => [a.fileName, a.content.toString()])).toEqual([['some.doc', '<html>\n']]);
    expect(mail.warnings).toContain('malformed base64 in attachment "some.doc"; invalid characters skipped');
  });

  it('falls back on an unknown charset (enmime-unknown-charset-part)', async () => {
    const mail = await parseFixture('enmime-unknown-charset-part.eml');
    expect(mail.text).toBe('A text section');
    expect(mail.warnings.join('\n')).toMatch(/unknown charset "fakescii" in text part 1, decoded as us-ascii/);
  });

  it('reports broken header folding and still finds the attachment (enmime-bad-header-wrap)', async () => {
    const mail = await parseFixture('enmime-bad-header-wrap.eml');
    expect(mail.attachments.map((a) => a.fileName)).toEqual(['7DDA4_foo_9E5D72.zip']);
    expect(mail.warnings.join('\n')).toMatch(/malformed header line in part 2/);
  });

  it('reads text, html and the inline image (enmime-html-inline-image)', async () => {
    const mail = await parseFixture('enmime-html-inline-image.eml');
    expect(mail.text).toBe('Test of text section');
    expect(mail.html).toContain('>Test of HTML section<');
    expect(mail.attachments.map((a) => [a.fileName, a.inline])).toEqual([['favicon.png', true]]);
  });

  it('keeps the sender and subject of a forward with raw 8-bit To (imaptools-forwarded-raw8bit-to)', async () => {
    const mail = await parseFixture('imaptools-forwarded-raw8bit-to.eml');
    expect(mail.subject).toBe('статус');
    expect(mail.from?.address).toBe('i.kor@company.ru');
  });

  it('keeps a base64 root part as the attachment (mailparser-base64-root-attachment)', async () => {
    const mail = await parseFixture('mailparser-base64-root-attachment.eml');
    expect(mail.attachments.map((a) => a.sha256)).toEqual(['3d0c2d17edd1fed968f66ca200e7c165efd63834b488eec53deb24cca49c3d7b']);
  });

  it.each([
    ['mailparser-fwd-empty-rfc822.eml', '\n\nNote: forwarded message attached.\n       \n---------------------------------\nBe a better something.\nCheck it out.'],
    ['mailparser-mixed.eml', '\nThis e-mail message has been scanned for Viruses and Content and cleared\n\nGood Morning;\n\n'],
    ['mailparser-nested.eml', '\nDear Sir,\n\nGood evening.\n\n\n\n\n\n\n\nThe footer\n'],
    ['mailparser-simple.eml', 'Hello world!\n'],
    ['phpmime-forward-rfc822-attached.eml', 'This is the forward email send both emails will have both text and html variances available\n'],
    ['rubymail-bad-encoded-word.eml', 'TEST\n'],
    ['rubymail-encoding-madness.eml', 'Body Text'],
    ['rubymail-iso2022jp-body-utf8-subject.eml', 'すみません。\n\n'],
    ['rubymail-shift-jis-8bit.eml', 'あいうえお\n\nこのメールはテスト用のメールです。\n\n今後ともよろしくお願い申し上げます！\n'],
    ['webklex-embedded-rfc822.eml', 'email that contains embedded message'],
    ['webklex-references-multi.eml', 'Hi\nHow are you?\n'],
    ['webklex-undisclosed-recipients.eml', 'Hi!\n'],
    ['webklex-x-gbk-charset-label.eml', 'Hi\n'],
    ['ses/ses-sns-action-base64-content.decoded.eml', 'Amazon SES Test\nThis email was sent with Amazon SES.'],
  ])('gives the expected text for %s', async (name, text) => {
    expect((await parseFixture(name)).text).toBe(text);
  });

  it.each([
    ['mailparser-nodemailer-unicode-attachments.eml', 'Nodemailer is unicode friendly ✔ (1476358788189)'],
    ['phpmime-cid-inline-images.eml', 'Testing MIME E-mail composing with cid'],
    ['phpmime-iso-8859-8-i-subject.eml', "מענה 'אני לא נמצא': Invoice 02722027"],
    ['phpmime-iso2022jp-subject-cyrillic.eml', 'ЖД№41 от 28.09.2016'],
    ['phpmime-iso8859-1-qp-subject-attachment.eml', 'Mail avec fichier attaché de 1ko'],
    ['phpmime-ks_c_5601-1987-attachment-name.eml', '[Korea] Name'],
    ['phpmime-text-calendar.eml', '1'],
    ['phpmime-windows1250-subject-iso2022jp-body.eml', 'Automatyczna odpowiedź: Piotrze, test z 6 miesięcy nauki ciągle na Ciebie czeka'],
    ['phpmime-x-mac-cyrillic.eml', 'Scientific conferences, Bulgaria 2019'],
    ['postalmime-calendar-invite.eml', 'Invitation: Test event ⏰ @ Thu Apr 11, 2024 11am - 12pm (GMT+3) (andris@ethereal.email)'],
    ['rubymail-bad-encoded-word.eml', 'TEST'],
    ['rubymail-empty-in-reply-to.eml', 'illegal copy of our patient education software'],
    ['rubymail-encoding-madness.eml', 'eBay Bid - 2008 Ford Super Duty F-350 DRW King Ranch Crew Cab 4x4 (156) - Stock# XXXX'],
    ['rubymail-iso2022jp-body-utf8-subject.eml', 'まみむめも'],
    ['rubymail-rfc6532-utf8-headers.eml', 'Säying Hello'],
    ['rubymail-utf8-b-encoded-subject.eml', 'まみむめも'],
    ['webklex-embedded-rfc822.eml', 'embedded message'],
    ['webklex-ks_c_5601-1987-headers.eml', 'RE: 회원님께 Ersi님이 메시지를 보냈습니다.'],
    ['webklex-missing-date.eml', 'Nuu'],
    ['webklex-missing-from.eml', 'Nuu'],
    ['webklex-references-multi.eml', ''],
    ['webklex-undisclosed-recipients.eml', 'test'],
    ['phpmime-gb2312-label-japanese-dsn.eml', ''],
    ['ses/ses-sns-action-base64-content.decoded.eml', 'Amazon SES Test'],
  ])('gives the expected subject for %s', async (name, subject) => {
    expect((await parseFixture(name)).subject).toBe(subject);
  });

  it('reads the nodemailer fixture: unicode name, RFC 2231 file name, 4 attachments', async () => {
    const mail = await parseFixture('mailparser-nodemailer-unicode-attachments.eml');
    expect(mail.attachments).toHaveLength(4);
    expect(mail.attachments[2]?.fileName).toBe('nyan cat ✔.gif');
    expect(md5(mail.attachments[2]?.content ?? Buffer.alloc(0))).toBe('2822cbcf68de083b96ac3921d0e308a2');
    expect(mail.to).toEqual([
      { name: 'Andris Reinman', address: 'andris+123@kreata.ee' },
      { name: '', address: 'andris.reinman@gmail.com' },
    ]);
  });

  it('keeps inline cid images apart from the real attachment (phpmime-cid-inline-images)', async () => {
    const mail = await parseFixture('phpmime-cid-inline-images.eml');
    expect(mail.attachments.map((a) => [a.fileName, a.inline, a.sizeBytes])).toEqual([
      ['logo.jpg', true, 2695],
      ['background.jpg', true, 18255],
      ['attachment.txt', false, 2229],
    ]);
  });

  it('derives readable text for an HTML-only forward (phpmime-forward-html-with-text-rfc822)', async () => {
    const mail = await parseFixture('phpmime-forward-html-with-text-rfc822.eml');
    expect(mail.html).toBe('<html><body>An RFC 822 forward with a <em>HTML</em> body</body></html>\n');
    expect(mail.text).toBe('An RFC 822 forward with a HTML body');
  });

  it('does not leak the forwarded message into the body (phpmime-forward-rfc822-attached)', async () => {
    const mail = await parseFixture('phpmime-forward-rfc822-attached.eml');
    expect(mail.html).toBe(
      '<html><body><div>This is the forward email send both\nemails will have both text and html\nvariances available &nbsp;</div></body></html>',
    );
    expect(mail.attachments.map((a) => a.contentType)).toEqual(['message/rfc822']);
  });

  it('reads a gb2312 label as GB18030 (phpmime-gb2312-label-japanese-dsn)', async () => {
    const mail = await parseFixture('phpmime-gb2312-label-japanese-dsn.eml');
    expect(mail.text).toContain('次の受信者またはグループへの配信に失敗しました:');
    expect(mail.from?.address).toBe('foo@bar.de');
    expect(mail.report).toBe('delivery-status');
  });

  it.each([
    ['phpmime-iso-8859-8-i-subject.eml', [['attach01', 'application/octet-stream']]],
    ['phpmime-iso8859-1-qp-subject-attachment.eml', [['attach01', 'application/octet-stream']]],
    ['phpmime-text-calendar.eml', [['part-3.ics', 'text/calendar']]],
    ['rubymail-nonascii-8bit-filename.eml', [['ciële.txt', 'text/plain']]],
    ['webklex-embedded-rfc822.eml', [['demo.eml', 'message/rfc822']]],
    ['stalwart-malformed-022.eml', [['broken.eml', 'message/rfc822']]],
  ])('lists the attachments of %s', async (name, expected) => {
    expect((await parseFixture(name)).attachments.map((a) => [a.fileName, a.contentType])).toEqual(expected);
  });

  it('decodes the ks_c_5601-1987 file name and keeps the truncated JPEG (phpmime-ks_c_5601-1987-attachment-name)', async () => {
    const mail = await parseFixture('phpmime-ks_c_5601-1987-attachment-name.eml');
    expect(mail.attachments.map((a) => [a.fileName, a.contentType])).toEqual([['사진.JPG', 'image/jpeg'], ['ATT00001.txt', 'text/plain']]);
    expect(mail.attachments[1]?.content.toString()).toContain('iPhone');
    // The fixture's JPEG base64 was cut to 233 characters: one dangling character cannot encode a byte.
    expect(mail.warnings).toContain('malformed base64 in attachment "사진.JPG"; invalid characters skipped');
  });

  it('counts calendar and torture-test attachments like postal-mime', async () => {
    const invite = await parseFixture('postalmime-calendar-invite.eml');
    expect(invite.attachments).toHaveLength(2);
    expect(invite.attachments[0]?.sha256).toBe(invite.attachments[1]?.sha256);
    expect(invite.attachments[0]?.content.toString()).toContain('METHOD:REQUEST');
    expect((await parseFixture('postalmime-mimetorture.eml')).attachments).toHaveLength(9);
  });

  it('flags bounces and feedback reports', async () => {
    const ses = await parseFixture('mailparser-ses-delivery-status.eml');
    expect(ses.text).toContain('Status: 5.1.1');
    expect(ses.report).toBe('delivery-status');
    const postfix = await parseFixture('postalmime-bounce-dsn.eml');
    expect([postfix.report, postfix.autoSubmitted]).toEqual(['delivery-status', 'auto-replied']);
    // postal-mime counts 2 attachments; the message/delivery-status part is read as text here (Status: …).
    expect(postfix.attachments.map((a) => a.contentType)).toEqual(['message/rfc822']);
    expect(postfix.text).toContain('Status: 5.0.0');
    expect((await parseFixture('postalmime-arf-feedback-report.eml')).report).toBe('feedback-report');
  });

  it('reads threading headers without angle brackets', async () => {
    const reply = await parseFixture('phpmime-reply-in-reply-to.eml');
    expect([reply.messageId, reply.inReplyTo, reply.references]).toEqual([
      'CAH-PCH47Mx9AiP9yWLK+_nv8hpWHyXDjnn-h0sk66gPFOpRPxA@mail.gmail.com',
      'CAFMT4NpJxuuqc-wTr1aE4K+wZBT8+04j+9-SsY+nhUMU83fDUg@mail.gmail.com',
      ['CAFMT4NpJxuuqc-wTr1aE4K+wZBT8+04j+9-SsY+nhUMU83fDUg@mail.gmail.com'],
    ]);
    expect(reply.warnings.join('\n')).toMatch(/10 malformed header lines in the message ignored/);
    const multi = await parseFixture('webklex-references-multi.eml');
    expect(multi.inReplyTo).toBe('b9e87bd5e661a645ed6e3b832828fcc5@example.com');
    expect(multi.references).toEqual(['231d9ac57aec7d8c1a0eacfeab8af6f3@example.com', '08F04024-A5B3-4FDE-BF2C-6710DE97D8D9@example.com']);
    expect(multi.from).toEqual({ name: 'no_host', address: '' });
    const empty = await parseFixture('rubymail-empty-in-reply-to.eml');
    expect([empty.inReplyTo, empty.from?.address]).toEqual([null, 'ak@g.com']);
  });

  it('never invents a Date or a From', async () => {
    const undated = await parseFixture('webklex-missing-date.eml');
    expect(undated.date).toBeNull();
    expect(undated.warnings).toContain('no Date header');
    const anonymous = await parseFixture('webklex-missing-from.eml');
    expect(anonymous.from).toBeNull();
    expect(anonymous.warnings).toContain('no From header');
    expect((await parseFixture('enmime-bad-header-wrap.eml')).date).toBe('2012-10-18T22:48:39-07:00');
  });

  it('reads addresses: RFC 6532 UTF-8, empty groups, raw 8-bit display names', async () => {
    expect((await parseFixture('rubymail-rfc6532-utf8-headers.eml')).from).toEqual({ name: 'Jöhn Doe', address: 'jdöe@mächine.example' });
    expect((await parseFixture('webklex-ks_c_5601-1987-headers.eml')).from).toEqual({ name: '김 현진', address: 'from@there.com' });
    expect((await parseFixture('rubymail-encoding-madness.eml')).replyTo).toEqual([{ name: 'KLAUS- HÄNSCHEL', address: '' }]);
    expect((await parseFixture('rubymail-illegal-boundary.eml')).html).toContain('<HTML>');
  });

  it('finds the inline image of a headerless related part by its Content-ID (webklex-inline-cid-image)', async () => {
    const mail = await parseFixture('webklex-inline-cid-image.eml');
    expect(mail.attachments.map((a) => [a.contentId, a.inline])).toEqual([['ii_15f0aad691bb745f', true]]);
  });
});
