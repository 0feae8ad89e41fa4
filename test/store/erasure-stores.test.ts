import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningHub } from '../../embedded/hub.js';
import type { Customer } from '../../functions/core/model/customer.js';
import type { Insight } from '../../functions/core/model/insight.js';
import type { Task } from '../../functions/core/model/task.js';
import { storedRecord } from '../support/records.js';
import { tableContents } from '../support/table-contents.js';
import { startTestHub } from '../support/test-hub.js';

const T = 'T-ERASE';
const AT = '2024-06-20T00:00:00.000Z';

const customer = (customerId: string, fields: Partial<Customer> = {}): Customer => ({
  tenantId: T, customerId, name: customerId, domains: [], emails: [], phones: [], wecomUserIds: [], priority: 'normal', tags: [], createdAt: AT, updatedAt: AT, version: 0, ...fields,
});
const insight = (insightId: string, relatedRecordIds: string[], status: Insight['status'] = 'new'): Insight => ({
  insightId, tenantId: T, customerId: 'C-1', type: 'risk', title: insightId, detail: '-', status, confidence: 0.5, importance: 'low', relatedRecordIds, data: { evidence_record_ids: relatedRecordIds }, createdAt: AT, updatedAt: AT,
});
const task = (taskId: string): Task => ({
  taskId, tenantId: T, customerId: 'C-1', title: taskId, assignee: 'li.wei', dueAt: AT, status: 'open', priority: 'low', createdAt: AT, updatedAt: AT,
});

describe('the stores’ erasure side (against the local DynamoDB-API and S3-API servers)', () => {
  let hub: RunningHub;

  beforeAll(async () => {
    // Store mechanics only: no record workflows competing for the local servers.
    hub = await startTestHub({ workflows: false });
  });
  afterAll(() => hub?.close());

  it('replaces an erased record by a tombstone: absent to every read and index, refusing redelivery and later changes', async () => {
    // Prepare
    const records = hub.deps.records;
    const matched = storedRecord({ tenantId: T, customerId: 'C-1', sourceRecordId: 'r-1', occurredAt: '2024-06-15T02:30:00.000Z' });
    const stray = storedRecord({ tenantId: T, customerId: null, sourceRecordId: 'r-2', occurredAt: '2024-06-15T03:30:00.000Z' });
    await records.insertRecord(matched);
    await records.insertRecord(stray);

    // Act
    const erased = await Promise.all([records.eraseRecord(T, matched.recordId, { erasedAt: AT, reason: 'privacy' }), records.eraseRecord(T, stray.recordId, { erasedAt: AT, reason: 'retention', expiresAt: new Date(AT) })]);
    const again = await records.eraseRecord(T, matched.recordId, { erasedAt: AT, reason: 'privacy' });
    const redelivered = await records.insertRecord(matched);

    // Assess
    expect(erased).toEqual([true, true]);
    expect(again).toBe(false);
    expect(redelivered).toEqual({ inserted: false, record: matched, erased: true });
    expect(await records.getRecord(T, matched.recordId)).toBeNull();
    expect(await records.findBySource(T, 'test', 'r-1')).toBeNull();
    expect((await records.queryTimeline({ tenantId: T, customerId: 'C-1', limit: 10 })).items).toEqual([]);
    expect((await records.listUnmatched(T, { limit: 10 })).items).toEqual([]);
    expect((await records.queryDayFeed(T, '2024-06-15', { limit: 10 })).items).toEqual([]);
    expect(await records.recordIdsOnDay(T, '2024-06-15', '2025-01-01', 10)).toEqual([]);
    expect(await records.saveAnalysis(T, matched.recordId, { ...matched.analysis, status: 'completed' }, AT)).toBeNull();
    expect(await records.assignRecord(T, stray.recordId, 'C-1', 'u', AT)).toBeNull();
    expect(await records.eraseRecord(T, 'EMAIL-20240615-0000000000000000000000ZZ', { erasedAt: AT, reason: 'privacy' })).toBe(false);
    expect(await records.recordDays(T, '2024-12-31')).toEqual([{ day: '2024-06-15', touchedAt: expect.any(Number) }]);
  });

  it('rewinds a thread only while it still points at the erased record', async () => {
    // Prepare
    const records = hub.deps.records;
    await records.advanceThread(T, 'chat-1', { recordId: 'R-2', occurredAt: '2024-06-02T00:00:00.000Z' });

    // Act
    await records.rewindThread(T, 'chat-1', 'R-OTHER', null);
    const untouched = await records.latestInThread(T, 'chat-1');
    await records.rewindThread(T, 'chat-1', 'R-2', { recordId: 'R-1', occurredAt: '2024-06-01T00:00:00.000Z' });
    const rewound = await records.latestInThread(T, 'chat-1');
    await records.rewindThread(T, 'chat-1', 'R-1', null);

    // Assess
    expect(untouched?.recordId).toBe('R-2');
    expect(rewound?.recordId).toBe('R-1');
    expect(await records.latestInThread(T, 'chat-1')).toBeNull();
  });

  it('deletes blobs for good and lists keys by prefix', async () => {
    // Prepare
    const blobs = hub.deps.blobs;
    const raw = await blobs.archiveRaw({ tenantId: T, channel: 'api', receivedAt: AT, recordId: 'EMAIL-20240620-X', body: Buffer.from('{}'), contentType: 'application/json' });
    const body = await blobs.putContent(T, 'EMAIL-20240620-X', 'long body');
    await blobs.putContent(T, 'EMAIL-20240620-Y', 'other body');

    // Act
    const listed = await blobs.listKeys(`content/${T}/EMAIL-20240620-X/`);
    const deleted = await Promise.all([blobs.deleteBlob(raw), blobs.deleteBlob(body)]);
    const repeated = await blobs.deleteBlob(raw);

    // Assess
    expect(listed).toEqual([body]);
    expect(deleted).toEqual([true, true]);
    expect(repeated).toBe(false);
    expect(await blobs.getBytes(raw)).toBeNull();
    expect(await blobs.listKeys(`content/${T}/`)).toEqual([expect.stringContaining('EMAIL-20240620-Y')]);
  });

  it('deletes a customer with its listed and learned identities and its directory entries, leaving other customers’ alone', async () => {
    // Prepare
    const customers = hub.deps.customers;
    await customers.putCustomer(customer('C-GONE', { name: '即将删除的客户', domains: ['gone.example.cn'], phones: ['13800138000'] }));
    await customers.putCustomer(customer('C-STAY', { emails: ['stay@stay.example.cn'] }));
    await customers.learnIdentities(T, 'C-GONE', [{ kind: 'email', value: 'buyer@163.com' }, { kind: 'email', value: 'stay@stay.example.cn' }]);

    // Act
    const deleted = await customers.deleteCustomer(T, 'C-GONE');
    const again = await customers.deleteCustomer(T, 'C-GONE');

    // Assess
    expect(deleted.profile).toBe(true);
    expect(deleted.identities.map((i) => `${i.kind}:${i.value}`).sort()).toEqual(['domain:gone.example.cn', 'email:buyer@163.com', 'phone:+8613800138000']);
    // Search terms: the name's 7 suffixes; gone.example.cn, example.cn, cn; buyer@163.com, 163.com, com (learned).
    expect(deleted.searchTerms).toBe(7 + 3 + 3);
    expect(again).toEqual({ profile: false, identities: [], searchTerms: 0 });
    expect(await customers.getCustomer(T, 'C-GONE')).toBeNull();
    expect((await tableContents(hub)).filter(({ text }) => text.includes('C-GONE'))).toEqual([]);
    expect((await customers.listCustomers(T, { limit: 10 })).items.map((item) => item.customerId)).toEqual(['C-STAY']);
    expect((await customers.listCustomers(T, { query: '删除', limit: 10 })).items).toEqual([]);
    const owners = await customers.findCustomersByIdentities(T, [{ kind: 'domain', value: 'gone.example.cn' }, { kind: 'email', value: 'buyer@163.com' }, { kind: 'email', value: 'stay@stay.example.cn' }]);
    expect([...owners]).toEqual([['email:stay@stay.example.cn', 'C-STAY']]);
    expect(await customers.listCustomerIds(T)).toEqual(['C-STAY']);
  });

  it('finds insights citing a record, drops it from their evidence whatever their status, and deletes insights and tasks', async () => {
    // Prepare
    const items = hub.deps.workItems;
    await items.putInsight(insight('I-ONE', ['R-1']));
    await items.putInsight(insight('I-TWO', ['R-1', 'R-2'], 'acted'));
    await items.putInsight(insight('I-NONE', ['R-3']));
    await items.putTask(task('K-1'));

    // Act
    const citing = await items.listInsights(T, 'C-1', { limit: 10 }, { relatedRecordId: 'R-1' });
    const forgotten = await items.forgetRelatedRecord(T, 'I-TWO', 'R-1', '2024-06-21T00:00:00.000Z');
    const repeated = await items.forgetRelatedRecord(T, 'I-TWO', 'R-1', '2024-06-22T00:00:00.000Z');
    const deleted = [await items.deleteInsight(T, 'I-ONE'), await items.deleteInsight(T, 'I-ONE'), await items.deleteTask(T, 'K-1'), await items.deleteTask(T, 'K-1')];

    // Assess
    expect(citing.items.map((i) => i.insightId).sort()).toEqual(['I-ONE', 'I-TWO']);
    expect(forgotten).toMatchObject({ status: 'acted', relatedRecordIds: ['R-2'], data: { evidence_record_ids: ['R-2'] }, updatedAt: '2024-06-21T00:00:00.000Z' });
    expect(repeated?.updatedAt).toBe('2024-06-21T00:00:00.000Z');
    expect(deleted).toEqual([true, false, true, false]);
    expect(await items.getInsight(T, 'I-ONE')).toBeNull();
    expect((await items.listTasksByAssignee(T, 'li.wei', undefined, { limit: 10 })).items).toEqual([]);
    expect((await items.listTasksByCustomer(T, 'C-1', { limit: 10 })).items).toEqual([]);
  });

  it('notes which records use a blob, and queues record ids for the purge', async () => {
    // Prepare
    const refs = hub.deps.blobReferences;
    await refs.addReferences(T, 'R-A', ['attachments/T-ERASE/ab/x', 'raw/T-ERASE/api/2024/06/20/deliveries/y']);
    await refs.addReferences(T, 'R-B', ['attachments/T-ERASE/ab/x']);

    // Act
    const users = await refs.referrersOf(T, 'attachments/T-ERASE/ab/x', 10);
    await refs.removeReference(T, 'R-A', 'attachments/T-ERASE/ab/x');
    await refs.queuePurge(T, 'R-A');
    await refs.queuePurge(T, 'R-A');

    // Assess
    expect(users.sort()).toEqual(['R-A', 'R-B']);
    expect(await refs.referrersOf(T, 'attachments/T-ERASE/ab/x', 10)).toEqual(['R-B']);
    expect(await refs.referencesOf(T, 'R-A')).toEqual(['raw/T-ERASE/api/2024/06/20/deliveries/y']);
    expect(await refs.queuedPurges(T, 10)).toEqual(['R-A']);
    await refs.dequeuePurge(T, 'R-A');
    expect(await refs.queuedPurges(T, 10)).toEqual([]);
  });

  it('marks a report redacted (documents withdrawn or rewritten) and deletes reports and risk episodes', async () => {
    // Prepare
    const reports = hub.deps.reports;
    const base = { tenantId: T, type: 'weekly' as const, status: 'running' as const, period: { start: AT, end: AT, timeZone: 'Asia/Shanghai' }, trigger: 'api' as const, createdAt: AT, updatedAt: AT };
    await reports.createReport({ ...base, reportId: 'RPT-1' });
    await reports.completeReport(T, 'RPT-1', { files: { markdown: 'm', html: 'h' }, summary: { records: 1, customers: 1, newRisks: 1, opportunities: 0 } }, AT);
    await reports.createReport({ ...base, reportId: 'RPT-2' });
    await hub.deps.riskEpisodes.saveRiskEpisodes(T, 'C-1', { churn: { insightId: 'I', startedAt: AT, lastSeenAt: AT } }, 0);

    // Act
    const withdrawn = await reports.redactReport(T, 'RPT-1', { files: null, at: '2024-06-21T00:00:00.000Z' });
    const deleted = [await reports.deleteReport(T, 'RPT-2'), await reports.deleteReport(T, 'RPT-2')];
    const episodes = [await hub.deps.riskEpisodes.deleteRiskEpisodes(T, 'C-1'), await hub.deps.riskEpisodes.deleteRiskEpisodes(T, 'C-1')];

    // Assess
    expect(withdrawn).toMatchObject({ status: 'ready', redactedAt: '2024-06-21T00:00:00.000Z' });
    expect(withdrawn?.files).toBeUndefined();
    expect(await reports.redactReport(T, 'RPT-NONE', { files: null, at: AT })).toBeNull();
    expect(deleted).toEqual([true, false]);
    expect(episodes).toEqual([true, false]);
    expect(await hub.deps.riskEpisodes.getRiskEpisodes(T, 'C-1')).toEqual({ episodes: {}, version: 0 });
  });
});
