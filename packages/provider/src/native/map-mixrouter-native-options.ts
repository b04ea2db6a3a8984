import {
  InvalidPromptError,
  type LanguageModelV4CallOptions,
  type SharedV4Warning,
} from '@ai-sdk/provider';
import { type MixRouterChatOptions, mixrouterChatOptions } from '../chat/mixrouter-chat-options';
import { validateMixRouterTools } from '../chat/prepare-mixrouter-tools';
import { assertMixRouterMaxOutputTokens } from '../chat/validate-mixrouter-call-options';
import { parseMixRouterProviderOptions } from '../mixrouter-config';
import type { MixRouterModelInfo } from '../mixrouter-model-catalogue';
import { mapMixRouterNativeImageDetail } from './map-mixrouter-native-image-detail';
import { mapMixRouterNativeToolCallIds } from './map-mixrouter-native-tool-call-ids';
import { type MixRouterNativeRoute, NATIVE_NAMESPACE } from './mixrouter-native-providers';

type JSONObject = Record<string, unknown>;

/**
 * Translates `providerOptions.mixrouter` into the route's own namespace so the same
 * options work on every route. Options given directly in the route namespace
 * (`openai`, `anthropic`, `google`) win. What a route cannot honour becomes a warning.
 */
export async function mapMixRouterNativeOptions({
  route,
  info,
  options,
}: {
  route: MixRouterNativeRoute;
  info: MixRouterModelInfo;
  options: LanguageModelV4CallOptions;
}): Promise<{
  callOptions: LanguageModelV4CallOptions;
  extraBody?: JSONObject;
  warnings: SharedV4Warning[];
}> {
  const warnings: SharedV4Warning[] = [];
  const mixrouter: MixRouterChatOptions =
    (await parseMixRouterProviderOptions({
      providerOptions: options.providerOptions,
      schema: mixrouterChatOptions,
    })) ?? {};
  // The checks chat completions makes before sending (the official providers on these
  // routes would send the request and let the gateway reject it).
  assertMixRouterMaxOutputTokens(options.maxOutputTokens);
  if (!options.prompt.some((message) => message.role === 'user' || message.role === 'system')) {
    throw new InvalidPromptError({
      prompt: options.prompt,
      message: `The prompt for ${info.id} has no system or user message; MixRouter needs at least one.`,
    });
  }
  validateMixRouterTools(options.tools);

  const namespace = NATIVE_NAMESPACE[route];
  const mapped: JSONObject = {};
  const unsupported = (feature: string) =>
    warnings.push({
      type: 'unsupported',
      feature,
      details: `providerOptions.mixrouter.${feature} has no equivalent on the ${route} route; it was not sent.`,
    });

  const {
    reasoningEffort,
    thinkingBudget,
    user,
    parallelToolCalls,
    strictJsonSchema,
    textVerbosity,
    extraBody,
    audio,
    modalities,
    extractReasoningTags,
    imageDetail,
  } = mixrouter;
  const prompt = mapMixRouterNativeImageDetail({
    route,
    prompt: mapMixRouterNativeToolCallIds(route, options.prompt),
    imageDetail,
    warnings,
  });

  if (thinkingBudget !== undefined) {
    if (route === 'messages') mapped.thinking = { type: 'enabled', budgetTokens: thinkingBudget };
    else if (route === 'gemini') mapped.thinkingConfig = { thinkingBudget, includeThoughts: true };
    else unsupported('thinkingBudget');
  }
  if (user !== undefined) {
    if (route === 'responses') mapped.user = user;
    else unsupported('user');
  }
  if (parallelToolCalls !== undefined) {
    if (route === 'responses') mapped.parallelToolCalls = parallelToolCalls;
    else if (route === 'messages') mapped.disableParallelToolUse = !parallelToolCalls;
    else unsupported('parallelToolCalls');
  }
  if (strictJsonSchema !== undefined) {
    if (route === 'responses') mapped.strictJsonSchema = strictJsonSchema;
    else unsupported('strictJsonSchema');
  }
  if (textVerbosity !== undefined) {
    if (route === 'responses') mapped.textVerbosity = textVerbosity;
    else unsupported('textVerbosity');
  }
  if (audio !== undefined) unsupported('audio');
  if (modalities !== undefined) unsupported('modalities');
  if (extractReasoningTags !== undefined) unsupported('extractReasoningTags');

  if (route === 'responses') {
    // Stateless by default, for every model: a gateway spreads calls over upstream
    // channels (accounts), so an `item_reference` to an item stored by one of them does
    // not resolve on the next; with `store: false` earlier turns are replayed in full.
    // `providerOptions.openai.store: true` opts back in.
    mapped.store = false;
    if (info.reasoning.control !== 'none') {
      // Reasoning comes back encrypted and is re-sent; summaries make it visible.
      mapped.include = ['reasoning.encrypted_content'];
      mapped.reasoningSummary = 'auto';
    }
  }

  const existing = (options.providerOptions?.[namespace] ?? {}) as JSONObject;
  const providerOptions = {
    ...options.providerOptions,
    [namespace]: { ...mapped, ...existing },
  } as LanguageModelV4CallOptions['providerOptions'];
  const callOptions: LanguageModelV4CallOptions = {
    ...options,
    prompt,
    providerOptions,
    // The provider option wins over the top-level option, as on chat completions.
    ...(reasoningEffort !== undefined ? { reasoning: reasoningEffort } : {}),
  };
  return { callOptions, extraBody, warnings };
}
