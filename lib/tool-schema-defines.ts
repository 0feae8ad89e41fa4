import { A10_TOOL } from '../functions/adapters/bedrock/a10-tool.js';
import { agentTool } from '../functions/adapters/bedrock/bedrock-agent.js';
import { A15_TOOL } from '../functions/adapters/bedrock/bedrock-report-writer.js';
import { CUSTOMER_AGENT_DEFINITIONS } from '../functions/adapters/bedrock/customer-agent-definitions.js';
import { generateToolInputSchema, type ForcedTool, type JsonDocument } from '../functions/adapters/bedrock/forced-tool.js';
import type { WorkflowPortGroup } from '../functions/wiring/workflow-port-groups.js';

/** The forced tools behind each Bedrock-backed workflow port group. */
export const GROUP_TOOLS: Readonly<Partial<Record<WorkflowPortGroup, () => readonly ForcedTool[]>>> = {
  analysis: () => [A10_TOOL],
  customerAgents: () => Object.values(CUSTOMER_AGENT_DEFINITIONS).map(agentTool),
  reportWriter: () => [A15_TOOL],
};

/** The input schema of every forced tool of `groups`, by tool name, generated now (at synth). */
export function toolSchemasOf(groups: readonly WorkflowPortGroup[]): Record<string, JsonDocument> {
  const tools = groups.flatMap((group) => GROUP_TOOLS[group]?.() ?? []);
  return Object.fromEntries(tools.map((tool) => [tool.name, generateToolInputSchema(tool)]));
}

/**
 * The esbuild `define` entries that give a Bedrock step's bundle its tools' input schemas, generated
 * at synth, in place of zod's JSON Schema generator (forced-tool.ts `toolInputSchema`); none for a
 * function without Bedrock.
 *
 * @example
 * toolSchemaDefines(['reportWriter']);
 * // { COMMHUB_BUNDLES_TOOL_SCHEMA_GENERATOR: 'false', COMMHUB_TOOL_SCHEMAS: '{"record_report_narrative":{…}}' }
 */
export function toolSchemaDefines(groups: readonly WorkflowPortGroup[]): Record<string, string> {
  if (!groups.some((group) => GROUP_TOOLS[group] !== undefined)) return {};
  return { COMMHUB_BUNDLES_TOOL_SCHEMA_GENERATOR: 'false', COMMHUB_TOOL_SCHEMAS: JSON.stringify(toolSchemasOf(groups)) };
}
