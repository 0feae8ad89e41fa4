import { describe, expect, it } from 'vitest';
import { preferredChannel } from '../../functions/core/insight/preferred-channel.js';
import { AS_OF, aRecord, daysAgo } from './record-builder.js';

describe('preferredChannel', () => {
  it('counts records per type over 120 days and names the most used with its share', () => {
    // Prepare
    const records = [
      aRecord({ at: daysAgo(1), type: 'wechat' }),
      aRecord({ at: daysAgo(5), type: 'wechat', direction: 'outbound' }),
      aRecord({ at: daysAgo(60), type: 'wechat' }),
      aRecord({ at: daysAgo(2), type: 'email' }),
      aRecord({ at: daysAgo(3), type: 'phone', direction: 'internal' }),
      aRecord({ at: daysAgo(150), type: 'phone' }),
    ];

    // Act
    const channels = preferredChannel(records, AS_OF);

    // Assess
    expect(channels).toEqual({ counts: { wechat: 3, email: 1 }, preferred: 'wechat', preferredShare: 0.75 });
  });

  it('breaks a tie by the channel used most recently', () => {
    // Prepare: two emails and two calls; the latest is a call.
    const records = [
      aRecord({ at: daysAgo(10), type: 'email' }),
      aRecord({ at: daysAgo(3), type: 'email' }),
      aRecord({ at: daysAgo(20), type: 'phone' }),
      aRecord({ at: daysAgo(2), type: 'phone' }),
    ];

    // Act
    const channels = preferredChannel(records, AS_OF);

    // Assess
    expect(channels).toMatchObject({ preferred: 'phone', preferredShare: 0.5 });
  });

  it('has no preference for an empty timeline', () => {
    expect(preferredChannel([], AS_OF)).toEqual({ counts: {}, preferred: null, preferredShare: 0 });
  });
});
