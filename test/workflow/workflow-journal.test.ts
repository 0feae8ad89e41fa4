import { appendFile, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { WorkflowJournal } from '../../embedded/workflows/workflow-journal.js';
import { createLocalAnalyzer } from '../../functions/analysis/local/local-analyzer.js';
import type { CommunicationAnalyzer } from '../../functions/core/ports/analyzer.js';
import { callApi, startTestHub, tempDataDir, tokenFor } from '../support/test-hub.js';
import { postCommunication, putCustomerWithOwner, settledRecord, TENANT } from './workflow-kit.js';

const start = (recordId: string, attempt = 'first') => ({ kind: 'text' as const, tenantId: TENANT, recordId, attempt });

describe('the embedded workflow journal', () => {
  const dirs: string[] = [];
  afterAll(async () => {
    for (const dir of dirs) await rm(dir, { recursive: true, force: true });
  });
  const journalFile = async () => {
    const dir = await mkdtemp(join(tmpdir(), 'commhub-journal-'));
    dirs.push(dir);
    return join(dir, 'workflow-journal.jsonl');
  };

  it('hands back, after a reopen, exactly the starts that never ended, in start order', async () => {
    // Prepare
    const file = await journalFile();
    const first = new WorkflowJournal(file);
    for (const id of ['R1', 'R2', 'R3', 'R4']) first.started(start(id));
    first.started(start('R2', 'replay-1'));
    first.ended('R1-first');
    first.ended('R3-first');
    first.close();
    // Act
    const second = new WorkflowJournal(file);
    // Assess
    expect(second.unfinished()).toEqual([start('R2'), start('R4'), start('R2', 'replay-1')]);
    second.close();
  });

  it('skips a line torn by a crash mid-write and rewrites the file with only the open starts', async () => {
    // Prepare
    const file = await journalFile();
    const first = new WorkflowJournal(file);
    first.started(start('R1'));
    first.started(start('R2'));
    first.ended('R1-first');
    first.close();
    await appendFile(file, '{"op":"start","start":{"kind":"te');
    // Act
    const second = new WorkflowJournal(file);
    second.close();
    // Assess
    expect(second.unfinished()).toEqual([start('R2')]);
    expect((await readFile(file, 'utf8')).trim().split('\n')).toEqual([JSON.stringify({ op: 'start', start: start('R2') })]);
  });

  it('keeps an insert noted and never fed across a reopen and a compaction, and forgets it once fed', async () => {
    // Prepare
    const file = await journalFile();
    const first = new WorkflowJournal(file);
    first.inserted({ tenantId: TENANT, recordId: 'R1' });
    first.inserted({ tenantId: TENANT, recordId: 'R2' });
    first.inserted({ tenantId: 'T002', recordId: 'R1' });
    first.fed({ tenantId: TENANT, recordId: 'R1' });
    first.close();
    first.fed({ tenantId: TENANT, recordId: 'R2' }); // after close: dropped, stays open
    // Act
    const second = new WorkflowJournal(file);
    const unfed = second.unfed();
    second.fed({ tenantId: 'T002', recordId: 'R1' });
    second.close();
    const third = new WorkflowJournal(file);
    third.close();
    // Assess
    expect(unfed).toEqual([{ tenantId: TENANT, recordId: 'R2' }, { tenantId: 'T002', recordId: 'R1' }]);
    expect(third.unfed()).toEqual([{ tenantId: TENANT, recordId: 'R2' }]);
    expect((await readFile(file, 'utf8')).trim().split('\n')).toEqual([JSON.stringify({ op: 'insert', record: { tenantId: TENANT, recordId: 'R2' } })]);
  });

  it('feeds, at the next start, records a stop caught after their put and before their workflow start', async () => {
    // Prepare: the event log never answers, so every feed stops after the put (as a kill -9 would catch it)
    const dataDir = await tempDataDir();
    dirs.push(dataDir);
    const settings = { dataDir, jwtSecret: 'journal-secret' };
    const stuck = { publish: () => new Promise<void>(() => undefined) };
    const first = await startTestHub(settings, { workflowOverrides: { events: stuck } });
    await putCustomerWithOwner(first);
    const ids: string[] = [];
    for (let n = 0; n < 3; n++) ids.push(await postCommunication(first, { content: `PCR-ABS 1000 询价，第 ${n + 1} 次，请报价` }));
    await new Promise((resolve) => setTimeout(resolve, 100));
    const started = first.workflows.engine.history.length;
    // Act
    await first.close();
    const second = await startTestHub(settings);
    try {
      // Assess: nothing started before the stop; all three analysed after it, and announced
      expect(started).toBe(0);
      for (const id of ids) expect((await settledRecord(second, id)).analysis.status).toBe('completed');
      const ingested = (await second.workflows.eventLog.read()).filter((e) => e.type === 'communication.ingested').map((e) => e.recordId);
      expect(ingested.sort()).toEqual([...ids].sort());
    } finally {
      await second.close();
    }
  });

  it('lets a hub stopped with analyses queued finish them at its next start, without a replay', async () => {
    // Prepare: a hub on disk analysing one record at a time, slowly
    const dataDir = await tempDataDir();
    dirs.push(dataDir);
    const local = createLocalAnalyzer();
    const slow: CommunicationAnalyzer = { analyze: async (input) => (await new Promise((resolve) => setTimeout(resolve, 300)), local.analyze(input)) };
    const settings = { dataDir, jwtSecret: 'journal-secret', workflowConcurrency: 1 };
    const first = await startTestHub(settings, { workflowOverrides: { analyzer: slow } });
    await putCustomerWithOwner(first);
    const ids: string[] = [];
    for (let n = 0; n < 6; n++) ids.push(await postCommunication(first, { content: `PCR-ABS 1000 询价，第 ${n + 1} 次` }));
    // Act: stop while most analyses are still queued, then start again on the same data dir
    await first.close();
    const stranded = await startTestHub({ ...settings, workflows: false });
    const pendingAtStop = (await Promise.all(ids.map((id) => stranded.deps.records.getRecord(TENANT, id)))).filter((r) => r?.analysis.status === 'pending').length;
    await stranded.close();
    const second = await startTestHub(settings);
    try {
      // Assess: some were stranded by the stop; every one is analysed after the restart
      expect(pendingAtStop).toBeGreaterThan(0);
      for (const id of ids) expect((await settledRecord(second, id)).analysis.status).toBe('completed');
    } finally {
      await second.close();
    }
  });
});

describe('a stored record whose workflow start was lost', () => {
  it('gets its workflow when the same message is delivered again, once, however many redeliveries arrive', async () => {
    // Prepare: a record stored while the hub started no workflows (as when a put landed but its answer was lost)
    const dataDir = await tempDataDir();
    const settings = { dataDir, jwtSecret: 'lost-start-secret' };
    const quiet = await startTestHub({ ...settings, workflows: false });
    await putCustomerWithOwner(quiet);
    const body = { sourceSystem: 'crm', sourceRecordId: 'lost-start-1', type: 'wechat', occurredAt: '2024-06-17T10:00:00+08:00', customer: { id: 'C001' }, content: '请报 PCR-ABS 1000 的价格' };
    const stored = await callApi(quiet, 'POST', '/v1/communications', { token: tokenFor(quiet, TENANT), body });
    await quiet.close();
    const hub = await startTestHub(settings);
    try {
      expect((await hub.deps.records.getRecord(TENANT, stored.body.recordId))?.analysis.status).toBe('pending');
      // Act: the sender delivers it again, three times at once
      const again = await Promise.all([1, 2, 3].map(() => callApi(hub, 'POST', '/v1/communications', { token: tokenFor(hub, TENANT), body })));
      // Assess: still one record, now analysed by exactly one execution of its first run
      expect(again.map((r) => r.body)).toEqual(Array(3).fill({ recordId: stored.body.recordId, duplicate: true }));
      expect((await settledRecord(hub, stored.body.recordId)).analysis.status).toBe('completed');
      expect(hub.workflows.engine.history.filter((e) => e.name === `${stored.body.recordId}-first`)).toHaveLength(1);
    } finally {
      await hub.close();
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
