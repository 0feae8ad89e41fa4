import { describe, expect, it } from 'vitest';
import { contactRecency } from '../../functions/core/insight/contact-recency.js';
import { AS_OF, aRecord, daysAgo } from './record-builder.js';

describe('contactRecency', () => {
  it('finds first and last contact in any input order and counts whole days since the last', () => {
    // Prepare: the last contact 2.9 days ago — two whole days.
    const records = [aRecord({ at: daysAgo(2.9) }), aRecord({ at: daysAgo(100) }), aRecord({ at: daysAgo(40), direction: 'outbound' })];

    // Act
    const recency = contactRecency(records, AS_OF);

    // Assess
    expect(recency).toEqual({ firstContactAt: daysAgo(100), lastContactAt: daysAgo(2.9), daysSinceLastContact: 2 });
  });

  it('counts a contact at asOf itself as 0 days ago', () => {
    expect(contactRecency([aRecord({ at: AS_OF.toISOString() })], AS_OF).daysSinceLastContact).toBe(0);
  });

  it('ignores future and internal records, and dates the first contact from records older than 120 days', () => {
    // Prepare
    const records = [
      aRecord({ at: daysAgo(300) }),
      aRecord({ at: daysAgo(10) }),
      aRecord({ at: daysAgo(1), direction: 'internal' }),
      aRecord({ at: daysAgo(-1) }),
    ];

    // Act
    const recency = contactRecency(records, AS_OF);

    // Assess
    expect(recency).toEqual({ firstContactAt: daysAgo(300), lastContactAt: daysAgo(10), daysSinceLastContact: 10 });
  });

  it('is all null for an empty timeline or one with internal notes only', () => {
    const none = { firstContactAt: null, lastContactAt: null, daysSinceLastContact: null };
    expect(contactRecency([], AS_OF)).toEqual(none);
    expect(contactRecency([aRecord({ at: daysAgo(3), direction: 'internal' })], AS_OF)).toEqual(none);
  });
});
