/**
 * What the model is shown of an agent's schema: the JSON Schema generated from its zod output, made
 * shorter (every token of it is billed on every call) and tighter (shorter answers cost fewer output
 * tokens). Anything valid against it is valid against the zod schema, which still validates every answer:
 * - `additionalProperties: false` and `minLength: 1` go (zod still rejects extra keys and empty strings);
 * - a nullable string (`anyOf: [string, null]`) becomes `type: ["string", "null"]` (a nullable enum
 *   also gets `null` in its `enum`, or null would be refused); other `anyOf` options are shortened alike;
 * - free-text fields are capped at {@link ANSWER_TEXT_MAX} characters, short labels at {@link ANSWER_LABEL_MAX},
 *   and lists at {@link ANSWER_LIST_MAX} items (or the `listMax` given).
 */
export const ANSWER_TEXT_MAX = 120;
export const ANSWER_LABEL_MAX = 60;
export const ANSWER_LIST_MAX = 3;

type Schema = Record<string, unknown>;

export interface ModelFacingOptions {
  /** The most items any list may show. @default {@link ANSWER_LIST_MAX} (A10's answer needs no more) */
  readonly listMax?: number;
}

const tighter = (current: unknown, cap: number) => (typeof current === 'number' ? Math.min(current, cap) : cap);

export function modelFacingSchema(schema: Schema, options: ModelFacingOptions = {}): Schema {
  const listMax = options.listMax ?? ANSWER_LIST_MAX;
  const out: Schema = {};
  for (const [key, value] of Object.entries(schema)) {
    if (key === 'additionalProperties' && value === false) continue;
    if (key === 'minLength' && value === 1) continue;
    if (key === 'properties') {
      out.properties = Object.fromEntries(Object.entries(value as Record<string, Schema>).map(([name, child]) => [name, modelFacingSchema(child, options)]));
    } else if (key === 'items') {
      out.items = modelFacingSchema(value as Schema, options);
    } else if (key === 'anyOf' && isNullableString(value)) {
      const text = modelFacingSchema((value as Schema[]).find((option) => option.type === 'string')!, options);
      Object.assign(out, text, { type: ['string', 'null'] }, Array.isArray(text.enum) ? { enum: [...text.enum, null] } : {});
    } else if (key === 'anyOf' && Array.isArray(value)) {
      out.anyOf = (value as Schema[]).map((option) => modelFacingSchema(option, options));
    } else {
      out[key] = value;
    }
  }
  if (out.type === 'string' && typeof out.maxLength === 'number') out.maxLength = tighter(out.maxLength, out.maxLength > 100 ? ANSWER_TEXT_MAX : ANSWER_LABEL_MAX);
  if (out.type === 'array') out.maxItems = tighter(out.maxItems, listMax);
  return out;
}

function isNullableString(value: unknown): boolean {
  if (!Array.isArray(value) || value.length !== 2) return false;
  const types = (value as Schema[]).map((option) => option.type).sort();
  return types[0] === 'null' && types[1] === 'string';
}
