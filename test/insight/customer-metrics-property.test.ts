import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeCustomerMetrics } from '../../functions/core/insight/compute-customer-metrics.js';
import { CustomerHealth, CustomerMetrics } from '../../functions/core/insight/customer-metrics.js';
import { scoreCustomerHealth } from '../../functions/core/insight/score-customer-health.js';
import { DIRECTIONS, INTENT_CATEGORIES, RECORD_TYPES } from '../../functions/core/model/record-types.js';
import { TASK_STATUSES } from '../../functions/core/model/task.js';
import { AS_OF, CUSTOMER_ID, aRecord, aTask } from './record-builder.js';

const DAY_MS = 86_400_000;
/** Instants from 200 days before AS_OF to 10 days after, so every window edge and the future are hit. */
const instant = fc.integer({ min: -200 * DAY_MS, max: 10 * DAY_MS }).map((offset) => new Date(AS_OF.getTime() + offset).toISOString());
const text = fc.oneof(
  fc.constantFrom('别家更便宜', '你们太贵了', '货款能否推迟', 'competitor is cheaper elsewhere', 'Invoice overdue', '谢谢', ''),
  fc.string({ maxLength: 40 }),
);
const words = fc.array(fc.string({ maxLength: 12 }), { maxLength: 3 });
const shortText = fc.option(fc.string({ maxLength: 8 }), { nil: undefined });

const record = fc
  .record({
    at: instant,
    direction: fc.constantFrom(...DIRECTIONS),
    type: fc.constantFrom(...RECORD_TYPES),
    content: text,
    intent: fc.option(fc.constantFrom(...INTENT_CATEGORIES), { nil: undefined }),
    sentiment: fc.option(fc.double({ min: -1, max: 1, noNaN: true }), { nil: undefined }),
    keyInfo: fc.option(fc.record({ products: words, competitors: words, quantity: shortText, price: shortText }), { nil: undefined }),
    unanalysed: fc.boolean(),
  })
  .map((spec) => aRecord(spec));

const task = fc.record({ status: fc.constantFrom(...TASK_STATUSES), dueAt: instant }).map(({ status, dueAt }) => aTask(status, dueAt));

describe('customer metrics and health (property)', () => {
  it('property: for any timeline the metrics validate and the score is a whole number 0–100 with a valid stage', () => {
    fc.assert(
      fc.property(
        fc.array(record, { maxLength: 40 }),
        fc.array(task, { maxLength: 5 }),
        fc.constantFrom('Asia/Shanghai', 'America/New_York', 'UTC', 'Asia/Kolkata'),
        (records, tasks, timeZone) => {
          // Act
          const metrics = computeCustomerMetrics({ customerId: CUSTOMER_ID, records, tasks, asOf: AS_OF, timeZone });
          const health = scoreCustomerHealth(metrics);

          // Assess
          expect(CustomerMetrics.safeParse(metrics).success).toBe(true);
          expect(CustomerHealth.safeParse(health).success).toBe(true);
          expect(Number.isInteger(health.score)).toBe(true);
          expect(health.score).toBeGreaterThanOrEqual(0);
          expect(health.score).toBeLessThanOrEqual(100);
          expect(health.reasons.length).toBeGreaterThan(0);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('property: the input order does not change the metrics', () => {
    fc.assert(
      fc.property(fc.array(record, { maxLength: 20 }), (records) => {
        const forward = computeCustomerMetrics({ customerId: CUSTOMER_ID, records, tasks: [], asOf: AS_OF, timeZone: 'Asia/Shanghai' });
        const backward = computeCustomerMetrics({ customerId: CUSTOMER_ID, records: [...records].reverse(), tasks: [], asOf: AS_OF, timeZone: 'Asia/Shanghai' });
        expect(backward).toEqual(forward);
      }),
      { numRuns: 100 },
    );
  });
});
