import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createFileMetrics, type MetricsFileContent } from '../../embedded/file-metrics.js';
import { EmfMetrics } from '../../functions/adapters/cloudwatch/emf-metrics.js';
import { HUB_METRICS } from '../../functions/config/hub-metrics.js';

/** What EmfMetrics writes to stdout, as parsed EMF documents. */
function captureStdout() {
  const lines: string[] = [];
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    lines.push(...String(chunk).split('\n').filter(Boolean));
    return true;
  });
  return { documents: () => lines.map((line) => JSON.parse(line) as Record<string, unknown> & { _aws: { Timestamp: number; CloudWatchMetrics: { Namespace: string; Dimensions: string[][]; Metrics: { Name: string; Unit: string }[] }[] } }), restore: () => spy.mockRestore() };
}

describe('EmfMetrics (AWS): counts summed per invocation, published as CloudWatch EMF on flush', () => {
  afterEach(() => vi.restoreAllMocks());

  it('writes one EMF line per dimension combination, each dimensioned metric also under [service] alone', () => {
    // Prepare
    const metrics = new EmfMetrics();
    const stdout = captureStdout();

    // Act
    metrics.count(HUB_METRICS.recordsIngested, 1, { channel: 'api' });
    metrics.count(HUB_METRICS.recordsIngested, 2, { channel: 'api' });
    metrics.count(HUB_METRICS.duplicatesIgnored, 1, { channel: 'api' });
    metrics.count(HUB_METRICS.recordsIngested, 1, { channel: 'wecom' });
    metrics.count(HUB_METRICS.modelInputTokens, 900, { agent: 'A10' });
    metrics.count(HUB_METRICS.analysisFailed);
    metrics.count(HUB_METRICS.payloadsRejected, 0, { channel: 'api-batch' });
    metrics.flush();
    const documents = stdout.documents();
    stdout.restore();

    // Assess
    expect(documents).toHaveLength(4);
    const api = documents.find((d) => d.channel === 'api')!;
    expect(api).toMatchObject({ service: 'commhub', channel: 'api', RecordsIngested: 3, DuplicatesIgnored: 1 });
    expect(Math.abs(api._aws.Timestamp - Date.now())).toBeLessThan(60_000);
    expect(api._aws.CloudWatchMetrics[0]).toMatchObject({
      Namespace: 'CommHub',
      Dimensions: [['service'], ['service', 'channel']],
      Metrics: expect.arrayContaining([{ Name: 'RecordsIngested', Unit: 'Count' }, { Name: 'DuplicatesIgnored', Unit: 'Count' }]),
    });
    expect(documents.find((d) => d.channel === 'wecom')).toMatchObject({ RecordsIngested: 1 });
    expect(documents.find((d) => d.agent === 'A10')).toMatchObject({ ModelInputTokens: 900 });
    const plain = documents.find((d) => 'AnalysisFailed' in d)!;
    expect(plain._aws.CloudWatchMetrics[0]!.Dimensions).toEqual([['service']]);
    expect(documents.some((d) => 'PayloadsRejected' in d)).toBe(false);
  });

  it('writes nothing when nothing was counted, and starts from zero after a flush', () => {
    // Prepare
    const metrics = new EmfMetrics();
    metrics.count(HUB_METRICS.transcriptionsStarted);
    const first = captureStdout();
    metrics.flush();
    const flushed = first.documents();
    first.restore();

    // Act
    const second = captureStdout();
    metrics.flush();
    const again = second.documents();
    second.restore();

    // Assess
    expect(flushed).toEqual([expect.objectContaining({ TranscriptionsStarted: 1 })]);
    expect(again).toEqual([]);
  });
});

describe('file metrics (embedded): counters written to metrics.json', () => {
  let dir: string | undefined;
  afterEach(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('keeps counters by name and dimensions, sums them on demand, and writes the file on close', async () => {
    // Prepare
    dir = await mkdtemp(join(tmpdir(), 'commhub-metrics-'));
    const file = join(dir, 'nested', 'metrics.json');
    const metrics = createFileMetrics({ file, intervalMs: 60_000, now: () => new Date('2024-06-17T02:00:00Z') });

    // Act
    metrics.count(HUB_METRICS.recordsIngested, 1, { channel: 'api' });
    metrics.count(HUB_METRICS.recordsIngested, 1, { channel: 'api' });
    metrics.count(HUB_METRICS.recordsIngested, 1, { channel: 'email' });
    metrics.count(HUB_METRICS.modelFallbacks, 1, { agent: 'A14' });
    metrics.count(HUB_METRICS.payloadsRejected, 0, { channel: 'api' });
    await metrics.close();
    const content = JSON.parse(await readFile(file, 'utf8')) as MetricsFileContent;

    // Assess
    expect(metrics.total(HUB_METRICS.recordsIngested)).toBe(3);
    expect(metrics.total(HUB_METRICS.recordsIngested, { channel: 'api' })).toBe(2);
    expect(metrics.total(HUB_METRICS.payloadsRejected)).toBe(0);
    expect(content).toEqual({
      namespace: 'CommHub',
      service: 'commhub',
      since: '2024-06-17T02:00:00.000Z',
      updatedAt: '2024-06-17T02:00:00.000Z',
      counts: [
        { name: 'RecordsIngested', dimensions: { channel: 'api' }, value: 2 },
        { name: 'RecordsIngested', dimensions: { channel: 'email' }, value: 1 },
        { name: 'ModelFallbacks', dimensions: { agent: 'A14' }, value: 1 },
      ],
    });
  });

  it('writes changed counts periodically, without waiting for shutdown', async () => {
    // Prepare
    dir = await mkdtemp(join(tmpdir(), 'commhub-metrics-'));
    const file = join(dir, 'metrics.json');
    const metrics = createFileMetrics({ file, intervalMs: 20 });

    // Act
    metrics.count(HUB_METRICS.signaturesRejected, 1, { channel: 'telephony' });
    const content = await vi.waitFor(async () => JSON.parse(await readFile(file, 'utf8')) as MetricsFileContent, { timeout: 2_000, interval: 10 });
    await metrics.close();

    // Assess
    expect(content.counts).toEqual([{ name: 'SignaturesRejected', dimensions: { channel: 'telephony' }, value: 1 }]);
  });
});
