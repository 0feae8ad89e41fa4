import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createTransport } from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MetricsFileContent } from '../../embedded/file-metrics.js';
import { DEMO_TENANTS_FILE } from '../../embedded/hub-settings.js';
import { signToken } from '../../embedded/jwt.js';
import { signCommHub } from '../../functions/channels/signing/commhub-signature.js';
import { encryptWeComMessage, signWeComPayload } from '../../functions/channels/wecom/wecom-crypto.js';
import { startEmbeddedProcess, type EmbeddedProcess } from '../support/embedded-process.js';
import { ALL_SCOPES, tempDataDir } from '../support/test-hub.js';

/** Phrases that exist only in what customers sent: none may reach a log line. */
const SENTINEL = {
  call: '通话哨兵短语甲一',
  wecom: '企业微信哨兵乙二',
  emailSubject: '邮件主题哨兵丙三',
  emailBody: 'Sentinel email body phrase delta-four',
  attachment: '附件哨兵丁四',
  visit: 'Sentinel visit note echo-five',
  urgent: '紧急哨兵己六',
  // Short: a JSON.parse error quotes about ten characters around the fault, and this must fit.
  malformed: '坏JSON哨兵',
  forged: 'sentinel forged delivery golf-eight',
  brokenMime: 'sentinel broken mime hotel-nine',
  invalidField: 'sentinel-invalid-india-ten',
  contactName: '哨兵联系人庚七',
  customerName: '哨兵客户有限公司',
} as const;
const CUSTOMER = { email: 'sentinel.buyer@auxgroup-sentinel.com', phone: '13958207777', wecomId: 'wmSentinelBuyer0001' };
const JWT_SECRET = `jwt-secret-${randomBytes(16).toString('hex')}`;
const WECOM = { token: 'QDG6eK', encodingAesKey: 'jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C', corpId: 'wx5823bf96d3bd56c7' };
const TELEPHONY_SECRET = 'demo-telephony-secret-change-me';

const daysAgo = (days: number, hour: number) => new Date(Date.now() - days * 86_400_000 + (hour - 12) * 3_600_000);
const unix = (date: Date) => Math.floor(date.getTime() / 1000);

describe('log hygiene: a full embedded run, every line it writes scanned', () => {
  let hub: EmbeddedProcess;
  let dataDir: string;
  const token = signToken({ sub: 'hygiene-tester', 'custom:tenant_id': 'T001', scope: ALL_SCOPES }, JWT_SECRET);
  /** Signatures and other credentials the run sent: none may be logged either. */
  const sentCredentials: string[] = [token];

  const api = async (method: string, path: string, body?: unknown, rawBody?: string) => {
    const response = await fetch(`${hub.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: rawBody ?? (body === undefined ? undefined : JSON.stringify(body)),
    });
    return { status: response.status, body: (await response.json()) as Record<string, any> }; // eslint-disable-line @typescript-eslint/no-explicit-any
  };
  const telephony = (content: string, secret = TELEPHONY_SECRET) => {
    const body = Buffer.from(JSON.stringify({ callId: `CALL-${randomBytes(4).toString('hex')}`, caller: CUSTOMER.phone, callee: '4008108888', direction: 'inbound', startedAt: daysAgo(5, 9).toISOString(), durationSeconds: 300, transcript: content }));
    const signature = signCommHub(secret, body, unix(new Date()));
    sentCredentials.push(signature.split('v1=')[1]!);
    return fetch(`${hub.url}/v1/webhooks/T001/telephony`, { method: 'POST', body, headers: { 'content-type': 'application/json', 'x-commhub-signature': signature } });
  };
  const wecom = (msgId: string, sentAt: Date, content: string, token = WECOM.token) => {
    const xml = `<xml><ToUserName><![CDATA[${WECOM.corpId}]]></ToUserName><FromUserName><![CDATA[${CUSTOMER.wecomId}]]></FromUserName><CreateTime>${unix(sentAt)}</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[${content}]]></Content><MsgId>${msgId}</MsgId><AgentID>1</AgentID></xml>`;
    const encrypt = encryptWeComMessage({ encodingAesKey: WECOM.encodingAesKey, receiveId: WECOM.corpId }, xml);
    const timestamp = String(unix(new Date()));
    const nonce = randomBytes(6).toString('hex');
    const signature = signWeComPayload(token, { timestamp, nonce, encrypt });
    sentCredentials.push(signature, encrypt.slice(0, 40));
    const query = new URLSearchParams({ msg_signature: signature, timestamp, nonce });
    const body = `<xml><ToUserName><![CDATA[${WECOM.corpId}]]></ToUserName><Encrypt><![CDATA[${encrypt}]]></Encrypt><AgentID><![CDATA[1]]></AgentID></xml>`;
    return fetch(`${hub.url}/v1/webhooks/T001/wecom?${query}`, { method: 'POST', body, headers: { 'content-type': 'text/xml' } });
  };
  const mail = (message: Record<string, unknown>) =>
    createTransport({ host: '127.0.0.1', port: hub.smtpPort, secure: false, ignoreTLS: true }).sendMail({ to: 'sales@demo-materials.cn', ...message });

  beforeAll(async () => {
    dataDir = await tempDataDir();
    hub = await startEmbeddedProcess({
      COMMHUB_DATA_DIR: dataDir,
      COMMHUB_PORT: '0',
      COMMHUB_SMTP_PORT: '0',
      COMMHUB_JWT_SECRET: JWT_SECRET,
      COMMHUB_SCHEDULES: 'off',
      // Every line the code can write, debug included, is scanned.
      POWERTOOLS_LOG_LEVEL: 'DEBUG',
    });
  });
  afterAll(async () => {
    await hub?.stop();
  });

  it('runs the seed journey, bad inputs, the analysis and a report without a message text, secret or contact detail in any line', async () => {
    // Prepare: the customer, then the seed journey through the real channels (dated within the report's 30 days)
    const profile = { name: SENTINEL.customerName, domains: ['auxgroup-sentinel.com'], emails: [CUSTOMER.email], phones: [CUSTOMER.phone], wecomUserIds: [CUSTOMER.wecomId], owner: 'li.wei@demo-materials.cn' };
    expect((await api('PUT', '/v1/customers/CUST-AUX', profile)).status).toBe(201);
    expect((await telephony(`客户询问PCR-ABS的价格和交期。${SENTINEL.call}`)).status).toBe(200);
    expect((await wecom('7380000000000000101', daysAgo(4, 14), `张经理，PCR-ABS 1000 报价：含税 18,500 元/吨。${SENTINEL.wecom}`)).status).toBe(200);
    const from = `${SENTINEL.contactName} <${CUSTOMER.email}>`;
    await mail({ from, subject: `PCR-ABS 技术参数确认 ${SENTINEL.emailSubject}`, text: `Please confirm the melt index. ${SENTINEL.emailBody}`, messageId: '<tech-hygiene@auxgroup-sentinel.com>', date: daysAgo(3, 10) });
    await mail({ from, subject: '合同草稿', text: '附件为合同草稿，请审阅。', date: daysAgo(2, 9), attachments: [{ filename: `${SENTINEL.attachment}.docx`, content: 'PK contract draft' }] });
    const visit = { sourceSystem: 'sales-app', sourceRecordId: 'VISIT-HYGIENE', type: 'visit', occurredAt: daysAgo(2, 15).toISOString(), customer: { id: 'CUST-AUX' }, content: `${SENTINEL.visit}：参观注塑车间，确认月用量 50 吨。` };
    expect((await api('POST', '/v1/communications', visit)).status).toBe(201);
    expect((await api('POST', '/v1/communications', visit)).status).toBe(200);
    expect((await wecom('7380000000000000109', daysAgo(1, 8), `第二批货到现在还没到，我们产线明天早上就要停线了，今天必须给个答复！${SENTINEL.urgent}`)).status).toBe(200);

    // Prepare: bad inputs, each carrying text of its own
    expect((await api('POST', '/v1/communications', undefined, `{"content": ${SENTINEL.malformed}}`)).status).toBe(400);
    expect((await api('POST', '/v1/communications', { ...visit, sourceRecordId: 'BAD-1', type: SENTINEL.invalidField, customer: { email: SENTINEL.invalidField } })).status).toBe(400);
    const batch = await api('POST', '/v1/communications/batch', { items: [{ ...visit, sourceRecordId: 'BATCH-1' }, { type: 'form', content: SENTINEL.invalidField }] });
    expect(batch.body).toMatchObject({ created: 1, rejected: 1 });
    expect((await telephony(SENTINEL.forged, 'not-the-tenant-secret')).status).toBe(401);
    expect((await wecom('7380000000000000199', daysAgo(1, 9), SENTINEL.forged, 'wrong-token')).status).toBe(401);
    await mail({ envelope: { from: CUSTOMER.email, to: ['sales@demo-materials.cn'] }, raw: `Subject: =?bogus?Q?${SENTINEL.brokenMime}\r\nContent-Type: multipart/mixed; boundary="never-closed"\r\n\r\n--never-closed\r\nContent-Transfer-Encoding: base64\r\n\r\n${SENTINEL.brokenMime} !!not base64!!` });

    // Act: the analysis (with one urgent alert) and a customer report run; then the hub shuts down
    const records = await settledTimeline(6);
    const report = await api('POST', '/v1/reports', { type: 'customer', customerId: 'CUST-AUX' });
    expect(report.status).toBe(202);
    const finished = await settledReport(report.body.reportId as string);
    const stored = (await Promise.all(records.map((r) => api('GET', `/v1/communications/${r.recordId}`)))).map((r) => JSON.stringify(r.body)).join('\n');
    expect(await hub.stop()).toBe(0);
    const output = hub.output();
    const lines = output.split('\n').filter((line) => line.trim() !== '');
    const logLines = lines.filter((line) => line.startsWith('{')).map((line) => JSON.parse(line) as Record<string, unknown>);

    // Assess: the run did what it should, and the sentinels were really in the data it handled
    expect(records.filter((r) => r.analysis.alertInsightId)).toHaveLength(1);
    expect(finished.status).toBe('ready');
    for (const phrase of [SENTINEL.call, SENTINEL.wecom, SENTINEL.emailSubject, SENTINEL.emailBody, SENTINEL.attachment, SENTINEL.visit, SENTINEL.urgent]) expect(stored).toContain(phrase);
    // …and the log is there to scan: structured lines, correlated by tenant, record, execution and request
    expect(logLines.length).toBeGreaterThan(40);
    expect(lines.filter((line) => !line.startsWith('{')).every((line) => /^(CommHub \(embedded\)| {2})/.test(line))).toBe(true);
    expect(logLines.filter((l) => l.message === 'communication stored')).toContainEqual(expect.objectContaining({ tenantId: 'T001', recordId: expect.any(String), requestId: expect.any(String) }));
    expect(logLines.filter((l) => l.message === 'record analysed')).toContainEqual(expect.objectContaining({ tenantId: 'T001', recordId: expect.any(String), executionId: expect.stringMatching(/^local:recordAnalysis:/) }));
    expect(logLines.filter((l) => l.message === 'request rejected').length).toBeGreaterThanOrEqual(4);
    expect(logLines.map((l) => l.message)).toEqual(expect.arrayContaining(['urgent alert emailed', 'report written', 'report emailed']));
    // Assess: no message text, no contact detail, no secret, no credential in any line
    for (const phrase of Object.values(SENTINEL)) expect(output, phrase).not.toContain(phrase);
    for (const detail of [CUSTOMER.email, CUSTOMER.phone, CUSTOMER.wecomId]) expect(output, detail).not.toContain(detail);
    for (const secret of [JWT_SECRET, ...(await demoTenantSecrets()), ...sentCredentials]) expect(output, secret).not.toContain(secret);
    const devToken = /export TOKEN=(\S+)/.exec(output)?.[1];
    // The dev token is in the start-up banner only (the console link and the export line), never in a log line.
    expect(lines.filter((line) => devToken && line.includes(devToken))).toEqual([`  console:   ${hub.url}/#devToken=${devToken}`, `  export TOKEN=${devToken}`]);

    // Assess: the metrics of the run were written on shutdown
    const metrics = JSON.parse(await readFile(join(dataDir, 'metrics.json'), 'utf8')) as MetricsFileContent;
    const total = (name: string, channel?: string) => metrics.counts.filter((c) => c.name === name && (!channel || c.dimensions.channel === channel)).reduce((sum, c) => sum + c.value, 0);
    expect(total('RecordsIngested')).toBeGreaterThanOrEqual(8);
    expect([total('DuplicatesIgnored', 'api'), total('SignaturesRejected', 'telephony'), total('SignaturesRejected', 'wecom'), total('PayloadsRejected', 'api'), total('PayloadsRejected', 'api-batch')]).toEqual([1, 1, 1, 2, 1]);
  }, 120_000); // about 20 s alone; room for a busy machine

  /** The customer's timeline once `count` records are on it and none is still pending. */
  async function settledTimeline(count: number) {
    for (const deadline = Date.now() + 30_000; ; ) {
      const items = (await api('GET', '/v1/customers/CUST-AUX/timeline?limit=50')).body.items as { recordId: string; analysis: { status: string; alertInsightId?: string } }[];
      if (items.length >= count && items.every((item) => item.analysis.status !== 'pending')) return items;
      if (Date.now() > deadline) throw new Error(`timeline not analysed: ${JSON.stringify(items.map((i) => i.analysis.status))}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  async function settledReport(reportId: string) {
    for (const deadline = Date.now() + 30_000; ; ) {
      const report = (await api('GET', `/v1/reports/${reportId}`)).body;
      if (report.status !== 'running') return report;
      if (Date.now() > deadline) throw new Error(`report ${reportId} still running`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
});

/** Every webhook secret, token and key of the demo tenant (ids such as the WeCom corp id and all-digit test tokens excepted). */
async function demoTenantSecrets(): Promise<string[]> {
  const document = JSON.parse(await readFile(DEMO_TENANTS_FILE, 'utf8')) as { tenants: Record<string, { webhooks: Record<string, Record<string, unknown>> }> };
  return Object.values(document.tenants)
    .flatMap((tenant) => Object.values(tenant.webhooks))
    .flatMap((settings) => Object.entries(settings).filter(([name]) => !['corpId', 'ownerKey', 'instanceArns'].includes(name)))
    .map(([, value]) => value)
    .filter((value): value is string => typeof value === 'string' && value.length >= 6 && !/^\d+$/.test(value));
}
