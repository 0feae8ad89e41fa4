import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_CUSTOMER, seedDemoJourney, type DemoSeed } from '../../embedded/demo-journey.js';
import type { RunningHub } from '../../embedded/hub.js';
import { callApi, startTestHub, tokenFor } from '../support/test-hub.js';

describe('npm run demo: the seed journey through the real channels', () => {
  let hub: RunningHub;
  let token: string;
  let seed: DemoSeed;
  // The hub's clock is the real one: the customer report covers the days before it.
  const now = new Date();

  beforeAll(async () => {
    hub = await startTestHub();
    token = tokenFor(hub, 'T001');
    seed = await seedDemoJourney({ apiUrl: hub.url, smtpHost: '127.0.0.1', smtpPort: hub.smtpPort, token, now });
  }, 120_000);
  afterAll(() => hub?.close());

  it("puts the 7 journey records on 宁波奥克斯's timeline, newest first, each analysed, over the 10 days before now", async () => {
    // Act
    const timeline = await callApi(hub, 'GET', `/v1/customers/${DEMO_CUSTOMER.customerId}/timeline?limit=50`, { token });
    // Assess
    const items = timeline.body.items as { recordId: string; type: string; occurredAt: string; analysis: { status: string }; recording?: unknown }[];
    expect(items.map((item) => item.type)).toEqual(['email', 'wechat', 'mobile', 'visit', 'email', 'wechat', 'phone']);
    expect(items.map((item) => item.recordId)).toEqual(seed.recordIds);
    for (const item of items) {
      expect(item.analysis.status).toBe('completed');
      expect(Date.parse(item.occurredAt)).toBeLessThan(now.getTime());
      expect(Date.parse(item.occurredAt)).toBeGreaterThan(now.getTime() - 10 * 86_400_000);
    }
    const mobile = await callApi(hub, 'GET', `/v1/communications/${items[2]!.recordId}`, { token });
    expect(mobile.body.recording.downloadUrl).toMatch(/^http/);
  });

  it('leaves the private-mailbox email in the unmatched inbox and files the other company under its customer', async () => {
    const unmatched = await callApi(hub, 'GET', '/v1/unmatched', { token });
    expect(unmatched.body.items).toHaveLength(1);
    expect(seed.unmatchedRecordIds).toEqual([unmatched.body.items[0].recordId]);
    const gree = await callApi(hub, 'GET', '/v1/customers/CUST-GREE/timeline', { token });
    expect(gree.body.items).toHaveLength(1);
  });

  it('runs a ready customer report whose findings are stored as insights', async () => {
    const report = await callApi(hub, 'GET', `/v1/reports/${seed.reportId}`, { token });
    expect(report.body).toMatchObject({ status: 'ready', type: 'customer', customerId: DEMO_CUSTOMER.customerId });
    const insights = await callApi(hub, 'GET', `/v1/customers/${DEMO_CUSTOMER.customerId}/insights?limit=50`, { token });
    const types = new Set((insights.body.items as { type: string }[]).map((insight) => insight.type));
    expect([...types].sort(), JSON.stringify(insights.body.items.map((i: { type: string; title: string }) => [i.type, i.title]))).toEqual(expect.arrayContaining(['insight', 'opportunity', 'marketing']));
  });

  it('is safe to run again: every delivery is recognised, nothing doubles', async () => {
    // Act
    const again = await seedDemoJourney({ apiUrl: hub.url, smtpHost: '127.0.0.1', smtpPort: hub.smtpPort, token, now, runReport: false });
    // Assess
    expect(again.recordIds).toEqual(seed.recordIds);
    expect(again.unmatchedRecordIds).toEqual(seed.unmatchedRecordIds);
  });
});
