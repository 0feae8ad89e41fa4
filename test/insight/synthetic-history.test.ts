import { describe, expect, it } from 'vitest';
import { CommunicationRecord } from '../../functions/core/model/communication-record.js';
import { syntheticHistory } from '../support/synthetic-history.js';
import { AS_OF, CUSTOMER_ID, TENANT_ID, daysAgo } from './record-builder.js';

const options = { tenantId: TENANT_ID, customerId: CUSTOMER_ID, asOf: AS_OF, monthlyCounts: [8, 8, 8, 2] };

describe('syntheticHistory (test support)', () => {
  it('is deterministic for a seed and differs between seeds', () => {
    expect(syntheticHistory({ ...options, seed: 3 })).toEqual(syntheticHistory({ ...options, seed: 3 }));
    expect(syntheticHistory({ ...options, seed: 3 })).not.toEqual(syntheticHistory({ ...options, seed: 4 }));
  });

  it('puts the asked number of valid records in each 30-day window, oldest first, none after asOf', () => {
    // Act
    const records = syntheticHistory({ ...options, monthlyCounts: [1, 2, 3, 4] });

    // Assess
    const windowOf = (at: string) => Math.floor((AS_OF.getTime() - Date.parse(at)) / (30 * 86_400_000));
    expect(records.map((record) => windowOf(record.occurredAt)).sort()).toEqual([0, 0, 0, 0, 1, 1, 1, 2, 2, 3]);
    expect(records.every((record) => CommunicationRecord.safeParse(record).success && record.occurredAt <= AS_OF.toISOString())).toBe(true);
    expect(records.map((record) => record.occurredAt)).toEqual(records.map((record) => record.occurredAt).sort());
    expect(records.every((record) => record.occurredAt > daysAgo(120))).toBe(true);
  });

  it('turns the newest records into competitor mentions, complaints and payment delays', () => {
    // Act
    const records = syntheticHistory({ ...options, competitorMentions: 1, complaints: 1, paymentDelays: 1, competitorName: 'Sinopoly' });

    // Assess
    const newest = records.slice(-3).map((record) => record.analysis.intent?.category);
    expect(newest).toEqual(['payment', 'complaint', 'other']);
    expect(records.at(-1)?.analysis.keyInfo?.competitors).toEqual(['Sinopoly']);
  });

  it('refuses more special records than records', () => {
    expect(() => syntheticHistory({ ...options, monthlyCounts: [1], competitorMentions: 2 })).toThrow(RangeError);
  });
});
