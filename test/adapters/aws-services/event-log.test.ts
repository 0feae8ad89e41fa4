import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLocalEventLog } from '../../../embedded/event-log.js';
import type { HubEvent } from '../../../functions/core/ports/event-publisher.js';

const eventNumber = (n: number): HubEvent => ({
  type: n % 2 === 0 ? 'communication.ingested' : 'communication.analyzed',
  tenantId: 'T001',
  recordId: `CHAT-20240615-${String(n).padStart(4, '0')}`,
  time: '2024-06-15T02:30:00.000Z',
  // Long enough that interleaved writes would show as broken lines.
  detail: { channel: 'wecom', summary: `客户咨询退款 ${'…'.repeat(2000)} #${n}` },
});

describe('embedded event log', () => {
  let root: string;
  let file: string;

  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'commhub-events-'));
    file = join(root, 'not-yet', 'created', 'events.jsonl');
  });
  afterEach(() => rm(root, { recursive: true, force: true }));

  it('writes each event as one line in the EventBridge envelope, creating the folder', async () => {
    // Prepare
    const log = createLocalEventLog({ file });
    const event: HubEvent = {
      type: 'communication.analyzed',
      tenantId: 'T001',
      recordId: 'EMAIL-20240615-8ZQ4J1W6N0R2T5X7C9V3B6M1',
      time: '2024-06-15T02:31:07.000Z',
      detail: { sentiment: 'negative' },
    };

    // Act
    await log.publish([event]);

    // Assess
    const lines = (await readFile(file, 'utf8')).split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toBe('');
    expect(JSON.parse(lines[0] ?? '')).toEqual({
      source: 'commhub',
      'detail-type': 'communication.analyzed',
      time: '2024-06-15T02:31:07.000Z',
      detail: { tenantId: 'T001', recordId: 'EMAIL-20240615-8ZQ4J1W6N0R2T5X7C9V3B6M1', sentiment: 'negative' },
    });
  });

  it('keeps 50 concurrent publishes as 50 intact lines that read back as the events', async () => {
    // Prepare
    const log = createLocalEventLog({ file });
    const events = Array.from({ length: 50 }, (_, n) => eventNumber(n));

    // Act
    await Promise.all(events.map((event) => log.publish([event])));

    // Assess
    const lines = (await readFile(file, 'utf8')).trimEnd().split('\n');
    expect(lines).toHaveLength(50);
    for (const line of lines) expect(() => JSON.parse(line)).not.toThrow();
    const read = await log.read();
    expect(read).toHaveLength(50);
    expect(new Set(read.map((event) => event.recordId))).toEqual(new Set(events.map((event) => event.recordId)));
    expect(read).toEqual(expect.arrayContaining(events));
  });

  it('reads nothing before the first publish, and reads a batch back in order', async () => {
    // Prepare
    const log = createLocalEventLog({ file });
    const before = await log.read();
    const batch = [eventNumber(1), eventNumber(2), eventNumber(3)];

    // Act
    await log.publish(batch);
    const after = await log.read();

    // Assess
    expect(before).toEqual([]);
    expect(after).toEqual(batch);
  });
});
