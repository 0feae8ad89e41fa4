import { describe, expect, it } from 'vitest';
import { A10_TOOL_NAME } from '../../functions/adapters/bedrock/a10-tool.js';
import { A15_TOOL_NAME } from '../../functions/adapters/bedrock/a15-prompt.js';
import { CUSTOMER_AGENT_DEFINITIONS } from '../../functions/adapters/bedrock/customer-agent-definitions.js';
import { toolSchemaDefines, toolSchemasOf } from '../../lib/tool-schema-defines.js';

describe('tool schemas generated at synth', () => {
  it("names every forced tool of a step's Bedrock groups, and no other", () => {
    // Act / Assess
    expect(Object.keys(toolSchemasOf(['analysis']))).toEqual([A10_TOOL_NAME]);
    expect(Object.keys(toolSchemasOf(['customerAgents'])).sort()).toEqual(
      Object.values(CUSTOMER_AGENT_DEFINITIONS)
        .map((agent) => agent.prompt.toolName)
        .sort(),
    );
    expect(Object.keys(toolSchemasOf(['reportWriter', 'mail']))).toEqual([A15_TOOL_NAME]);
    expect(toolSchemasOf(['customerAgents'])[CUSTOMER_AGENT_DEFINITIONS.risks.prompt.toolName]).toMatchObject({ type: 'object' });
  });

  it('defines nothing for a function without Bedrock, and the schemas without the generator for one with it', () => {
    // Act
    const none = toolSchemaDefines(['mail', 'stepFunctions']);
    const report = toolSchemaDefines(['reportWriter']);

    // Assess
    expect(none).toEqual({});
    expect(report.COMMHUB_BUNDLES_TOOL_SCHEMA_GENERATOR).toBe('false');
    expect(Object.keys(JSON.parse(report.COMMHUB_TOOL_SCHEMAS!) as object)).toEqual([A15_TOOL_NAME]);
  });
});
