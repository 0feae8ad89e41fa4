import { type TextCues, textCueMatcher } from './text-cues.js';

/**
 * Phrases that put a payment off. They count only on records whose intent is `payment`: on their own
 * `延期` or "delay" are as likely about a delivery or a meeting.
 */
export const PAYMENT_DELAY_CUES = {
  chinese: ['延期', '推迟', '延迟', '晚点付', '晚几天付', '缓一缓', '缓几天', '暂缓', '拖欠', '付不了', '付不出'],
  english: ['delay', 'delays', 'delayed', 'postpone', 'postponed', 'overdue', 'late payment', 'pay late', 'pay later', 'extension'],
} as const satisfies TextCues;

/**
 * Whether the text puts a payment off (read together with the `payment` intent).
 *
 * @example mentionsPaymentDelay('这笔货款能不能推迟到下个月') // true
 * @example mentionsPaymentDelay('Invoice 42 is overdue') // true
 */
export const mentionsPaymentDelay: (text: string) => boolean = textCueMatcher(PAYMENT_DELAY_CUES);
