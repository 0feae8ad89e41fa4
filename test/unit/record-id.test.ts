import { describe, expect, it } from 'vitest';
import { identityHashOf, recordIdFor, sourceIdentityHash } from '../../functions/core/model/record-id.js';
import { RECORD_TYPES } from '../../functions/core/model/record-types.js';

describe('record ids', () => {
  it('keep the seed readable form: type prefix, UTC day, 24-character suffix', () => {
    expect(recordIdFor('T001', 'email', 'ses', '<a@b>', '2024-06-15T02:30:00.000Z')).toMatch(/^EMAIL-20240615-[0-9A-HJKMNP-TV-Z]{24}$/);
    expect(recordIdFor('T001', 'wechat', 'wecom', 'm1', '2024-06-15T02:30:00.000Z')).toMatch(/^WX-20240615-/);
    expect(recordIdFor('T001', 'phone', 'connect', 'c1', '2024-06-15T02:30:00.000Z')).toMatch(/^PHONE-/);
    expect(recordIdFor('T001', 'meeting', 'zoom', 'z1', '2024-06-15T02:30:00.000Z')).toMatch(/^MEETING-/);
    expect(recordIdFor('T001', 'visit', 'app', 'v1', '2024-06-15T02:30:00.000Z')).toMatch(/^VISIT-/);
  });

  it('map the same source message to the same id, and anything else to another', () => {
    const id = recordIdFor('T001', 'email', 'ses', '<a@b>', '2024-06-15T02:30:00.000Z');
    expect(recordIdFor('T001', 'email', 'ses', '<a@b>', '2024-06-15T02:30:00.000Z')).toBe(id);
    expect(recordIdFor('T002', 'email', 'ses', '<a@b>', '2024-06-15T02:30:00.000Z')).not.toBe(id);
    expect(recordIdFor('T001', 'email', 'imap', '<a@b>', '2024-06-15T02:30:00.000Z')).not.toBe(id);
    // No delimiter ambiguity: ("a", "b\0c") and ("a\0b", "c") differ.
    expect(sourceIdentityHash('T', 'a', 'bc')).not.toBe(sourceIdentityHash('T', 'ab', 'c'));
  });

  it('do not collide over 50,000 distinct source messages', () => {
    const seen = new Set<string>();
    for (let n = 0; n < 50_000; n++) seen.add(sourceIdentityHash('T001', 'crm', `msg-${n}`));
    expect(seen.size).toBe(50_000);
  });

  it('expose their identity hash, and nothing for strings that are not record ids', () => {
    for (const type of RECORD_TYPES) {
      const id = recordIdFor('T001', type, 's', 'x', '2024-01-01T00:00:00.000Z');
      expect(identityHashOf(id)).toBe(sourceIdentityHash('T001', 's', 'x'));
    }
    expect(identityHashOf('EMAIL-20240615-short')).toBeNull();
    expect(identityHashOf('../../etc/passwd')).toBeNull();
  });
});
