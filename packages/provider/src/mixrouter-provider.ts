import { type LanguageModelV4, NoSuchModelError, type ProviderV4 } from '@ai-sdk/provider';
import {
  type FetchFunction,
  loadApiKey,
  loadOptionalSetting,
  withoutTrailingSlash,
} from '@ai-sdk/provider-utils';
import { MixRouterChatLanguageModel } from './chat/mixrouter-chat-language-model';
import type { MixRouterConfig } from './mixrouter-config';
import type { MixRouterChatModelId } from './mixrouter-model-ids';

export const MIXROUTER_DEFAULT_BASE_URL = 'https://api.mixrouter.com/v1';

export interface MixRouterProviderSettings {
  /** API key; default `process.env.MIXROUTER_API_KEY`. A missing key fails at call time. */
  apiKey?: string;
  /** Default `process.env.MIXROUTER_BASE_URL ?? 'https://api.mixrouter.com/v1'`. */
  baseURL?: string;
  /** Extra headers sent on every request. */
  headers?: Record<string, string | undefined>;
  /** Custom fetch, e.g. for proxies, logging or tests. */
  fetch?: FetchFunction;
  /** ID generator for tool calls and sources without ids (tests). */
  generateId?: () => string;
}

export interface MixRouterProvider extends ProviderV4 {
  /** A chat model for any MixRouter model id. */
  (modelId: MixRouterChatModelId): LanguageModelV4;
  languageModel(modelId: MixRouterChatModelId): LanguageModelV4;
  /** Always `POST {baseURL}/chat/completions`. */
  chat(modelId: MixRouterChatModelId): MixRouterChatLanguageModel;
}

/** Creates a MixRouter provider instance. */
export function createMixRouter(settings: MixRouterProviderSettings = {}): MixRouterProvider {
  const baseURL =
    withoutTrailingSlash(
      settings.baseURL ?? loadOptionalSetting({ settingValue: undefined, environmentVariableName: 'MIXROUTER_BASE_URL' }),
    ) ?? MIXROUTER_DEFAULT_BASE_URL;

  const headers = () => ({
    Authorization: `Bearer ${loadApiKey({
      apiKey: settings.apiKey,
      environmentVariableName: 'MIXROUTER_API_KEY',
      description: 'MixRouter',
    })}`,
    ...settings.headers,
  });

  const config = (kind: string): MixRouterConfig => ({
    provider: `mixrouter.${kind}`,
    baseURL,
    url: (path) => `${baseURL}${path}`,
    headers,
    fetch: settings.fetch,
    generateId: settings.generateId,
  });

  const createChatModel = (modelId: MixRouterChatModelId) => new MixRouterChatLanguageModel(modelId, config('chat'));

  const createLanguageModel = (modelId: MixRouterChatModelId): LanguageModelV4 => {
    if (new.target) throw new Error('The MixRouter provider function cannot be called with `new`.');
    return createChatModel(modelId);
  };

  const provider = function (modelId: MixRouterChatModelId) {
    return createLanguageModel(modelId);
  } as MixRouterProvider;

  Object.assign(provider, {
    specificationVersion: 'v4' as const,
    languageModel: createLanguageModel,
    chat: createChatModel,
    embeddingModel: (modelId: string) => {
      throw new NoSuchModelError({ modelId, modelType: 'embeddingModel' });
    },
    imageModel: (modelId: string) => {
      throw new NoSuchModelError({ modelId, modelType: 'imageModel' });
    },
  });
  return provider;
}

/** Default instance: reads `MIXROUTER_API_KEY` and `MIXROUTER_BASE_URL` at call time. */
export const mixrouter = createMixRouter();
