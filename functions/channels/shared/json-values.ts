/**
 * Narrowing readers for vendor JSON parsed without a schema (payloads whose shape varies by message
 * type). Each returns `undefined` rather than throwing, so a normaliser decides what is required.
 */

/** A string, or a number / big-int-as-string written as its decimal text. */
export function asString(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
}

/** A non-empty string (see {@link asString}). */
export function asText(value: unknown): string | undefined {
  const text = asString(value);
  return text === undefined || text.trim() === '' ? undefined : text;
}

/** A finite number, or a numeric string within the safe range. */
export function asNumber(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value)) {
    const number = Number(value);
    return Number.isSafeInteger(Math.trunc(number)) ? number : undefined;
  }
  return undefined;
}

/** A plain object. */
export function asRecord(value: unknown): Record<string, unknown> | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

/** An array (empty when absent or not an array). */
export function asArray(value: unknown): readonly unknown[] {
  return Array.isArray(value) ? value : [];
}
