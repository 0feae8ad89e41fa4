/**
 * The record types of the seed table `customer_communications`, each with the readable prefix its
 * record ids carry (`EMAIL-20240615-…`).
 */
export const RECORD_TYPES = ['phone', 'mobile', 'wechat', 'email', 'meeting', 'video', 'visit', 'form', 'webchat'] as const;
export type RecordType = (typeof RECORD_TYPES)[number];

export const RECORD_ID_PREFIX = {
  phone: 'PHONE',
  mobile: 'MOBILE',
  wechat: 'WX',
  email: 'EMAIL',
  meeting: 'MEETING',
  video: 'VIDEO',
  visit: 'VISIT',
  form: 'FORM',
  webchat: 'CHAT',
} as const satisfies Record<RecordType, string>;

export const DIRECTIONS = ['inbound', 'outbound', 'internal'] as const;
export const INTENT_CATEGORIES = [
  'inquiry',
  'complaint',
  'technical',
  'cooperation',
  'order',
  'payment',
  'delivery',
  'after_sales',
  'other',
] as const;
export const SENTIMENTS = ['positive', 'neutral', 'negative'] as const;
export const URGENCY_LEVELS = ['high', 'medium', 'low'] as const;
