import { describe, expect, it } from 'vitest';
import * as z from '../../../functions/core/zod.js';
import { ANSWER_LIST_MAX, ANSWER_TEXT_MAX, modelFacingSchema } from '../../../functions/adapters/bedrock/model-facing-schema.js';
import { A10Output } from '../../../functions/core/agents/a10-communication-analysis.js';

describe('modelFacingSchema', () => {
  const generated = z.toJSONSchema(A10Output, { target: 'draft-07' }) as Record<string, any>;
  const shown = modelFacingSchema(generated) as Record<string, any>;

  it('keeps every field, requirement and enum of A10Output', () => {
    expect(shown.required).toEqual(generated.required);
    expect(shown.properties.intent.properties.category.enum).toEqual(generated.properties.intent.properties.category.enum);
    expect(shown.properties.sentiment.properties.score).toEqual({ type: 'number', minimum: -1, maximum: 1 });
    expect(Object.keys(shown.properties.key_info.properties)).toEqual(Object.keys(generated.properties.key_info.properties));
  });

  it('is only ever tighter: shorter texts and lists, never longer than zod allows', () => {
    expect(shown.properties.intent.properties.detail.maxLength).toBe(ANSWER_TEXT_MAX);
    expect(shown.properties.follow_up.maxItems).toBe(ANSWER_LIST_MAX);
    expect(shown.properties.sentiment.properties.mood.maxLength).toBeLessThanOrEqual(generated.properties.sentiment.properties.mood.maxLength);
    expect(shown.properties.key_info.properties.price).toEqual({ type: ['string', 'null'], maxLength: 60 });
  });

  it('is shorter than the generated schema (it is billed on every call)', () => {
    expect(JSON.stringify(shown)).not.toContain('additionalProperties');
    expect(JSON.stringify(shown).length).toBeLessThan(JSON.stringify(generated).length * 0.9);
  });
});
