import { readdir } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningHub } from '../../embedded/hub.js';
import { dispatchScheduledRuns } from '../../functions/core/periodic/start-periodic-run.js';
import { startTestHub } from '../support/test-hub.js';
import { seedCustomer, TENANT } from './periodic-kit.js';

describe('scheduled runs: a schedule that fires twice starts each run once', () => {
  let hub: RunningHub;
  beforeAll(async () => {
    hub = await startTestHub({ workflows: false, workflowRetryIntervalMs: 0, schedules: true });
    // Its newest record arrived a minute before the firing below: news for that risk check.
    await seedCustomer(hub, { customerId: 'C201', name: '宁波奥克斯', priority: 'high' }, { asOf: new Date(), monthlyCounts: [8, 8, 8, 6], seed: 21 }, { latestAt: new Date('2026-11-23T00:59:00.000Z') });
  }, 60_000);
  afterAll(() => hub.close());

  it('arms the four schedules in the tenant zone', () => {
    const upcoming = hub.scheduler!.upcoming();
    expect(upcoming.map((s) => s.name).sort()).toEqual(['daily-report', 'monthly-report', 'risk-check', 'weekly-report']);
    expect(new Set(upcoming.map((s) => s.timeZone))).toEqual(new Set(['Asia/Shanghai']));
    expect(upcoming.find((s) => s.name === 'daily-report')!.at.getUTCHours()).toBe(1);
  });

  it('one weekly report and one email for a doubled firing; one risk check per firing minute', async () => {
    // Prepare: Monday 09:00 in Shanghai
    const firedAt = new Date('2026-11-23T01:00:00.000Z');
    const deps = hub.workflows.deps;

    // Act: the schedule is delivered twice (Scheduler retries deliveries), and the risk check twice
    const first = await dispatchScheduledRuns(deps, { run: 'weekly', timeZone: 'Asia/Shanghai', firedAt });
    const second = await dispatchScheduledRuns(deps, { run: 'weekly', timeZone: 'Asia/Shanghai', firedAt });
    await dispatchScheduledRuns(deps, { run: 'risk-check', timeZone: 'Asia/Shanghai', firedAt });
    await dispatchScheduledRuns(deps, { run: 'risk-check', timeZone: 'Asia/Shanghai', firedAt });
    const elsewhere = await dispatchScheduledRuns(deps, { run: 'weekly', timeZone: 'Europe/Berlin', firedAt });
    const quiet = await dispatchScheduledRuns(deps, { run: 'risk-check', timeZone: 'Asia/Shanghai', firedAt: new Date(firedAt.getTime() + 20 * 60_000) });
    await hub.workflows.engine.idle();

    // Assess
    expect(first).toEqual([{ tenantId: TENANT, runId: 'RPT-weekly-20261116' }]);
    expect(second).toEqual(first);
    expect(elsewhere).toEqual([]);
    expect(quiet).toEqual([]); // twenty minutes on, nobody has news: no run
    const reports = await hub.deps.reports.listReports(TENANT, { limit: 10 });
    expect(reports.items.map((r) => [r.reportId, r.status, r.trigger])).toEqual([['RPT-weekly-20261116', 'ready', 'schedule']]);
    expect(reports.items[0]!.period).toMatchObject({ start: '2026-11-15T16:00:00.000Z', end: '2026-11-22T16:00:00.000Z', timeZone: 'Asia/Shanghai' });
    expect((await readdir(hub.outboxDir)).filter((name) => name.endsWith('.eml'))).toHaveLength(1);
    const periodicRuns = hub.workflows.engine.history.filter((e) => e.machine === 'periodicRun');
    expect(periodicRuns.map((e) => e.input.runId).sort()).toEqual(['RISK-202611230100', 'RPT-weekly-20261116']);
    expect(periodicRuns.every((e) => e.status === 'SUCCEEDED')).toBe(true);
  }, 120_000);
});
