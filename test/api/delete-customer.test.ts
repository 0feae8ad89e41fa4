import { createTransport } from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningHub } from '../../embedded/hub.js';
import { encryptWeComMessage, signWeComPayload } from '../../functions/channels/wecom/wecom-crypto.js';
import { resolveReportPeriod } from '../../functions/core/reports/report-period.js';
import { bucketContents, objectsMentioning } from '../support/bucket-contents.js';
import { canonicalInput } from '../support/records.js';
import { itemsMentioning, tableContents } from '../support/table-contents.js';
import { callApi, startTestHub, tokenFor, type ApiResult } from '../support/test-hub.js';

/** Demo tenant WeCom settings (embedded/tenants.demo.json). */
const WECOM = { token: 'QDG6eK', encodingAesKey: 'jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C', corpId: 'wx5823bf96d3bd56c7' };
const GONE = { id: 'CUST-YJ', name: '甬江精密塑胶', domain: 'yongjiang-precision.com', wecom: 'wmYJbuyer0000000001', freeMail: 'yj.buyer@163.com' };
const KEPT = { id: 'CUST-HC', name: '杭州华诚化工', domain: 'huacheng-chem.com' };
/** The same file, attached to a record of each customer: stored once, so it must outlive the deletion. */
const SHARED_FILE = { filename: '价格表.pdf', content: '%PDF-1.4 shared price list 2024' };

describe('DELETE /v1/customers/{id}: a privacy request leaves nothing of the customer behind', () => {
  let hub: RunningHub;
  let admin: string;
  let delivery = 0;
  const week = resolveReportPeriod({ type: 'weekly', asOf: new Date(), timeZone: 'Asia/Shanghai' });
  /** An instant inside last week (the weekly report's period), `hours` after its start. */
  const lastWeek = (hours: number) => new Date(Date.parse(week.start) + hours * 3_600_000).toISOString();

  const email = (from: string, messageId: string, sentAt: string, subject: string, text: string, attachments: { filename: string; content: string }[] = []) =>
    createTransport({ host: '127.0.0.1', port: hub.smtpPort, secure: false, ignoreTLS: true }).sendMail({ from, to: 'sales@demo-materials.cn', subject, text, messageId, date: new Date(sentAt), attachments });
  const wecom = (msgId: string, sentAt: string, content: string) => {
    const xml = `<xml><ToUserName><![CDATA[${WECOM.corpId}]]></ToUserName><FromUserName><![CDATA[${GONE.wecom}]]></FromUserName><CreateTime>${Math.floor(Date.parse(sentAt) / 1000)}</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[${content}]]></Content><MsgId>${msgId}</MsgId><AgentID>1</AgentID></xml>`;
    const encrypt = encryptWeComMessage({ encodingAesKey: WECOM.encodingAesKey, receiveId: WECOM.corpId }, xml);
    const timestamp = String(Math.floor(Date.now() / 1000));
    const nonce = `n${delivery++}`;
    const query = new URLSearchParams({ msg_signature: signWeComPayload(WECOM.token, { timestamp, nonce, encrypt }), timestamp, nonce });
    const body = `<xml><ToUserName><![CDATA[${WECOM.corpId}]]></ToUserName><Encrypt><![CDATA[${encrypt}]]></Encrypt><AgentID><![CDATA[1]]></AgentID></xml>`;
    return callApi(hub, 'POST', `/v1/webhooks/T001/wecom?${query}`, { rawBody: body, headers: { 'content-type': 'text/xml' } });
  };
  const ok = (result: ApiResult) => {
    expect(result.status, JSON.stringify(result.body)).toBeLessThan(300);
    return result.body;
  };
  const timeline = async (customerId: string) => ok(await callApi(hub, 'GET', `/v1/customers/${customerId}/timeline?limit=100`, { token: admin })).items as { recordId: string; attachments: { storageKey?: string }[] }[];
  const unmatched = async () => ok(await callApi(hub, 'GET', '/v1/unmatched?limit=100', { token: admin })).items as { recordId: string; participants: { email?: string }[] }[];

  let goneRecordIds: string[];
  let goneTaskIds: string[];
  let goneInsightIds: string[];
  let ownReportId: string;
  let weeklyReportId: string;
  let keptAttachmentKey: string;

  beforeAll(async () => {
    hub = await startTestHub();
    admin = tokenFor(hub, 'T001');
    const profile = { name: GONE.name, domains: [GONE.domain], wecomUserIds: [GONE.wecom], phones: ['13958200077'], owner: 'li.wei@demo-materials.cn', priority: 'high' };
    ok(await callApi(hub, 'PUT', `/v1/customers/${GONE.id}`, { token: admin, body: profile }));
    ok(await callApi(hub, 'PUT', `/v1/customers/${KEPT.id}`, { token: admin, body: { name: KEPT.name, domains: [KEPT.domain] } }));

    // Records on several channels, last week: email with the shared attachment, WeCom (urgent: tasks and an alert), API, and an unmatched mail assigned later.
    await email(`王经理 <wang@${GONE.domain}>`, `<q-1@${GONE.domain}>`, lastWeek(26), `${GONE.name} 询价`, `我是${GONE.name}的王经理，请报 PCR-ABS 50 吨含税价，附价格表。`, [SHARED_FILE]);
    await email(`采购 <buy@${KEPT.domain}>`, `<p-1@${KEPT.domain}>`, lastWeek(27), '价格表确认', '附件价格表已收到，请确认。', [SHARED_FILE]);
    ok(await wecom('7390000000000000001', lastWeek(30), '第二批货到现在还没到，我们产线明天早上就要停线了，今天必须给个答复！'));
    ok(await callApi(hub, 'POST', '/v1/communications', { token: admin, body: canonicalInput({ sourceRecordId: 'VISIT-YJ-1', type: 'visit', occurredAt: lastWeek(50), content: `拜访${GONE.name}，确认月用量 50 吨，请明天回复报价。`, customer: { id: GONE.id } }) }));
    await email(`小周 <${GONE.freeMail}>`, '<free-1@163.com>', lastWeek(52), '样品', '样品收到了，下周给反馈。');
    const stray = (await unmatched()).find((record) => record.participants.some((p) => p.email === GONE.freeMail));
    ok(await callApi(hub, 'POST', `/v1/communications/${stray!.recordId}/assign`, { token: admin, body: { customerId: GONE.id } }));
    await hub.workflows.engine.idle();

    // Reports: one narrowed to the customer, one tenant-wide covering it.
    ownReportId = ok(await callApi(hub, 'POST', '/v1/reports', { token: admin, body: { type: 'weekly', customerId: GONE.id } })).reportId;
    weeklyReportId = ok(await callApi(hub, 'POST', '/v1/reports', { token: admin, body: { type: 'weekly' } })).reportId;
    await hub.workflows.engine.idle();

    goneRecordIds = (await timeline(GONE.id)).map((record) => record.recordId);
    const tasks = await hub.deps.workItems.listTasksByCustomer('T001', GONE.id, { limit: 100 });
    const insights = await hub.deps.workItems.listInsights('T001', GONE.id, { limit: 100 });
    goneTaskIds = tasks.items.map((task) => task.taskId);
    goneInsightIds = insights.items.map((insight) => insight.insightId);
    keptAttachmentKey = (await timeline(KEPT.id))[0]!.attachments[0]!.storageKey!;
  }, 120_000);
  afterAll(() => hub?.close());

  it('has the customer everywhere before the request (so the checks below can fail)', async () => {
    // Assess
    expect(goneRecordIds).toHaveLength(4);
    expect(goneTaskIds.length).toBeGreaterThan(0);
    expect(goneInsightIds.some((id) => id.startsWith('ALERT-'))).toBe(true);
    const weekly = ok(await callApi(hub, 'GET', `/v1/reports/${weeklyReportId}`, { token: admin }));
    expect(weekly.status).toBe('ready');
    expect(weekly.markdown).toContain(GONE.name);
    expect(ok(await callApi(hub, 'GET', `/v1/reports/${ownReportId}`, { token: admin })).markdown).toContain(GONE.name);
    const stored = await bucketContents(hub);
    expect(objectsMentioning(stored, [GONE.name, GONE.domain, ...goneRecordIds]).length).toBeGreaterThan(3);
    for (const q of ['甬江', GONE.domain, GONE.freeMail]) expect(ok(await callApi(hub, 'GET', `/v1/customers?q=${encodeURIComponent(q)}`, { token: admin })).items, q).toEqual([expect.objectContaining({ customerId: GONE.id })]);
  });

  it('refuses a non-admin token (403) and answers another tenant as for an absent customer (404)', async () => {
    // Act
    const reader = await callApi(hub, 'DELETE', `/v1/customers/${GONE.id}`, { token: tokenFor(hub, 'T001', 'commhub/read commhub/ingest') });
    const foreign = await callApi(hub, 'DELETE', `/v1/customers/${GONE.id}`, { token: tokenFor(hub, 'T002') });

    // Assess
    expect(reader.status).toBe(403);
    expect(foreign.status).toBe(404);
    expect(await timeline(GONE.id)).toHaveLength(4);
  });

  it('deletes it: 200 with ids and counts, then every route answers 404 or leaves it out', async () => {
    // Act
    const deleted = await callApi(hub, 'DELETE', `/v1/customers/${GONE.id}`, { token: admin });

    // Assess: the summary names what went, without content
    expect(deleted.status, JSON.stringify(deleted.body)).toBe(200);
    expect(deleted.body).toMatchObject({ customerId: GONE.id, status: 'deleted', removed: { records: 4, profile: true, riskEpisodes: expect.any(Boolean) } });
    expect([...deleted.body.removed.recordIds].sort()).toEqual([...goneRecordIds].sort());
    expect(deleted.body.removed.taskIds).toEqual(expect.arrayContaining(goneTaskIds));
    expect(deleted.body.removed.insightIds).toEqual(expect.arrayContaining(goneInsightIds));
    // The profile's domain, WeCom id and phone, and the address the assignment learned.
    expect(deleted.body.removed.identities).toBe(4);
    expect(deleted.body.removed.reports).toEqual({ deleted: [ownReportId], redacted: [weeklyReportId] });
    expect(JSON.stringify(deleted.body)).not.toContain(GONE.name);

    // Assess: every read route
    for (const path of [`/v1/customers/${GONE.id}`, `/v1/customers/${GONE.id}/timeline`, `/v1/customers/${GONE.id}/insights`, `/v1/tasks?customerId=${GONE.id}`, `/v1/reports/${ownReportId}`]) {
      expect((await callApi(hub, 'GET', path, { token: admin })).status, path).toBe(404);
    }
    for (const recordId of goneRecordIds) expect((await callApi(hub, 'GET', `/v1/communications/${recordId}`, { token: admin })).status).toBe(404);
    for (const taskId of goneTaskIds) expect((await callApi(hub, 'PATCH', `/v1/tasks/${taskId}`, { token: admin, body: { status: 'done' } })).status).toBe(404);
    const ownerTasks = ok(await callApi(hub, 'GET', '/v1/tasks?assignee=li.wei@demo-materials.cn&limit=100', { token: admin })).items as { taskId: string }[];
    expect(ownerTasks.filter((task) => goneTaskIds.includes(task.taskId))).toEqual([]);
    expect((await unmatched()).filter((record) => goneRecordIds.includes(record.recordId))).toEqual([]);
    const reports = ok(await callApi(hub, 'GET', '/v1/reports?limit=100', { token: admin })).items as { reportId: string }[];
    expect(reports.map((report) => report.reportId)).not.toContain(ownReportId);
    const weekly = ok(await callApi(hub, 'GET', `/v1/reports/${weeklyReportId}`, { token: admin }));
    expect(weekly).toMatchObject({ status: 'ready', redactedAt: expect.any(String) });
    for (const document of [weekly.markdown, weekly.html, JSON.stringify(weekly)]) {
      expect(document).not.toContain(GONE.name);
      expect(document).not.toMatch(new RegExp(`\\b${GONE.id}\\b`));
    }
    expect(weekly.markdown).toContain(KEPT.name);
  });

  it('leaves no table item naming the customer, its identities or its name — the directory included — but the audit trail', async () => {
    // Act
    const items = (await tableContents(hub)).filter(({ item }) => !String(item.PK).startsWith('AUDIT'));
    const listed = ok(await callApi(hub, 'GET', '/v1/customers?limit=100', { token: admin })).items as { customerId: string }[];
    const found = await Promise.all(['甬江', GONE.domain, GONE.freeMail].map(async (q) => ok(await callApi(hub, 'GET', `/v1/customers?q=${encodeURIComponent(q)}`, { token: admin })).items));

    // Assess
    expect(itemsMentioning(items, [GONE.id, GONE.name, GONE.domain, GONE.freeMail, GONE.wecom, '甬江'])).toEqual([]);
    expect(listed.map((customer) => customer.customerId)).toEqual([KEPT.id]);
    expect(found).toEqual([[], [], []]);
  });

  it('leaves no object in either bucket whose key or content names the customer or its records, but keeps the shared attachment', async () => {
    // Act
    const stored = await bucketContents(hub);

    // Assess
    expect(objectsMentioning(stored, [GONE.id, GONE.name, GONE.domain, GONE.freeMail, GONE.wecom, ...goneRecordIds])).toEqual([]);
    const shared = stored.filter((object) => object.key === keptAttachmentKey);
    expect(shared.map((object) => object.text)).toEqual([SHARED_FILE.content]);
    const kept = await timeline(KEPT.id);
    const download = ok(await callApi(hub, 'GET', `/v1/communications/${kept[0]!.recordId}`, { token: admin })).attachments[0].downloadUrl as string;
    expect(await (await fetch(download)).text()).toBe(SHARED_FILE.content);
  });

  it('forgets its identities: new mail from its domain and from the address learned by assignment lands in the unmatched inbox', async () => {
    // Act
    await email(`王经理 <wang@${GONE.domain}>`, `<q-2@${GONE.domain}>`, new Date().toISOString(), '再次询价', '请再报一次价。');
    await email(`小周 <${GONE.freeMail}>`, '<free-2@163.com>', new Date().toISOString(), '反馈', '样品测试通过。');

    // Assess
    const inbox = await unmatched();
    const from = (address: string) => inbox.filter((record) => record.participants.some((p) => p.email === address));
    expect(from(`wang@${GONE.domain}`)).toHaveLength(1);
    expect(from(GONE.freeMail)).toHaveLength(1);
  });

  it('shows the deletion in the audit log, and a second DELETE is a 404', async () => {
    // Act
    const again = await callApi(hub, 'DELETE', `/v1/customers/${GONE.id}`, { token: admin });
    const audit = ok(await callApi(hub, 'GET', '/v1/audit?action=delete-customer', { token: admin })).items as {
      outcome: number;
      actor: { principal: string };
      targets: { type: string; id: string }[];
      before?: Record<string, unknown>;
    }[];

    // Assess
    expect(again.status).toBe(404);
    const done = audit.find((entry) => entry.outcome === 200);
    expect(done).toMatchObject({ actor: { principal: 'tester' }, before: { records: 4, profile: true, reportsDeleted: [ownReportId], reportsRedacted: [weeklyReportId] } });
    expect(done?.targets).toEqual(expect.arrayContaining([{ type: 'customer', id: GONE.id }, ...goneRecordIds.map((id) => ({ type: 'communication', id }))]));
    // This tenant's calls only: the other tenant's attempt is in that tenant's log.
    expect(audit.map((entry) => entry.outcome).sort()).toEqual([200, 403, 404]);
    expect(JSON.stringify(audit)).not.toContain(GONE.name);
  });
});
