import {
  type LanguageModelV4CallOptions,
  type LanguageModelV4Prompt,
  type SharedV4Warning,
  UnsupportedFunctionalityError,
} from '@ai-sdk/provider';
import { parseMixRouterProviderOptions } from '../mixrouter-config';
import { isJsonRecord as isPlainObject } from '../mixrouter-json-guards';
import type { MixRouterModelInfo } from '../mixrouter-model-catalogue';
import {
  buildMixRouterReasoningParams,
  type MixRouterReasoningParams,
  mixrouterThinkingRequested,
} from './build-mixrouter-reasoning-params';
import { convertToMixRouterChatMessages } from './convert-to-mixrouter-chat-messages';
import { mapMixRouterCallSettings } from './map-mixrouter-call-settings';
import { mapMixRouterStructuredOutput } from './map-mixrouter-structured-output';
import { type MixRouterChatOptions, mixrouterChatOptions } from './mixrouter-chat-options';
import { prepareMixRouterTools } from './prepare-mixrouter-tools';
import { assertMixRouterMaxOutputTokens } from './validate-mixrouter-call-options';

export { MAX_OUTPUT_TOKENS_LIMIT } from './validate-mixrouter-call-options';

export type MixRouterChatRequest = {
  body: Record<string, unknown>;
  warnings: SharedV4Warning[];
  options: MixRouterChatOptions;
  /** Whether the model thinks on this request (decides streaming for some upstreams). */
  thinking: boolean;
};

/** Deep-merges plain objects (arrays and scalars from `source` replace). */
export function deepMerge(
  target: Record<string, unknown>,
  source: Record<string, unknown>,
): Record<string, unknown> {
  const out: Record<string, unknown> = { ...target };
  for (const [key, value] of Object.entries(source)) {
    const existing = out[key];
    out[key] = isPlainObject(existing) && isPlainObject(value) ? deepMerge(existing, value) : value;
  }
  return out;
}

/** Models the catalogue serves on another API fail here, before anything is sent. */
function assertChatCompletionsModel(info: MixRouterModelInfo): void {
  if (info.endpoint === 'realtime') {
    throw new UnsupportedFunctionalityError({
      functionality: `${info.id} via chat completions`,
      message: `MixRouter serves ${info.id} only over the Realtime WebSocket API, not chat completions.`,
    });
  }
  if (info.endpoint === 'responses') {
    throw new UnsupportedFunctionalityError({
      functionality: `${info.id} via chat completions`,
      message: `MixRouter serves ${info.id} only on /v1/responses, not chat completions: use provider.responses('${info.id}') or provider('${info.id}').`,
    });
  }
}

/** Whether the prompt continues a tool loop: an assistant tool call after the last user message. */
function continuesToolLoop(prompt: LanguageModelV4Prompt): boolean {
  for (let i = prompt.length - 1; i >= 0; i--) {
    const message = prompt[i]!;
    if (message.role === 'user') return false;
    if (message.role === 'assistant' && message.content.some((p) => p.type === 'tool-call'))
      return true;
  }
  return false;
}

/**
 * Why thinking must be off for this call although the model could think, or undefined.
 * Each reason is a limit of the upstream or of the chat-completions conversion.
 */
function thinkingConflict(
  call: LanguageModelV4CallOptions,
  info: MixRouterModelInfo,
  requested: boolean,
): SharedV4Warning | undefined {
  if (info.reasoning.control === 'anthropic-thinking' && requested) {
    if (call.toolChoice?.type === 'required' || call.toolChoice?.type === 'tool') {
      // Anthropic rejects a forced tool choice with extended thinking; the forced tool wins.
      return {
        type: 'unsupported',
        feature: 'reasoning',
        details: `Claude cannot think while a tool choice is forced (toolChoice "${call.toolChoice.type}"); thinking was not enabled.`,
      };
    }
    if (continuesToolLoop(call.prompt)) {
      // Anthropic requires the signed thinking block on the replayed tool-use turn, and
      // the gateway's chat conversion drops signatures (protocol §2.5).
      return {
        type: 'compatibility',
        feature: 'reasoning',
        details: `Chat completions cannot replay Claude's signed thinking blocks, which Anthropic requires when thinking continues a tool-call turn; thinking was switched off for this step. Use provider.messages('${info.id}') (or routing: { anthropic: 'messages' }) to keep thinking across tool calls.`,
      };
    }
  }
  const thinksByDefault = info.reasoning.defaultOn && info.reasoning.control !== 'none';
  if (
    call.responseFormat?.type === 'json' &&
    !info.request.structuredOutputWhileThinking &&
    info.reasoning.canDisable &&
    thinksByDefault &&
    !requested
  ) {
    return {
      type: 'compatibility',
      feature: 'reasoning',
      details: `${info.id} cannot produce structured output while it thinks; thinking was switched off for this call (ask for reasoning explicitly to keep it, then the schema goes into the prompt).`,
    };
  }
  return undefined;
}

function resolveReasoning(
  call: LanguageModelV4CallOptions,
  options: MixRouterChatOptions,
  info: MixRouterModelInfo,
  warnings: SharedV4Warning[],
): MixRouterReasoningParams {
  const requested = mixrouterThinkingRequested(
    call.reasoning,
    options.reasoningEffort,
    options.thinkingBudget,
  );
  const conflict = thinkingConflict(call, info, requested);
  if (conflict !== undefined) warnings.push(conflict);
  return buildMixRouterReasoningParams({
    info,
    ...(conflict !== undefined
      ? { reasoning: 'none' }
      : {
          reasoning: call.reasoning,
          reasoningEffort: options.reasoningEffort,
          thinkingBudget: options.thinkingBudget,
        }),
    maxOutputTokens: call.maxOutputTokens,
    warnings,
  });
}

/** Claude's `max_tokens` must exceed the thinking budget (protocol §2.6). */
function sizeMaxTokens(
  maxOutputTokens: number | undefined,
  reasoning: MixRouterReasoningParams,
  info: MixRouterModelInfo,
  warnings: SharedV4Warning[],
): number | undefined {
  const budget = reasoning.budgetTokens;
  if (budget === undefined) return maxOutputTokens;
  if (maxOutputTokens === undefined)
    return Math.min(info.quirks.maxOutputTokens ?? 64_000, budget + 8192);
  if (maxOutputTokens > budget) return maxOutputTokens;
  const needed = budget + 1024;
  warnings.push({
    type: 'compatibility',
    feature: 'maxOutputTokens',
    details: `Claude needs max_tokens above the thinking budget (${budget}); maxOutputTokens ${maxOutputTokens} was raised to ${needed}.`,
  });
  return needed;
}

/** Provider options a family cannot take, refused with a warning instead of being sent. */
function contractOptions(
  options: MixRouterChatOptions,
  info: MixRouterModelInfo,
  hasTools: boolean,
  warnings: SharedV4Warning[],
): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  if (options.parallelToolCalls !== undefined) {
    if (!hasTools) {
      warnings.push({
        type: 'other',
        message: 'parallelToolCalls was set but no tools were sent; it was ignored.',
      });
    } else if (!info.request.parallelToolCalls) {
      warnings.push({
        type: 'unsupported',
        feature: 'parallelToolCalls',
        details: `${info.id} has no parallel_tool_calls switch; it was not sent.`,
      });
    } else body.parallel_tool_calls = options.parallelToolCalls;
  }
  if (options.textVerbosity !== undefined) {
    if (info.request.verbosity) body.verbosity = options.textVerbosity;
    else {
      warnings.push({
        type: 'unsupported',
        feature: 'textVerbosity',
        details: `${info.id} does not take verbosity (gpt-5 models only); it was not sent.`,
      });
    }
  }
  return body;
}

/**
 * Builds the chat-completions body for one call from the model's catalogue entry:
 * validate, decide reasoning, map settings, messages, structured output and tools by the
 * family's request contract, then apply `extraBody`. Shared by generate and stream.
 */
export async function buildMixRouterChatRequest({
  options: call,
  info,
  stream,
}: {
  options: LanguageModelV4CallOptions;
  info: MixRouterModelInfo;
  stream: boolean;
}): Promise<MixRouterChatRequest> {
  const warnings: SharedV4Warning[] = [];
  const options =
    (await parseMixRouterProviderOptions({
      providerOptions: call.providerOptions,
      schema: mixrouterChatOptions,
    })) ?? {};
  assertChatCompletionsModel(info);
  assertMixRouterMaxOutputTokens(call.maxOutputTokens);

  const reasoning = resolveReasoning(call, options, info, warnings);
  const settings = mapMixRouterCallSettings({
    call,
    info,
    thinking: reasoning.thinking,
    warnings,
  });
  const maxTokens = sizeMaxTokens(call.maxOutputTokens, reasoning, info, warnings);
  const messages = convertToMixRouterChatMessages({
    prompt: call.prompt,
    info,
    warnings,
    defaultImageDetail: options.imageDetail,
  });
  const structured = mapMixRouterStructuredOutput({
    responseFormat: call.responseFormat,
    info,
    mode:
      reasoning.thinking && !info.request.structuredOutputWhileThinking
        ? 'prompt'
        : info.request.structuredOutput,
    strict: options.strictJsonSchema ?? false,
    warnings,
  });
  if (structured.instruction !== undefined)
    messages.unshift({ role: 'system', content: structured.instruction });
  const { tools, toolChoice } = prepareMixRouterTools({
    tools: call.tools,
    toolChoice: call.toolChoice,
    info,
    warnings,
  });

  let body: Record<string, unknown> = {
    model: info.id,
    messages,
    [info.request.maxTokensField]: maxTokens,
    ...settings,
    response_format: structured.responseFormat,
    tools,
    tool_choice: toolChoice,
    ...contractOptions(options, info, tools !== undefined, warnings),
    user: options.user,
    modalities: options.modalities ?? (options.audio !== undefined ? ['text', 'audio'] : undefined),
    audio: options.audio,
    ...reasoning.body,
  };
  if (reasoning.google !== undefined) body.extra_body = { google: reasoning.google };
  if (stream) body.stream = true;
  if (stream) body.stream_options = { include_usage: true };
  for (const key of Object.keys(body)) if (body[key] === undefined) delete body[key];
  if (options.extraBody !== undefined) body = deepMerge(body, options.extraBody);
  return { body, warnings, options, thinking: reasoning.thinking };
}
