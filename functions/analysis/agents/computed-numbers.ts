/**
 * The "numbers are computed" check: which numbers a sentence may quote, and whether it quotes any
 * other. Sentences and sources are read the same way:
 * - a number is compared by value, without its sign ("−75%" and "-75" are the same quote), after
 *   dropping thousands separators ("1,200" is 1200); a clock time "10:00" counts as its hour;
 * - an ISO date ("2024-06-12", also inside a timestamp) is one token, compared whole, so its month
 *   and day do not make every small number look computed;
 * - digits inside an identifier (a record id `EMAIL-20240612-0003`, a code `PC2405`) are not numbers.
 * Limits: the check knows which numbers exist, not which metric a sentence names, so an invented
 * number equal to some other metric passes; Chinese numerals ("两次") are not read — the prompts ask
 * for digits, and a check that cannot read a quote lets it through rather than replace a true sentence.
 */

/**
 * Numbers every sentence may quote: the windows the metrics are defined over ("30-day", "prior 90
 * days") and the scale scores are read on ("62/100").
 */
export const DEFINITIONAL_NUMBERS = [30, 60, 90, 120, 100] as const;

/** A share (0–1) may also be quoted as a percentage: 0.6 → 60. */
const SHARE_AS_PERCENT = 100;

const ISO_DATE = /\b(\d{4}-\d{2}-\d{2})(?:T[\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?/g;
const IDENTIFIER = /\b[A-Za-z]\w*(?:-\w+)*/g;
const THOUSANDS = /(\d),(?=\d{3}(?!\d))/g;
const CLOCK_TIME = /\b(\d{1,2}):\d{2}\b/g;
const NUMBER = /\d+(?:\.\d+)?/g;

/** A set of quotable tokens: numbers as canonical strings ("8", "0.25"), dates as "2024-06-12". */
export type ComputedNumbers = ReadonlySet<string>;

/** The numbers a text quotes, unsigned: "近30天沟通2次，基线8.0（−75%）" → [30, 2, 8, 75]. Dates and identifiers excluded. */
export function numbersIn(text: string): number[] {
  const plain = withoutIdentifiers(text.replace(ISO_DATE, ' ')).replace(THOUSANDS, '$1').replace(CLOCK_TIME, '$1');
  return (plain.match(NUMBER) ?? []).map(Number).filter(Number.isFinite);
}

/** The ISO dates a text quotes ("2024-06-12", also from a timestamp). */
export function datesIn(text: string): string[] {
  return [...text.matchAll(ISO_DATE)].map((match) => match[1]!);
}

/**
 * Every number and date found in `sources` — numbers anywhere in JSON values, and numbers and dates
 * quoted inside their strings — each number also rounded to 1 and 2 decimals (and to a whole number
 * from 1 up) and, for a share between 0 and 1, as a percentage; plus {@link DEFINITIONAL_NUMBERS}.
 *
 * @example
 * const allowed = computedNumbers([metrics, health.score]);
 * quotesOnly('30-day communications 2 vs baseline 8.0', allowed); // true when 2 and 8 are metrics
 */
export function computedNumbers(sources: readonly unknown[]): ComputedNumbers {
  const allowed = new Set<string>(DEFINITIONAL_NUMBERS.map(String));
  const add = (value: number): void => {
    const magnitude = Math.abs(value);
    allowed.add(canonical(magnitude));
    for (const decimals of magnitude >= 1 ? [0, 1, 2] : [1, 2]) allowed.add(canonical(Number(magnitude.toFixed(decimals))));
    if (magnitude > 0 && magnitude < 1) allowed.add(canonical(Math.round(magnitude * SHARE_AS_PERCENT)));
  };
  const visit = (value: unknown): void => {
    if (typeof value === 'number') add(value);
    else if (typeof value === 'string') {
      numbersIn(value).forEach(add);
      datesIn(value).forEach((date) => allowed.add(date));
    } else if (Array.isArray(value)) value.forEach(visit);
    else if (value !== null && typeof value === 'object') Object.values(value).forEach(visit);
  };
  sources.forEach(visit);
  return allowed;
}

/** Whether every number and date `text` quotes is in `allowed` (a text without any passes). */
export function quotesOnly(text: string, allowed: ComputedNumbers): boolean {
  return uncomputedNumbersIn(text, allowed).length === 0;
}

/** The numbers and dates of `text` that `allowed` lacks (for the correction note). */
export function uncomputedNumbersIn(text: string, allowed: ComputedNumbers): Array<number | string> {
  const numbers = numbersIn(text).filter((value) => !allowed.has(canonical(value)));
  const dates = datesIn(text).filter((date) => !allowed.has(date));
  return [...numbers, ...dates];
}

function withoutIdentifiers(text: string): string {
  return text.replace(IDENTIFIER, (word) => (/\d/.test(word) ? ' ' : word));
}

function canonical(value: number): string {
  return String(Number(value.toPrecision(12)));
}
