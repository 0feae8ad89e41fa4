import { describe, expect, it } from 'vitest';
import { signalCounts } from '../../functions/core/insight/signal-counts.js';
import { AS_OF, aRecord, daysAgo } from './record-builder.js';

const none = { last30Days: 0, prior90Days: 0 };

describe('signalCounts', () => {
  it('counts complaints by intent in each window, from the customer’s words only', () => {
    // Prepare
    const records = [
      aRecord({ at: daysAgo(3), intent: 'complaint' }),
      aRecord({ at: daysAgo(4), intent: 'complaint', direction: 'outbound', type: 'phone' }),
      aRecord({ at: daysAgo(5), intent: 'complaint', direction: 'outbound', type: 'email', content: '抱歉给您带来不便' }),
      aRecord({ at: daysAgo(70), intent: 'complaint' }),
      aRecord({ at: daysAgo(6), intent: 'complaint', direction: 'internal' }),
    ];

    // Act
    const signals = signalCounts(records, AS_OF);

    // Assess
    expect(signals.complaints).toEqual({ last30Days: 2, prior90Days: 1 });
  });

  it('counts a competitor mention from the analysis or from a text cue, once per record', () => {
    // Prepare
    const records = [
      aRecord({ at: daysAgo(1), content: '华塑新材报价更低', keyInfo: { competitors: ['华塑新材'] } }),
      aRecord({ at: daysAgo(2), content: '别家给了更好的账期', unanalysed: true }),
      aRecord({ at: daysAgo(3), content: '竞争对手华塑新材也来谈过', keyInfo: { competitors: ['华塑新材'] } }),
      aRecord({ at: daysAgo(40), subject: 'Quote from another supplier' }),
      aRecord({ at: daysAgo(5), direction: 'outbound', type: 'email', content: '和竞争对手相比我们交期更短' }),
    ];

    // Act
    const signals = signalCounts(records, AS_OF);

    // Assess
    expect(signals.competitorMentions).toEqual({ last30Days: 3, prior90Days: 1 });
  });

  it('lists competitor names most mentioned first, ties to the most recent, names merged across case and spacing', () => {
    // Prepare
    const records = [
      aRecord({ at: daysAgo(50), keyInfo: { competitors: ['Acme  Plastics'] } }),
      aRecord({ at: daysAgo(20), keyInfo: { competitors: ['acme plastics', 'Borealis'] } }),
      aRecord({ at: daysAgo(10), keyInfo: { competitors: ['华塑新材'] } }),
      aRecord({ at: daysAgo(5), keyInfo: { competitors: ['Sinopoly', ' '] } }),
      aRecord({ at: daysAgo(200), keyInfo: { competitors: ['Borealis', 'Borealis'] } }),
    ];

    // Act
    const signals = signalCounts(records, AS_OF);

    // Assess
    expect(signals.competitors).toEqual(['acme plastics', 'Sinopoly', '华塑新材', 'Borealis']);
  });

  it('counts price objections from text cues', () => {
    // Prepare
    const records = [
      aRecord({ at: daysAgo(2), content: '你们的报价太高了' }),
      aRecord({ at: daysAgo(4), content: 'Honestly the price is high.' }),
      aRecord({ at: daysAgo(6), content: '价格不太贵，可以下单' }),
      aRecord({ at: daysAgo(60), subject: '能否降价' }),
    ];

    // Act
    const signals = signalCounts(records, AS_OF);

    // Assess
    expect(signals.priceObjections).toEqual({ last30Days: 2, prior90Days: 1 });
  });

  it('counts payment delays only with a payment intent and a delay cue, on either side', () => {
    // Prepare
    const records = [
      aRecord({ at: daysAgo(2), intent: 'payment', content: '这笔货款能否推迟到月底' }),
      aRecord({ at: daysAgo(3), intent: 'payment', direction: 'outbound', content: 'Invoice 42 is overdue, please settle it.' }),
      aRecord({ at: daysAgo(4), intent: 'payment', content: '货款已付，请查收' }),
      aRecord({ at: daysAgo(5), intent: 'delivery', content: '交货要推迟一周' }),
      aRecord({ at: daysAgo(6), content: '付款可能推迟', unanalysed: true }),
    ];

    // Act
    const signals = signalCounts(records, AS_OF);

    // Assess
    expect(signals.paymentDelays).toEqual({ last30Days: 2, prior90Days: 0 });
  });

  it('counts order activity: order, payment, delivery and after-sales intents', () => {
    // Prepare
    const records = (['order', 'payment', 'delivery', 'after_sales', 'inquiry', 'complaint'] as const).map((intent, i) =>
      aRecord({ at: daysAgo(10 + i * 20), intent, direction: i % 2 === 0 ? 'inbound' : 'outbound' }),
    );

    // Act
    const signals = signalCounts(records, AS_OF);

    // Assess: order (10 d) is recent; payment, delivery and after-sales (30, 50, 70 d) are baseline.
    expect(signals.orderActivity).toEqual({ last30Days: 1, prior90Days: 3 });
  });

  it('is all zero for an empty timeline', () => {
    expect(signalCounts([], AS_OF)).toEqual({
      complaints: none,
      competitorMentions: none,
      competitors: [],
      priceObjections: none,
      paymentDelays: none,
      orderActivity: none,
    });
  });
});
