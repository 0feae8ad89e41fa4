import { createTransport } from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningHub } from '../../embedded/hub.js';
import { callApi, startTestHub, tokenFor } from '../support/test-hub.js';

describe('inbound email through the embedded SMTP listener (the SES stand-in)', () => {
  let hub: RunningHub;
  let token: string;
  const send = (message: Parameters<ReturnType<typeof createTransport>['sendMail']>[0]) =>
    createTransport({ host: '127.0.0.1', port: hub.smtpPort, secure: false, ignoreTLS: true }).sendMail(message);

  beforeAll(async () => {
    hub = await startTestHub();
    token = tokenFor(hub, 'T001');
    await callApi(hub, 'PUT', '/v1/customers/CUST-HD', { token, body: { name: '华东塑业', domains: ['huadong-plastics.com'] } });
  });
  afterAll(() => hub?.close());

  it('keeps one record for a message seen through two mailboxes, and threads the reply to it', async () => {
    // Prepare / Act: the same message delivered to both inbound addresses, separately; then a reply
    const original = { from: 'li@huadong-plastics.com', subject: '询价', text: '请报价 50 吨', messageId: '<q-1@huadong-plastics.com>', date: new Date('2024-06-10T02:00:00Z') };
    await send({ ...original, to: 'sales@demo-materials.cn' });
    await send({ ...original, to: 'inbox@t001.commhub.local' });
    await send({
      from: 'sales.rep@demo-materials.cn',
      to: 'li@huadong-plastics.com',
      bcc: 'sales@demo-materials.cn',
      subject: 'Re: 询价',
      text: '含税 18,500 元/吨',
      messageId: '<r-1@demo-materials.cn>',
      inReplyTo: '<q-1@huadong-plastics.com>',
      references: '<q-1@huadong-plastics.com>',
      date: new Date('2024-06-10T03:00:00Z'),
    });
    const timeline = await callApi(hub, 'GET', '/v1/customers/CUST-HD/timeline', { token });
    // Assess
    const [reply, question] = timeline.body.items;
    expect(timeline.body.items).toHaveLength(2);
    expect(question).toMatchObject({ direction: 'inbound', sourceRecordId: 'q-1@huadong-plastics.com', matchedBy: 'domain' });
    expect(reply).toMatchObject({ direction: 'outbound', parentRecordId: question.recordId, threadId: question.threadId });
  });

  it('refuses mail for an address no tenant receives at, at RCPT time', async () => {
    await expect(send({ from: 'a@b.cn', to: 'nobody@example.com', subject: 'x', text: 'y' })).rejects.toMatchObject({ responseCode: 550 });
  });

  it('stores a GB2312 message with an attachment and serves the attachment by presigned URL', async () => {
    const raw = Buffer.concat([
      Buffer.from('From: =?GB2312?B?wO7R7w==?= <li@huadong-plastics.com>\r\nTo: sales@demo-materials.cn\r\nSubject: =?GB2312?B?vLzK9bLOyv0=?=\r\nMessage-ID: <gb-1@huadong-plastics.com>\r\nDate: Tue, 11 Jun 2024 10:00:00 +0800\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary="b1"\r\n\r\n--b1\r\nContent-Type: text/plain; charset=gb2312\r\nContent-Transfer-Encoding: base64\r\n\r\n'),
      Buffer.from('xOO6w6OsztLKx7PM0PLUsQ==\r\n'),
      Buffer.from('--b1\r\nContent-Type: application/pdf; name="spec.pdf"\r\nContent-Disposition: attachment; filename="spec.pdf"\r\nContent-Transfer-Encoding: base64\r\n\r\n'),
      Buffer.from(`${Buffer.from('%PDF-1.4 spec').toString('base64')}\r\n--b1--\r\n`),
    ]);
    await send({ envelope: { from: 'li@huadong-plastics.com', to: ['sales@demo-materials.cn'] }, raw });
    const timeline = await callApi(hub, 'GET', '/v1/customers/CUST-HD/timeline?limit=1', { token });
    const record = await callApi(hub, 'GET', `/v1/communications/${timeline.body.items[0].recordId}`, { token });
    expect(record.body.subject).toBe('技术参数');
    expect(record.body.participants[0]).toMatchObject({ name: '李扬', email: 'li@huadong-plastics.com', role: 'from' });
    expect(record.body.content).toContain('你好，我是程序员');
    expect(await (await fetch(record.body.attachments[0].downloadUrl)).text()).toBe('%PDF-1.4 spec');
  });
});
