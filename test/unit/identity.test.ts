import { describe, expect, it } from 'vitest';
import { identitiesOf, isFreeMailDomain, normalizePhone } from '../../functions/core/model/identity.js';
import { inferDirection } from '../../functions/core/use-cases/build-record.js';

describe('identity normalisation', () => {
  it.each([
    ['13800138000', '+8613800138000'],
    ['138 0013 8000', '+8613800138000'],
    ['+86 138-0013-8000', '+8613800138000'],
    ['8613800138000', '+8613800138000'],
    ['0086 13800138000', '+8613800138000'],
    ['400-810-8888', '+864008108888'],
    ['4008108888', '+864008108888'],
    ['800 820 8820', '+868008208820'],
    ['010-6552 9988', '+861065529988'],
    ['0755-86013388', '+8675586013388'],
    ['+1 (415) 555-0100', '+14155550100'],
  ])('normalises %s to %s', (raw, e164) => {
    expect(normalizePhone(raw)).toBe(e164);
  });

  it.each(['', 'abc', '12', '138001380001234567890123', '+12'])('refuses %j', (raw) => {
    expect(normalizePhone(raw)).toBeNull();
  });

  it('never yields a free-mail domain as a company identity', () => {
    expect(isFreeMailDomain('QQ.com')).toBe(true);
    expect(identitiesOf({ domains: ['163.com', 'Huadong.com'], emails: [' Li@X.com '] })).toEqual([
      { kind: 'email', value: 'li@x.com' },
      { kind: 'domain', value: 'huadong.com' },
    ]);
  });

  it('reads direction from whether the sender is staff, not from whether a customer matched', () => {
    expect(inferDirection([{ email: 'sales@us.com', staffId: 'S1', role: 'from' }])).toBe('outbound');
    expect(inferDirection([{ email: 'agent@us.com', internal: true, role: 'agent' }])).toBe('outbound');
    expect(inferDirection([{ email: 'buyer@them.com', role: 'from' }])).toBe('inbound');
    expect(inferDirection([])).toBe('inbound');
  });
});
