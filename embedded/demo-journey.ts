import { readFile } from 'node:fs/promises';
import { createTransport } from 'nodemailer';
import { signCommHub, COMMHUB_SIGNATURE_HEADER } from '../functions/channels/signing/commhub-signature.js';
import { encryptWeComMessage, signWeComPayload } from '../functions/channels/wecom/wecom-crypto.js';
import { DEMO_TENANTS_FILE } from './hub-settings.js';

/** Where the demo goes: a running hub's API and SMTP listener, and a token of the tenant with ingest and read scopes. */
export interface DemoTarget {
  /** Base URL of the hub, without `/v1` (`http://127.0.0.1:3000`). */
  readonly apiUrl: string;
  readonly smtpHost: string;
  readonly smtpPort: number;
  readonly token: string;
  /** @default 'T001' */
  readonly tenantId?: string;
  /** The tenants file the hub reads (for the webhook secrets the deliveries are signed with). @default the demo tenants file */
  readonly tenantsFile?: string;
  /** "Now" of the journey: the records are spread over the 10 days before it. @default the current time */
  readonly now?: Date;
  /** Whether to run a customer report for the journey's customer once the records are analysed. @default true */
  readonly runReport?: boolean;
}

export interface DemoSeed {
  readonly customerId: string;
  /** The journey's records, newest first (as the timeline lists them). */
  readonly recordIds: readonly string[];
  /** Records no customer could be identified for (the unmatched inbox). */
  readonly unmatchedRecordIds: readonly string[];
  /** The customer report's id, when one was run. */
  readonly reportId?: string;
}

/** The seed document's example customer and its buyer's WeCom id. */
export const DEMO_CUSTOMER = {
  customerId: 'CUST-AUX',
  profile: { name: '宁波奥克斯', domains: ['auxgroup.com'], phones: ['13958200001'], wecomUserIds: ['wmAUXprocurement0001'], owner: 'li.wei@demo-materials.cn', priority: 'high' },
} as const;

const SECOND_CUSTOMER = {
  customerId: 'CUST-GREE',
  profile: { name: '珠海格力电器', domains: ['gree.com.cn'], owner: 'zhang.min@demo-materials.cn', priority: 'normal' },
} as const;

/** A one-second silent 8 kHz mono WAV: the recording the demo's mobile call carries (the console plays it). */
function silentWav(): Buffer {
  const samples = 8000;
  const header = Buffer.alloc(44);
  header.write('RIFF', 0);
  header.writeUInt32LE(36 + samples, 4);
  header.write('WAVEfmt ', 8);
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20); // PCM
  header.writeUInt16LE(1, 22); // mono
  header.writeUInt32LE(8000, 24);
  header.writeUInt32LE(8000, 28);
  header.writeUInt16LE(1, 32);
  header.writeUInt16LE(8, 34);
  header.write('data', 36);
  header.writeUInt32LE(samples, 40);
  return Buffer.concat([header, Buffer.alloc(samples, 128)]);
}

interface WebhookSecrets {
  readonly telephony: string;
  readonly wecom: { readonly token: string; readonly encodingAesKey: string; readonly corpId: string };
}

async function webhookSecrets(tenantsFile: string, tenantId: string): Promise<WebhookSecrets> {
  const tenants = JSON.parse(await readFile(tenantsFile, 'utf8')) as { tenants?: Record<string, { webhooks?: Partial<{ telephony: { secret: string }; wecom: WebhookSecrets['wecom'] }> }> };
  const webhooks = tenants.tenants?.[tenantId]?.webhooks;
  if (!webhooks?.telephony?.secret || !webhooks.wecom) throw new Error(`tenant ${tenantId} in ${tenantsFile} has no telephony and wecom webhook settings; the demo delivers through both`);
  return { telephony: webhooks.telephony.secret, wecom: webhooks.wecom };
}

/**
 * Seeds a running hub with the seed document's example journey (宁波奥克斯 buying PCR-ABS), through
 * the real channels — a signed 400-call CDR, encrypted WeCom callbacks, SMTP mail with an attachment,
 * a visit report and a mobile call with a recording through the API — over the 10 days before `now`,
 * plus a second customer and an email from a free-mail address that lands in the unmatched inbox.
 * Then it waits for every record's analysis and runs a customer report. Safe to run again: the
 * deliveries are the same source messages, so they are recognised as duplicates.
 */
export async function seedDemoJourney(target: DemoTarget): Promise<DemoSeed> {
  const tenantId = target.tenantId ?? 'T001';
  const secrets = await webhookSecrets(target.tenantsFile ?? DEMO_TENANTS_FILE, tenantId);
  const now = target.now ?? new Date();
  const api = apiClient(target);
  /** `days` days and `hours` hours before now, whole minutes. */
  const ago = (days: number, hours = 0) => new Date(Math.floor((now.getTime() - (days * 24 + hours) * 3_600_000) / 60_000) * 60_000);
  const unix = (at: Date) => Math.floor(at.getTime() / 1000);

  await api('PUT', `/v1/customers/${DEMO_CUSTOMER.customerId}`, DEMO_CUSTOMER.profile);
  await api('PUT', `/v1/customers/${SECOND_CUSTOMER.customerId}`, SECOND_CUSTOMER.profile);

  const call400 = async (callId: string, at: Date) => {
    const body = Buffer.from(JSON.stringify({ callId, caller: '13958200001', callee: '4008108888', direction: 'inbound', startedAt: at.toISOString(), durationSeconds: 300, agent: { id: 'A-01' }, transcript: '客户：你好，我想问一下PCR-ABS 1000的价格和交期。\n客服：好的，我们的销售张经理会在今天给您报价。' }));
    return api('POST', `/v1/webhooks/${tenantId}/telephony`, body, { 'content-type': 'application/json', [COMMHUB_SIGNATURE_HEADER]: signCommHub(secrets.telephony, body, unix(new Date())) });
  };
  let nonce = 0;
  const wecom = async (msgId: string, at: Date, content: string) => {
    const { token, encodingAesKey, corpId } = secrets.wecom;
    const xml = `<xml><ToUserName><![CDATA[${corpId}]]></ToUserName><FromUserName><![CDATA[${DEMO_CUSTOMER.profile.wecomUserIds[0]}]]></FromUserName><CreateTime>${unix(at)}</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[${content}]]></Content><MsgId>${msgId}</MsgId><AgentID>1</AgentID></xml>`;
    const encrypt = encryptWeComMessage({ encodingAesKey, receiveId: corpId }, xml);
    const timestamp = String(unix(new Date()));
    const fields = { timestamp, nonce: `demo${Date.now()}${nonce++}`, encrypt };
    const query = new URLSearchParams({ msg_signature: signWeComPayload(token, fields), timestamp, nonce: fields.nonce });
    const body = `<xml><ToUserName><![CDATA[${corpId}]]></ToUserName><Encrypt><![CDATA[${encrypt}]]></Encrypt><AgentID><![CDATA[1]]></AgentID></xml>`;
    return api('POST', `/v1/webhooks/${tenantId}/wecom?${query}`, Buffer.from(body), { 'content-type': 'text/xml' });
  };
  const mail = createTransport({ host: target.smtpHost, port: target.smtpPort, secure: false, ignoreTLS: true });
  const email = (from: string, messageId: string, at: Date, subject: string, text: string, attachment?: { filename: string; content: string }) =>
    mail.sendMail({ from, to: 'sales@demo-materials.cn', subject, text, messageId, date: at, attachments: attachment ? [attachment] : [] });
  const viaApi = (body: Record<string, unknown>) => api('POST', '/v1/communications', { sourceSystem: 'sales-app', customer: { id: DEMO_CUSTOMER.customerId }, ...body });

  const recording = (await api('POST', '/v1/uploads', { fileName: 'call-0614.wav', contentType: 'audio/wav', purpose: 'recording' })) as { uploadUrl: string; storageKey: string };
  const put = await fetch(recording.uploadUrl, { method: 'PUT', headers: { 'content-type': 'audio/wav' }, body: silentWav() });
  if (!put.ok) throw new Error(`uploading the demo recording failed: HTTP ${put.status}`);

  // The journey, oldest first, as it happens (each step waits for the previous one).
  await call400('CALL-DEMO-0610', ago(9, 2));
  await wecom('7380000000000100001', ago(8, 3), '张经理，PCR-ABS 1000 报价：含税 18,500 元/吨，50 吨起订。');
  await email('王工 <wang.gong@auxgroup.com>', '<demo-tech-0612@auxgroup.com>', ago(7, 4), 'PCR-ABS 技术参数确认', '请确认熔融指数 18g/10min，阻燃等级 UL94 V-0。');
  await viaApi({ sourceRecordId: 'DEMO-VISIT-0613', type: 'visit', occurredAt: ago(6, 1).toISOString(), content: '拜访宁波奥克斯，参观注塑车间，确认月用量 50 吨。', location: { latitude: 29.87, longitude: 121.54, address: '宁波' } });
  await viaApi({ sourceRecordId: 'DEMO-MOB-0614', type: 'mobile', occurredAt: ago(5, 2).toISOString(), durationSeconds: 420, content: '电话沟通付款条件：月结 60 天，预付 30%。', recording: { storageKey: recording.storageKey } });
  await wecom('7380000000000100002', ago(1, 1), '我们准备下单，先走 50 吨。');
  await email('王工 <wang.gong@auxgroup.com>', '<demo-contract-0617@auxgroup.com>', ago(0, 2), '合同草稿', '附件为合同草稿，请审阅。', { filename: '合同草稿.docx', content: 'PK contract draft' });

  // Someone else: another customer, and a buyer writing from a private mailbox (no customer can be told).
  await email('刘工 <liu.gong@gree.com.cn>', '<demo-gree-0615@gree.com.cn>', ago(4), '再生 PP 样品', '样品已收到，下周安排测试。');
  await email('陈经理 <chen.buyer.aux@163.com>', '<demo-private-0616@163.com>', ago(3, 5), '用私人邮箱发一下：下月用量', '我是宁波奥克斯采购部陈经理，下个月 PCR-ABS 的用量可能增加到 80 吨，请提前备货。');
  mail.close();

  const timeline = await waitForAnalysis(api, 7);
  const unmatched = (await api('GET', '/v1/unmatched?limit=50')) as { items: { recordId: string; sourceRecordId?: string }[] };
  const unmatchedRecordIds = unmatched.items.map((item) => item.recordId);
  let reportId: string | undefined;
  if (target.runReport !== false) {
    reportId = ((await api('POST', '/v1/reports', { type: 'customer', customerId: DEMO_CUSTOMER.customerId })) as { reportId: string }).reportId;
    await waitForReport(api, reportId);
  }
  return { customerId: DEMO_CUSTOMER.customerId, recordIds: timeline, unmatchedRecordIds, ...(reportId ? { reportId } : {}) };
}

type Api = (method: string, path: string, body?: unknown, headers?: Record<string, string>) => Promise<unknown>;

/** A JSON API caller that fails with the route and the API's error body on anything but 2xx. */
function apiClient(target: DemoTarget): Api {
  return async (method, path, body, headers = {}) => {
    const raw = body === undefined || Buffer.isBuffer(body) ? body : Buffer.from(JSON.stringify(body));
    const response = await fetch(`${target.apiUrl}${path}`, {
      method,
      headers: { authorization: `Bearer ${target.token}`, ...(raw && !Buffer.isBuffer(body) ? { 'content-type': 'application/json' } : {}), ...headers },
      ...(raw ? { body: raw } : {}),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path.split('?')[0]} answered ${response.status}: ${text.slice(0, 500)}`);
    // Vendors' webhooks answer in their own words (WeCom: `success`); the API answers JSON.
    return response.headers.get('content-type')?.includes('json') ? JSON.parse(text) : text;
  };
}

/** The journey customer's record ids once `count` records are there and none is pending analysis (60 s at most). */
async function waitForAnalysis(api: Api, count: number): Promise<string[]> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const page = (await api('GET', `/v1/customers/${DEMO_CUSTOMER.customerId}/timeline?limit=50`)) as { items: { recordId: string; analysis: { status: string } }[] };
    if (page.items.length >= count && page.items.every((item) => item.analysis.status !== 'pending')) return page.items.map((item) => item.recordId);
    if (Date.now() > deadline) throw new Error(`the demo records were not analysed within 60 s (${page.items.length} of ${count} stored)`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

async function waitForReport(api: Api, reportId: string): Promise<void> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const report = (await api('GET', `/v1/reports/${reportId}`)) as { status: string; failureReason?: string };
    if (report.status === 'ready') return;
    if (report.status === 'failed') throw new Error(`the demo customer report failed: ${report.failureReason ?? 'no reason given'}`);
    if (Date.now() > deadline) throw new Error('the demo customer report was not ready within 60 s');
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
