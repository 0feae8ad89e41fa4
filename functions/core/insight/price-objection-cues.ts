import { type TextCues, textCueMatcher } from './text-cues.js';

/**
 * Phrases by which a customer pushes back on price. `便宜` fires on its own because in a customer's
 * mouth it is nearly always a comparison or a request (能便宜点吗, 别家更便宜, 不便宜); the rare
 * "很便宜" praise is accepted as noise. English cues are whole words.
 */
export const PRICE_OBJECTION_CUES = {
  chinese: [
    '太贵',
    '偏贵',
    '贵了',
    '价格高',
    '价格太高',
    '价格偏高',
    '报价高',
    '报价太高',
    '报价偏高',
    '降价',
    '便宜',
    '价格没有优势',
    '没有价格优势',
    '打折',
    '折扣',
  ],
  english: [
    'too expensive',
    'expensive',
    'price is high',
    'price is too high',
    'prices are high',
    'price too high',
    'overpriced',
    'cheaper',
    'discount',
    'discounts',
    'lower price',
    'better price',
    'over budget',
    'costs too much',
  ],
  // Said the other way round: "not too expensive" is not an objection.
  exclusions: ['不太贵', '不贵', '并不贵', '没那么贵', 'not too expensive', 'not expensive', "isn't expensive", 'not that expensive'],
} as const satisfies TextCues;

/**
 * Whether the text objects to the price.
 *
 * @example mentionsPriceObjection('你们的报价太高了，别家便宜10%') // true
 * @example mentionsPriceObjection('The price is not too expensive.') // false
 */
export const mentionsPriceObjection: (text: string) => boolean = textCueMatcher(PRICE_OBJECTION_CUES);
