import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PII_KINDS, isResidentIdNumber, passesLuhn, redactPii } from '../../functions/analysis/pii-redaction.js';

// An independent GB 11643 check character, so the tests do not trust the code under test.
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
function withCheckChar(first17: string): string {
  const sum = [...first17].reduce((total, digit, index) => total + Number(digit) * (WEIGHTS[index] ?? 0), 0);
  return first17 + '10X98765432'.charAt(sum % 11);
}
function withWrongCheckChar(first17: string): string {
  const right = withCheckChar(first17).slice(-1);
  return first17 + (right === '1' ? '2' : '1');
}

describe('redactPii — PRC resident identity numbers', () => {
  it('masks valid numbers: the GB 11643 example and numbers built with the checksum', () => {
    // Prepare
    const built = [withCheckChar('44030619900307123'), withCheckChar('31011520001229456'), withCheckChar('81000019851010777')];

    // Act
    const result = redactPii(`身份证 11010519491231002X；另有 ${built.join('、')}`);

    // Assess
    expect(built.every(isResidentIdNumber)).toBe(true);
    expect(result.text).toBe('身份证 [ID_CARD_1]；另有 [ID_CARD_2]、[ID_CARD_3]、[ID_CARD_4]');
    expect(result.counts).toEqual({ ID_CARD: 4 });
  });

  it('leaves a number with a wrong check character alone (it passes Luhn neither)', () => {
    const wrong = withWrongCheckChar('11010519491231002');
    expect(redactPii(`证件号 ${wrong} 有误`)).toEqual({ text: `证件号 ${wrong} 有误`, counts: {}, total: 0 });
  });

  it('refuses impossible birth dates, future years and region digits 0 and 9', () => {
    const nextYear = new Date().getUTCFullYear() + 1;
    for (const first17 of ['11010519490230002', `1101051${nextYear}0101002`.slice(0, 17), '91010519491231002', '01010519491231002']) {
      expect(isResidentIdNumber(withCheckChar(first17))).toBe(false);
    }
  });

  it('matches the x check character in either case and counts it as the same value', () => {
    const result = redactPii('11010519491231002X / 11010519491231002x');
    expect(result.text).toBe('[ID_CARD_1] / [ID_CARD_1]');
    expect(result.counts).toEqual({ ID_CARD: 2 });
  });

  it('does not find an identity number inside a longer digit run or token', () => {
    const text = `流水 911010519491231002X 与 11010519491231002X9 与 A11010519491231002X`;
    expect(redactPii(text).text).toBe(text);
  });
});

describe('redactPii — bank cards', () => {
  it('masks Luhn-valid numbers, plain or grouped by spaces or dashes', () => {
    // Prepare: all four pass Luhn (checked below, and by hand).
    const text = '卡号 4111 1111 1111 1111，6222 0202 0000 1234 562，5500-0055-5555-5559，378282246310005';

    // Act
    const result = redactPii(text);

    // Assess
    expect(['4111111111111111', '6222020200001234562', '5500005555555559', '378282246310005'].every(passesLuhn)).toBe(true);
    expect(result.text).toBe('卡号 [BANK_CARD_1]，[BANK_CARD_2]，[BANK_CARD_3]，[BANK_CARD_4]');
  });

  it('leaves Luhn-invalid numbers and Luhn-valid timestamps alone', () => {
    // 6222020200001234567 fails Luhn; 20240617123045006 passes Luhn but has no card issuer prefix.
    expect(passesLuhn('20240617123045006')).toBe(true);
    const text = '卡号 6222 0202 0000 1234 567 / 6222020200001234567，时间戳 20240617123045006';
    expect(redactPii(text).text).toBe(text);
  });

  it('gives a card written two ways one placeholder', () => {
    expect(redactPii('4111 1111 1111 1111 = 4111111111111111').text).toBe('[BANK_CARD_1] = [BANK_CARD_1]');
  });
});

describe('redactPii — phone numbers', () => {
  it('masks mainland mobiles in every usual format, one placeholder per number', () => {
    // Act
    const result = redactPii('打 13800138000、138 0013 8000、138-0013-8000、+86 138 0013 8000、+8613800138000、0086-13800138000、(+86) 13912345678');

    // Assess
    expect(result.text).toBe('打 [MOBILE_1]、[MOBILE_1]、[MOBILE_1]、[MOBILE_1]、[MOBILE_1]、[MOBILE_1]、[MOBILE_2]');
    expect(result.counts).toEqual({ MOBILE: 7 });
  });

  it('masks international E.164 numbers as mobiles, apart from a mainland number with the same digits', () => {
    const result = redactPii('US office +1 415 555 2671, UK +44 20 7946 0958, odd +13800138000 vs 13800138000.');
    expect(result.text).toBe('US office [MOBILE_1], UK [MOBILE_2], odd [MOBILE_3] vs [MOBILE_4].');
  });

  it('masks mainland landlines with area codes, brackets and extensions', () => {
    const result = redactPii('座机 010-12345678、0574-87654321转123、(021) 6123 4567、+86 21 6123 4567、010-12345678 ext. 12');
    expect(result.text).toBe('座机 [LANDLINE_1]、[LANDLINE_2]、[LANDLINE_3]、[LANDLINE_3]、[LANDLINE_4]');
    expect(result.counts).toEqual({ LANDLINE: 5 });
  });

  it('leaves 400/800 service numbers alone: they name the vendor, not a person', () => {
    const text = '客服热线 400-820-8820，免费电话 800-820-8820，4008208820，+86 400 820 8820';
    expect(redactPii(text).text).toBe(text);
  });

  it('does not find a mobile inside a longer number or token', () => {
    const text = '单号 613800138000、13800138000123、SN13800138000、PO-13800138000';
    expect(redactPii(text).text).toBe(text);
  });
});

describe('redactPii — emails and mixed text', () => {
  it('masks emails case-insensitively, the whole address even when it holds a mobile', () => {
    const result = redactPii('Mail Li.Wei+cn@Example.com.cn, li.wei+cn@example.com.cn or 13800138000@139.com.');
    expect(result.text).toBe('Mail [EMAIL_1], [EMAIL_1] or [EMAIL_2].');
  });

  it('counts every kind and the total', () => {
    // Act
    const result = redactPii(
      '客户张先生（身份证 11010519491231002X）手机 13800138000，座机 010-12345678，' +
        '邮箱 zhang@example.com，卡号 4111 1111 1111 1111；再次确认手机 138-0013-8000。',
    );

    // Assess
    expect(result.counts).toEqual({ ID_CARD: 1, MOBILE: 2, LANDLINE: 1, EMAIL: 1, BANK_CARD: 1 });
    expect(result.total).toBe(6);
    expect(Object.keys(result.counts).every((kind) => (PII_KINDS as readonly string[]).includes(kind))).toBe(true);
  });

  it('leaves business identifiers, prices, quantities, dates and percentages byte-identical', () => {
    const text =
      '订单 PO-20240617-88 的 PCR-ABS-1000 x 120 件，单价 ¥12,800.00，总额 ¥1,536,000，' +
      '交期 2024-06-17 14:30，折扣 50%，发票 INV-2291，批次 20240617-0001，SKU ABC1234567890123，版本 v13.800.138000。';
    expect(redactPii(text)).toEqual({ text, counts: {}, total: 0 });
  });
});

describe('redactPii — text that already holds placeholders', () => {
  it('never searches inside a placeholder and numbers new values after the ones present', () => {
    const result = redactPii('上次 [MOBILE_3] 和 [EMAIL_1]，这次 13800138000');
    expect(result).toEqual({ text: '上次 [MOBILE_3] 和 [EMAIL_1]，这次 [MOBILE_4]', counts: { MOBILE: 1 }, total: 1 });
  });

  it('masks what is left of a number whose tail an email swallowed', () => {
    // `2671+a.b@example.com` is a valid address; the `+1 415 555` left before it is still a number.
    expect(redactPii('+1 415 555 2671+a.b@example.com').text).toBe('[MOBILE_1] [EMAIL_1]');
  });
});

describe('redactPii — properties', () => {
  it('leaves text without digits or @ unchanged', () => {
    fc.assert(
      fc.property(
        fc
          .oneof(fc.string({ unit: 'grapheme', maxLength: 200 }), fc.string({ unit: fc.constantFrom(...'客户手机号，。：()[]-+._ Xx转'), maxLength: 60 }))
          .filter((text) => !/[0-9@]/.test(text)),
        (text) => redactPii(text).text === text,
      ),
      { numRuns: 200 },
    );
  });

  it('is idempotent: redacting the redacted text changes nothing', () => {
    const pieces = fc.oneof(
      fc.constantFrom('11010519491231002X', '4111 1111 1111 1111', '13800138000', '+86 138 0013 8000', '010-12345678', 'a.b@example.com', '+1 415 555 2671', '400-820-8820'),
      fc.string({ unit: fc.constantFrom(...'0123456789 -+@.()[]_aX转x'), maxLength: 24 }),
    );
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 8 }), (parts) => {
        const once = redactPii(parts.join('')).text;
        return redactPii(once).text === once;
      }),
      { numRuns: 200 },
    );
  });
});

describe('redactPii — performance', () => {
  const timed = (text: string) => {
    const started = performance.now();
    const result = redactPii(text);
    return { result, elapsed: performance.now() - started };
  };

  it('redacts 1 MB of mixed text well under a second', () => {
    // Prepare
    const mixed = '客户 13800138000 来电，订单 PO-20240617-88，邮箱 a@b.cn。'.repeat(20_000).slice(0, 1_000_000);

    // Act
    const { result, elapsed } = timed(mixed);

    // Assess
    expect(result.counts.MOBILE).toBeGreaterThan(10_000);
    expect(elapsed).toBeLessThan(1000);
  });

  it.each([
    ['a 1 MB digit run', '1'.repeat(1_000_000)],
    ['spaced digits', '1 '.repeat(500_000)],
    ['card-like groups', '4111 '.repeat(200_000)],
    ['at signs', 'a@'.repeat(500_000)],
    ['an endless domain', `a@${'b.'.repeat(499_000)}`],
    ['plus signs', '+1 '.repeat(333_333)],
  ])('stays linear on adversarial input: %s', (_name, text) => {
    expect(timed(text).elapsed).toBeLessThan(1000);
  });
});
