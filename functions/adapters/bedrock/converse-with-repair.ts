import { ConverseCommand } from '@aws-sdk/client-bedrock-runtime';
import type {
  BedrockRuntimeClient,
  ContentBlock,
  ConverseCommandOutput,
  InferenceConfiguration,
  Message,
  SystemContentBlock,
  TokenUsage,
  ToolConfiguration,
  ToolUseBlock,
} from '@aws-sdk/client-bedrock-runtime';
import { ModelThrottledError, type ModelUsage } from '../../core/ports/analyzer.js';
import type { ToolAnswer } from './forced-tool.js';

/** The `model` of an answer the fallback gave because the model's could not be used. */
export const LOCAL_FALLBACK_MODEL = 'local-fallback';

// Converse declares only ThrottlingException; InvokeModel also declares ServiceQuotaExceededException
// ("resubmit your request later"). Matched by name, not by HTTP 429: ModelNotReadyException is a 429
// too, and a model that is not ready is answered locally (the SDK has already retried it).
const THROTTLING_ERRORS = new Set(['ThrottlingException', 'ServiceQuotaExceededException']);
// fallbackReason is read by people in the record view; the full error stays in the logs.
const MAX_REASON_LENGTH = 300;

/** One forced-tool exchange: the request, how to read an answer and how to ask for a repair. */
export interface ForcedToolExchange<Output> {
  readonly client: BedrockRuntimeClient;
  readonly modelId: string;
  readonly system: SystemContentBlock[];
  readonly messages: Message[];
  readonly toolConfig: ToolConfiguration;
  readonly inferenceConfig: InferenceConfiguration;
  /** The forced tool's name (a call of any other tool is answered as unknown). */
  readonly toolName: string;
  readonly read: (response: ConverseCommandOutput) => ToolAnswer<Output>;
  /** The repair turn's text, naming what was wrong (`problem`). */
  readonly repairInstruction: (problem: string) => string;
}

/** The model's valid answer, or why there is none (for `fallbackReason`). */
export type Verdict<Output> = { readonly ok: true; readonly output: Output } | { readonly ok: false; readonly reason: string };

/** How an exchange ended, with the calls it took and the usage the responses reported. */
export interface ExchangeOutcome<Output> {
  readonly verdict: Verdict<Output>;
  readonly modelCalls: number;
  /** Absent when no response reported usage (a refused first call, or a model that omits it). */
  readonly usage?: ModelUsage;
}

/**
 * Converse with a forced tool: one call, its answer read and validated, one repair call that shows the
 * model what was wrong, and a verdict. Service errors become a failed verdict with the error as reason
 * (the caller falls back locally); throttling that outlasts the SDK's retries is the one failure that
 * throws, as `ModelThrottledError`, so the workflow retries the task later.
 *
 * @example
 * ```ts
 * const { verdict, modelCalls, usage } = await converseWithOneRepair({ client, modelId, system, messages, toolConfig, inferenceConfig, toolName, read, repairInstruction });
 * ```
 */
export async function converseWithOneRepair<Output>(exchange: ForcedToolExchange<Output>): Promise<ExchangeOutcome<Output>> {
  const ledger = new CallLedger();
  const converse = async (conversation: Message[]): Promise<ConverseCommandOutput> => {
    ledger.calls += 1;
    const { modelId, system, toolConfig, inferenceConfig } = exchange;
    const response = await exchange.client.send(new ConverseCommand({ modelId, system, messages: conversation, toolConfig, inferenceConfig }));
    ledger.add(response.usage);
    return response;
  };

  let verdict: Verdict<Output>;
  try {
    verdict = await answerWithOneRepair(converse, exchange);
  } catch (error) {
    if (isThrottling(error)) {
      throw new ModelThrottledError(`${exchange.modelId} throttled after the SDK's retries: ${describeError(error)}`, { cause: error });
    }
    verdict = { ok: false, reason: describeError(error) };
  }
  const usage = ledger.usage();
  return { verdict, modelCalls: ledger.calls, ...(usage && { usage }) };
}

/** A fallback reason short enough for the record view. */
export function shortenReason(reason: string): string {
  return reason.length <= MAX_REASON_LENGTH ? reason : `${reason.slice(0, MAX_REASON_LENGTH - 1)}…`;
}

async function answerWithOneRepair<Output>(converse: (conversation: Message[]) => Promise<ConverseCommandOutput>, exchange: ForcedToolExchange<Output>): Promise<Verdict<Output>> {
  const first = await converse(exchange.messages);
  const answer = exchange.read(first);
  if (answer.ok) return answer;
  if (!answer.repairable) return { ok: false, reason: answer.problem };

  const conversation = repairConversation(exchange.messages, first, exchange.repairInstruction(answer.problem), exchange.toolName);
  const repaired = exchange.read(await converse(conversation));
  return repaired.ok ? repaired : { ok: false, reason: `invalid output after repair: ${repaired.problem}` };
}

/**
 * The conversation for the repair call: the model's own message, then a user turn that answers each of
 * its tool calls with an error `toolResult` (Converse requires a result for every `toolUse` of the
 * previous turn) or, when it called no tool, plain text.
 */
function repairConversation(messages: Message[], response: ConverseCommandOutput, instruction: string, toolName: string): Message[] {
  const echoed = echoOf(response.output?.message?.content ?? []);
  if (echoed.length === 0) {
    // Nothing to echo (reasoning only, or empty): ask again in the same user turn instead.
    const [turn, ...rest] = messages;
    return turn ? [{ role: 'user', content: [...(turn.content ?? []), { text: instruction }] }, ...rest] : messages;
  }
  const results = echoed.flatMap((block): ContentBlock[] => (block.toolUse ? [errorResultFor(block.toolUse, instruction, toolName)] : []));
  const reply: ContentBlock[] = results.length > 0 ? results : [{ text: instruction }];
  return [...messages, { role: 'assistant', content: echoed }, { role: 'user', content: reply }];
}

/** An error result for one tool call: ours carries the problem, any other tool is unknown here. */
function errorResultFor(call: ToolUseBlock, instruction: string, toolName: string): ContentBlock {
  const text = call.name === toolName ? instruction : `Unknown tool; only ${toolName} exists. ${instruction}`;
  return { toolResult: { toolUseId: call.toolUseId, status: 'error', content: [{ text }] } };
}

/**
 * The model's message as it is sent back: text and tool calls only. Tool calls are rebuilt from their
 * modelled fields because responses carry fields Converse rejects on the way in (a `type: "tool_use"`
 * the SDK passes through, seen in recorded responses) and a call cut at `maxTokens` may lack `input`.
 * Reasoning blocks are dropped: we never enable reasoning, so nothing requires them back.
 */
function echoOf(content: ContentBlock[]): ContentBlock[] {
  return content.flatMap((block): ContentBlock[] => {
    if (block.toolUse) {
      const { toolUseId, name, input } = block.toolUse;
      return [{ toolUse: { toolUseId, name, input: input ?? {} } }];
    }
    return block.text ? [{ text: block.text }] : [];
  });
}

/** Counts the calls made for one answer and sums the usage the responses reported. */
class CallLedger {
  calls = 0;
  private inputTokens = 0;
  private outputTokens = 0;
  private reported = false;

  add(usage: TokenUsage | undefined): void {
    if (!usage) return;
    this.reported = true;
    this.inputTokens += usage.inputTokens ?? 0;
    this.outputTokens += usage.outputTokens ?? 0;
  }

  usage(): ModelUsage | undefined {
    return this.reported ? { inputTokens: this.inputTokens, outputTokens: this.outputTokens } : undefined;
  }
}

function isThrottling(error: unknown): boolean {
  return error instanceof Error && THROTTLING_ERRORS.has(error.name);
}

function describeError(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : `non-error thrown: ${String(error)}`;
}
