import { MessageRejected, SendEmailCommand, SESv2Client } from '@aws-sdk/client-sesv2';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { createSesMailer } from '../../../functions/adapters/ses/ses-mailer.js';
import type { OutgoingMail } from '../../../functions/core/ports/mailer.js';

const ses = mockClient(SESv2Client);
const client = new SESv2Client({ region: 'cn-northwest-1' });
const from = 'CommHub <alerts@hub.example.com>';

const report: OutgoingMail = {
  to: ['ops@example.com', '客服主管 <lead@example.com>'],
  subject: '每日客户沟通报告 2024-06-15',
  text: '昨日共 42 条沟通，3 条负面。',
  html: '<p>昨日共 <b>42</b> 条沟通，3 条负面。</p>',
  messageId: 'daily-report.T001.2024-06-15',
};

const sendInput = () => ses.commandCalls(SendEmailCommand)[0]?.args[0].input;

beforeEach(() => {
  ses.reset();
});

describe('SES mailer', () => {
  it('sends simple UTF-8 content with text and HTML bodies, the message id header and the configuration set', async () => {
    // Prepare
    ses.on(SendEmailCommand).resolves({ MessageId: '0102018f-aaaa' });
    const mailer = createSesMailer({ client, from, configurationSetName: 'commhub-outbound' });

    // Act
    await mailer.send(report);

    // Assess
    expect(sendInput()).toEqual({
      FromEmailAddress: 'CommHub <alerts@hub.example.com>',
      Destination: { ToAddresses: ['ops@example.com', '客服主管 <lead@example.com>'] },
      Content: {
        Simple: {
          Subject: { Data: '每日客户沟通报告 2024-06-15', Charset: 'UTF-8' },
          Body: {
            Text: { Data: '昨日共 42 条沟通，3 条负面。', Charset: 'UTF-8' },
            Html: { Data: '<p>昨日共 <b>42</b> 条沟通，3 条负面。</p>', Charset: 'UTF-8' },
          },
          Headers: [{ Name: 'X-CommHub-Message-Id', Value: 'daily-report.T001.2024-06-15' }],
        },
      },
      ConfigurationSetName: 'commhub-outbound',
    });
  });

  it('sends a text-only mail without a configuration set', async () => {
    // Prepare
    ses.on(SendEmailCommand).resolves({ MessageId: '0102018f-bbbb' });
    const mailer = createSesMailer({ client, from });
    const { html: _html, ...textOnly } = report;

    // Act
    await mailer.send({ ...textOnly, to: ['ops@example.com'] });

    // Assess
    const input = sendInput();
    expect(input).toEqual({
      FromEmailAddress: from,
      Destination: { ToAddresses: ['ops@example.com'] },
      Content: {
        Simple: {
          Subject: { Data: report.subject, Charset: 'UTF-8' },
          Body: { Text: { Data: report.text, Charset: 'UTF-8' } },
          Headers: [{ Name: 'X-CommHub-Message-Id', Value: report.messageId }],
        },
      },
    });
    expect(input).not.toHaveProperty('ConfigurationSetName');
    expect(input?.Content?.Simple?.Body).not.toHaveProperty('Html');
  });

  it('percent-encodes a message id SES would refuse as a header value', async () => {
    // Prepare
    ses.on(SendEmailCommand).resolves({ MessageId: '0102018f-cccc' });
    const mailer = createSesMailer({ client, from });

    // Act
    await mailer.send({ ...report, messageId: '报告-1' });

    // Assess
    expect(sendInput()?.Content?.Simple?.Headers).toEqual([{ Name: 'X-CommHub-Message-Id', Value: encodeURIComponent('报告-1') }]);
  });

  it('sends pre-built MIME as raw content, byte for byte', async () => {
    // Prepare
    ses.on(SendEmailCommand).resolves({ MessageId: '0102018f-dddd' });
    const mailer = createSesMailer({ client, from, configurationSetName: 'commhub-outbound' });
    const raw = Buffer.from('From: CommHub <alerts@hub.example.com>\r\nTo: ops@example.com\r\nSubject: =?UTF-8?B?5pel5oql?=\r\n\r\nhello\r\n');

    // Act
    await mailer.sendRaw({ to: ['ops@example.com'], raw, messageId: 'report-1' });

    // Assess
    expect(sendInput()).toEqual({
      FromEmailAddress: from,
      Destination: { ToAddresses: ['ops@example.com'] },
      Content: { Raw: { Data: raw } },
      ConfigurationSetName: 'commhub-outbound',
    });
    expect(sendInput()?.Content?.Raw?.Data).toBe(raw);
  });

  it('passes SES refusals on', async () => {
    // Prepare
    ses.on(SendEmailCommand).rejects(new MessageRejected({ message: 'Email address is not verified.', $metadata: {} }));
    const mailer = createSesMailer({ client, from });

    // Act
    const sent = mailer.send(report);

    // Assess
    await expect(sent).rejects.toThrow(MessageRejected);
  });
});
