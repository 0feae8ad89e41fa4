import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PayloadError } from '../../functions/core/channels/channel-adapter.js';
import { CommunicationInput } from '../../functions/core/model/communication-input.js';
import { normalizeEmail } from '../../functions/channels/email/normalize-email.js';
import { parseEmail } from '../../functions/channels/email/parse-email.js';
import { parseSesEvent, sesMessageContent } from '../../functions/channels/email/ses-event.js';

const SES_DIR = join(import.meta.dirname, '../../../shared/fixtures/email/ses');
const read = (name: string) => readFileSync(join(SES_DIR, name), 'utf8');
const JSON_FIXTURES = readdirSync(SES_DIR).filter((f) => f.endsWith('.json'));
/** AWS documentation examples kept verbatim: not valid JSON as published. */
const DOCS_TEXT_FIXTURES = readdirSync(SES_DIR).filter((f) => f.endsWith('.docs.txt'));

describe('parseSesEvent', () => {
  it.each(JSON_FIXTURES)('reads %s', (name) => {
    // Act
    const receipts = parseSesEvent(read(name));

    // Assess
    expect(receipts.length).toBeGreaterThan(0);
    for (const receipt of receipts) {
      expect(receipt.messageId.length).toBeGreaterThan(0);
      expect(receipt.recipients.length).toBeGreaterThan(0);
      expect(receipt.failedChecks).toEqual([]);
    }
  });

  it('reads the Lambda action event (aws-lambda-go ses-lambda-event)', () => {
    expect(parseSesEvent(read('ses-lambda-action-event.json'))).toEqual([
      {
        messageId: '6n4thuhcbhpfiuf25gshf70rss364fuejrvmqko1',
        recipients: ['lambda@amazon.com'],
        timestamp: '1970-01-01T00:00:00.123Z',
        source: 'aws@amazon.com',
        actionType: 'Lambda',
        spamVerdict: 'PASS',
        virusVerdict: 'PASS',
        spfVerdict: 'PASS',
        dkimVerdict: 'PASS',
        dmarcVerdict: 'PASS',
        failedChecks: [],
      },
    ]);
  });

  it('says where an S3 action stored the message', () => {
    const [receipt] = parseSesEvent(JSON.parse(read('ses-s3-action-event.json')) as unknown);
    expect(receipt?.s3).toEqual({ bucketName: 'my-S3-bucket', objectKey: 'email' });
    expect(receipt?.contentBase64).toBeUndefined();
  });

  it('carries the message of an SNS action, which parses and normalises', async () => {
    // Prepare
    const [receipt] = parseSesEvent(read('ses-sns-action-notification.docs.json'));
    const mime = receipt === undefined ? undefined : sesMessageContent(receipt);
    if (mime === undefined || receipt === undefined) throw new Error('no content');

    // Act
    const mail = await parseEmail(mime);
    const { input } = normalizeEmail(mail, {
      tenant: { tenantId: 'T001', timezone: 'Asia/Shanghai', internalDomains: ['example.com'] },
      recipients: receipt.recipients,
      receivedAt: new Date(receipt.timestamp),
    });

    // Assess
    expect([mail.subject, mail.text.trim()]).toEqual(['Example subject', 'Example content']);
    expect(CommunicationInput.parse(input).sourceRecordId).toBe('61967230-7A45-4A9D-BEC9-87CBCF2211C9@example.com');
    expect(input.metadata.envelopeRecipients).toEqual(['recipient@example.com']);
  });

  it('reads the SNS envelope Lambda receives around a notification', () => {
    const envelope = { Records: [{ EventSource: 'aws:sns', EventVersion: '1.0', Sns: { Type: 'Notification', Message: read('ses-sns-action-notification.docs.json') } }] };
    expect(parseSesEvent(JSON.stringify(envelope))[0]?.actionType).toBe('SNS');
  });

  it('reports FAIL verdicts for the caller to act on, without deciding', () => {
    const event = JSON.parse(read('powertools-sesEvent.json')) as { Records: Array<{ ses: { receipt: Record<string, unknown> } }> };
    const receipt = event.Records[0]?.ses.receipt;
    if (receipt === undefined) throw new Error('fixture changed');
    receipt.virusVerdict = { status: 'FAIL' };
    receipt.spfVerdict = { status: 'FAIL' };
    receipt.spamVerdict = { status: 'GRAY' };
    const [parsed] = parseSesEvent(event);
    expect(parsed?.failedChecks).toEqual(['virus', 'spf']);
    expect(parsed?.spamVerdict).toBe('GRAY');
  });

  it.each(DOCS_TEXT_FIXTURES)('rejects the verbatim documentation example %s with a PayloadError', (name) => {
    expect(() => parseSesEvent(read(name))).toThrow(PayloadError);
    expect(() => parseSesEvent(read(name))).toThrow(/is not valid JSON/);
  });

  it('base64 content of the SNS documentation example is the decoded .eml fixture', () => {
    // The docs example wraps the base64 string over lines (hence not JSON); its content, unwrapped, is the message.
    const content = /"content"\s*:\s*"([^"]+)"/.exec(read('ses-sns-action-base64-message.docs.txt'))?.[1] ?? '';
    expect(Buffer.from(content.replace(/\s+/g, ''), 'base64').equals(readFileSync(join(SES_DIR, 'ses-sns-action-base64-content.decoded.eml')))).toBe(true);
  });

  it.each([
    ['not JSON', '{', /SES event is not valid JSON/],
    ['no records', '{"Records":[]}', /SES notification|Records/],
    ['a receipt without recipients', JSON.stringify({ Records: [{ eventSource: 'aws:ses', ses: { mail: { timestamp: 't', source: 's', messageId: 'm' }, receipt: { timestamp: 't', recipients: [], action: { type: 'S3' } } } }] }), /Records\.0\.ses\.receipt\.recipients/],
    ['another notification type', JSON.stringify({ notificationType: 'Bounce' }), /SES notification: notificationType/],
  ])('rejects %s with a PayloadError naming the field', (_what, body, message) => {
    expect(() => parseSesEvent(body)).toThrow(PayloadError);
    expect(() => parseSesEvent(body)).toThrow(message);
  });
});
