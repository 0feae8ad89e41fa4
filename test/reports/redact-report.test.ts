import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningHub } from '../../embedded/hub.js';
import type { A15Report } from '../../functions/core/agents/a15-report.js';
import { mentionsCustomer, redactReportDocuments } from '../../functions/core/erasure/redact-report.js';
import type { Report } from '../../functions/core/model/report.js';
import { renderReportHtmlEmail } from '../../functions/core/reports/render-html-email.js';
import { renderReportMarkdown } from '../../functions/core/reports/render-markdown.js';
import { startTestHub } from '../support/test-hub.js';
import { sampleReport, TENANT } from './report-fixtures.js';

const ERASED = { customerId: 'C001', name: '华东塑胶' };

describe('taking an erased customer out of a stored tenant-wide report', () => {
  let hub: RunningHub;

  /** A ready report whose stored documents are `document` rendered, plus the emailed copy. */
  async function storedReport(reportId: string, document: A15Report): Promise<Report> {
    const at = '2024-06-17T01:00:00.000Z';
    await hub.deps.reports.createReport({ reportId, tenantId: TENANT, type: 'weekly', status: 'running', period: { start: document.period.start, end: document.period.end, timeZone: 'Asia/Shanghai' }, trigger: 'schedule', createdAt: at, updatedAt: at });
    const put = (name: string, body: string) => hub.deps.blobs.putReportFile(TENANT, reportId, name, body, 'text/plain');
    const [, markdown, html] = await Promise.all([put('report.json', JSON.stringify(document)), put('report.md', renderReportMarkdown(document)), put('report.html', renderReportHtmlEmail(document)), put('report.eml', `Subject: ${ERASED.name}`)]);
    return (await hub.deps.reports.completeReport(TENANT, reportId, { files: { markdown, html }, summary: { records: 29, customers: 2, newRisks: 1, opportunities: 1 } }, at))!;
  }
  const file = (reportId: string, name: string) => hub.deps.blobs.getText(`reports/${TENANT}/${reportId}/${name}`);

  beforeAll(async () => {
    hub = await startTestHub({ workflows: false });
  });
  afterAll(() => hub?.close());

  it('rewrites the documents without the customer’s findings, section and top-customer line; the other customer stays', async () => {
    // Prepare
    const report = await storedReport('RPT-REWRITE', sampleReport());
    expect(mentionsCustomer((await file(report.reportId, 'report.md'))!, ERASED)).toBe(true);

    // Act
    const changed = await redactReportDocuments(hub.deps, report, ERASED);
    const again = await redactReportDocuments(hub.deps, (await hub.deps.reports.getReport(TENANT, report.reportId))!, ERASED);

    // Assess
    expect(changed).toBe(true);
    expect(again).toBe(false);
    const document = JSON.parse((await file(report.reportId, 'report.json'))!) as A15Report;
    expect(document.opportunities).toEqual([]);
    expect(document.key_metrics.top_customers.map((c) => c.customer_id)).toEqual(['C002']);
    expect(document.risks.map((r) => r.customer_id)).toEqual(['C002']);
    expect(document.key_metrics.records).toBe(29);
    for (const name of ['report.json', 'report.md', 'report.html']) expect(mentionsCustomer((await file(report.reportId, name))!, ERASED), name).toBe(false);
    expect(await file(report.reportId, 'report.eml')).toBeNull();
    expect(await hub.deps.reports.getReport(TENANT, report.reportId)).toMatchObject({ status: 'ready', redactedAt: expect.any(String), summary: { newRisks: 1, opportunities: 0, records: 29 }, files: { json: `reports/${TENANT}/${report.reportId}/report.json` } });
  });

  it('withdraws the documents when another finding still quotes the customer', async () => {
    // Prepare: the other customer's risk names the erased one
    const document = sampleReport();
    const quoting = { ...document, risks: document.risks.map((risk) => ({ ...risk, indicators: [`转向${ERASED.name}的供应商`] })) };
    const report = await storedReport('RPT-WITHDRAW', quoting);

    // Act
    const changed = await redactReportDocuments(hub.deps, report, ERASED);

    // Assess
    expect(changed).toBe(true);
    for (const name of ['report.json', 'report.md', 'report.html', 'report.eml']) expect(await file(report.reportId, name)).toBeNull();
    const stored = await hub.deps.reports.getReport(TENANT, report.reportId);
    expect(stored).toMatchObject({ status: 'ready', redactedAt: expect.any(String) });
    expect(stored?.files).toBeUndefined();
  });

  it('leaves a report that never named the customer as it was', async () => {
    // Prepare
    const report = await storedReport('RPT-OTHER', sampleReport());

    // Act
    const changed = await redactReportDocuments(hub.deps, report, { customerId: 'C0010', name: '宁波奥克斯' });

    // Assess
    expect(changed).toBe(false);
    expect((await hub.deps.reports.getReport(TENANT, report.reportId))?.redactedAt).toBeUndefined();
    expect(await file(report.reportId, 'report.eml')).not.toBeNull();
  });

  it('matches a customer id only as a whole token', () => {
    expect(mentionsCustomer('"customer_id":"C001"', ERASED)).toBe(true);
    expect(mentionsCustomer('C0010 and XC001', ERASED)).toBe(false);
    expect(mentionsCustomer('客户华东塑胶本周', { customerId: 'Z', name: '华东塑胶' })).toBe(true);
  });
});
