import { describe, expect, it } from 'vitest';
import { responseTime } from '../../functions/core/insight/response-time.js';
import { AS_OF, aRecord } from './record-builder.js';

const at = (time: string) => `2024-06-10T${time}:00Z`;

describe('responseTime', () => {
  it('pairs each inbound record with the first outbound after it', () => {
    // Prepare: waits of 30 and 90 minutes.
    const records = [
      aRecord({ at: at('09:00'), direction: 'inbound' }),
      aRecord({ at: at('09:30'), direction: 'outbound' }),
      aRecord({ at: at('10:00'), direction: 'outbound' }),
      aRecord({ at: at('11:00'), direction: 'inbound' }),
      aRecord({ at: at('12:30'), direction: 'outbound' }),
    ];

    // Act
    const result = responseTime(records, AS_OF);

    // Assess
    expect(result).toEqual({ medianMinutes: 60, samples: 2 });
  });

  it('pairs consecutive inbound records with the same outbound, each with its own wait', () => {
    // Prepare: the customer wrote at 09:00, 09:40 and 10:00; we answered at 10:10 → 70, 30, 10 minutes.
    const records = [
      aRecord({ at: at('10:00'), direction: 'inbound' }),
      aRecord({ at: at('09:00'), direction: 'inbound' }),
      aRecord({ at: at('10:10'), direction: 'outbound' }),
      aRecord({ at: at('09:40'), direction: 'inbound' }),
    ];

    // Act
    const result = responseTime(records, AS_OF);

    // Assess
    expect(result).toEqual({ medianMinutes: 30, samples: 3 });
  });

  it('leaves unanswered inbound records out, ignores internal notes, and needs an outbound strictly later', () => {
    // Prepare
    const records = [
      aRecord({ at: at('08:00'), direction: 'outbound' }),
      aRecord({ at: at('09:00'), direction: 'inbound' }),
      aRecord({ at: at('09:05'), direction: 'internal' }),
      aRecord({ at: at('09:20'), direction: 'outbound' }),
      aRecord({ at: at('11:00'), direction: 'inbound' }),
      aRecord({ at: at('11:00'), direction: 'outbound' }),
      aRecord({ at: at('15:00'), direction: 'inbound' }),
    ];

    // Act
    const result = responseTime(records, AS_OF);

    // Assess: only 09:00 → 09:20 is a pair; 11:00 is answered by nothing later, 15:00 still waits.
    expect(result).toEqual({ medianMinutes: 20, samples: 1 });
  });

  it('is null without a pair: empty timeline, only outbound, only inbound, or an answer after asOf', () => {
    expect(responseTime([], AS_OF)).toEqual({ medianMinutes: null, samples: 0 });
    expect(responseTime([aRecord({ at: at('09:00'), direction: 'outbound' })], AS_OF)).toEqual({ medianMinutes: null, samples: 0 });
    expect(responseTime([aRecord({ at: at('09:00'), direction: 'inbound' })], AS_OF)).toEqual({ medianMinutes: null, samples: 0 });
    const answeredLater = [aRecord({ at: '2024-06-14T23:00:00Z', direction: 'inbound' }), aRecord({ at: '2024-06-15T01:00:00Z', direction: 'outbound' })];
    expect(responseTime(answeredLater, AS_OF)).toEqual({ medianMinutes: null, samples: 0 });
  });

  it('rounds the median to a tenth of a minute', () => {
    // Prepare: waits of 10 s and 20 s → median 0.25 min.
    const records = [
      aRecord({ at: '2024-06-10T09:00:00Z', direction: 'inbound' }),
      aRecord({ at: '2024-06-10T09:00:10Z', direction: 'outbound' }),
      aRecord({ at: '2024-06-10T10:00:00Z', direction: 'inbound' }),
      aRecord({ at: '2024-06-10T10:00:20Z', direction: 'outbound' }),
    ];

    expect(responseTime(records, AS_OF)).toEqual({ medianMinutes: 0.3, samples: 2 });
  });
});
