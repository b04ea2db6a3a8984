import {
  InvalidArgumentError,
  type LanguageModelV4CallOptions,
  type SharedV4Warning,
  UnsupportedFunctionalityError,
} from '@ai-sdk/provider';
import { parseMixRouterProviderOptions } from '../mixrouter-config';
import type { MixRouterModelInfo, UnsupportedSetting } from '../mixrouter-model-catalogue';
import { buildMixRouterReasoningParams } from './build-mixrouter-reasoning-params';
import {
  convertToMixRouterChatMessages,
  type MixRouterChatMessage,
} from './convert-to-mixrouter-chat-messages';
import { type MixRouterChatOptions, mixrouterChatOptions } from './mixrouter-chat-options';
import { prepareMixRouterTools } from './prepare-mixrouter-tools';

/** The gateway rejects `max_tokens` ≥ 2^30 (new-api relay/helper/valid_request.go). */
export const MAX_OUTPUT_TOKENS_LIMIT = 2 ** 30;

export type MixRouterChatRequest = {
  body: Record<string, unknown>;
  warnings: SharedV4Warning[];
  options: MixRouterChatOptions;
};

const SETTING_KEYS: Record<UnsupportedSetting, keyof LanguageModelV4CallOptions> = {
  temperature: 'temperature',
  topP: 'topP',
  topK: 'topK',
  seed: 'seed',
  presencePenalty: 'presencePenalty',
  frequencyPenalty: 'frequencyPenalty',
  stopSequences: 'stopSequences',
};

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

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

function schemaInstruction(schema: unknown, name?: string, description?: string): string {
  return [
    'Respond only with a JSON value, with no prose and no code fences.',
    name ? `It is called "${name}".` : '',
    description ?? '',
    schema !== undefined ? `It must conform to this JSON schema:\n${JSON.stringify(schema)}` : '',
  ]
    .filter(Boolean)
    .join('\n');
}

/**
 * Builds the chat-completions body for one call: validates options, drops what the
 * model's family does not accept (each with a warning), and maps reasoning, tools and
 * structured output per the catalogue. Shared by generate and stream.
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

  if (info.endpoint === 'realtime') {
    throw new UnsupportedFunctionalityError({
      functionality: `${info.id} via chat completions`,
      message: `MixRouter serves ${info.id} only over the Realtime WebSocket API, not chat completions.`,
    });
  }
  if (info.endpoint === 'responses') {
    warnings.push({
      type: 'compatibility',
      feature: 'chat completions',
      details: `MixRouter serves ${info.id} only on /v1/responses; use provider.responses('${info.id}') or provider('${info.id}').`,
    });
  }
  if (
    call.maxOutputTokens !== undefined &&
    (call.maxOutputTokens >= MAX_OUTPUT_TOKENS_LIMIT ||
      call.maxOutputTokens < 1 ||
      !Number.isInteger(call.maxOutputTokens))
  ) {
    throw new InvalidArgumentError({
      argument: 'maxOutputTokens',
      message: `maxOutputTokens must be a positive integer below 2^30 (got ${call.maxOutputTokens}); the gateway rejects larger values.`,
    });
  }

  // Claude rejects a forced tool choice while extended thinking is on: the forced tool
  // wins (it is what structured tool use relies on) and thinking is left off.
  const forcedTool = call.toolChoice?.type === 'required' || call.toolChoice?.type === 'tool';
  const thinkingRequested =
    (call.reasoning !== undefined &&
      call.reasoning !== 'provider-default' &&
      call.reasoning !== 'none') ||
    (options.reasoningEffort !== undefined && options.reasoningEffort !== 'none') ||
    (options.thinkingBudget !== undefined && options.thinkingBudget > 0);
  const skipThinking =
    info.reasoning.control === 'anthropic-thinking' && forcedTool && thinkingRequested;
  if (skipThinking) {
    warnings.push({
      type: 'unsupported',
      feature: 'reasoning',
      details: `Claude cannot think while a tool choice is forced (toolChoice "${call.toolChoice?.type}"); thinking was not enabled.`,
    });
  }
  const reasoning = buildMixRouterReasoningParams({
    info,
    reasoning: skipThinking ? undefined : call.reasoning,
    reasoningEffort: skipThinking ? undefined : options.reasoningEffort,
    thinkingBudget: skipThinking ? undefined : options.thinkingBudget,
    maxOutputTokens: call.maxOutputTokens,
    warnings,
  });

  // Settings the family rejects, or that the gateway's conversion silently drops.
  const dropped = new Set<UnsupportedSetting>(info.quirks.unsupportedSettings ?? []);
  if (info.quirks.noSamplingParams) {
    dropped.add('temperature');
    dropped.add('topP');
  }
  const claudeThinking =
    info.reasoning.control === 'anthropic-thinking' && reasoning.thinkingEnabled;
  if (claudeThinking) {
    dropped.add('temperature');
    dropped.add('topP');
    dropped.add('topK');
  }
  const setting = <K extends UnsupportedSetting>(name: K) => {
    const value = call[SETTING_KEYS[name]];
    if (value === undefined) return undefined;
    if (dropped.has(name)) {
      warnings.push({
        type: 'unsupported',
        feature: name,
        details:
          claudeThinking && (name === 'temperature' || name === 'topP' || name === 'topK')
            ? `Claude extended thinking does not allow ${name}; it was not sent.`
            : `${info.id} does not accept ${name}; it was not sent.`,
      });
      return undefined;
    }
    return value;
  };

  let maxTokens = call.maxOutputTokens;
  if (reasoning.budgetTokens !== undefined) {
    const needed = reasoning.budgetTokens + 1024;
    if (maxTokens === undefined) {
      maxTokens = Math.min(info.quirks.maxOutputTokens ?? 64_000, reasoning.budgetTokens + 8192);
    } else if (maxTokens <= reasoning.budgetTokens) {
      warnings.push({
        type: 'compatibility',
        feature: 'maxOutputTokens',
        details: `Claude needs max_tokens above the thinking budget (${reasoning.budgetTokens}); maxOutputTokens ${maxTokens} was raised to ${needed}.`,
      });
      maxTokens = needed;
    }
  }

  let stop = setting('stopSequences') as string[] | undefined;
  const maxStops = info.quirks.maxStopSequences;
  if (stop !== undefined && maxStops !== undefined && stop.length > maxStops) {
    warnings.push({
      type: 'compatibility',
      feature: 'stopSequences',
      details: `${info.id} takes at most ${maxStops} stop sequences; the rest were not sent.`,
    });
    stop = stop.slice(0, maxStops);
  }

  const messages: MixRouterChatMessage[] = convertToMixRouterChatMessages({
    prompt: call.prompt,
    info,
    warnings,
    defaultImageDetail: options.imageDetail,
  });

  // Structured output.
  let responseFormat: unknown;
  if (call.responseFormat?.type === 'json') {
    const { schema, name, description } = call.responseFormat;
    if (info.quirks.jsonSchemaViaPrompt) {
      // The gateway's Claude conversion ignores response_format (protocol §2.1).
      messages.unshift({ role: 'system', content: schemaInstruction(schema, name, description) });
      warnings.push({
        type: 'compatibility',
        feature: 'responseFormat',
        details: `MixRouter ignores response_format for ${info.id}; the JSON ${schema ? 'schema' : 'instruction'} was added to the prompt instead.`,
      });
    } else if (schema !== undefined) {
      responseFormat = {
        type: 'json_schema',
        json_schema: {
          name: name ?? 'response',
          ...(description !== undefined ? { description } : {}),
          schema,
          strict: options.strictJsonSchema ?? false,
        },
      };
    } else {
      responseFormat = { type: 'json_object' };
    }
  }

  const { tools, toolChoice } = prepareMixRouterTools({
    tools: call.tools,
    toolChoice: call.toolChoice,
    info,
    warnings,
  });

  let body: Record<string, unknown> = {
    model: info.id,
    messages,
    [info.quirks.maxCompletionTokens ? 'max_completion_tokens' : 'max_tokens']: maxTokens,
    temperature: setting('temperature'),
    top_p: setting('topP'),
    top_k: setting('topK'),
    stop,
    seed: setting('seed'),
    presence_penalty: setting('presencePenalty'),
    frequency_penalty: setting('frequencyPenalty'),
    response_format: responseFormat,
    tools,
    tool_choice: toolChoice,
    parallel_tool_calls: tools !== undefined ? options.parallelToolCalls : undefined,
    user: options.user,
    verbosity: options.textVerbosity,
    modalities: options.modalities ?? (options.audio !== undefined ? ['text', 'audio'] : undefined),
    audio: options.audio,
    ...reasoning.body,
  };
  if (options.parallelToolCalls !== undefined && tools === undefined) {
    warnings.push({
      type: 'other',
      message: 'parallelToolCalls was set but no tools were sent; it was ignored.',
    });
  }
  if (reasoning.google !== undefined) body.extra_body = { google: reasoning.google };
  if (stream) body.stream = true;
  if (stream) body.stream_options = { include_usage: true };
  for (const key of Object.keys(body)) if (body[key] === undefined) delete body[key];
  if (options.extraBody !== undefined) body = deepMerge(body, options.extraBody);
  return { body, warnings, options };
}
