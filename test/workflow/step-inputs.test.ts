import { describe, expect, it } from 'vitest';
import { emailReport } from '../../functions/core/periodic/email-report.js';
import type { PeriodicRunDependencies } from '../../functions/core/periodic/periodic-run-dependencies.js';
import { writeReport } from '../../functions/core/periodic/write-report.js';
import type { RecordWorkflowDependencies } from '../../functions/core/workflow/record-workflow-dependencies.js';
import { notifyUrgentRecord } from '../../functions/core/workflow/urgent-alert.js';

/** Dependencies that fail the test on first use: a step must refuse a malformed input before any read. */
function untouchable<T>(): T {
  return new Proxy({}, { get: (_target, name) => expect.fail(`deps.${String(name)} used before the input was checked`) }) as T;
}

const STEPS = [
  ['Email the urgent alert', (input: unknown) => notifyUrgentRecord(untouchable<RecordWorkflowDependencies>(), input), ['tenantId', 'recordId', 'alertInsightId']],
  ['Write the report', (input: unknown) => writeReport(untouchable<PeriodicRunDependencies>(), input), ['tenantId', 'reportId', 'customerIds']],
  ['Email the report', (input: unknown) => emailReport(untouchable<PeriodicRunDependencies>(), input), ['tenantId', 'reportId']],
] as const;

describe('workflow steps check their input before touching a store', () => {
  it.each(STEPS)('%s: a malformed input is a validation error naming its fields, with no read or send', async (_step, run, fields) => {
    // Act
    const outcome = run({ Records: [] }).then(
      () => undefined,
      (error: unknown) => error,
    );

    // Assess
    const error = (await outcome) as { name?: string; issues?: { path: PropertyKey[] }[] } | undefined;
    expect(error?.name).toBe('$ZodError');
    expect(error?.issues?.map((issue) => issue.path.join('.'))).toEqual(fields);
  });

  it('a report step ignores fields the state machine adds and still checks the rest', async () => {
    // Act
    const outcome = writeReport(untouchable<PeriodicRunDependencies>(), { tenantId: 'T001', reportId: 'RPT-1', customerIds: [''], executionId: 'x' }).catch(
      (error: unknown) => error,
    );

    // Assess
    expect(((await outcome) as { issues?: { path: PropertyKey[] }[] }).issues?.map((issue) => issue.path.join('.'))).toEqual(['customerIds.0']);
  });
});
