import { describe, expect, it } from 'vitest';
import { opportunitySignals } from '../../functions/core/insight/opportunity-signals.js';
import { AS_OF, aRecord, daysAgo } from './record-builder.js';

describe('opportunitySignals', () => {
  it('takes key facts under an order, inquiry or cooperation intent from the last 90 days, newest first', () => {
    // Prepare
    const quantity = aRecord({ at: daysAgo(20), intent: 'inquiry', keyInfo: { products: ['PCR-ABS 1000'], quantity: '50吨', timeline: '下个月' } });
    const price = aRecord({ at: daysAgo(5), direction: 'outbound', intent: 'order', keyInfo: { price: '11500元/吨' } });
    const products = aRecord({ at: daysAgo(60), intent: 'cooperation', keyInfo: { products: ['PP-GF30'], competitors: ['Sinopoly'] } });
    const records = [
      quantity,
      price,
      products,
      aRecord({ at: daysAgo(3), intent: 'delivery', keyInfo: { products: ['PP-GF30'], quantity: '20吨' } }),
      aRecord({ at: daysAgo(4), intent: 'inquiry', keyInfo: { products: [] } }),
      aRecord({ at: daysAgo(6), intent: 'inquiry' }),
      aRecord({ at: daysAgo(95), intent: 'order', keyInfo: { quantity: '10吨' } }),
      aRecord({ at: daysAgo(-1), intent: 'order', keyInfo: { quantity: '10吨' } }),
      aRecord({ at: daysAgo(7), direction: 'internal', intent: 'order', keyInfo: { quantity: '10吨' } }),
      aRecord({ at: daysAgo(8), unanalysed: true }),
    ];

    // Act
    const signals = opportunitySignals(records, AS_OF);

    // Assess
    expect(signals).toEqual([
      { recordId: price.recordId, occurredAt: daysAgo(5), products: [], price: '11500元/吨', competitors: [], intent: 'order' },
      {
        recordId: quantity.recordId,
        occurredAt: daysAgo(20),
        products: ['PCR-ABS 1000'],
        quantity: '50吨',
        timeline: '下个月',
        competitors: [],
        intent: 'inquiry',
      },
      { recordId: products.recordId, occurredAt: daysAgo(60), products: ['PP-GF30'], competitors: ['Sinopoly'], intent: 'cooperation' },
    ]);
  });

  it('keeps the 20 newest', () => {
    // Prepare
    const records = Array.from({ length: 25 }, (_, i) => aRecord({ at: daysAgo(i + 1), intent: 'order', keyInfo: { quantity: `${i + 1}吨` } }));

    // Act
    const signals = opportunitySignals(records, AS_OF);

    // Assess
    expect(signals).toHaveLength(20);
    expect(signals[0]?.quantity).toBe('1吨');
    expect(signals[19]?.quantity).toBe('20吨');
  });
});
