import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningHub } from '../../embedded/hub.js';
import { syntheticHistory } from '../support/synthetic-history.js';
import { callApi, startTestHub, tokenFor } from '../support/test-hub.js';
import { insightsOf, runPeriodic, seedCustomer, TENANT } from './periodic-kit.js';

/** Customer-risk alerts A14 raised (not the per-record urgent alerts of the record workflow). */
const customerRisks = async (hub: RunningHub, customerId: string) =>
  (await insightsOf(hub, customerId, ['risk'])).filter((insight) => insight.data.kind === 'customer-risk');

describe('risk check (A14): a customer going quiet and naming a cheaper competitor', () => {
  let hub: RunningHub;
  const asOf = new Date();
  beforeAll(async () => {
    hub = await startTestHub({ workflows: false, workflowRetryIntervalMs: 0 });
    // Monthly communications fall from 8 to 2, and the two recent ones say a competitor is cheaper.
    // The latest mention arrived a minute ago: news for the five-minute check.
    const justNow = new Date(asOf.getTime() - 60_000);
    await seedCustomer(hub, { customerId: 'C001', name: '宁波奥克斯', priority: 'high' }, { asOf, monthlyCounts: [8, 8, 8, 2], competitorMentions: 2, seed: 3 }, { latestAt: justNow });
    // A high-priority customer declining the same way but with nothing new (left to the daily run), and a
    // declining normal-priority one with news (the five-minute check skips it).
    await seedCustomer(hub, { customerId: 'C002', name: '杭州安静', priority: 'high' }, { asOf, monthlyCounts: [8, 8, 8, 2], competitorMentions: 2, seed: 4 }, { latestAt: new Date(asOf.getTime() - 20 * 60_000) });
    await seedCustomer(hub, { customerId: 'C003', name: '苏州普通', priority: 'normal' }, { asOf, monthlyCounts: [8, 8, 8, 2], competitorMentions: 2, seed: 5 }, { latestAt: justNow });
  }, 60_000);
  afterAll(() => hub.close());

  it('raises one alert per risk with the computed numbers, skips a check with nothing new, refreshes it on news instead of repeating it, and records a dismissal', async () => {
    // Act: the five-minute check runs
    const first = await runPeriodic(hub, { runId: 'RISK-test-1', type: 'risk-check', asOf });

    // Assess: churn and competitor alerts for C001 only, quoting the computed figures
    expect(first.status).toBe('SUCCEEDED');
    const raised = await customerRisks(hub, 'C001');
    const types = raised.map((insight) => insight.data.riskType).sort();
    expect(types).toEqual(expect.arrayContaining(['churn', 'competitor_penetration']));
    expect(new Set(types).size).toBe(types.length);
    const churn = raised.find((insight) => insight.data.riskType === 'churn')!;
    const indicators = (churn.data.indicators as string[]).join(' ');
    expect(indicators).toMatch(/\b2\b/);
    expect(indicators).toMatch(/\b8(\.0)?\b/);
    const competitor = raised.find((insight) => insight.data.riskType === 'competitor_penetration')!;
    expect((competitor.data.indicators as string[]).join(' ')).toMatch(/\b2\b/);
    expect(churn.status).toBe('new');
    expect(await customerRisks(hub, 'C002')).toEqual([]);
    expect(await customerRisks(hub, 'C003')).toEqual([]);

    // Assess: the customer's overview shows the computed standing and the open alerts
    const overview = await callApi(hub, 'GET', '/v1/customers/C001', { token: tokenFor(hub, TENANT, 'commhub/read') });
    expect(overview.status).toBe(200);
    expect(overview.body.overview).toMatchObject({ trend: 'falling', lifecycleStage: 'at-risk', sentimentTrend: 'worsening' });
    expect(overview.body.overview.healthScore).toBeLessThan(50);
    expect(overview.body.overview.openRisks.map((risk: { insightId: string }) => risk.insightId).sort()).toEqual(raised.map((insight) => insight.insightId).sort());

    // Act: the next check, five minutes later: the same message is still in its 15-minute look-back, nothing is new
    const later = new Date(asOf.getTime() + 5 * 60_000);
    expect((await runPeriodic(hub, { runId: 'RISK-test-2', type: 'risk-check', asOf: later })).status).toBe('SUCCEEDED');

    // Assess: A14 did not run again on what it already read — the alerts are untouched
    const unchanged = await customerRisks(hub, 'C001');
    expect(unchanged.map((insight) => [insight.insightId, insight.updatedAt]).sort()).toEqual(raised.map((insight) => [insight.insightId, insight.updatedAt]).sort());

    // Act: a new message arrives, and the check after it finds the same signals
    const [message] = syntheticHistory({ tenantId: TENANT, customerId: 'C001', asOf: later, monthlyCounts: [1], competitorMentions: 1, seed: 77 });
    await hub.deps.records.insertRecord({ ...message!, occurredAt: new Date(later.getTime() + 60_000).toISOString() });
    const afterMessage = new Date(later.getTime() + 5 * 60_000);
    expect((await runPeriodic(hub, { runId: 'RISK-test-2b', type: 'risk-check', asOf: afterMessage })).status).toBe('SUCCEEDED');

    // Assess: the same alerts, refreshed, none added
    const again = await customerRisks(hub, 'C001');
    expect(again.map((insight) => insight.insightId).sort()).toEqual(raised.map((insight) => insight.insightId).sort());
    expect(again.find((insight) => insight.insightId === churn.insightId)!.updatedAt > churn.updatedAt).toBe(true);

    // Act: the owner dismisses the churn alert through the API
    const token = tokenFor(hub, TENANT, 'commhub/read', 'li.wei');
    const dismissed = await callApi(hub, 'PATCH', `/v1/insights/${churn.insightId}`, { token, body: { status: 'dismissed', note: '客户确认淡季减少采购' } });

    // Assess: who, when and why are recorded; the next run neither revives nor repeats it
    expect(dismissed.status).toBe(200);
    expect(dismissed.body).toMatchObject({ status: 'dismissed', handledBy: 'li.wei', handlingNote: '客户确认淡季减少采购' });
    const [another] = syntheticHistory({ tenantId: TENANT, customerId: 'C001', asOf: afterMessage, monthlyCounts: [1], competitorMentions: 1, seed: 78 });
    await hub.deps.records.insertRecord({ ...another!, occurredAt: new Date(afterMessage.getTime() + 60_000).toISOString() });
    expect((await runPeriodic(hub, { runId: 'RISK-test-3', type: 'risk-check', asOf: new Date(afterMessage.getTime() + 5 * 60_000) })).status).toBe('SUCCEEDED');
    const afterDismissal = await customerRisks(hub, 'C001');
    expect(afterDismissal).toHaveLength(raised.length);
    expect(afterDismissal.find((insight) => insight.insightId === churn.insightId)).toMatchObject({ status: 'dismissed', handledBy: 'li.wei' });
  }, 120_000);
});
