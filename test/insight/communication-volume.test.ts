import { describe, expect, it } from 'vitest';
import { communicationVolume } from '../../functions/core/insight/communication-volume.js';
import type { CommunicationRecord } from '../../functions/core/model/communication-record.js';
import { AS_OF, aRecord, daysAgo } from './record-builder.js';

/** `count` inbound records spread evenly over [fromDays, toDays) days before AS_OF. */
function spread(count: number, fromDays: number, toDays: number, direction: 'inbound' | 'outbound' = 'inbound'): CommunicationRecord[] {
  return Array.from({ length: count }, (_, i) => aRecord({ at: daysAgo(fromDays + ((toDays - fromDays) * i) / count), direction }));
}

describe('communicationVolume', () => {
  it('compares the last 30 days with the prior 90 per 30 days: 2 against 24 is a ratio of 0.25, falling', () => {
    // Prepare
    const records = [...spread(2, 1, 29), ...spread(24, 31, 119)];

    // Act
    const volume = communicationVolume(records, AS_OF);

    // Assess
    expect(volume).toEqual({
      last30Days: 2,
      prior90Days: 24,
      baselineMonthly: 8,
      changeRatio: 0.25,
      trend: 'falling',
      inboundLast30Days: 2,
      outboundLast30Days: 0,
    });
  });

  it('calls a ratio of exactly 0.6 falling and exactly 1.4 rising (the thresholds are inclusive)', () => {
    // Prepare: baseline 15 / 3 = 5 a month.
    const baseline = spread(15, 31, 119);

    // Act
    const atFalling = communicationVolume([...spread(3, 1, 29), ...baseline], AS_OF);
    const justAbove = communicationVolume([...spread(4, 1, 29), ...baseline], AS_OF);
    const atRising = communicationVolume([...spread(7, 1, 29), ...baseline], AS_OF);
    const justBelow = communicationVolume([...spread(6, 1, 29), ...baseline], AS_OF);

    // Assess
    expect([atFalling.changeRatio, atFalling.trend]).toEqual([0.6, 'falling']);
    expect(justAbove.trend).toBe('stable');
    expect([atRising.changeRatio, atRising.trend]).toEqual([1.4, 'rising']);
    expect(justBelow.trend).toBe('stable');
  });

  it('is new when the first contact is within the last 30 days', () => {
    const volume = communicationVolume(spread(3, 2, 20), AS_OF);

    expect(volume).toMatchObject({ last30Days: 3, prior90Days: 0, baselineMonthly: 0, changeRatio: null, trend: 'new' });
  });

  it('is silent when nothing happened in the last 30 days, with or without a baseline', () => {
    expect(communicationVolume(spread(6, 40, 100), AS_OF)).toMatchObject({ last30Days: 0, changeRatio: 0, trend: 'silent' });
    expect(communicationVolume([], AS_OF)).toMatchObject({ last30Days: 0, prior90Days: 0, changeRatio: null, trend: 'silent' });
  });

  it('is rising when a customer known from older records comes back after a quiet baseline', () => {
    // Prepare: a contact 200 days ago (outside the windows, but it dates the first contact), then two now.
    const records = [aRecord({ at: daysAgo(200) }), ...spread(2, 1, 10)];

    // Act
    const volume = communicationVolume(records, AS_OF);

    // Assess
    expect(volume).toMatchObject({ last30Days: 2, prior90Days: 0, changeRatio: null, trend: 'rising' });
  });

  it('does not count internal records, future records or records 120 days old and more', () => {
    // Prepare
    const records = [
      ...spread(5, 35, 110),
      ...spread(5, 1, 20),
      aRecord({ at: daysAgo(3), direction: 'internal' }),
      aRecord({ at: daysAgo(50), direction: 'internal' }),
      aRecord({ at: daysAgo(-2) }),
      aRecord({ at: daysAgo(130) }),
    ];

    // Act
    const volume = communicationVolume(records, AS_OF);

    // Assess
    expect(volume).toMatchObject({ last30Days: 5, prior90Days: 5, changeRatio: 3, trend: 'rising' });
  });

  it('splits the last 30 days into inbound and outbound', () => {
    const volume = communicationVolume([...spread(3, 1, 20), ...spread(2, 1, 20, 'outbound'), ...spread(9, 40, 100)], AS_OF);

    expect(volume).toMatchObject({ inboundLast30Days: 3, outboundLast30Days: 2, changeRatio: 1.667, baselineMonthly: 3, trend: 'rising' });
  });
});
