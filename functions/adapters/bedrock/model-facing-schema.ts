/**
 * What the model is shown of the A10 schema: the JSON Schema generated from `A10Output`, made
 * shorter (every token of it is billed on every call) and tighter (shorter answers cost fewer output
 * tokens). Anything valid against it is valid against `A10Output`, which still validates every answer:
 * - `additionalProperties: false` and `minLength: 1` go (zod still rejects extra keys and empty strings);
 * - a nullable string (`anyOf: [string, null]`) becomes `type: ["string", "null"]`;
 * - free-text fields are capped at {@link ANSWER_TEXT_MAX} characters, short labels at {@link ANSWER_LABEL_MAX},
 *   and lists at {@link ANSWER_LIST_MAX} items.
 */
export const ANSWER_TEXT_MAX = 120;
export const ANSWER_LABEL_MAX = 60;
export const ANSWER_LIST_MAX = 3;

type Schema = Record<string, unknown>;

const tighter = (current: unknown, cap: number) => (typeof current === 'number' ? Math.min(current, cap) : cap);

export function modelFacingSchema(schema: Schema): Schema {
  const out: Schema = {};
  for (const [key, value] of Object.entries(schema)) {
    if (key === 'additionalProperties' && value === false) continue;
    if (key === 'minLength' && value === 1) continue;
    if (key === 'properties') {
      out.properties = Object.fromEntries(Object.entries(value as Record<string, Schema>).map(([name, child]) => [name, modelFacingSchema(child)]));
    } else if (key === 'items') {
      out.items = modelFacingSchema(value as Schema);
    } else if (key === 'anyOf' && isNullableString(value)) {
      const text = modelFacingSchema((value as Schema[]).find((option) => option.type === 'string')!);
      Object.assign(out, text, { type: ['string', 'null'] });
    } else {
      out[key] = value;
    }
  }
  if (out.type === 'string' && typeof out.maxLength === 'number') out.maxLength = tighter(out.maxLength, out.maxLength > 100 ? ANSWER_TEXT_MAX : ANSWER_LABEL_MAX);
  if (out.type === 'array') out.maxItems = tighter(out.maxItems, ANSWER_LIST_MAX);
  return out;
}

function isNullableString(value: unknown): boolean {
  if (!Array.isArray(value) || value.length !== 2) return false;
  const types = (value as Schema[]).map((option) => option.type).sort();
  return types[0] === 'null' && types[1] === 'string';
}
