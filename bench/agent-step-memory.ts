// What the periodic run's agent step (RunCustomerAgent, A11–A14 on Bedrock) holds in memory: its
// function bundled the way its construct bundles it, run in a fresh `node` process with Lambda's
// variables, answering A11–A14 calls one after the other as a warm container does. Bedrock is a
// loopback stand-in that answers each Converse at once with a valid forced-tool answer (the local
// rules' own), so the SDK, the prompt builders, the zod checks and the guards all run for real.
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type Http2ServerRequest } from 'node:http2';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import { AGENT_STEP_MEMORY_MB } from '../lib/function-memory.js';
import { hubBundling } from '../lib/hub-function.js';
import { periodicStepAccess } from '../lib/periodic-reporting.js';
import { A11_TOOL_NAME } from '../functions/adapters/bedrock/a11-prompt.js';
import { A12_TOOL_NAME } from '../functions/adapters/bedrock/a12-prompt.js';
import { A13_TOOL_NAME } from '../functions/adapters/bedrock/a13-prompt.js';
import { A14_TOOL_NAME } from '../functions/adapters/bedrock/a14-prompt.js';
import { createLocalCustomerAgents } from '../functions/analysis/agents/local-customer-agents.js';
import { DEFAULT_MODEL_ID, ENV } from '../functions/config/runtime-config.js';
import type { CustomerAgentInput } from '../functions/core/agents/customer-agent-input.js';
import { CUSTOMER_AGENTS, type CustomerAgentName } from '../functions/core/periodic/run-customer-agent.js';
import { STEP_WORKFLOW_PORTS } from '../functions/workflow/workflow-steps.js';
import { esbuildOptions } from '../test/support/esbuild-options.js';

const ROOT = join(import.meta.dirname, '..');

/**
 * The heap limits a Lambda container of AGENT_STEP_MEMORY_MB runs Node with, approximately: its
 * bootstrap sizes V8's heap from the function's memory (old space ~85 % of it, a small new space) so
 * V8 collects before the container's limit, where a plain `node` on a large machine would let garbage
 * pile up to gigabytes first.
 */
export const LAMBDA_V8_FLAGS = [`--max-old-space-size=${Math.floor(AGENT_STEP_MEMORY_MB * 0.85)}`, '--max-semi-space-size=4'];
const TOOLS: Readonly<Record<string, CustomerAgentName>> = { [A11_TOOL_NAME]: 'insight', [A12_TOOL_NAME]: 'opportunities', [A13_TOOL_NAME]: 'marketing', [A14_TOOL_NAME]: 'risks' };

export interface AgentStepMemory {
  readonly calls: number;
  readonly peakRssMb: number;
  /** Resident set and live heap after a full collection at the end. */
  readonly rssAfterGcMb: number;
  readonly heapAfterGcMb: number;
  /** The first call, the container's set-up included (at a full vCPU). */
  readonly firstMs: number;
  /** CPU time of a later call (at a full vCPU). */
  readonly warmCpuMs: number;
  /** Calls answered by the model (the stand-in) rather than by the local fallback: all of them, or the probe measured the wrong path. */
  readonly modelAnswers: number;
  /** Why calls fell back, if any did (the first few). */
  readonly fallbackReasons: readonly string[];
}

/** A Converse response whose forced tool is answered with `answer`. */
function converseAnswer(tool: string, answer: unknown): string {
  return JSON.stringify({
    output: { message: { role: 'assistant', content: [{ toolUse: { toolUseId: 'tooluse_bench', name: tool, input: answer } }] } },
    stopReason: 'tool_use',
    usage: { inputTokens: 2700, outputTokens: 300, totalTokens: 3000 },
    metrics: { latencyMs: 2500 },
  });
}

async function bodyOf(request: Http2ServerRequest): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * Runs `inputs` × A11–A14 through the agent step's bundle in a fresh process and reads its peak
 * resident set. The stand-in answers each agent with the local rules' answer to the first input.
 */
export async function agentStepMemory(inputs: readonly CustomerAgentInput[], nodeFlags: readonly string[] = LAMBDA_V8_FLAGS): Promise<AgentStepMemory> {
  const local = createLocalCustomerAgents();
  const [sample] = inputs;
  if (!sample) throw new Error('agent step memory: no inputs');
  const answers = new Map<CustomerAgentName, unknown>();
  for (const agent of CUSTOMER_AGENTS) answers.set(agent, (await local[agent](sample)).output);
  // Cleartext HTTP/2: the Bedrock Runtime client sends over HTTP/2 (its bidirectional streams need it).
  const server = createServer((request, response) => {
    void bodyOf(request).then((body) => {
      const tool = (JSON.parse(body || '{}') as { toolConfig?: { toolChoice?: { tool?: { name?: string } } } }).toolConfig?.toolChoice?.tool?.name ?? '';
      const agent = TOOLS[tool];
      if (!request.url?.includes('/converse') || !agent) {
        response.writeHead(400, { 'content-type': 'application/json', 'x-amzn-errortype': 'ValidationException' });
        return response.end(JSON.stringify({ message: `agent step bench: no stand-in for ${request.method} ${request.url}` }));
      }
      response.writeHead(200, { 'content-type': 'application/json', 'x-amzn-requestid': 'agent-step-bench' });
      response.end(converseAnswer(tool, answers.get(agent)));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  // The bundle has no external modules, so it runs from anywhere.
  const dir = await mkdtemp(join(tmpdir(), 'commhub-agent-step-'));
  try {
    const bundling = hubBundling(periodicStepAccess('RunCustomerAgent'), [], {}, STEP_WORKFLOW_PORTS.RunCustomerAgent);
    const file = join(dir, 'index.mjs');
    await build({ ...esbuildOptions(bundling), entryPoints: [join(ROOT, 'functions/workflow/run-customer-agent.ts')], outfile: file, metafile: false, write: true });
    const probe = join(dir, 'probe.mjs');
    await build({
      entryPoints: [join(ROOT, 'bench/agent-step-memory-probe.ts')],
      outfile: probe,
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      logLevel: 'warning',
    });
    const calls = inputs.flatMap((input) => CUSTOMER_AGENTS.map((agent) => ({ agent, input })));
    const callsFile = join(dir, 'calls.json');
    await writeFile(callsFile, JSON.stringify(calls));
    const { stdout } = await promisify(execFile)(process.execPath, [...nodeFlags, '--expose-gc', probe, file, callsFile], {
      env: {
        PATH: process.env.PATH,
        TZ: 'UTC',
        [ENV.tableName]: 'commhub-bench',
        [ENV.stage]: 'bench',
        [ENV.modelId]: DEFAULT_MODEL_ID,
        AWS_REGION: 'ap-southeast-1',
        AWS_ACCESS_KEY_ID: 'ASIABENCHBENCHBENCH0',
        AWS_SECRET_ACCESS_KEY: 'bench-secret-access-key',
        AWS_SESSION_TOKEN: 'bench-session-token',
        AWS_LAMBDA_FUNCTION_NAME: 'RunCustomerAgent',
        AWS_LAMBDA_FUNCTION_MEMORY_SIZE: String(AGENT_STEP_MEMORY_MB),
        AWS_ENDPOINT_URL: endpoint,
        AWS_EC2_METADATA_DISABLED: 'true',
        // The step's log lines (one per call) would fill the pipe; warnings and errors still show.
        POWERTOOLS_LOG_LEVEL: 'WARN',
        LOG_LEVEL: 'WARN',
      },
      maxBuffer: 64 * 1024 * 1024,
    });
    const line = stdout.split('\n').find((l) => l.startsWith('AGENT_STEP_PROBE '));
    if (!line) throw new Error(`agent step probe printed no result: ${stdout.slice(-500)}`);
    const { models, ...result } = JSON.parse(line.slice('AGENT_STEP_PROBE '.length)) as Omit<AgentStepMemory, 'modelAnswers'> & { models: Record<string, number> };
    return { ...result, modelAnswers: models[DEFAULT_MODEL_ID] ?? 0 };
  } finally {
    server.close();
    await rm(dir, { recursive: true, force: true });
  }
}
