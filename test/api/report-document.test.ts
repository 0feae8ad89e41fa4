import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningHub } from '../../embedded/hub.js';
import { A15Report } from '../../functions/core/agents/a15-report.js';
import type { Report } from '../../functions/core/model/report.js';
import { sampleReport, TENANT } from '../reports/report-fixtures.js';
import { canonicalInput } from '../support/records.js';
import { callApi, startTestHub, tokenFor } from '../support/test-hub.js';

const AT = '2024-06-17T01:00:00.000Z';

describe('GET /v1/reports/{reportId}: the A15 document beside Markdown and HTML (embedded hub)', () => {
  let hub: RunningHub;
  let token: string;

  /** A ready report as an older version stored it: `files` without `json`, `report.json` (or `json`) beside the Markdown. */
  async function olderReport(reportId: string, json: string | null): Promise<Report> {
    await hub.deps.reports.createReport({ reportId, tenantId: TENANT, type: 'weekly', status: 'running', period: { start: '2024-06-09T16:00:00.000Z', end: '2024-06-16T16:00:00.000Z', timeZone: 'Asia/Shanghai' }, trigger: 'schedule', createdAt: AT, updatedAt: AT });
    const put = (name: string, body: string) => hub.deps.blobs.putReportFile(TENANT, reportId, name, body, 'text/plain');
    if (json !== null) await put('report.json', json);
    const [markdown, html] = await Promise.all([put('report.md', '# 周报'), put('report.html', '<h1>周报</h1>')]);
    return (await hub.deps.reports.completeReport(TENANT, reportId, { files: { markdown, html }, summary: { records: 1, customers: 1, newRisks: 0, opportunities: 0 } }, AT))!;
  }

  beforeAll(async () => {
    hub = await startTestHub();
    token = tokenFor(hub, TENANT);
  });
  afterAll(() => hub?.close());

  it('returns a new report’s document with its sections, and records its key in files.json', async () => {
    // Prepare
    await callApi(hub, 'PUT', '/v1/customers/C-DOC', { token, body: { name: '宁波奥克斯' } });
    await callApi(hub, 'POST', '/v1/communications', { token, body: canonicalInput({ sourceRecordId: 'doc-1', occurredAt: new Date(Date.now() - 3_600_000).toISOString(), customer: { id: 'C-DOC' } }) });
    const requested = await callApi(hub, 'POST', '/v1/reports', { token, body: { type: 'customer', customerId: 'C-DOC' } });
    await hub.workflows.engine.idle();

    // Act
    const got = await callApi(hub, 'GET', `/v1/reports/${requested.body.reportId}`, { token });

    // Assess
    expect(got.status).toBe(200);
    expect(got.body).toMatchObject({ status: 'ready', markdown: expect.any(String), html: expect.any(String), files: { json: `reports/${TENANT}/${requested.body.reportId}/report.json` } });
    expect(A15Report.safeParse(got.body.document).success).toBe(true);
    expect(Object.keys(got.body.document)).toEqual(expect.arrayContaining(['summary', 'key_metrics', 'highlights', 'risks', 'opportunities', 'action_plan']));
    expect(got.body.document.customer_sections).toEqual([expect.objectContaining({ customer_id: 'C-DOC' })]);
  });

  it('finds an older report’s document beside its Markdown', async () => {
    // Prepare
    const document = sampleReport();
    await olderReport('RPT-OLDER', JSON.stringify(document));

    // Act
    const got = await callApi(hub, 'GET', '/v1/reports/RPT-OLDER', { token });

    // Assess
    expect(got.status).toBe(200);
    expect(got.body.files.json).toBeUndefined();
    expect(got.body.document).toEqual(document);
  });

  it('leaves document out — no error — when the file is absent or does not read as an A15 report', async () => {
    // Prepare
    await olderReport('RPT-NO-JSON', null);
    await olderReport('RPT-BAD-JSON', '{"summary": "truncated');

    // Act
    const [absent, broken] = await Promise.all([callApi(hub, 'GET', '/v1/reports/RPT-NO-JSON', { token }), callApi(hub, 'GET', '/v1/reports/RPT-BAD-JSON', { token })]);

    // Assess
    for (const result of [absent, broken]) {
      expect(result.status).toBe(200);
      expect(result.body).toMatchObject({ status: 'ready', markdown: '# 周报', html: '<h1>周报</h1>' });
      expect(result.body).not.toHaveProperty('document');
    }
  });

  it("answers another tenant's report as absent", async () => {
    // Act
    const foreign = await callApi(hub, 'GET', '/v1/reports/RPT-OLDER', { token: tokenFor(hub, 'T002') });

    // Assess
    expect(foreign.status).toBe(404);
    expect(JSON.stringify(foreign.body)).not.toContain('summary');
  });
});
