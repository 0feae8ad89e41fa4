import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningHub } from '../../embedded/hub.js';
import { createLocalCustomerAgents } from '../../functions/analysis/agents/local-customer-agents.js';
import type { CustomerAgents } from '../../functions/core/ports/customer-agents.js';
import { requestReport } from '../../functions/core/periodic/start-periodic-run.js';
import { startTestHub } from '../support/test-hub.js';
import { seedCustomer, TENANT } from './periodic-kit.js';

/** The local agents, except that A14 fails for one customer (a model outage that outlasts every retry). */
function agentsFailingFor(customerId: string): CustomerAgents {
  const local = createLocalCustomerAgents();
  return {
    ...local,
    risks: (input) => (input.customer.customerId === customerId ? Promise.reject(new Error('model endpoint returned garbage')) : local.risks(input)),
  };
}

describe('periodic run: one customer failing', () => {
  let hub: RunningHub;
  beforeAll(async () => {
    hub = await startTestHub({ workflows: false, workflowRetryIntervalMs: 0 }, { workflowOverrides: { agents: agentsFailingFor('C302') } });
    const asOf = new Date();
    await seedCustomer(hub, { customerId: 'C301', name: '正常客户' }, { asOf, monthlyCounts: [8, 8, 8, 8], seed: 31 });
    await seedCustomer(hub, { customerId: 'C302', name: '出错客户' }, { asOf, monthlyCounts: [8, 8, 8, 8], seed: 32 });
  }, 60_000);
  afterAll(() => hub.close());

  it('still writes the report, and names the customer it could not analyse with the reason', async () => {
    // Act
    const report = await requestReport(hub.workflows.deps, { tenantId: TENANT, type: 'monthly', trigger: 'api' });
    await hub.workflows.engine.idle();

    // Assess
    const stored = await hub.deps.reports.getReport(TENANT, report.reportId);
    expect(stored?.status).toBe('ready');
    expect(stored?.notAnalysed).toEqual([{ customerId: 'C302', reason: 'Error: model endpoint returned garbage' }]);
    const document = JSON.parse((await hub.deps.blobs.getText(`reports/${TENANT}/${report.reportId}/report.json`))!) as { customer_sections?: { customer_id: string }[] };
    expect(document.customer_sections?.map((section) => section.customer_id)).toEqual(['C301']);
  }, 120_000);
});
