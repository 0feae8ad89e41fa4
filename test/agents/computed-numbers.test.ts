import { describe, expect, it } from 'vitest';
import { computedNumbers, datesIn, numbersIn, quotesOnly, uncomputedNumbersIn } from '../../functions/analysis/agents/computed-numbers.js';
import { FALLING_HEALTH, FALLING_METRICS } from './agent-kit.js';

describe('numbersIn', () => {
  it.each([
    ['30-day communications 2 vs monthly baseline 8.0 (−75%)', [30, 2, 8, 75]],
    ['近30天沟通2次，月均基线8.0次（−75%）', [30, 2, 8, 75]],
    ['Order of 1,200 kg on 2024-06-12', [1200]],
    ['See EMAIL-20240612-0003 and PC2405: 3 complaints', [3]],
    ['Best at 10:00 and 14:30', [10, 14]],
    ['两次投诉', []],
  ])('reads %s', (text, expected) => {
    expect(numbersIn(text)).toEqual(expected);
  });
});

describe('datesIn', () => {
  it('reads ISO dates whole, also inside timestamps', () => {
    expect(datesIn('last contact 2024-06-12T03:00:00.000Z, before that 2024-05-30')).toEqual(['2024-06-12', '2024-05-30']);
  });
});

describe('computedNumbers', () => {
  const allowed = computedNumbers([FALLING_METRICS, FALLING_HEALTH]);

  it('accepts the metrics numbers, their roundings, shares as percentages and the windows', () => {
    expect(quotesOnly('30-day communications 2 vs monthly baseline 8.0', allowed)).toBe(true);
    expect(quotesOnly('email carries 54% of contacts, median reply 42 min', allowed)).toBe(true);
    expect(quotesOnly('sentiment −0.10 vs 0.30 in the prior 90 days; health 48/100', allowed)).toBe(true);
    expect(quotesOnly('last contact 2024-06-12', allowed)).toBe(true);
  });

  it('rejects a number or a date the metrics do not hold, and names it', () => {
    expect(quotesOnly('30-day communications 3 vs monthly baseline 11', allowed)).toBe(false);
    expect(uncomputedNumbersIn('30-day communications 3 vs monthly baseline 11 since 2024-06-13', allowed)).toEqual([3, 11, '2024-06-13']);
  });

  it('takes no small numbers from timestamps or ids (their hours, months, days and sequence numbers)', () => {
    // The metrics hold 2024-06-12T03:00 and WX-20240420-0011: neither 3 nor 11 is a computed figure.
    expect(computedNumbers([FALLING_METRICS]).has('3')).toBe(false);
    expect(computedNumbers([FALLING_METRICS]).has('11')).toBe(false);
  });

  it('reads numbers quoted inside the metrics strings (a signal quantity)', () => {
    expect(quotesOnly('asked for 50 t', allowed)).toBe(true);
    expect(quotesOnly('asked for 55 t', allowed)).toBe(false);
  });
});
