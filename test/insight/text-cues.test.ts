import { describe, expect, it } from 'vitest';
import { mentionsCompetitor } from '../../functions/core/insight/competitor-cues.js';
import { mentionsPaymentDelay } from '../../functions/core/insight/payment-delay-cues.js';
import { mentionsPriceObjection } from '../../functions/core/insight/price-objection-cues.js';
import { searchableText, textCueMatcher } from '../../functions/core/insight/text-cues.js';

describe('textCueMatcher', () => {
  it('matches English cues as whole words, case-insensitively, with any white space inside', () => {
    // Prepare
    const matches = textCueMatcher({ chinese: [], english: ['late payment', 'refund'] });

    // Act / Assess
    expect(matches('Sorry for the LATE\n payment')).toBe(true);
    expect(matches('a refund, please')).toBe(true);
    expect(matches('refunded already')).toBe(false);
    expect(matches('prefund')).toBe(false);
  });

  it('matches Chinese cues anywhere and blanks out the exclusions first', () => {
    // Prepare
    const matches = textCueMatcher({ chinese: ['太贵'], english: [], exclusions: ['不太贵'] });

    // Act / Assess
    expect(matches('这个价格太贵了')).toBe(true);
    expect(matches('价格不太贵')).toBe(false);
    expect(matches('这个不太贵，那个太贵')).toBe(true);
  });

  it('never matches with no cues', () => {
    expect(textCueMatcher({ chinese: [], english: [] })('anything')).toBe(false);
  });
});

describe('price objection cues', () => {
  it.each([
    '你们的报价太高了',
    '这个价格太贵',
    '比上次贵了不少',
    '能不能再降价一点',
    '别家更便宜',
    '说实话你们的价格没有优势',
    'Honestly this is too expensive for us',
    'The price is high compared to last year',
    'We found it cheaper',
    'Can you offer a discount?',
  ])('fires on %s', (text) => {
    expect(mentionsPriceObjection(text)).toBe(true);
  });

  it.each(['价格不太贵，可以接受', '报价收到了，谢谢', 'The price is not too expensive', 'Shipping is inexpensive', 'the expensiveness of it'])(
    'stays quiet on %s',
    (text) => {
      expect(mentionsPriceObjection(text)).toBe(false);
    },
  );
});

describe('competitor cues', () => {
  it.each([
    '竞争对手给了更好的条件',
    '别家的报价比你们低',
    '我们也在看其他供应商',
    'Another supplier offered 5% less',
    'It is cheaper elsewhere',
    'Your competitors ship faster',
  ])('fires on %s', (text) => {
    expect(mentionsCompetitor(text)).toBe(true);
  });

  it.each(['请尽快发货', 'We compete on quality'])('stays quiet on %s', (text) => {
    expect(mentionsCompetitor(text)).toBe(false);
  });
});

describe('payment delay cues', () => {
  it.each([
    '这笔货款能不能延期',
    '付款要推迟两周',
    '能否晚点付',
    '资金紧张，缓一缓再付',
    '上个月的款还拖欠着',
    '这个月付不了',
    'We need to delay the payment',
    'Can we postpone?',
    'Invoice 42 is overdue',
    'sorry for the late payment',
  ])('fires on %s', (text) => {
    expect(mentionsPaymentDelay(text)).toBe(true);
  });

  it.each(['已经付款了，请查收', 'Paid in full today'])('stays quiet on %s', (text) => {
    expect(mentionsPaymentDelay(text)).toBe(false);
  });
});

describe('searchableText', () => {
  it('joins subject, summary and body, skipping the missing ones', () => {
    expect(searchableText({ subject: 'Quote', content: 'too expensive' })).toBe('Quote\ntoo expensive');
  });
});
