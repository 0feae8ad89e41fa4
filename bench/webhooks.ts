// Webhook throughput benchmark: accepted deliveries/s of each vendor channel vs the canonical API
// (POST /v1/communications) carrying the same communications (all channels' kinds), in the same run.
// Run: npx tsx bench/webhooks.ts   (in-memory hub, loopback only, ~1 min on 2 cores)
import { deadline, inMemorySettings, pool, printTable } from './support.js';
import { LoadClient, type LoadRequest } from './http-load.js';
import { startHub } from '../embedded/hub.js';
import { signToken } from '../embedded/jwt.js';
import { adapterFor } from '../functions/channels/registry.js';
import { encryptDingTalkEvent, signDingTalkPayload } from '../functions/channels/dingtalk/dingtalk-crypto.js';
import { signCommHub } from '../functions/channels/signing/commhub-signature.js';
import { tencentMeetingSignature } from '../functions/channels/tencent-meeting/tencent-signature.js';
import { encryptWeComMessage, signWeComPayload } from '../functions/channels/wecom/wecom-crypto.js';
import { zoomSignature } from '../functions/channels/zoom/zoom-signature.js';

const ROUNDS = 12;
const BATCH = 25; // per arm and round: N = 300 deliveries per arm
const N = ROUNDS * BATCH;
const WARMUP = 20;
const CONCURRENCY = 8;
const TENANT = 'T001'; // the demo tenant: its webhook secrets are in embedded/tenants.demo.json
const API = 'api (POST /v1/communications)';

deadline(150);
const settings = inMemorySettings();
const hub = await startHub(settings);
const client = new LoadClient(hub.url, CONCURRENCY);
try {
  const tenant = await hub.deps.tenants.getTenant(TENANT);
  const hooks = tenant?.webhooks;
  const { telephony, connect, wecom, zoom, dingtalk, tencentMeeting, teams } = hooks ?? {};
  if (!tenant || !telephony || !connect || !wecom || !zoom || !dingtalk || !tencentMeeting || !teams) throw new Error(`tenant ${TENANT} lacks a webhook setting`);
  const context = { tenantId: TENANT, timezone: tenant.timezone, internalDomains: tenant.internalDomains };
  const token = signToken({ sub: 'bench', 'custom:tenant_id': TENANT, scope: 'commhub/ingest' }, settings.jwtSecret);

  let seq = 0; // every delivery of the run gets its own number: distinct source ids, nonces and signatures
  const json = { 'content-type': 'application/json' };
  const hook = (channel: string, body: string, headers: Record<string, string> = {}, query?: Record<string, string>): LoadRequest => ({
    path: `/v1/webhooks/${TENANT}/${channel}${query ? `?${new URLSearchParams(query)}` : ''}`,
    headers: { ...json, ...headers },
    body,
  });
  const commhubSigned = (channel: string, secret: string, event: unknown) => {
    const body = JSON.stringify(event);
    return hook(channel, body, { 'x-commhub-signature': signCommHub(secret, Buffer.from(body), Math.floor(Date.now() / 1000)) });
  };
  const phone = (n: number) => `1380013${String(n % 10_000).padStart(4, '0')}`;
  const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000);
  const cdr = (n: number) => ({
    callId: `call-${n}`,
    caller: phone(n),
    callee: '400-810-8888',
    direction: 'inbound',
    startedAt: minutesAgo(10).toISOString(),
    endedAt: minutesAgo(5).toISOString(),
    agent: { id: 'A-007', name: '李客服' },
    transcript: [
      { speaker: 'customer', text: `你好，我想问一下订单 ${n} 的PCR-ABS交期。` },
      { speaker: 'agent', text: '您好，下周三可以发货，含税 18,500 元/吨。' },
    ],
  });

  /** One distinct, validly signed delivery per channel (shapes as in test/channels/*.test.ts). */
  const builders: Record<string, (n: number) => LoadRequest> = {
    telephony: (n) => commhubSigned('telephony', telephony.secret, cdr(n)),
    connect: (n) =>
      commhubSigned('connect', connect.secret, {
        eventType: 'DISCONNECTED', contactId: `contact-${n}`, channel: 'VOICE', initiationMethod: 'INBOUND',
        initiationTimestamp: minutesAgo(10).toISOString(), disconnectTimestamp: minutesAgo(5).toISOString(),
        customerEndpoint: { address: phone(n), type: 'TELEPHONE_NUMBER' }, systemEndpoint: { address: '+864008108888', type: 'TELEPHONE_NUMBER' },
        agentInfo: { agentArn: 'arn:aws:connect:us-west-2:123456789012:instance/i-1/agent/agent-7' },
      }),
    wecom: (n) => {
      const now = Math.floor(Date.now() / 1000);
      const xml = `<xml><ToUserName><![CDATA[${wecom.corpId}]]></ToUserName><FromUserName><![CDATA[wmBench${n}]]></FromUserName><CreateTime>${now}</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[张经理，订单 ${n}：PCR-ABS 报价含税 18,500 元/吨，50 吨起订。]]></Content><MsgId>${7_380_000_000_000_000 + n}</MsgId><AgentID>1</AgentID></xml>`;
      const encrypt = encryptWeComMessage({ encodingAesKey: wecom.encodingAesKey, receiveId: wecom.corpId }, xml);
      const signed = { timestamp: String(now), nonce: `n${n}`, encrypt };
      const body = `<xml><ToUserName><![CDATA[${wecom.corpId}]]></ToUserName><Encrypt><![CDATA[${encrypt}]]></Encrypt><AgentID><![CDATA[1]]></AgentID></xml>`;
      return hook('wecom', body, { 'content-type': 'text/xml' }, { msg_signature: signWeComPayload(wecom.token, signed), timestamp: signed.timestamp, nonce: signed.nonce });
    },
    zoom: (n) => {
      const object = { id: 85_746_000_000 + n, uuid: `bench${n}/pTJ2wqZnBo1lS7g==`, host_id: 'x1yCzABCDEfg23HiJKl4mN', topic: `华东科技 报价评审 ${n}`, type: 2, start_time: minutesAgo(60).toISOString(), end_time: minutesAgo(2).toISOString(), timezone: 'Asia/Shanghai', duration: 60 };
      const body = JSON.stringify({ event: 'meeting.ended', event_ts: Date.now(), payload: { account_id: 'AAAAAABBBB', object } });
      const ts = String(Math.floor(Date.now() / 1000));
      return hook('zoom', body, { 'x-zm-request-timestamp': ts, 'x-zm-signature': zoomSignature(zoom.secretToken, ts, Buffer.from(body)) });
    },
    dingtalk: (n) => {
      const event = {
        EventType: 'conference_end', CorpId: 'dingCorp', conferenceId: `CONF-BENCH-${n}`, title: `华东区季度复盘 ${n}`,
        startTime: minutesAgo(60).getTime(), endTime: minutesAgo(2).getTime(), host: { userId: 'manager1', name: '王经理' },
        participants: [{ userId: 'manager1', name: '王经理' }, { name: '李客户', mobile: phone(n), email: 'li@customer.cn' }],
      };
      const encrypt = encryptDingTalkEvent(dingtalk, JSON.stringify(event));
      const signed = { timestamp: String(Date.now()), nonce: `d${String(n).padStart(7, '0')}`, encrypt };
      return hook('dingtalk', JSON.stringify({ encrypt }), {}, { signature: signDingTalkPayload(dingtalk.token, signed), timestamp: signed.timestamp, nonce: signed.nonce });
    },
    'tencent-meeting': (n) => {
      const meetingInfo = { meeting_id: String(13_339_451_618_000_000_000n + BigInt(n)), meeting_code: '445999969', subject: `快速会议 ${n}`, creator: { userid: 'tester-2', user_name: 'tester-2_name' }, meeting_type: 0, start_time: Math.floor(minutesAgo(60).getTime() / 1000), end_time: Math.floor(minutesAgo(2).getTime() / 1000) };
      const event = { event: 'meeting.end', trace_id: `trace-${n}`, payload: [{ operate_time: Date.now(), operator: { userid: 'tester', user_name: 'tester_name' }, meeting_info: meetingInfo }] };
      const data = Buffer.from(JSON.stringify(event)).toString('base64');
      const timestamp = String(Date.now());
      const nonce = String(10_000_000 + n);
      return hook('tencent-meeting', JSON.stringify({ data }), { timestamp, nonce, signature: tencentMeetingSignature(tencentMeeting.token, timestamp, nonce, data) });
    },
    teams: (n) => {
      const id = `2f1a1100-b174-40a0-aba7-${String(n).padStart(12, '0')}`;
      const resource = `communications/callRecords/${id}`;
      const notification = { subscriptionId: 'sub-bench', clientState: teams.clientState, changeType: 'created', resource, subscriptionExpirationDateTime: new Date(Date.now() + 86_400_000).toISOString(), resourceData: { '@odata.type': '#Microsoft.Graph.callrecord', '@odata.id': resource, id }, tenantId: 'graph-tenant' };
      return hook('teams', JSON.stringify({ value: [notification] }));
    },
  };
  const channelOf = (request: LoadRequest) => /^\/v1\/webhooks\/[^/]+\/([^/?]+)/.exec(request.path)?.[1] ?? '';

  /** The adapter's own reading of a prepared delivery (pure, no I/O): the source id it must become. */
  const sourceOf = (request: LoadRequest) => {
    const adapter = adapterFor(channelOf(request));
    const query = Object.fromEntries(new URLSearchParams(request.path.split('?')[1] ?? ''));
    const configured = adapter && (hooks as Record<string, unknown>)[adapter.settingsKey];
    const outcome = adapter?.handle({ method: 'POST', headers: request.headers, query, rawBody: Buffer.from(request.body), receivedAt: new Date() }, adapter.settingsSchema.parse(configured), context);
    if (outcome?.kind !== 'ingest' || outcome.items.length !== 1) throw new Error(`${request.path}: prepared delivery makes ${outcome?.kind === 'ignore' ? `nothing (${outcome.reason})` : 'no single record'}`);
    const [item] = outcome.items as [(typeof outcome.items)[number]];
    return { sourceSystem: item.sourceSystem, sourceRecordId: item.sourceRecordId, canonical: item };
  };
  /**
   * The canonical arm carries the same communications: round-robin over the channels, each adapter's
   * own canonical reading of one of its deliveries, POSTed as JSON (record kinds differ in cost).
   */
  const channelNames = Object.keys(builders);
  const canonical = (n: number): LoadRequest => {
    const build = builders[channelNames[n % channelNames.length] as string] as (n: number) => LoadRequest;
    const { canonical: item } = sourceOf(build(n));
    const body = JSON.stringify({ ...item, sourceSystem: 'bench-api', sourceRecordId: `api-${n}` });
    return { path: '/v1/communications', headers: { ...json, authorization: `Bearer ${token}` }, body };
  };

  const phases = { prepare: 0, send: 0, verify: 0 };
  const since = (t: number) => (performance.now() - t) / 1000;
  const seen = new Set<string>();
  const arm = async (name: string, count: number) => {
    let t = performance.now();
    const numbers = Array.from({ length: count }, () => ++seq);
    const requests = numbers.map((n) => (name === API ? canonical(n) : (builders[name] as (n: number) => LoadRequest)(n)));
    const sources = requests.map((r, i) => (name === API ? { sourceSystem: 'bench-api', sourceRecordId: `api-${numbers[i]}` } : sourceOf(r)));
    for (const { sourceSystem, sourceRecordId } of sources) {
      const key = `${sourceSystem}/${sourceRecordId}`;
      if (seen.has(key)) throw new Error(`${name}: source id ${key} is not distinct`);
      seen.add(key);
    }
    phases.prepare += since(t);
    t = performance.now();
    const result = await client.send(requests);
    phases.send += since(t);
    t = performance.now();
    LoadClient.expectAll(result, count, name === API ? 201 : 200, name);
    let stored = 0;
    await pool(count, CONCURRENCY, async (i) => {
      const source = sources[i] as (typeof sources)[number];
      if (await hub.deps.records.findBySource(TENANT, source.sourceSystem, source.sourceRecordId)) stored++;
    });
    if (stored !== count) throw new Error(`${name}: ${count} deliveries answered 200 but ${stored} records were created`);
    phases.verify += since(t);
    return result.seconds;
  };

  const arms = [API, ...channelNames];
  for (const name of arms) await arm(name, WARMUP); // JIT, connection pools, every adapter's code path
  // Arms interleaved in small batches, the order rotating each round, so a noisy neighbour or the
  // store's growth hits every arm alike; each arm's rate is over its summed send time, per half too.
  const seconds = new Map<string, [number, number]>(arms.map((name) => [name, [0, 0]]));
  for (let round = 0; round < ROUNDS; round++) {
    for (let k = 0; k < arms.length; k++) {
      const name = arms[(k + round) % arms.length] as string;
      (seconds.get(name) as [number, number])[round < ROUNDS / 2 ? 0 : 1] += await arm(name, BATCH);
    }
  }
  const halfRate = (name: string, half: 0 | 1) => N / 2 / (seconds.get(name)?.[half] ?? Number.NaN);
  const rate = (name: string) => N / ((seconds.get(name) ?? []).reduce((a, b) => a + b, 0) || Number.NaN);
  const apiRate = rate(API);
  const r = (x: number) => String(Math.round(x));
  console.log(`\n${N} distinct accepted deliveries per arm (${ROUNDS} interleaved rounds of ${BATCH}), concurrency ${CONCURRENCY}, tenant ${TENANT}; every record verified stored`);
  console.log(`api = the adapters' canonical readings of all channels' deliveries, round-robin, POSTed with an ingest token`);
  printTable([
    ['channel', '1st half /s', '2nd half /s', 'all /s', 'ratio vs api'],
    ...arms.map((name) => [name, r(halfRate(name, 0)), r(halfRate(name, 1)), r(rate(name)), (rate(name) / apiRate).toFixed(2)]),
  ]);
  const worst = channelNames.reduce((a, b) => (rate(a) <= rate(b) ? a : b));
  const s1 = (x: number) => x.toFixed(1);
  console.log(`\nslowest channel: ${worst}; ${seen.size} records created in all; time: prepare ${s1(phases.prepare)} s, send ${s1(phases.send)} s, verify ${s1(phases.verify)} s`);
  console.log(`bench: webhooks_min_ratio=${(rate(worst) / apiRate).toFixed(2)} (target >= 0.7)`);
} finally {
  await client.close();
  await hub.close();
}
