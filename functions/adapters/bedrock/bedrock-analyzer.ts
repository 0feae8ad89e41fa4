import { ConverseCommand } from '@aws-sdk/client-bedrock-runtime';
import type { BedrockRuntimeClient, ContentBlock, ConverseCommandOutput, Message, TokenUsage, ToolUseBlock } from '@aws-sdk/client-bedrock-runtime';
import type { A10Input, A10Output, RecordLanguage } from '../../core/agents/a10-communication-analysis.js';
import { ModelThrottledError } from '../../core/ports/analyzer.js';
import type { AnalysisResult, CommunicationAnalyzer, ModelUsage } from '../../core/ports/analyzer.js';
import { a10RepairInstruction, buildA10Messages } from './a10-prompt.js';
import { A10_TOOL_CONFIG, A10_TOOL_NAME, readA10Answer } from './a10-tool.js';

export interface BedrockAnalyzerOptions {
  readonly client: BedrockRuntimeClient;
  /** A model or inference-profile id that supports a forced tool on Converse (Claude 3+, Nova). */
  readonly modelId: string;
  /** Answers when Bedrock cannot: refused calls, or output still invalid after one repair. */
  readonly fallback: CommunicationAnalyzer;
  /** A full A10 answer is about 250–400 tokens; the rest is headroom. @default 600 */
  readonly maxOutputTokens?: number;
  /** Classification, not writing: the most likely answer every time. @default 0 */
  readonly temperature?: number;
}

/** The `model` of an answer the fallback gave because the model's could not be used. */
export const LOCAL_FALLBACK_MODEL = 'local-fallback';

// Converse declares only ThrottlingException; InvokeModel also declares ServiceQuotaExceededException
// ("resubmit your request later"). Matched by name, not by HTTP 429: ModelNotReadyException is a 429
// too, and a model that is not ready is answered locally (the SDK has already retried it).
const THROTTLING_ERRORS = new Set(['ThrottlingException', 'ServiceQuotaExceededException']);
// fallbackReason is read by people in the record view; the full error stays in the logs.
const MAX_REASON_LENGTH = 300;

type Verdict = { readonly ok: true; readonly output: A10Output } | { readonly ok: false; readonly reason: string };

/**
 * Agent A10 on Bedrock: one Converse call with the A10 tool forced, its input validated by `A10Output`,
 * one repair call that shows the model its validation errors, then the local analyzer as fallback
 * (marked `local-fallback` with the reason). Throttling that outlasts the SDK's retries is the one
 * failure that is not answered locally: it throws `ModelThrottledError` so the workflow retries later.
 *
 * @example
 * ```ts
 * const analyzer = createBedrockAnalyzer({
 *   client: createBedrockRuntimeClient(),
 *   modelId: 'anthropic.claude-3-5-haiku-20241022-v1:0',
 *   fallback: localAnalyzer,
 * });
 * const { output, model, usage, modelCalls } = await analyzer.analyze(input);
 * ```
 */
export function createBedrockAnalyzer(options: BedrockAnalyzerOptions): CommunicationAnalyzer {
  const inferenceConfig = { maxTokens: options.maxOutputTokens ?? 600, temperature: options.temperature ?? 0 };

  return {
    async analyze(input: A10Input): Promise<AnalysisResult> {
      const { system, messages } = buildA10Messages(input);
      const ledger = new CallLedger();
      const converse = async (conversation: Message[]): Promise<ConverseCommandOutput> => {
        ledger.calls += 1;
        const command = new ConverseCommand({ modelId: options.modelId, system, messages: conversation, toolConfig: A10_TOOL_CONFIG, inferenceConfig });
        const response = await options.client.send(command);
        ledger.add(response.usage);
        return response;
      };

      let verdict: Verdict;
      try {
        verdict = await answerWithOneRepair(converse, messages, input.language);
      } catch (error) {
        if (isThrottling(error)) {
          throw new ModelThrottledError(`${options.modelId} throttled after the SDK's retries: ${describeError(error)}`, { cause: error });
        }
        verdict = { ok: false, reason: describeError(error) };
      }

      const usage = ledger.usage();
      if (verdict.ok) return { output: verdict.output, model: options.modelId, modelCalls: ledger.calls, ...(usage && { usage }) };
      const local = await options.fallback.analyze(input);
      return {
        ...local,
        model: LOCAL_FALLBACK_MODEL,
        fallbackReason: shorten(verdict.reason),
        modelCalls: ledger.calls,
        ...(usage && { usage }),
      };
    },
  };
}

async function answerWithOneRepair(
  converse: (conversation: Message[]) => Promise<ConverseCommandOutput>,
  messages: Message[],
  language: RecordLanguage,
): Promise<Verdict> {
  const first = await converse(messages);
  const answer = readA10Answer(first);
  if (answer.ok) return answer;
  if (!answer.repairable) return { ok: false, reason: answer.problem };

  const repaired = readA10Answer(await converse(repairConversation(messages, first, a10RepairInstruction(language, answer.problem))));
  return repaired.ok ? repaired : { ok: false, reason: `invalid output after repair: ${repaired.problem}` };
}

/**
 * The conversation for the repair call: the model's own message, then a user turn that answers each of
 * its tool calls with an error `toolResult` (Converse requires a result for every `toolUse` of the
 * previous turn) or, when it called no tool, plain text.
 */
function repairConversation(messages: Message[], response: ConverseCommandOutput, instruction: string): Message[] {
  const echoed = echoOf(response.output?.message?.content ?? []);
  if (echoed.length === 0) {
    // Nothing to echo (reasoning only, or empty): ask again in the same user turn instead.
    const [turn, ...rest] = messages;
    return turn ? [{ role: 'user', content: [...(turn.content ?? []), { text: instruction }] }, ...rest] : messages;
  }
  const results = echoed.flatMap((block): ContentBlock[] => (block.toolUse ? [errorResultFor(block.toolUse, instruction)] : []));
  const reply: ContentBlock[] = results.length > 0 ? results : [{ text: instruction }];
  return [...messages, { role: 'assistant', content: echoed }, { role: 'user', content: reply }];
}

/** An error result for one tool call: ours carries the problem, any other tool is unknown here. */
function errorResultFor(call: ToolUseBlock, instruction: string): ContentBlock {
  const text = call.name === A10_TOOL_NAME ? instruction : `Unknown tool; only ${A10_TOOL_NAME} exists. ${instruction}`;
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

  /** Absent when no response reported usage (a refused first call, or a model that omits it). */
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

function shorten(reason: string): string {
  return reason.length <= MAX_REASON_LENGTH ? reason : `${reason.slice(0, MAX_REASON_LENGTH - 1)}…`;
}
