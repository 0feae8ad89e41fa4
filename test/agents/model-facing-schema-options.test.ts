import { describe, expect, it } from 'vitest';
import * as z from '../../functions/core/zod.js';
import { ANSWER_LIST_MAX, modelFacingSchema } from '../../functions/adapters/bedrock/model-facing-schema.js';
import { A12Output } from '../../functions/core/agents/a12-opportunity-mining.js';
import { A13Output } from '../../functions/core/agents/a13-marketing-suggestions.js';

const shown = (schema: z.ZodMiniType, listMax?: number) =>
  modelFacingSchema(z.toJSONSchema(schema, { target: 'draft-07' }) as Record<string, unknown>, { listMax }) as Record<string, any>;

describe('modelFacingSchema for the customer agents', () => {
  it('lets a nullable enum be null (null joins the enum, not only the type)', () => {
    const channel = shown(A13Output).properties.best_contact.properties.channel;

    expect(channel.type).toEqual(['string', 'null']);
    expect(channel.enum.at(-1)).toBeNull();
  });

  it('shortens the options of other anyOf unions too (a nullable object)', () => {
    const value = shown(A12Output).properties.opportunities.items.properties.estimated_value;

    expect(value.anyOf).toHaveLength(2);
    expect(value.anyOf[0]).not.toHaveProperty('additionalProperties');
    expect(value.anyOf[0].required).toEqual(['amount', 'currency']);
    expect(value.anyOf[1]).toEqual({ type: 'null' });
  });

  it('caps lists at the listMax given, and at A10’s three by default', () => {
    expect(shown(A12Output, 5).properties.opportunities.maxItems).toBe(5);
    expect(shown(A12Output).properties.opportunities.maxItems).toBe(ANSWER_LIST_MAX);
  });
});
