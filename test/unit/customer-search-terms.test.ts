import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ADDRESS_TERMS_MAX,
  compareCodePoints,
  customerSearchTerms,
  matchesSearch,
  NAME_TERMS_MAX,
  nameOrderOf,
  SEARCH_TERMS_MAX,
  searchQueryOf,
  TERM_MAX_CHARS,
} from '../../functions/core/model/customer-search.js';

const customer = (name: string, domains: string[] = [], emails: string[] = []) => ({ name, domains, emails });

describe('customer search terms (what the directory stores one item each for)', () => {
  it('finds any part of a Chinese name, the start of any word of a Latin one, and ignores case and width', () => {
    // Prepare
    const aux = customer('宁波奥克斯空调有限公司');
    const latin = customer('Ningbo AUX Group Co., Ltd.');

    // Act
    const found = (query: string, of: ReturnType<typeof customer>) => matchesSearch(of, searchQueryOf(query)!);

    // Assess
    expect(['奥克斯', '宁波', '有限公司', '司', '空调有限'].map((q) => found(q, aux))).toEqual([true, true, true, true, true]);
    expect(['aux', 'AUX group', 'ＡＵＸ', 'ningbo', 'ltd'].map((q) => found(q, latin))).toEqual([true, true, true, true, true]);
    expect(['roup', 'bo aux', '奥克斯'].map((q) => found(q, latin))).toEqual([false, false, false]);
  });

  it('finds a domain and an email address by their start, their domain part and their other words', () => {
    // Prepare
    const aux = customer('宁波奥克斯', ['auxgroup.com'], ['Wang.Gong@AuxGroup.com']);

    // Act
    const terms = customerSearchTerms(aux);

    // Assess
    expect(terms).toEqual(['宁波奥克斯', '波奥克斯', '奥克斯', '克斯', '斯', 'auxgroup.com', 'com', 'wang.gong@auxgroup.com', 'gong@auxgroup.com']);
    for (const q of ['auxgroup', 'wang.gong@auxgroup.com', 'WANG', 'gong@aux', '@auxgroup.com']) expect(matchesSearch(aux, searchQueryOf(q)!), q).toBe(true);
    expect(matchesSearch(aux, searchQueryOf('group')!)).toBe(false);
  });

  it('keeps the domain part of a long address among its capped terms', () => {
    // Act
    const terms = customerSearchTerms(customer('x', [], ['a.b.c.d.e@mail.example.cn']));

    // Assess
    expect(terms.filter((term) => term !== 'x')).toEqual(['a.b.c.d.e@mail.example.cn', 'mail.example.cn', 'b.c.d.e@mail.example.cn', 'c.d.e@mail.example.cn']);
    expect(terms.length - 1).toBe(ADDRESS_TERMS_MAX);
  });

  it('refuses a query with nothing to search for, and drops leading punctuation', () => {
    // Assess
    expect(searchQueryOf(' -- @ ')).toBeNull();
    expect(searchQueryOf('  @AuxGroup.COM ')).toBe('auxgroup.com');
    expect(searchQueryOf('Ａ'.repeat(300))).toHaveLength(TERM_MAX_CHARS);
  });

  it('bounds the terms of any customer: at most 100 terms of at most 100 characters, name terms capped', () => {
    // Prepare
    const anyText = fc.string({ unit: fc.constantFrom('奥', 'a', 'B', ' ', '.', '@', '7', '－', 'é'), maxLength: 200 });

    // Act / Assess
    fc.assert(
      fc.property(anyText, fc.array(anyText, { maxLength: 100 }), fc.array(anyText, { maxLength: 100 }), (name, domains, emails) => {
        const terms = customerSearchTerms(customer(name, domains, emails));
        expect(terms.length).toBeLessThanOrEqual(SEARCH_TERMS_MAX);
        expect(new Set(terms).size).toBe(terms.length);
        for (const term of terms) expect(Array.from(term).length).toBeLessThanOrEqual(TERM_MAX_CHARS);
        expect(customerSearchTerms(customer(name)).length).toBeLessThanOrEqual(NAME_TERMS_MAX);
      }),
    );
  });

  it('finds every customer by any substring of its Chinese name up to the cap', () => {
    // Act / Assess
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'宁波奥克斯杭州华诚化工苏州精塑'), minLength: 1, maxLength: NAME_TERMS_MAX }), fc.nat(), fc.nat(), (name, a, b) => {
        const [start, end] = [a % name.length, b % name.length].sort((x, y) => x - y) as [number, number];
        expect(matchesSearch(customer(name), name.slice(start, end + 1))).toBe(true);
      }),
    );
  });

  it('orders by name case-insensitively, a name before its extensions, ties by id, by code point as DynamoDB does', () => {
    // Prepare
    const names = [['Acme Corp', 'C2'], ['acme', 'C9'], ['ACME', 'C1'], ['宁波奥克斯', 'C3'], ['beta', 'C4'], ['𠀀 rare', 'C5'], ['ｚeta', 'C6']] as const;

    // Act
    const ordered = names.map(([name, customerId]) => ({ name, order: nameOrderOf({ name, customerId }) })).sort((a, b) => compareCodePoints(a.order, b.order));

    // Assess
    expect(ordered.map((entry) => entry.name)).toEqual(['ACME', 'acme', 'Acme Corp', 'beta', 'ｚeta', '宁波奥克斯', '𠀀 rare']);
    expect(compareCodePoints('\uffff', '𠀀')).toBeLessThan(0);
  });
});
