import { readdir, readFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningHub } from '../../embedded/hub.js';
import type { A15Report } from '../../functions/core/agents/a15-report.js';
import type { CommunicationRecord } from '../../functions/core/model/communication-record.js';
import { CHANNEL_COLORS } from '../../functions/core/reports/report-chart.js';
import { screenshot } from '../support/chromium-screenshot.js';
import { countPixels } from '../support/png-decode.js';
import { callApi, startTestHub, tokenFor } from '../support/test-hub.js';
import { insightsOf, seedCustomer, TENANT } from './periodic-kit.js';

const CUSTOMERS = [
  { customerId: 'C101', name: '宁波奥克斯', history: { monthlyCounts: [8, 8, 8, 2], competitorMentions: 2, seed: 11 } },
  { customerId: 'C102', name: '杭州华诚', history: { monthlyCounts: [10, 10, 12, 16], seed: 12 } },
  { customerId: 'C103', name: '苏州精塑', history: { monthlyCounts: [6, 6, 6, 12], complaints: 1, seed: 13 } },
] as const;

/** A customer's records in [start, end), read straight from its timeline (the report must agree). */
async function timelineIn(hub: RunningHub, customerId: string, start: string, end: string): Promise<CommunicationRecord[]> {
  const found: CommunicationRecord[] = [];
  let cursor: string | undefined;
  do {
    const page = await hub.deps.records.queryTimeline({ tenantId: TENANT, customerId, from: start, to: end, limit: 100, cursor });
    found.push(...page.items.filter((record) => record.occurredAt >= start && record.occurredAt < end));
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return found;
}

describe('weekly report for three customers, end to end in embedded mode', () => {
  let hub: RunningHub;
  const asOf = new Date();
  beforeAll(async () => {
    hub = await startTestHub({ workflows: false, workflowRetryIntervalMs: 0 });
    for (const customer of CUSTOMERS) await seedCustomer(hub, { customerId: customer.customerId, name: customer.name, priority: 'high' }, { asOf, ...customer.history });
  }, 60_000);
  afterAll(() => hub.close());

  it('is requested through the API, stored with counts equal to the store’s, and emailed as HTML with a chart and plain text', async () => {
    // Act: a manager asks for last week's report and waits for it
    const token = tokenFor(hub, TENANT);
    const requested = await callApi(hub, 'POST', '/v1/reports', { token, body: { type: 'weekly' } });
    expect(requested.status).toBe(202);
    const { reportId } = requested.body as { reportId: string };
    await hub.workflows.engine.idle();
    const got = await callApi(hub, 'GET', `/v1/reports/${reportId}`, { token });

    // Assess: ready, with Markdown and HTML
    expect(got.status).toBe(200);
    expect(got.body).toMatchObject({ reportId, type: 'weekly', status: 'ready' });
    expect(got.body.markdown).toContain('#');
    expect(got.body.html).toContain('<table');
    const listed = await callApi(hub, 'GET', '/v1/reports', { token });
    expect(listed.body.items.map((item: { reportId: string }) => item.reportId)).toContain(reportId);

    // Assess: the week is Monday–Sunday in Shanghai, and every count equals a count taken from the store
    const { start, end, timeZone } = got.body.period as { start: string; end: string; timeZone: string };
    expect(timeZone).toBe('Asia/Shanghai');
    expect(new Date(start).getUTCHours()).toBe(16); // 00:00 in Shanghai
    expect((Date.parse(end) - Date.parse(start)) / 86_400_000).toBe(7);
    const document = JSON.parse((await hub.deps.blobs.getText(`reports/${TENANT}/${reportId}/report.json`))!) as A15Report;
    const records = (await Promise.all(CUSTOMERS.map((c) => timelineIn(hub, c.customerId, start, end)))).flat();
    expect(records.length).toBeGreaterThan(0);
    expect(document.key_metrics.records).toBe(records.length);
    const count = (key: (record: CommunicationRecord) => string | undefined) =>
      records.reduce<Record<string, number>>((counts, record) => ({ ...counts, [key(record) ?? 'not_analyzed']: (counts[key(record) ?? 'not_analyzed'] ?? 0) + 1 }), {});
    const nonZero = (counts: Record<string, number>) => Object.fromEntries(Object.entries(counts).filter(([, n]) => n > 0));
    expect(nonZero(document.key_metrics.by_channel)).toEqual(count((record) => record.type));
    expect(nonZero(document.key_metrics.by_intent)).toEqual(count((record) => record.analysis.intent?.category));
    const insights = (await Promise.all(CUSTOMERS.map((c) => insightsOf(hub, c.customerId)))).flat();
    const createdInPeriod = (type: string) => insights.filter((i) => i.type === type && i.createdAt >= start && i.createdAt < end && i.status !== 'dismissed');
    const newRisks = document.key_metrics.new_risks_by_level;
    expect(newRisks.high + newRisks.medium + newRisks.low).toBe(createdInPeriod('risk').length);
    expect(document.opportunities).toHaveLength(createdInPeriod('opportunity').length);
    expect(document.customer_sections?.map((section) => section.customer_id).sort()).toEqual(CUSTOMERS.map((c) => c.customerId));
    expect(got.body.summary).toMatchObject({ records: records.length });

    // Assess: one email, a valid MIME message with an HTML and a plain-text part
    const mails = (await readdir(hub.outboxDir)).filter((name) => name.endsWith('.eml') && name.includes(reportId));
    expect(mails).toHaveLength(1);
    const raw = await readFile(join(hub.outboxDir, mails[0]!));
    const mail = await simpleParser(raw);
    expect(mail.to && 'text' in mail.to ? mail.to.text : '').toContain('@');
    expect(mail.html).toBeTruthy();
    expect(mail.text).toBeTruthy();
    expect(raw.toString('latin1')).toMatch(/Content-Type: multipart\/alternative/i);

    // Assess: the chart shows in headless Chromium (the channels' bar colours are painted)
    const dir = await mkdtemp(join(tmpdir(), 'commhub-weekly-'));
    try {
      const image = await screenshot(mail.html as string, dir, 'weekly');
      const channels = Object.keys(nonZero(document.key_metrics.by_channel)) as (keyof typeof CHANNEL_COLORS)[];
      for (const channel of channels) expect(countPixels(image, CHANNEL_COLORS[channel]), channel).toBeGreaterThan(0);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }

    // Act: the schedule's double fire or a step retry must not mail twice
    const again = await callApi(hub, 'GET', `/v1/reports/${reportId}`, { token });
    expect(again.body.emailedTo.length).toBeGreaterThan(0);
  }, 180_000);

  it('narrows a weekly report to one customer when asked (npm run report -- --type weekly --customer C102)', async () => {
    const token = tokenFor(hub, TENANT);
    const requested = await callApi(hub, 'POST', '/v1/reports', { token, body: { type: 'weekly', customerId: 'C102' } });
    expect(requested.status).toBe(202);
    await hub.workflows.engine.idle();
    const got = await callApi(hub, 'GET', `/v1/reports/${requested.body.reportId}`, { token });
    expect(got.body).toMatchObject({ status: 'ready', type: 'weekly', customerId: 'C102' });
    const { start, end } = got.body.period as { start: string; end: string };
    const document = JSON.parse((await hub.deps.blobs.getText(`reports/${TENANT}/${requested.body.reportId}/report.json`))!) as A15Report;
    expect(document.key_metrics.records).toBe((await timelineIn(hub, 'C102', start, end)).length);
    expect(document.customer_sections?.map((section) => section.customer_id)).toEqual(['C102']);
  }, 120_000);

  it('keeps another tenant’s report indistinguishable from an absent one', async () => {
    const token = tokenFor(hub, TENANT);
    const requested = await callApi(hub, 'POST', '/v1/reports', { token, body: { type: 'customer', customerId: 'C102' } });
    expect(requested.status).toBe(202);
    await hub.workflows.engine.idle();
    const foreign = await callApi(hub, 'GET', `/v1/reports/${requested.body.reportId}`, { token: tokenFor(hub, 'T002') });
    expect(foreign.status).toBe(404);
    const missing = await callApi(hub, 'POST', '/v1/reports', { token, body: { type: 'customer', customerId: 'NOPE' } });
    expect(missing.status).toBe(404);
    const bad = await callApi(hub, 'POST', '/v1/reports', { token, body: { type: 'yearly' } });
    expect(bad.status).toBe(400);
  }, 120_000);
});
