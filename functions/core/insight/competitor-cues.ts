import { type TextCues, textCueMatcher } from './text-cues.js';

/**
 * Phrases by which a customer brings up another supplier without (or before) naming one. Named
 * competitors come from the analysis (`keyInfo.competitors`); these catch the unnamed ones.
 */
export const COMPETITOR_CUES = {
  chinese: ['竞争对手', '别家', '别的厂家', '别的供应商', '其他供应商', '其他厂家', '其他家', '友商', '换供应商', '换一家'],
  english: [
    'competitor',
    'competitors',
    'other supplier',
    'other suppliers',
    'another supplier',
    'other vendor',
    'other vendors',
    'another vendor',
    'cheaper elsewhere',
    'switch supplier',
    'switch suppliers',
    'switching suppliers',
  ],
} as const satisfies TextCues;

/**
 * Whether the text mentions another supplier.
 *
 * @example mentionsCompetitor('别家的报价比你们低') // true
 * @example mentionsCompetitor('We found it cheaper elsewhere.') // true
 */
export const mentionsCompetitor: (text: string) => boolean = textCueMatcher(COMPETITOR_CUES);
