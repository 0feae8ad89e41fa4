import { describe, expect, it } from 'vitest';
import { passed, runLoadAndFault, summaryLine } from './load-run.js';
import { fuzzLine, runFuzz } from './fuzz-run.js';

// The CI-sized version of `npm run test:reliability` (scripts/reliability.ts runs the full figures:
// 5,000 deliveries, 2 restarts, ≥ 10,000 fuzz cases). Same code, smaller counts.
const SHORT = { deliveries: 300, concurrency: 20, duplicateRatio: 0.3, restarts: 1, throttleWindows: 1, faultWindowMs: 3000, budgetMs: 150_000 };

describe('reliability (short run; the full one is `npm run test:reliability`)', () => {
  it('loses and duplicates nothing through a kill -9 restart and a DynamoDB fault window', { timeout: 180_000 }, async () => {
    // Prepare
    const lines: string[] = [];

    // Act
    const summary = await runLoadAndFault({ ...SHORT, log: (line) => lines.push(line) });

    // Assess
    const line = summaryLine(summary);
    process.stdout.write(`${line}\n`);
    expect(summary.rejected, lines.join('\n')).toEqual([]);
    expect(line).toMatch(/^lost=0 duplicated=0 unarchived=0 unfinished=0 rejected=0 replay_failures=0 stranded=0 /);
    expect(passed(summary, SHORT), `${line}\n${lines.join('\n')}`).toBe(true);
  });

  it('answers 500 fuzzed requests and SMTP sessions with documented 4xx, never 5xx, and stays up', { timeout: 120_000 }, async () => {
    // Act
    const result = await runFuzz({ cases: 500, seed: 20261207 });

    // Assess
    process.stdout.write(`${fuzzLine(result)}\n`);
    expect(result.failures).toEqual([]);
    expect(result.crashed).toBe(false);
  });
});
