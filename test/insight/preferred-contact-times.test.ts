import { describe, expect, it } from 'vitest';
import { preferredContactTimes } from '../../functions/core/insight/preferred-contact-times.js';
import { zonedHourAndWeekday } from '../../functions/core/insight/zoned-clock.js';
import { aRecord } from './record-builder.js';

const SHANGHAI = 'Asia/Shanghai';
const NEW_YORK = 'America/New_York';

describe('zonedHourAndWeekday', () => {
  it('reads the local clock across midnight: Friday 16:30 UTC is Saturday 00:30 in Shanghai', () => {
    expect(zonedHourAndWeekday(Date.parse('2024-06-14T16:30:00Z'), SHANGHAI)).toEqual({ hour: 0, isoWeekday: 6 });
    expect(zonedHourAndWeekday(Date.parse('2024-06-14T16:30:00Z'), 'UTC')).toEqual({ hour: 16, isoWeekday: 5 });
  });

  it('prints midnight as hour 0, never 24, and Sunday as 7', () => {
    // 2024-06-16 04:10 UTC is Sunday 00:10 in New York (EDT, UTC−4).
    expect(zonedHourAndWeekday(Date.parse('2024-06-16T04:10:00Z'), NEW_YORK)).toEqual({ hour: 0, isoWeekday: 7 });
  });

  it('follows daylight saving in New York: 09:30 local is 14:30 UTC before 10 March 2024 and 13:30 UTC after', () => {
    expect(zonedHourAndWeekday(Date.parse('2024-03-08T14:30:00Z'), NEW_YORK)).toEqual({ hour: 9, isoWeekday: 5 });
    expect(zonedHourAndWeekday(Date.parse('2024-03-11T13:30:00Z'), NEW_YORK)).toEqual({ hour: 9, isoWeekday: 1 });
  });

  it('rejects a name that is not an IANA zone', () => {
    expect(() => zonedHourAndWeekday(0, 'Mars/Olympus')).toThrow(RangeError);
  });
});

describe('preferredContactTimes', () => {
  it('reads inbound hours and weekdays on the tenant clock in Shanghai, across midnight', () => {
    // Prepare: three messages at 00:xx Saturday Shanghai time (Friday afternoon UTC), one Tuesday 10:00.
    const asOf = new Date('2024-06-20T00:00:00Z');
    const records = [
      aRecord({ at: '2024-06-14T16:05:00Z', direction: 'inbound' }),
      aRecord({ at: '2024-06-07T16:40:00Z', direction: 'inbound' }),
      aRecord({ at: '2024-06-14T16:59:00Z', direction: 'inbound' }),
      aRecord({ at: '2024-06-11T02:00:00Z', direction: 'inbound' }),
      aRecord({ at: '2024-06-12T06:00:00Z', direction: 'outbound' }),
      aRecord({ at: '2024-06-12T06:00:00Z', direction: 'internal' }),
    ];

    // Act
    const shanghai = preferredContactTimes(records, asOf, SHANGHAI);
    const utc = preferredContactTimes(records, asOf, 'UTC');

    // Assess
    expect(shanghai).toEqual({ preferredHours: [0, 10], preferredWeekdays: [6, 2] });
    expect(utc).toEqual({ preferredHours: [16, 2], preferredWeekdays: [5, 2] });
  });

  it('keeps the same local hour in New York across the spring daylight-saving change', () => {
    // Prepare: 09:30 local on both sides of 10 March 2024 (EST then EDT), and one 14:10 local.
    const asOf = new Date('2024-03-20T00:00:00Z');
    const records = [
      aRecord({ at: '2024-03-07T14:30:00Z', direction: 'inbound' }),
      aRecord({ at: '2024-03-08T14:30:00Z', direction: 'inbound' }),
      aRecord({ at: '2024-03-11T13:30:00Z', direction: 'inbound' }),
      aRecord({ at: '2024-03-12T13:30:00Z', direction: 'inbound' }),
      aRecord({ at: '2024-03-13T18:10:00Z', direction: 'inbound' }),
    ];

    // Act
    const times = preferredContactTimes(records, asOf, NEW_YORK);

    // Assess: four at 9 (not split into 14 and 13 UTC), then 14; five weekdays once each, so the
    // most recent ones come first — Wednesday the 13th, Tuesday the 12th.
    expect(times.preferredHours).toEqual([9, 14]);
    expect(times.preferredWeekdays).toEqual([3, 2]);
  });

  it('sees the repeated autumn hour as one local hour', () => {
    // Prepare: 01:30 happens twice in New York on 3 November 2024 (EDT, then EST).
    const asOf = new Date('2024-11-10T00:00:00Z');
    const records = [aRecord({ at: '2024-11-03T05:30:00Z' }), aRecord({ at: '2024-11-03T06:30:00Z' }), aRecord({ at: '2024-11-04T15:00:00Z' })];

    // Act
    const times = preferredContactTimes(records, asOf, NEW_YORK);

    // Assess
    expect(times).toEqual({ preferredHours: [1, 10], preferredWeekdays: [7, 1] });
  });

  it('keeps at most three hours and two weekdays, ties going to the most recent', () => {
    // Prepare: one message at each of four hours on four days, newest last.
    const asOf = new Date('2024-06-20T00:00:00Z');
    const records = ['2024-06-10T01:00:00Z', '2024-06-11T03:00:00Z', '2024-06-12T05:00:00Z', '2024-06-13T07:00:00Z'].map((at) => aRecord({ at }));

    // Act
    const times = preferredContactTimes(records, asOf, SHANGHAI);

    // Assess
    expect(times).toEqual({ preferredHours: [15, 13, 11], preferredWeekdays: [4, 3] });
  });

  it('is empty without inbound records in the window', () => {
    const asOf = new Date('2024-06-20T00:00:00Z');
    const records = [aRecord({ at: '2024-06-10T01:00:00Z', direction: 'outbound' }), aRecord({ at: '2024-01-10T01:00:00Z' })];

    expect(preferredContactTimes(records, asOf, SHANGHAI)).toEqual({ preferredHours: [], preferredWeekdays: [] });
  });
});
