import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningHub } from '../../embedded/hub.js';
import { createLocalCustomerAgents } from '../../functions/analysis/agents/local-customer-agents.js';
import { requestReport } from '../../functions/core/periodic/start-periodic-run.js';
import { PRIOR_CONTEXT_SUMMARIES, type CustomerAgentInput } from '../../functions/core/agents/customer-agent-input.js';
import type { CustomerAgents } from '../../functions/core/ports/customer-agents.js';
import { startTestHub } from '../support/test-hub.js';
import { insightsOf, seedCustomer, TENANT } from './periodic-kit.js';

/** The local agents, counting which agent ran for which customer (and keeping what each was given). */
function countingAgents(calls: string[], inputs: { agent: string; input: CustomerAgentInput }[] = []): CustomerAgents {
  const local = createLocalCustomerAgents();
  const counted = <K extends keyof CustomerAgents>(agent: K): CustomerAgents[K] =>
    ((input: Parameters<CustomerAgents[K]>[0]) => {
      calls.push(`${input.customer.customerId}:${agent}`);
      inputs.push({ agent, input });
      return (local[agent] as (i: typeof input) => ReturnType<CustomerAgents[K]>)(input);
    }) as CustomerAgents[K];
  return { insight: counted('insight'), opportunities: counted('opportunities'), marketing: counted('marketing'), risks: counted('risks') };
}

describe('periodic run: a customer with nothing new in the period', () => {
  let hub: RunningHub;
  const calls: string[] = [];
  const inputs: { agent: string; input: CustomerAgentInput }[] = [];
  beforeAll(async () => {
    hub = await startTestHub({ workflows: false, workflowRetryIntervalMs: 0 }, { workflowOverrides: { agents: countingAgents(calls, inputs) } });
    const asOf = new Date();
    // Busy: written to every month, this week included. Gone quiet: nothing for the last month.
    await seedCustomer(hub, { customerId: 'C401', name: '活跃客户' }, { asOf, monthlyCounts: [8, 8, 8, 8], seed: 41 });
    await seedCustomer(hub, { customerId: 'C402', name: '沉默客户' }, { asOf, monthlyCounts: [8, 8, 8, 0], seed: 42 });
  }, 60_000);
  afterAll(() => hub.close());

  it('gets A14 alone in a tenant report (churn still watched), every agent in a report on it alone', async () => {
    // Act: the weekly tenant report, then a weekly report on the quiet customer only
    const weekly = await requestReport(hub.workflows.deps, { tenantId: TENANT, type: 'weekly', trigger: 'api' });
    await hub.workflows.engine.idle();
    const tenantRun = calls.splice(0).sort();
    const own = await requestReport(hub.workflows.deps, { tenantId: TENANT, type: 'weekly', customerId: 'C402', trigger: 'api' });
    await hub.workflows.engine.idle();
    const customerRun = calls.splice(0).sort();

    // Assess
    expect(tenantRun).toEqual(['C401:insight', 'C401:marketing', 'C401:opportunities', 'C401:risks', 'C402:risks']);
    expect(customerRun).toEqual(['C402:insight', 'C402:marketing', 'C402:opportunities', 'C402:risks']);
    for (const report of [weekly, own]) expect((await hub.deps.reports.getReport(TENANT, report.reportId))?.status).toBe('ready');
    // The quiet customer's churn risk was assessed in the tenant run: a month without contact after eight a month.
    expect((await insightsOf(hub, 'C402', ['risk'])).length).toBeGreaterThan(0);
  }, 120_000);

  it('gives A11–A13 the period\'s records and a few before it in a tenant report; A14, and every agent in a report on one customer, the 40 latest', async () => {
    // Prepare
    const timeline = (await hub.deps.records.queryTimeline({ tenantId: TENANT, customerId: 'C401', limit: 100 })).items;
    inputs.length = 0;

    // Act: the weekly tenant report, then a weekly report on the busy customer only
    const weekly = await requestReport(hub.workflows.deps, { tenantId: TENANT, type: 'weekly', trigger: 'api' });
    await hub.workflows.engine.idle();
    const own = await requestReport(hub.workflows.deps, { tenantId: TENANT, type: 'weekly', customerId: 'C401', trigger: 'api' });
    await hub.workflows.engine.idle();

    // Assess
    const given = (agent: string) => inputs.filter((call) => call.agent === agent && call.input.customer.customerId === 'C401').map((call) => call.input);
    const start = Date.parse((await hub.deps.reports.getReport(TENANT, weekly.reportId))!.period.start);
    const newestFirst = timeline.map((record) => record.recordId);
    const inWeek = timeline.filter((record) => Date.parse(record.occurredAt) >= start).length;
    expect(inWeek).toBeGreaterThan(0);
    expect(timeline.length).toBeGreaterThan(inWeek + PRIOR_CONTEXT_SUMMARIES);
    for (const agent of ['insight', 'opportunities', 'marketing']) {
      const [tenantRun, customerRun] = given(agent);
      expect(tenantRun!.records.map((r) => r.recordId)).toEqual(newestFirst.slice(0, inWeek + PRIOR_CONTEXT_SUMMARIES));
      expect(customerRun!.records.map((r) => r.recordId)).toEqual(newestFirst.slice(0, 40));
      // The history the summaries leave out is in the figures every agent is given.
      expect(tenantRun!.metrics.recordsConsidered).toBe(timeline.length);
    }
    // A14 judges risks over the same window in every run, so a narrower run never ends an episode.
    for (const input of given('risks')) expect(input.records.map((r) => r.recordId)).toEqual(newestFirst.slice(0, 40));
    for (const { input } of inputs) expect(input).not.toHaveProperty('newsSince');
    expect((await hub.deps.reports.getReport(TENANT, own.reportId))?.status).toBe('ready');
  }, 120_000);
});
