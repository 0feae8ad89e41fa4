/** Kinds of personal data the hub masks before any model call (see analysis/pii-redaction.ts). */
export const PII_KIND_NAMES = ['ID_CARD', 'BANK_CARD', 'MOBILE', 'LANDLINE', 'EMAIL'] as const;
export type PiiKindName = (typeof PII_KIND_NAMES)[number];
