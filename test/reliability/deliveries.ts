import { readFileSync } from 'node:fs';
import { createTransport } from 'nodemailer';
import { DEMO_TENANTS_FILE } from '../../embedded/hub-settings.js';
import { adapterFor } from '../../functions/channels/registry.js';
import { encryptDingTalkEvent, signDingTalkPayload } from '../../functions/channels/dingtalk/dingtalk-crypto.js';
import { signCommHub } from '../../functions/channels/signing/commhub-signature.js';
import { tencentMeetingSignature } from '../../functions/channels/tencent-meeting/tencent-signature.js';
import { encryptWeComMessage, signWeComPayload } from '../../functions/channels/wecom/wecom-crypto.js';
import { zoomSignature } from '../../functions/channels/zoom/zoom-signature.js';

export const TENANT = 'T001';
/** Customers the canonical API and batch deliveries name explicitly (created before the run). */
export const CUSTOMERS = Array.from({ length: 10 }, (_, i) => `CUST-REL-${i}`);
/** Every channel a delivery can arrive through. */
export const CHANNELS = ['api', 'batch', 'telephony', 'connect', 'wecom', 'zoom', 'dingtalk', 'tencent-meeting', 'teams', 'email'] as const;
export type Channel = (typeof CHANNELS)[number];
const BATCH_ITEMS = 3;

/** What one attempt got: `ack` (2xx / SMTP 250), `refused` (reset, 5xx, 429, SMTP 4xx: redeliver) or `rejected` (any other answer: a bug). */
export interface AttemptOutcome {
  readonly kind: 'ack' | 'refused' | 'rejected';
  readonly detail: string;
}

/** One delivery: a message of one channel, with the source ids (`system/recordId`) it must become. */
export interface Delivery {
  readonly n: number;
  readonly channel: Channel;
  readonly sources: readonly string[];
  /** Sends it once, signed afresh (as a vendor's retry is). */
  attempt(): Promise<AttemptOutcome>;
}

interface Prepared {
  readonly path: string;
  readonly headers: Record<string, string>;
  readonly body: string;
}

const hooks = JSON.parse(readFileSync(DEMO_TENANTS_FILE, 'utf8')).tenants[TENANT];
const context = { tenantId: TENANT, timezone: hooks.timezone as string, internalDomains: hooks.internalDomains as string[] };
const { telephony, connect, wecom, zoom, dingtalk, tencentMeeting, teams } = hooks.webhooks;
let fresh = 0; // nonces and signature timestamps differ per attempt: replay protection must let retries in
const phone = (n: number) => `1380013${String(n % 10_000).padStart(4, '0')}`;
const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000);
const json = { 'content-type': 'application/json' };
const hook = (channel: string, body: string, headers: Record<string, string> = {}, query?: Record<string, string>): Prepared => ({
  path: `/v1/webhooks/${TENANT}/${channel}${query ? `?${new URLSearchParams(query)}` : ''}`,
  headers: { ...json, ...headers },
  body,
});
/**
 * CommHub-signed deliveries: the same body signed with the same timestamp is a replay (401), so each attempt
 * of one delivery takes a timestamp none of its earlier attempts used (as a vendor's retry does).
 */
const commhubSigned = (channel: string, secret: string, event: unknown) => {
  const body = JSON.stringify(event);
  const used = new Set<number>();
  return () => {
    let timestamp = Math.floor(Date.now() / 1000);
    while (used.has(timestamp)) timestamp--;
    used.add(timestamp);
    return hook(channel, body, { 'x-commhub-signature': signCommHub(secret, Buffer.from(body), timestamp) });
  };
};

/** Vendor deliveries (shapes as in bench/webhooks.ts): the event is fixed per `n`, the signature fresh per call. */
const webhooks: Record<string, (n: number, at: Date) => () => Prepared> = {
  telephony: (n, at) => {
    const event = { callId: `rel-call-${n}`, caller: phone(n), callee: '400-810-8888', direction: 'inbound', startedAt: at.toISOString(), endedAt: new Date(at.getTime() + 300_000).toISOString(), agent: { id: 'A-007' }, transcript: [{ speaker: 'customer', text: `订单 ${n} 的PCR-ABS交期？` }] };
    return commhubSigned('telephony', telephony.secret, event);
  },
  connect: (n, at) => {
    const event = { eventType: 'DISCONNECTED', contactId: `rel-contact-${n}`, channel: 'VOICE', initiationMethod: 'INBOUND', initiationTimestamp: at.toISOString(), disconnectTimestamp: new Date(at.getTime() + 300_000).toISOString(), customerEndpoint: { address: phone(n), type: 'TELEPHONE_NUMBER' }, systemEndpoint: { address: '+864008108888', type: 'TELEPHONE_NUMBER' }, agentInfo: { agentArn: 'arn:aws:connect:us-west-2:123456789012:instance/i-1/agent/agent-7' } };
    return commhubSigned('connect', connect.secret, event);
  },
  wecom: (n, at) => {
    const created = Math.floor(at.getTime() / 1000);
    const xml = `<xml><ToUserName><![CDATA[${wecom.corpId}]]></ToUserName><FromUserName><![CDATA[wmRel${n}]]></FromUserName><CreateTime>${created}</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[订单 ${n}：PCR-ABS 报价含税 18,500 元/吨。]]></Content><MsgId>${7_390_000_000_000_000 + n}</MsgId><AgentID>1</AgentID></xml>`;
    return () => {
      const encrypt = encryptWeComMessage({ encodingAesKey: wecom.encodingAesKey, receiveId: wecom.corpId }, xml);
      const signed = { timestamp: String(Math.floor(Date.now() / 1000)), nonce: `r${fresh++}`, encrypt };
      const body = `<xml><ToUserName><![CDATA[${wecom.corpId}]]></ToUserName><Encrypt><![CDATA[${encrypt}]]></Encrypt><AgentID><![CDATA[1]]></AgentID></xml>`;
      return hook('wecom', body, { 'content-type': 'text/xml' }, { msg_signature: signWeComPayload(wecom.token, signed), timestamp: signed.timestamp, nonce: signed.nonce });
    };
  },
  zoom: (n, at) => {
    const object = { id: 85_747_000_000 + n, uuid: `rel${n}/pTJ2wqZnBo1lS7g==`, host_id: 'x1yCzABCDEfg23HiJKl4mN', topic: `报价评审 ${n}`, type: 2, start_time: at.toISOString(), end_time: new Date(at.getTime() + 3_000_000).toISOString(), timezone: 'Asia/Shanghai', duration: 50 };
    const body = JSON.stringify({ event: 'meeting.ended', event_ts: at.getTime(), payload: { account_id: 'AAAAAABBBB', object } });
    return () => {
      const ts = String(Math.floor(Date.now() / 1000));
      return hook('zoom', body, { 'x-zm-request-timestamp': ts, 'x-zm-signature': zoomSignature(zoom.secretToken, ts, Buffer.from(body)) });
    };
  },
  dingtalk: (n, at) => {
    const event = { EventType: 'conference_end', CorpId: 'dingCorp', conferenceId: `CONF-REL-${n}`, title: `季度复盘 ${n}`, startTime: at.getTime(), endTime: at.getTime() + 3_000_000, host: { userId: 'manager1', name: '王经理' }, participants: [{ userId: 'manager1', name: '王经理' }, { name: '李客户', mobile: phone(n) }] };
    return () => {
      const encrypt = encryptDingTalkEvent(dingtalk, JSON.stringify(event));
      const signed = { timestamp: String(Date.now()), nonce: `e${String(fresh++).padStart(7, '0')}`, encrypt };
      return hook('dingtalk', JSON.stringify({ encrypt }), {}, { signature: signDingTalkPayload(dingtalk.token, signed), timestamp: signed.timestamp, nonce: signed.nonce });
    };
  },
  'tencent-meeting': (n, at) => {
    const meetingInfo = { meeting_id: String(13_339_451_619_000_000_000n + BigInt(n)), meeting_code: '445999969', subject: `快速会议 ${n}`, creator: { userid: 'tester-2', user_name: 'tester-2_name' }, meeting_type: 0, start_time: Math.floor(at.getTime() / 1000), end_time: Math.floor(at.getTime() / 1000) + 3000 };
    const data = Buffer.from(JSON.stringify({ event: 'meeting.end', trace_id: `rel-trace-${n}`, payload: [{ operate_time: at.getTime(), operator: { userid: 'tester', user_name: 'tester_name' }, meeting_info: meetingInfo }] })).toString('base64');
    return () => {
      const timestamp = String(Date.now());
      const nonce = String(20_000_000 + fresh++);
      return hook('tencent-meeting', JSON.stringify({ data }), { timestamp, nonce, signature: tencentMeetingSignature(tencentMeeting.token, timestamp, nonce, data) });
    };
  },
  teams: (n) => {
    const id = `3f1a1100-b174-40a0-aba7-${String(n).padStart(12, '0')}`;
    const resource = `communications/callRecords/${id}`;
    const notification = { subscriptionId: 'sub-rel', clientState: teams.clientState, changeType: 'created', resource, subscriptionExpirationDateTime: new Date(Date.now() + 86_400_000).toISOString(), resourceData: { '@odata.type': '#Microsoft.Graph.callrecord', '@odata.id': resource, id }, tenantId: 'graph-tenant' };
    const body = JSON.stringify({ value: [notification] });
    return () => hook('teams', body);
  },
};

/** The adapter's own (pure) reading of a prepared delivery: the source id it must become. */
function sourceOf(channel: string, prepared: Prepared): string {
  const adapter = adapterFor(channel);
  const query = Object.fromEntries(new URLSearchParams(prepared.path.split('?')[1] ?? ''));
  const configured = adapter && hooks.webhooks[adapter.settingsKey];
  const outcome = adapter?.handle({ method: 'POST', headers: prepared.headers, query, rawBody: Buffer.from(prepared.body), receivedAt: new Date() }, adapter.settingsSchema.parse(configured), context);
  if (outcome?.kind !== 'ingest' || outcome.items.length !== 1) throw new Error(`${prepared.path}: delivery makes no single record`);
  const [item] = outcome.items as [(typeof outcome.items)[number]];
  return `${item.sourceSystem}/${item.sourceRecordId}`;
}

async function post(baseUrl: string, prepared: Prepared): Promise<AttemptOutcome> {
  try {
    const response = await fetch(baseUrl + prepared.path, { method: 'POST', headers: prepared.headers, body: prepared.body, signal: AbortSignal.timeout(30_000) });
    const text = await response.text();
    if (response.status < 300) return { kind: 'ack', detail: text };
    if (response.status >= 500 || response.status === 429) return { kind: 'refused', detail: `${response.status}` };
    return { kind: 'rejected', detail: `${response.status} ${prepared.path.split('?')[0]}: ${text.slice(0, 300)}` };
  } catch (error) {
    return { kind: 'refused', detail: `fetch: ${(error as Error).message}` };
  }
}

const api = (n: number, k: number, at: Date) => ({
  sourceSystem: 'reliability',
  sourceRecordId: `rel-${n}-${k}`,
  type: n % 2 ? 'visit' : 'mobile',
  occurredAt: at.toISOString(),
  content: `拜访客户 ${n}，确认月用量 50 吨，付款条件月结 60 天。`,
  customer: { id: CUSTOMERS[n % CUSTOMERS.length] },
});

/** Delivery number `n` (its channel by round-robin), against the hub at `baseUrl` / `smtpPort`. */
export function makeDelivery(n: number, target: { baseUrl: string; smtpPort: number; token: string }): Delivery {
  const channel = CHANNELS[n % CHANNELS.length] as Channel;
  const at = minutesAgo(5 + (n % 600));
  const auth = { ...json, authorization: `Bearer ${target.token}` };
  if (channel === 'api') {
    const item = api(n, 0, at);
    return { n, channel, sources: [`reliability/${item.sourceRecordId}`], attempt: () => post(target.baseUrl, { path: '/v1/communications', headers: auth, body: JSON.stringify(item) }) };
  }
  if (channel === 'batch') {
    const items = Array.from({ length: BATCH_ITEMS }, (_, k) => api(n, k, at));
    return { n, channel, sources: items.map((i) => `reliability/${i.sourceRecordId}`), attempt: () => post(target.baseUrl, { path: '/v1/communications/batch', headers: auth, body: JSON.stringify({ items }) }) };
  }
  if (channel === 'email') {
    const messageId = `rel-${n}@auxgroup-rel.com`;
    const mail = { from: '王工 <wang.gong@auxgroup-rel.com>', to: 'inbox@t001.commhub.local', subject: `PCR-ABS 技术参数 ${n}`, text: `请确认熔融指数 18g/10min（${n}）。`, messageId: `<${messageId}>`, date: at };
    const attempt = async (): Promise<AttemptOutcome> => {
      const transport = createTransport({ host: '127.0.0.1', port: target.smtpPort, secure: false, ignoreTLS: true, connectionTimeout: 10_000, socketTimeout: 30_000 });
      try {
        const info = await transport.sendMail(mail);
        return { kind: 'ack', detail: info.response };
      } catch (error) {
        const code = (error as { responseCode?: number }).responseCode;
        return code !== undefined && code >= 500 ? { kind: 'rejected', detail: `smtp ${code}: ${(error as Error).message}` } : { kind: 'refused', detail: `smtp ${code ?? (error as Error).message}` };
      } finally {
        transport.close();
      }
    };
    return { n, channel, sources: [`email/${messageId}`], attempt };
  }
  const build = (webhooks[channel] as (n: number, at: Date) => () => Prepared)(n, at);
  return { n, channel, sources: [sourceOf(channel, build())], attempt: () => post(target.baseUrl, build()) };
}
