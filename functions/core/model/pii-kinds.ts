/** Kinds of personal data the hub masks before any model call (see analysis/pii-redaction.ts). */
export const PII_KIND_NAMES = ['ID_CARD', 'BANK_CARD', 'MOBILE', 'LANDLINE', 'EMAIL'] as const;
export type PiiKindName = (typeof PII_KIND_NAMES)[number];

/** A placeholder the redaction put in place of a value: `[MOBILE_1]`, `[ID_CARD_2]`… */
export const PII_PLACEHOLDER_PATTERN = String.raw`\[(${PII_KIND_NAMES.join('|')})_(\d{1,9})\]`;

// Not global: `test` on it keeps no position between calls.
const ANY_PLACEHOLDER = new RegExp(PII_PLACEHOLDER_PATTERN);

/** Whether the text holds a placeholder (so a reader must be told what the placeholders are). */
export function hasPiiPlaceholder(text: string): boolean {
  return ANY_PLACEHOLDER.test(text);
}
