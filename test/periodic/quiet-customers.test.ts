import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningHub } from '../../embedded/hub.js';
import { createLocalCustomerAgents } from '../../functions/analysis/agents/local-customer-agents.js';
import { requestReport } from '../../functions/core/periodic/start-periodic-run.js';
import type { CustomerAgents } from '../../functions/core/ports/customer-agents.js';
import { startTestHub } from '../support/test-hub.js';
import { insightsOf, seedCustomer, TENANT } from './periodic-kit.js';

/** The local agents, counting which agent ran for which customer. */
function countingAgents(calls: string[]): CustomerAgents {
  const local = createLocalCustomerAgents();
  const counted = <K extends keyof CustomerAgents>(agent: K): CustomerAgents[K] =>
    ((input: Parameters<CustomerAgents[K]>[0]) => {
      calls.push(`${input.customer.customerId}:${agent}`);
      return (local[agent] as (i: typeof input) => ReturnType<CustomerAgents[K]>)(input);
    }) as CustomerAgents[K];
  return { insight: counted('insight'), opportunities: counted('opportunities'), marketing: counted('marketing'), risks: counted('risks') };
}

describe('periodic run: a customer with nothing new in the period', () => {
  let hub: RunningHub;
  const calls: string[] = [];
  beforeAll(async () => {
    hub = await startTestHub({ workflows: false, workflowRetryIntervalMs: 0 }, { workflowOverrides: { agents: countingAgents(calls) } });
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
});
