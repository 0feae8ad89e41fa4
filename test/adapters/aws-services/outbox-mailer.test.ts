import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createOutboxMailer } from '../../../embedded/outbox-mailer.js';
import type { Clock } from '../../../functions/core/ports/clock.js';
import type { OutgoingMail } from '../../../functions/core/ports/mailer.js';

const from = 'CommHub <hub@localhost>';
const report: OutgoingMail = {
  to: ['ops@example.com', 'lead@example.com'],
  subject: '每日客户沟通报告 2024-06-15 — 负面 3 条',
  text: '昨日共 42 条沟通，3 条负面。',
  html: '<p>昨日共 <b>42</b> 条沟通，3 条负面。</p>',
  messageId: 'daily-report.T001.2024-06-15',
};

/** A clock the test moves by hand. */
function manualClock(iso: string): Clock & { set(iso: string): void } {
  let now = new Date(iso);
  return { now: () => now, set: (next) => (now = new Date(next)) };
}

describe('embedded outbox mailer', () => {
  let root: string;
  let outbox: string;

  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'commhub-outbox-'));
    outbox = join(root, 'mail', 'outbox');
  });
  afterEach(() => rm(root, { recursive: true, force: true }));

  it('writes one .eml that parses back with the Chinese subject, bodies, addresses and message id header', async () => {
    // Prepare
    const mailer = createOutboxMailer({ directory: outbox, from, clock: manualClock('2024-06-15T02:30:05.123Z') });

    // Act
    await mailer.send(report);

    // Assess
    const files = await readdir(outbox);
    expect(files).toEqual(['20240615T023005-daily-report.T001.2024-06-15.eml']);
    const parsed = await simpleParser(await readFile(join(outbox, files[0] ?? '')));
    expect(parsed.subject).toBe(report.subject);
    expect(parsed.text?.trim()).toBe(report.text);
    expect(parsed.html).toContain('<b>42</b>');
    expect(parsed.from?.value).toEqual([{ name: 'CommHub', address: 'hub@localhost' }]);
    expect([parsed.to].flat().flatMap((to) => to?.value.map((address) => address.address))).toEqual(['ops@example.com', 'lead@example.com']);
    expect(parsed.headers.get('x-commhub-message-id')).toBe('daily-report.T001.2024-06-15');
    expect(parsed.date?.toISOString()).toBe('2024-06-15T02:30:05.000Z');
  });

  it('keeps one file per messageId, however often and however concurrently it is sent', async () => {
    // Prepare
    const clock = manualClock('2024-06-15T02:30:05Z');
    const mailer = createOutboxMailer({ directory: outbox, from, clock });
    await mailer.send(report);
    clock.set('2024-06-15T02:40:00Z');
    // Each send of this one stamps a later second, so concurrent duplicates would land in distinct files.
    let tick = Date.parse('2024-06-15T02:45:00Z');
    const ticking = createOutboxMailer({ directory: outbox, from, clock: { now: () => new Date((tick += 1000)) } });

    // Act
    await mailer.send(report);
    await Promise.all([1, 2, 3].map(() => ticking.send({ ...report, messageId: 'alert-1' })));

    // Assess
    expect((await readdir(outbox)).sort()).toEqual(['20240615T023005-daily-report.T001.2024-06-15.eml', '20240615T024501-alert-1.eml']);
  });

  it('writes pre-built MIME byte for byte, once per messageId', async () => {
    // Prepare
    const mailer = createOutboxMailer({ directory: outbox, from, clock: manualClock('2024-06-17T01:00:05Z') });
    const raw = Buffer.from('From: CommHub <hub@localhost>\r\nTo: ops@example.com\r\nSubject: =?UTF-8?B?5pel5oql?=\r\n\r\nhello\r\n');

    // Act
    await mailer.sendRaw({ to: ['ops@example.com'], raw, messageId: 'report-1' });
    await mailer.sendRaw({ to: ['ops@example.com'], raw: Buffer.from('changed'), messageId: 'report-1' });

    // Assess
    expect(await readdir(outbox)).toEqual(['20240617T010005-report-1.eml']);
    expect((await readFile(join(outbox, '20240617T010005-report-1.eml'))).equals(raw)).toBe(true);
  });

  it('names ids that differ only in unsafe characters apart, and leaves no temporary files', async () => {
    // Prepare
    const mailer = createOutboxMailer({ directory: outbox, from, clock: manualClock('2024-06-15T02:30:05Z') });

    // Act
    await mailer.send({ ...report, messageId: 'a/b' });
    await mailer.send({ ...report, messageId: 'a_b' });
    await mailer.send({ ...report, messageId: 'x-a_b' });
    await mailer.send({ ...report, messageId: '告警:1' });
    await mailer.send({ ...report, messageId: 'long-'.repeat(100) });

    // Assess
    const files = (await readdir(outbox)).sort();
    expect(files).toHaveLength(5);
    expect(files).toContain('20240615T023005-a%2Fb.eml');
    expect(files).toContain('20240615T023005-a_b.eml');
    expect(files).toContain('20240615T023005-x-a_b.eml');
    expect(files).toContain('20240615T023005-%E5%91%8A%E8%AD%A6%3A1.eml');
    expect(files.every((name) => /^\d{8}T\d{6}-[A-Za-z0-9._@+%~-]+\.eml$/.test(name) && name.length < 255)).toBe(true);
  });
});
