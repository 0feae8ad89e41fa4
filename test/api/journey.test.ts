import { createTransport } from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningHub } from '../../embedded/hub.js';
import { signCommHub } from '../../functions/channels/signing/commhub-signature.js';
import { encryptWeComMessage, signWeComPayload } from '../../functions/channels/wecom/wecom-crypto.js';
import { canonicalInput } from '../support/records.js';
import { callApi, startTestHub, tokenFor } from '../support/test-hub.js';

/** Demo tenant settings (embedded/tenants.demo.json). */
const TELEPHONY_SECRET = 'demo-telephony-secret-change-me';
const WECOM = { token: 'QDG6eK', encodingAesKey: 'jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C', corpId: 'wx5823bf96d3bd56c7' };
const BUYER_WECOM_ID = 'wmAUXprocurement0001';

const at = (day: number, hour: number) => `2024-06-${String(day).padStart(2, '0')}T${String(hour).padStart(2, '0')}:00:00+08:00`;
const unix = (iso: string) => Math.floor(Date.parse(iso) / 1000);

describe('the seed journey (宁波奥克斯) through the real channels', () => {
  let hub: RunningHub;
  let token: string;
  let delivery = 0;

  beforeAll(async () => {
    hub = await startTestHub();
    token = tokenFor(hub, 'T001');
    const profile = { name: '宁波奥克斯', domains: ['auxgroup.com'], phones: ['13958200001'], wecomUserIds: [BUYER_WECOM_ID], owner: 'li.wei@demo-materials.cn' };
    expect((await callApi(hub, 'PUT', '/v1/customers/CUST-AUX', { token, body: profile })).status).toBe(201);
  });
  afterAll(() => hub?.close());

  /** Each delivery is signed afresh (as a vendor's retry would be), so replay protection lets it through. */
  const channels = {
    call400: (callId: string, startedAt: string) => {
      const body = Buffer.from(JSON.stringify({ callId, caller: '13958200001', callee: '4008108888', direction: 'inbound', startedAt, durationSeconds: 300, agent: { id: 'A-01' }, transcript: '客户询问PCR-ABS的价格和交期' }));
      const signature = signCommHub(TELEPHONY_SECRET, body, Math.floor(Date.now() / 1000) - (delivery++ % 60));
      return callApi(hub, 'POST', '/v1/webhooks/T001/telephony', { rawBody: body, headers: { 'content-type': 'application/json', 'x-commhub-signature': signature } });
    },
    wecom: (msgId: string, sentAt: string, content: string) => {
      const xml = `<xml><ToUserName><![CDATA[${WECOM.corpId}]]></ToUserName><FromUserName><![CDATA[${BUYER_WECOM_ID}]]></FromUserName><CreateTime>${unix(sentAt)}</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[${content}]]></Content><MsgId>${msgId}</MsgId><AgentID>1</AgentID></xml>`;
      const encrypt = encryptWeComMessage({ encodingAesKey: WECOM.encodingAesKey, receiveId: WECOM.corpId }, xml);
      const timestamp = String(Math.floor(Date.now() / 1000));
      const nonce = `n${delivery++}`;
      const query = new URLSearchParams({ msg_signature: signWeComPayload(WECOM.token, { timestamp, nonce, encrypt }), timestamp, nonce });
      const body = `<xml><ToUserName><![CDATA[${WECOM.corpId}]]></ToUserName><Encrypt><![CDATA[${encrypt}]]></Encrypt><AgentID><![CDATA[1]]></AgentID></xml>`;
      return callApi(hub, 'POST', `/v1/webhooks/T001/wecom?${query}`, { rawBody: body, headers: { 'content-type': 'text/xml' } });
    },
    email: (messageId: string, sentAt: string, subject: string, text: string, attachment?: { filename: string; content: string }) =>
      createTransport({ host: '127.0.0.1', port: hub.smtpPort, secure: false, ignoreTLS: true }).sendMail({
        from: '王工 <wang.gong@auxgroup.com>',
        to: 'sales@demo-materials.cn',
        subject,
        text,
        messageId,
        date: new Date(sentAt),
        attachments: attachment ? [attachment] : [],
      }),
    api: (sourceRecordId: string, type: 'visit' | 'mobile', occurredAt: string, content: string) =>
      callApi(hub, 'POST', '/v1/communications', { token, body: canonicalInput({ sourceSystem: 'sales-app', sourceRecordId, type, occurredAt, content, customer: { id: 'CUST-AUX' } }) }),
  };

  const journey = [
    () => channels.call400('CALL-0610-01', at(10, 9)),
    () => channels.wecom('7380000000000000001', at(11, 14), '张经理，PCR-ABS 1000 报价：含税 18,500 元/吨，50 吨起订。'),
    () => channels.email('<tech-0612@auxgroup.com>', at(12, 10), 'PCR-ABS 技术参数确认', '请确认熔融指数 18g/10min，阻燃等级 UL94 V-0。'),
    () => channels.api('VISIT-0613', 'visit', at(13, 15), '拜访宁波奥克斯，参观注塑车间，确认月用量 50 吨。'),
    () => channels.api('MOB-0614', 'mobile', at(14, 11), '电话沟通付款条件：月结 60 天，预付 30%。'),
    () => channels.wecom('7380000000000000002', at(15, 16), '我们准备下单，先走 50 吨。'),
    () => channels.email('<contract-0617@auxgroup.com>', at(17, 9), '合同草稿', '附件为合同草稿，请审阅。', { filename: '合同草稿.docx', content: 'PK contract draft' }),
  ];

  it('lands 7 records on one timeline in time order, exactly once although every message is delivered three times at once', async () => {
    // Act: message after message (as they happen, days apart), each delivered three times at once
    const results = [];
    for (const send of journey) results.push(...(await Promise.all([send(), send(), send()])));
    // Assess: no delivery refused
    for (const result of results) if ('status' in result) expect(result.status, JSON.stringify(result.body)).toBeLessThan(300);
    const timeline = await callApi(hub, 'GET', '/v1/customers/CUST-AUX/timeline?limit=50', { token });
    const items = timeline.body.items as { recordId: string; type: string; occurredAt: string; matchedBy: string; threadId?: string; parentRecordId?: string; attachments: unknown[] }[];
    expect(items.map((r) => r.type)).toEqual(['email', 'wechat', 'mobile', 'visit', 'email', 'wechat', 'phone']);
    expect(items.map((r) => r.occurredAt)).toEqual([...items.map((r) => r.occurredAt)].sort().reverse());
    expect(items.map((r) => r.matchedBy)).toEqual(['domain', 'wecom', 'explicit', 'explicit', 'domain', 'wecom', 'phone']);
    expect(items[0]?.attachments).toHaveLength(1);
    // WeCom messages of one chat form a thread: the order-intention message follows the quote.
    const [orderIntent, quote] = items.filter((r) => r.type === 'wechat');
    expect(orderIntent?.threadId).toBe(quote?.threadId);
    expect(orderIntent?.parentRecordId).toBe(quote?.recordId);
  });

  it('serves the emailed attachment through a presigned download URL', async () => {
    const timeline = await callApi(hub, 'GET', '/v1/customers/CUST-AUX/timeline?types=email&limit=1', { token });
    const record = await callApi(hub, 'GET', `/v1/communications/${timeline.body.items[0].recordId}`, { token });
    const attachment = record.body.attachments[0];
    expect(attachment).toMatchObject({ fileName: '合同草稿.docx', sizeBytes: 17 });
    const download = await fetch(attachment.downloadUrl);
    expect(await download.text()).toBe('PK contract draft');
  });

  it('analyses every record within seconds: intents, follow-up tasks for the owner, and one urgent alert only where the text warrants it', async () => {
    // Prepare: the 7 journey records are stored; one more message is urgent
    const urgent = () => channels.wecom('7380000000000000009', at(18, 8), '第二批货到现在还没到，我们产线明天早上就要停线了，今天必须给个答复！');
    const started = Date.now();

    // Act
    await Promise.all([urgent(), urgent(), urgent()]);
    const records = await analysedTimeline(8, started);

    // Assess: every record analysed, within seconds
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(records.map((r) => r.analysis.status)).toEqual(Array(8).fill('completed'));
    const intentOf = (text: string) => records.find((r) => (r.content ?? '').includes(text))?.analysis.intent?.category;
    expect(intentOf('熔融指数')).toBe('technical');
    expect(intentOf('付款条件')).toBe('payment');
    expect(intentOf('准备下单')).toBe('order');
    expect(intentOf('停线')).toBe('delivery');
    // Follow-ups became tasks on the customer
    const withFollowUps = records.filter((r) => r.analysis.followUps.length > 0);
    expect(withFollowUps.length).toBeGreaterThan(3);
    for (const record of withFollowUps) {
      for (const followUp of record.analysis.followUps) {
        expect(await hub.deps.workItems.getTask('T001', followUp.taskId!)).toMatchObject({ customerId: 'CUST-AUX', recordId: record.recordId, status: 'open', assignee: 'li.wei@demo-materials.cn' });
      }
    }
    // Exactly one urgent alert: the stoppage message, delivered three times
    const alerts = records.filter((r) => r.analysis.alertInsightId);
    expect(alerts.map((r) => r.content)).toEqual([expect.stringContaining('停线')]);
    const insights = await hub.deps.workItems.listInsights('T001', 'CUST-AUX', { limit: 50 });
    expect(insights.items.filter((insight) => insight.type === 'risk')).toHaveLength(1);
  });

  /** The customer's timeline once `count` records are on it and none is still pending. */
  async function analysedTimeline(count: number, since: number) {
    for (;;) {
      const timeline = await callApi(hub, 'GET', '/v1/customers/CUST-AUX/timeline?limit=50', { token });
      const items = timeline.body.items as { recordId: string; content?: string; analysis: { status: string; intent?: { category: string }; followUps: { taskId?: string }[]; alertInsightId?: string } }[];
      if (items.length >= count && items.every((item) => item.analysis.status !== 'pending')) {
        await hub.workflows.engine.idle();
        return items;
      }
      if (Date.now() - since > 30_000) throw new Error(`timeline not analysed: ${JSON.stringify(items.map((i) => i.analysis.status))}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
});

