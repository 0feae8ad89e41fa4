import { simpleParser } from 'mailparser';
import { describe, expect, it } from 'vitest';
import { composeMimeMessage, MimeMessageError, rfc5322Date, type MimeMessageParts } from '../../functions/core/reports/mime-message.js';

const base: MimeMessageParts = {
  from: 'CommHub <hub@example.com>',
  to: ['ops@example.com'],
  subject: 'Daily report',
  date: new Date('2024-06-17T01:00:05Z'),
  text: 'hello',
};

const linesOf = (raw: Buffer) => raw.toString('latin1').split('\r\n');
const headOf = (raw: Buffer) => raw.toString('latin1').split('\r\n\r\n')[0] ?? '';

describe('MIME message', () => {
  it('writes a long Chinese subject as encoded words that decode back to it, no line over 78 characters', async () => {
    // Prepare
    const subject = '客户沟通周报 2024-06-10 至 2024-06-16 · 29 条沟通，新增风险 1 · 上海华东区重点客户续约提醒与投诉处理进展汇总';

    // Act
    const raw = composeMimeMessage({ ...base, subject });

    // Assess
    expect((await simpleParser(raw)).subject).toBe(subject);
    expect(headOf(raw).match(/=\?UTF-8\?B\?/g)?.length).toBeGreaterThan(2);
    expect(Math.max(...linesOf(raw).map((line) => line.length))).toBeLessThanOrEqual(78);
    expect([...raw].every((byte) => byte < 0x80)).toBe(true);
  });

  it('never splits a character across encoded words, emoji included', async () => {
    // Prepare: 4-byte characters at every offset of a word's 45-byte budget
    for (const lead of ['', 'a', 'ab']) {
      const subject = `${lead}${'😀'.repeat(30)}报告`;

      // Act
      const parsed = await simpleParser(composeMimeMessage({ ...base, subject }));

      // Assess
      expect(parsed.subject).toBe(subject);
    }
  });

  it('folds a long ASCII subject at its spaces, which unfold to the same text, double spaces kept', async () => {
    // Prepare
    const subject = `Weekly  report for ${'Acme Trading Co. '.repeat(8)}end`;

    // Act
    const raw = composeMimeMessage({ ...base, subject });

    // Assess
    expect(headOf(raw)).not.toContain('=?UTF-8?');
    expect(
      headOf(raw)
        .split('\r\n')
        .filter((line) => /^(Subject:| )/.test(line)).length,
    ).toBeGreaterThan(1);
    expect((await simpleParser(raw)).subject).toBe(subject);
  });

  it('keeps line breaks in a subject or header from starting headers of their own', async () => {
    // Act
    const raw = composeMimeMessage({ ...base, subject: 'Report\r\nBcc: victim@example.com', headers: { 'X-Note': 'a\nTo: x@example.com' } });

    // Assess
    const parsed = await simpleParser(raw);
    expect(parsed.subject).toBe('Report Bcc: victim@example.com');
    expect(parsed.headers.has('bcc')).toBe(false);
    expect(parsed.headers.get('x-note')).toBe('a To: x@example.com');
    expect([parsed.to].flat().flatMap((list) => list?.value.map((a) => a.address))).toEqual(['ops@example.com']);
  });

  it('writes names as atoms, quoted strings or encoded words, and many recipients folded', async () => {
    // Prepare
    const to = [
      'Smith, J. "Jay" <jay@example.com>',
      '客服主管 <lead@example.com>',
      'plain@example.com',
      ...Array.from({ length: 8 }, (_, i) => `Team Member ${i} <member${i}@example.com>`),
    ];

    // Act
    const raw = composeMimeMessage({ ...base, from: '"CommHub 报告" <reports@hub.example.com>', to });

    // Assess
    const parsed = await simpleParser(raw);
    expect(parsed.from?.value).toEqual([{ name: 'CommHub 报告', address: 'reports@hub.example.com' }]);
    const addresses = [parsed.to].flat().flatMap((list) => list?.value ?? []);
    expect(addresses.map((a) => a.address)).toEqual(['jay@example.com', 'lead@example.com', 'plain@example.com', ...Array.from({ length: 8 }, (_, i) => `member${i}@example.com`)]);
    expect(addresses.slice(0, 2).map((a) => a.name)).toEqual(['Smith, J. "Jay"', '客服主管']);
    expect(Math.max(...linesOf(raw).map((line) => line.length))).toBeLessThanOrEqual(78);
  });

  it('gives the same bytes for the same parts, and another boundary for other content', () => {
    // Act
    const html = '<p>hello</p>';
    const one = composeMimeMessage({ ...base, html });
    const again = composeMimeMessage({ ...base, html });
    const other = composeMimeMessage({ ...base, html: '<p>other</p>' });

    // Assess
    expect(one.equals(again)).toBe(true);
    const boundary = (raw: Buffer) => /boundary="([^"]+)"/.exec(raw.toString('latin1'))?.[1];
    expect(boundary(one)).toMatch(/^commhub-[0-9a-f]{32}$/);
    expect(boundary(other)).not.toBe(boundary(one));
  });

  it('writes a text-only message as one base64 UTF-8 part, with the date and Message-ID given', async () => {
    // Act
    const raw = composeMimeMessage({ ...base, text: '紧急：客户投诉\n请尽快处理。', messageId: '<alert-1@example.com>' });

    // Assess
    const parsed = await simpleParser(raw);
    expect(headOf(raw)).toMatch(/^Content-Type: text\/plain; charset=utf-8$/m);
    expect(headOf(raw)).not.toContain('multipart');
    expect(parsed.text).toBe('紧急：客户投诉\n请尽快处理。');
    expect(parsed.messageId).toBe('<alert-1@example.com>');
    expect(parsed.date?.toISOString()).toBe('2024-06-17T01:00:05.000Z');
  });

  it('writes an RFC 5322 date in UTC', () => {
    // Act / Assess
    expect(rfc5322Date(new Date('2024-06-17T01:00:05Z'))).toBe('Mon, 17 Jun 2024 01:00:05 +0000');
    expect(rfc5322Date(new Date('2025-01-05T23:59:59Z'))).toBe('Sun, 5 Jan 2025 23:59:59 +0000');
  });

  it('refuses an address it cannot write and a header name that is not a token, naming them', () => {
    // Act / Assess
    for (const address of ['no address', 'a@b@example.com', 'José <josé@example.com>', 'x <a@example.com>, y <b@example.com>', 'Evil\r\nBcc: v@example.com']) {
      expect(() => composeMimeMessage({ ...base, to: [address] }), address).toThrow(MimeMessageError);
    }
    expect(() => composeMimeMessage({ ...base, to: ['no address'] })).toThrow('"no address" is not an address');
    expect(() => composeMimeMessage({ ...base, headers: { 'X-Bad: Name': 'v' } })).toThrow(MimeMessageError);
  });
});
