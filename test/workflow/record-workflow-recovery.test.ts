import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningHub } from '../../embedded/hub.js';
import { createLocalAnalyzer } from '../../functions/analysis/local/local-analyzer.js';
import type { A10Input } from '../../functions/core/agents/a10-communication-analysis.js';
import type { CommunicationAnalyzer } from '../../functions/core/ports/analyzer.js';
import type { Mailer, OutgoingMail } from '../../functions/core/ports/mailer.js';
import { urgentAlertId } from '../../functions/core/workflow/urgent-alert.js';
import { callApi, startTestHub, tokenFor } from '../support/test-hub.js';
import { demoTenantsWith, postCommunication, putCustomerWithOwner, settledRecord, TENANT } from './workflow-kit.js';

/** An analyzer that fails while `broken` (a model outage that outlasts every retry), then recovers. */
function switchableAnalyzer(): CommunicationAnalyzer & { broken: boolean } {
  const local = createLocalAnalyzer();
  return {
    broken: true,
    analyze(input: A10Input) {
      if (this.broken) return Promise.reject(new Error('model endpoint returned garbage'));
      return local.analyze(input);
    },
  };
}

/** A mail relay that is down while `down`. */
function switchableMailer(): Mailer & { down: boolean; sent: OutgoingMail[] } {
  return {
    down: true,
    sent: [],
    async send(mail) {
      if (this.down) throw Object.assign(new Error('relay refused the connection'), { name: 'MailRelayDown' });
      this.sent.push(mail);
    },
  };
}

describe('record workflow failures: nothing is lost, and a replay finishes the job', () => {
  let hub: RunningHub;
  const analyzer = switchableAnalyzer();
  const mailer = switchableMailer();
  beforeAll(async () => {
    // Every record goes to the (switchable) model: a failing model must fail the analysis.
    const tenantsFile = await demoTenantsWith({ modelPolicy: 'always' });
    hub = await startTestHub({ workflowRetryIntervalMs: 0, tenantsFile }, { workflowOverrides: { analyzer, analyzerUsesModel: true, mailer } });
    await putCustomerWithOwner(hub);
  });
  afterAll(() => hub.close());

  it('keeps the record with analysis.status = failed and the reason, and a replay (run twice) analyses it once', async () => {
    // Prepare
    analyzer.broken = true;
    const content = '合同我们已经签好盖章了，订单号PO-20240617-88，数量30吨，请安排生产。';
    const recordId = await postCommunication(hub, { content, occurredAt: '2024-06-18T09:00:00+08:00' });

    // Act
    const failed = await settledRecord(hub, recordId);

    // Assess: failed, reason kept, nothing else lost
    expect(failed.analysis.status).toBe('failed');
    expect(failed.analysis.failureReason).toBe('Error: model endpoint returned garbage');
    expect(failed.content).toBe(content);
    expect(hub.workflows.engine.history.find((e) => e.input.recordId === recordId)).toMatchObject({ status: 'FAILED', error: 'AnalysisFailed' });

    // Act: the model is back; replay the day twice with the same id
    analyzer.broken = false;
    const token = tokenFor(hub, TENANT);
    const body = { from: '2024-06-18', to: '2024-06-18', select: 'failed', replayId: 'fix-1' };
    const first = await callApi(hub, 'POST', '/v1/admin/replays', { token, body });
    const replayed = await settledRecord(hub, recordId);
    await hub.workflows.engine.idle();
    const second = await callApi(hub, 'POST', '/v1/admin/replays', { token, body });

    // Assess
    expect(first.status).toBe(202);
    expect(first.body.recordIds).toContain(recordId);
    expect(replayed.analysis).toMatchObject({ status: 'completed', run: 'fix-1', intent: { category: 'order' } });
    expect(replayed.analysis.failureReason).toBeUndefined();
    expect(second.body.recordIds).not.toContain(recordId);
  });

  it('rejects a replay without the admin scope, or over a too long or inverted range', async () => {
    const body = { from: '2024-06-18', to: '2024-06-18' };
    expect((await callApi(hub, 'POST', '/v1/admin/replays', { token: tokenFor(hub, TENANT, 'commhub/read commhub/ingest'), body })).status).toBe(403);
    const admin = tokenFor(hub, TENANT);
    const tooLong = await callApi(hub, 'POST', '/v1/admin/replays', { token: admin, body: { from: '2024-01-01', to: '2024-03-01' } });
    expect(tooLong.status).toBe(400);
    const inverted = await callApi(hub, 'POST', '/v1/admin/replays', { token: admin, body: { from: '2024-06-19', to: '2024-06-18' } });
    expect(inverted.status).toBe(400);
    expect(JSON.stringify(inverted.body)).toMatch(/from/);
  });

  it('stores the analysis and the alert when the alert email cannot be sent, and sends it once the relay is back', async () => {
    // Prepare
    analyzer.broken = false;
    mailer.down = true;

    // Act
    const recordId = await postCommunication(hub, { content: 'Please expedite - our line stops tomorrow if the resin does not arrive today!' });
    const record = await settledRecord(hub, recordId);

    // Assess: analysis and alert kept, the execution failed loudly, no email claimed
    expect(record.analysis).toMatchObject({ status: 'completed', urgency: { level: 'high' }, alertInsightId: urgentAlertId(recordId) });
    expect(await hub.deps.workItems.getInsight(TENANT, urgentAlertId(recordId))).toMatchObject({ type: 'risk', status: 'new' });
    expect(hub.workflows.engine.history.find((e) => e.input.recordId === recordId)).toMatchObject({ status: 'FAILED', error: 'AlertNotSent' });
    expect(mailer.sent).toHaveLength(0);

    // Act: the relay is back; the alert can still be claimed and sent exactly once
    mailer.down = false;
    await hub.workflows.engine.execute('recordAnalysis', { tenantId: TENANT, recordId, run: 'first' });
    await hub.workflows.engine.execute('recordAnalysis', { tenantId: TENANT, recordId, run: 'first' });

    // Assess
    expect(mailer.sent.filter((mail) => mail.text.includes(recordId))).toHaveLength(1);
  });
});
