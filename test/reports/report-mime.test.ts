import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { describe, expect, it } from 'vitest';
import { createOutboxMailer } from '../../embedded/outbox-mailer.js';
import { messageIdHeader } from '../../functions/core/reports/mime-message.js';
import { buildReportMime } from '../../functions/core/reports/report-mime.js';
import { sampleReport } from './report-fixtures.js';

const from = 'CommHub 报告 <reports@hub.example.com>';
const to = ['ops@example.com', '客服主管 <lead@example.com>'];
const date = new Date('2024-06-17T01:00:05Z');

describe('report MIME message', () => {
  it('parses back into a text and an HTML part with the Chinese subject, addresses, date and ids', async () => {
    // Prepare
    const report = sampleReport('zh');

    // Act
    const mime = await buildReportMime({ report, from, to, date, messageId: 'report.T001.weekly.2024-06-10' });

    // Assess
    const parsed = await simpleParser(mime.raw);
    expect(mime.subject).toBe('客户沟通周报 2024-06-10 至 2024-06-16 · 29 条沟通，新增风险 1');
    expect(parsed.subject).toBe(mime.subject);
    expect(parsed.html).toContain('<table role="presentation" width="600"');
    expect(parsed.html).toBe(mime.html);
    expect(parsed.text).toContain('沟通总数: 29');
    expect(parsed.from?.value).toEqual([{ name: 'CommHub 报告', address: 'reports@hub.example.com' }]);
    expect([parsed.to].flat().flatMap((list) => list?.value.map((address) => address.address))).toEqual(['ops@example.com', 'lead@example.com']);
    expect(parsed.date?.toISOString()).toBe('2024-06-17T01:00:05.000Z');
    expect(parsed.messageId).toBe('<report.T001.weekly.2024-06-10@hub.example.com>');
    expect(parsed.headers.get('x-commhub-message-id')).toBe('report.T001.weekly.2024-06-10');
  });

  it('is a 7-bit multipart/alternative message with short lines, as SES Raw requires', async () => {
    // Prepare
    const report = sampleReport('zh');

    // Act
    const { raw } = await buildReportMime({ report, from, to, date, messageId: 'r-1' });

    // Assess
    const source = raw.toString('latin1');
    const [head = ''] = source.split('\r\n\r\n');
    expect(head).toMatch(/^Content-Type: multipart\/alternative;/im);
    expect(head).toMatch(/^Subject: =\?UTF-8\?[BQ]\?/im);
    expect(head).toMatch(/^MIME-Version: 1\.0$/im);
    expect(source).toMatch(/Content-Type: text\/plain; charset=utf-8/i);
    expect(source).toMatch(/Content-Type: text\/html; charset=utf-8/i);
    expect([...raw].every((byte) => byte < 0x80)).toBe(true);
    expect(Math.max(...source.split('\r\n').map((line) => line.length))).toBeLessThanOrEqual(998);
  });

  it('keeps a customer name with line breaks inside the subject instead of adding headers', async () => {
    // Prepare
    const base = sampleReport('en');
    const report = {
      ...base,
      report_type: 'customer' as const,
      customer_sections: [
        {
          customer_id: 'C666',
          customer_name: 'Evil\r\nBcc: victim@example.com',
          health_score: 40,
          stage: 'at-risk' as const,
          trend: 'falling' as const,
          sentiment_trend: 'worsening' as const,
          last_contact_at: '2024-06-14T02:00:00Z',
          days_since_last_contact: 2,
          records_last_30_days: 3,
          insight_summary: '',
        },
      ],
    };

    // Act
    const mime = await buildReportMime({ report, from, to, date, messageId: 'r-2' });

    // Assess
    const parsed = await simpleParser(mime.raw);
    expect(parsed.subject).toBe('Customer report · Evil Bcc: victim@example.com 2024-06-10 to 2024-06-16 · 29 communications, 1 new risk');
    expect(parsed.bcc).toBeUndefined();
    expect(parsed.headers.has('bcc')).toBe(false);
  });

  it('reaches the embedded outbox as exactly the bytes built (the bytes SES gets on AWS)', async () => {
    // Prepare
    const dir = await mkdtemp(join(tmpdir(), 'commhub-report-outbox-'));
    const mailer = createOutboxMailer({ directory: dir, from, clock: { now: () => date } });
    const mime = await buildReportMime({ report: sampleReport('zh'), from, to, date, messageId: 'report.T001.weekly.2024-06-10' });

    try {
      // Act
      await mailer.sendRaw({ to: ['ops@example.com', 'lead@example.com'], raw: mime.raw, messageId: 'report.T001.weekly.2024-06-10' });

      // Assess
      const [file = ''] = await readdir(dir);
      expect(file).toBe('20240617T010005-report.T001.weekly.2024-06-10.eml');
      expect((await readFile(join(dir, file))).equals(mime.raw)).toBe(true);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('derives a valid Message-ID from any stable id, keeping distinct ids distinct', () => {
    // Prepare
    const ids = ['report.T001.2024-06-15', 'a..b/报告', '.lead', 'a b'];

    // Act
    const headers = ids.map((id) => messageIdHeader(id, from));

    // Assess
    expect(headers).toEqual([
      '<report.T001.2024-06-15@hub.example.com>',
      '<a%2E.b%2F%E6%8A%A5%E5%91%8A@hub.example.com>',
      '<%2Elead@hub.example.com>',
      '<a%20b@hub.example.com>',
    ]);
    expect(messageIdHeader('x', 'no address')).toBe('<x@commhub.invalid>');
  });
});
