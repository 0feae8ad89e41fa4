import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { TenantContext } from '../../functions/core/channels/channel-adapter.js';
import { CommunicationInput } from '../../functions/core/model/communication-input.js';
import { normalizeEmail, type EmailContext } from '../../functions/channels/email/normalize-email.js';
import { parseEmail, type ParsedEmail } from '../../functions/channels/email/parse-email.js';

const EMAIL_DIR = join(import.meta.dirname, '../../../shared/fixtures/email');
const FIXTURES = [
  ...readdirSync(EMAIL_DIR).filter((f) => f.endsWith('.eml')),
  ...readdirSync(join(EMAIL_DIR, 'ses')).filter((f) => f.endsWith('.eml')).map((f) => `ses/${f}`),
];
const parseFixture = (name: string) => parseEmail(readFileSync(join(EMAIL_DIR, name)));

const tenant = (...internalDomains: string[]): TenantContext => ({ tenantId: 'T001', timezone: 'Asia/Shanghai', internalDomains });
const RECEIVED_AT = new Date('2024-06-15T02:30:00.000Z');
const context = (overrides: Partial<EmailContext> = {}): EmailContext => ({
  tenant: tenant('kreata.ee', 'company.com'),
  recipients: ['inbox@commhub.example'],
  receivedAt: RECEIVED_AT,
  mailbox: 'ses/inbox',
  ...overrides,
});

/** A minimal parse result, for rules that do not need a MIME fixture. */
const parsed = (overrides: Partial<ParsedEmail> = {}): ParsedEmail => ({
  messageId: 'm1@kehu.cn',
  inReplyTo: null,
  references: [],
  from: { name: '王经理', address: 'wang@kehu.cn' },
  to: [{ name: '', address: 'sales@example.com' }],
  cc: [],
  bcc: [],
  replyTo: [],
  date: '2024-06-15T10:30:00+08:00',
  subject: '询价',
  text: '请报价',
  attachments: [],
  report: null,
  autoSubmitted: null,
  warnings: [],
  ...overrides,
});

describe('normalizeEmail over every fixture', () => {
  it.each(FIXTURES)('turns %s into canonical input', async (name) => {
    // Prepare
    const mail = await parseFixture(name);

    // Act
    const { input, attachments } = normalizeEmail(mail, context());

    // Assess
    expect(CommunicationInput.parse(input)).toEqual(input);
    expect([input.type, input.channel, input.sourceSystem]).toEqual(['email', 'email', 'email']);
    expect(input.threadId).toMatch(/^email:/);
    expect(input.parentRecordId).toBeUndefined();
    expect(input.attachments).toEqual([]);
    expect(attachments).toBe(mail.attachments);
    expect(input.metadata.warnings).toEqual(mail.warnings);
    expect(input.metadata.mailbox).toBe('ses/inbox');
  });
});

describe('identity, direction and customer hint', () => {
  it('is inbound from an outside sender, who is the customer', () => {
    const { input } = normalizeEmail(parsed(), context({ tenant: tenant('example.com') }));
    expect(input.direction).toBe('inbound');
    expect(input.customer).toEqual({ email: 'wang@kehu.cn' });
    expect(input.participants).toEqual([
      { name: '王经理', email: 'wang@kehu.cn', role: 'from', internal: false },
      { email: 'sales@example.com', role: 'to', internal: true },
    ]);
  });

  it('is outbound when staff write, and the first outside recipient is the customer', () => {
    const mail = parsed({
      from: { name: 'Sales', address: 'Sales@Example.com' },
      to: [{ name: '', address: 'colleague@sub.example.com' }],
      cc: [{ name: 'Li', address: 'li@kehu.cn' }],
    });
    const { input } = normalizeEmail(mail, context({ tenant: tenant('example.com') }));
    expect(input.direction).toBe('outbound');
    expect(input.customer).toEqual({ email: 'li@kehu.cn' });
    expect(input.participants.map((p) => [p.email, p.internal])).toEqual([
      ['sales@example.com', true],
      ['colleague@sub.example.com', true],
      ['li@kehu.cn', false],
    ]);
  });

  it('is internal when every participant is staff, with no customer', () => {
    const { input } = normalizeEmail(parsed({ from: { name: '', address: 'a@example.com' } }), context({ tenant: tenant('example.com') }));
    expect(input.direction).toBe('internal');
    expect(input.customer).toBeUndefined();
  });

  it('reads direction on real fixtures (webklex-thread-1-original: from@there.com → to@here.com)', async () => {
    const mail = await parseFixture('webklex-thread-1-original.eml');
    expect(normalizeEmail(mail, context({ tenant: tenant('here.com') })).input).toMatchObject({ direction: 'inbound', customer: { email: 'from@there.com' } });
    expect(normalizeEmail(mail, context({ tenant: tenant('there.com') })).input).toMatchObject({ direction: 'outbound', customer: { email: 'to@here.com' } });
    expect(normalizeEmail(mail, context({ tenant: tenant('there.com', 'here.com') })).input.direction).toBe('internal');
  });

  it('keeps people whose address the schema cannot hold by name (rubymail-rfc6532-utf8-headers)', async () => {
    const { input } = normalizeEmail(await parseFixture('rubymail-rfc6532-utf8-headers.eml'), context());
    expect(input.participants).toEqual([
      { name: 'Jöhn Doe', role: 'from', internal: false },
      { name: 'Märy Smith', role: 'to', internal: false },
    ]);
    expect(input.metadata.unrepresentableAddresses).toEqual(['jdöe@mächine.example', 'märy@exämple.net']);
    expect(input.customer).toBeUndefined();
  });

  it('survives a message without From (webklex-missing-from) and drops empty groups (webklex-undisclosed-recipients)', async () => {
    const anonymous = normalizeEmail(await parseFixture('webklex-missing-from.eml'), context()).input;
    expect([anonymous.direction, anonymous.customer, anonymous.participants.map((p) => p.role)]).toEqual(['inbound', undefined, ['to']]);
    const undisclosed = normalizeEmail(await parseFixture('webklex-undisclosed-recipients.eml'), context()).input;
    expect(undisclosed.participants.map((p) => p.role)).toEqual(['from']);
  });
});

describe('dedup and threading', () => {
  it('gives the same record key for the same message through two mailboxes', async () => {
    const mail = await parseFixture('phpmime-reply-in-reply-to.eml');
    const first = normalizeEmail(mail, context({ mailbox: 'a', recipients: ['a@commhub.example'] })).input;
    const second = normalizeEmail(mail, context({ mailbox: 'b', recipients: ['b@commhub.example'], receivedAt: new Date('2024-06-16T00:00:00Z') })).input;
    expect(second.sourceRecordId).toBe(first.sourceRecordId);
    expect(first.sourceRecordId).toBe('CAH-PCH47Mx9AiP9yWLK+_nv8hpWHyXDjnn-h0sk66gPFOpRPxA@mail.gmail.com');
  });

  it('hashes sender, date, subject and body when there is no Message-ID, not the arrival', async () => {
    const mail = await parseFixture('rubymail-bad-encoded-word.eml');
    const first = normalizeEmail(mail, context()).input;
    const second = normalizeEmail(mail, context({ receivedAt: new Date('2025-01-01T00:00:00Z'), mailbox: 'other' })).input;
    expect(first.sourceRecordId).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(second.sourceRecordId).toBe(first.sourceRecordId);
    expect(first.threadId).toBe(`email:${first.sourceRecordId}`);
  });

  it.each([
    ['phpmime-reply-in-reply-to.eml', 'email:CAFMT4NpJxuuqc-wTr1aE4K+wZBT8+04j+9-SsY+nhUMU83fDUg@mail.gmail.com'],
    ['rubymail-empty-in-reply-to.eml', 'email:F194F88AF3E341A6B2B135CC17912811@articondell'],
    ['webklex-references-multi.eml', 'email:231d9ac57aec7d8c1a0eacfeab8af6f3@example.com'],
    ['webklex-thread-1-original.eml', 'email:123@example.com'],
    ['webklex-thread-2-reply.eml', 'email:123@example.com'],
    ['webklex-thread-3-unrelated.eml', 'email:999@example.com'],
  ])('threads %s under %s', async (name, threadId) => {
    const { input } = normalizeEmail(await parseFixture(name), context());
    expect(input.threadId).toBe(threadId);
  });

  it('keeps In-Reply-To and References for the ingest layer, References capped to root + newest', () => {
    const references = Array.from({ length: 60 }, (_, i) => `r${i}@x.cn`);
    const { input } = normalizeEmail(parsed({ inReplyTo: 'r59@x.cn', references }), context());
    expect(input.metadata.inReplyTo).toBe('r59@x.cn');
    expect(input.metadata.references).toHaveLength(50);
    expect((input.metadata.references as string[])[0]).toBe('r0@x.cn');
    expect((input.metadata.references as string[]).at(-1)).toBe('r59@x.cn');
    expect(input.threadId).toBe('email:r0@x.cn');
    expect(input.parentRecordId).toBeUndefined();
  });
});

describe('times, bodies and reports', () => {
  it('uses the Date header with its offset, or the arrival time when there is none', async () => {
    expect(normalizeEmail(await parseFixture('enmime-bad-header-wrap.eml'), context()).input.occurredAt).toBe('2012-10-18T22:48:39-07:00');
    const undated = normalizeEmail(await parseFixture('webklex-missing-date.eml'), context()).input;
    expect(undated.occurredAt).toBe(RECEIVED_AT.toISOString());
    expect(undated.metadata.occurredAtIsArrival).toBe(true);
  });

  it('trims the body and caps it at 1,000,000 characters without splitting an emoji', () => {
    const long = `  ${'字'.repeat(999_999)}😀 tail  `;
    const { input } = normalizeEmail(parsed({ text: long }), context());
    expect(input.content).toHaveLength(999_999);
    expect(CommunicationInput.safeParse(input).success).toBe(true);
    expect(normalizeEmail(parsed({ text: '  hi \n' }), context()).input.content).toBe('hi');
  });

  it.each([
    ['mailparser-ses-delivery-status.eml', 'delivery-status'],
    ['postalmime-bounce-dsn.eml', 'delivery-status'],
    ['postalmime-arf-feedback-report.eml', 'feedback-report'],
  ])('tags the report %s as a bounce', async (name, report) => {
    const { input } = normalizeEmail(await parseFixture(name), context());
    expect(input.tags).toEqual(['bounce', report]);
    expect(input.metadata.report).toBe(report);
  });

  it('keeps Auto-Submitted for filtering (postalmime-bounce-dsn)', async () => {
    const { input } = normalizeEmail(await parseFixture('postalmime-bounce-dsn.eml'), context());
    expect(input.metadata.autoSubmitted).toBe('auto-replied');
    expect(normalizeEmail(parsed({ autoSubmitted: 'auto-generated' }), context()).input.tags).toEqual(['auto-submitted']);
  });

  it('returns attachment bytes apart from the input (phpmime-cid-inline-images)', async () => {
    const { input, attachments } = normalizeEmail(await parseFixture('phpmime-cid-inline-images.eml'), context());
    expect(input.attachments).toEqual([]);
    expect(attachments.map((a) => [a.fileName, a.inline, a.sizeBytes])).toEqual([
      ['logo.jpg', true, 2695],
      ['background.jpg', true, 18255],
      ['attachment.txt', false, 2229],
    ]);
  });
});
