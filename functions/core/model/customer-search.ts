/**
 * How a customer is found by what staff type: a name (Chinese or Latin), a domain or an email
 * address. Matching is on normalised text (NFKC, lower case, one space): the query must be the
 * start of a **search term**, and a customer's terms are
 * - for its name: the text from every Chinese/Japanese/Korean character on (every suffix, so any
 *   substring of a Chinese name matches: `奥克斯` finds `宁波奥克斯`) and from every word start of
 *   other scripts (`aux` finds `Ningbo AUX Group`, `aux group` too; `roup` does not);
 * - for each domain and email address: the whole of it, its domain part and its other word starts
 *   (`auxgroup` finds `auxgroup.com`, `gong@` finds `wang.gong@auxgroup.com`).
 *
 * The terms are what the directory stores one item each for (see `dynamodb-customer-directory.ts`),
 * so their number is capped: {@link NAME_TERMS_MAX} for the name, {@link ADDRESS_TERMS_MAX} per
 * address, {@link SEARCH_TERMS_MAX} in all, each at most {@link TERM_MAX_CHARS} characters long.
 */

/** Longest term, and longest query that can still match (longer queries are cut to it). */
export const TERM_MAX_CHARS = 100;
/** Terms from a name: a 40-character Chinese name has 40 suffixes; longer names lose their tail's. */
export const NAME_TERMS_MAX = 40;
/** Terms per domain or email address: the whole, the domain part, then other word starts. */
export const ADDRESS_TERMS_MAX = 4;
/** Terms per customer, name first, then domains, then emails (a profile may list 100 of each). */
export const SEARCH_TERMS_MAX = 100;

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
const WORD = /[\p{L}\p{N}]/u;

/**
 * The form both terms and queries are compared in: NFKC (full-width `ＡＵＸ` is `aux`), lower case,
 * no control or format characters, runs of white space as one space, trimmed.
 *
 * @example normalizeSearchText('  Ningbo　ＡＵＸ  Group ') // 'ningbo aux group'
 */
export function normalizeSearchText(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\p{Cc}\p{Cf}]/gu, ' ')
    .replace(/\s+/gu, ' ')
    .trim();
}

/** Where terms start: every CJK character, and every letter or digit after anything that is not one (or after a CJK character). */
function termStarts(chars: readonly string[]): number[] {
  const starts: number[] = [];
  chars.forEach((char, i) => {
    if (!WORD.test(char)) return;
    const previous = chars[i - 1];
    if (previous === undefined || CJK.test(char) || CJK.test(previous) || !WORD.test(previous)) starts.push(i);
  });
  return starts;
}

const termAt = (chars: readonly string[], start: number) => chars.slice(start, start + TERM_MAX_CHARS).join('').trimEnd();

function nameTerms(name: string): string[] {
  const chars = Array.from(normalizeSearchText(name));
  return termStarts(chars).slice(0, NAME_TERMS_MAX).map((start) => termAt(chars, start));
}

/** The whole address, its domain part (after `@`), then its other word starts, left to right. */
function addressTerms(address: string): string[] {
  const chars = Array.from(normalizeSearchText(address));
  const at = chars.lastIndexOf('@');
  const starts = termStarts(chars);
  const first = starts.filter((start) => start === 0 || start === at + 1);
  const ordered = [...first, ...starts.filter((start) => !first.includes(start))];
  return ordered.slice(0, ADDRESS_TERMS_MAX).map((start) => termAt(chars, start));
}

/** What a customer is searched by. */
export interface SearchableCustomer {
  readonly name: string;
  readonly domains: readonly string[];
  readonly emails: readonly string[];
}

/**
 * A customer's search terms, de-duplicated, at most {@link SEARCH_TERMS_MAX}.
 *
 * @example
 * customerSearchTerms({ name: '宁波奥克斯', domains: ['auxgroup.com'], emails: [] });
 * // ['宁波奥克斯', '波奥克斯', '奥克斯', '克斯', '斯', 'auxgroup.com', 'com']
 */
export function customerSearchTerms(customer: SearchableCustomer): string[] {
  const terms = new Set<string>(nameTerms(customer.name));
  for (const address of [...customer.domains, ...customer.emails]) for (const term of addressTerms(address)) terms.add(term);
  return [...terms].filter((term) => term !== '').slice(0, SEARCH_TERMS_MAX);
}

/**
 * A query as terms are matched against it: normalised, leading characters that start no term
 * (`@`, `.`, `-`) dropped, cut to {@link TERM_MAX_CHARS}. `null` when nothing searchable is left.
 *
 * @example searchQueryOf(' @AuxGroup.com') // 'auxgroup.com'
 */
export function searchQueryOf(query: string): string | null {
  const chars = Array.from(normalizeSearchText(query));
  const first = chars.findIndex((char) => WORD.test(char));
  return first < 0 ? null : termAt(chars, first);
}

/** Whether the customer's own fields hold a term the query starts. */
export function matchesSearch(customer: SearchableCustomer, query: string): boolean {
  return customerSearchTerms(customer).some((term) => term.startsWith(query));
}

/**
 * The key customers are listed in "by name" order: the normalised name, then the id (unique, and
 * the tie-break between equal names). U+0001 sorts below every character a name keeps, so `Acme`
 * comes before `Acme Corp`.
 */
export function nameOrderOf(customer: { readonly name: string; readonly customerId: string }): string {
  return `${Array.from(normalizeSearchText(customer.name)).slice(0, 2 * TERM_MAX_CHARS).join('')}\u0001${customer.customerId}`;
}

/**
 * Compares by Unicode code point — the order DynamoDB sorts string keys in (UTF-8 bytes), which
 * JavaScript's `<` (UTF-16 units) differs from above U+FFFF.
 */
export function compareCodePoints(a: string, b: string): number {
  const [left, right] = [Array.from(a), Array.from(b)];
  for (let i = 0; i < Math.min(left.length, right.length); i++) {
    const difference = (left[i] as string).codePointAt(0)! - (right[i] as string).codePointAt(0)!;
    if (difference !== 0) return difference;
  }
  return left.length - right.length;
}
