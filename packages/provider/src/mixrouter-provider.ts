import {
  type EmbeddingModelV4,
  type Experimental_VideoModelV4,
  type ImageModelV4,
  type LanguageModelV4,
  LoadAPIKeyError,
  type ProviderV4,
  type RerankingModelV4,
  type SpeechModelV4,
  type TranscriptionModelV4,
} from '@ai-sdk/provider';
import {
  type FetchFunction,
  loadApiKey,
  loadOptionalSetting,
  withoutTrailingSlash,
} from '@ai-sdk/provider-utils';
import { MixRouterChatLanguageModel } from './chat/mixrouter-chat-language-model';
import { getMixRouterCredits, type MixRouterCredits } from './credits/get-mixrouter-credits';
import { MixRouterEmbeddingModel } from './embedding/mixrouter-embedding-model';
import { MixRouterImageModel } from './image/mixrouter-image-model';
import { listMixRouterModels, type MixRouterListedModel } from './list-mixrouter-models';
import { createMixRouterApiFetch } from './mixrouter-api-fetch';
import type { MixRouterConfig, MixRouterDownloadSettings } from './mixrouter-config';
import { createMixRouterDownloadTransport } from './mixrouter-download-transport';
import { getMixRouterModelInfo } from './mixrouter-model-catalogue';
import type {
  MixRouterChatModelId,
  MixRouterEmbeddingModelId,
  MixRouterImageModelId,
  MixRouterRerankingModelId,
  MixRouterSpeechModelId,
  MixRouterTranscriptionModelId,
  MixRouterVideoModelId,
} from './mixrouter-model-ids';
import { baseURLSecrets, normaliseSecrets } from './mixrouter-redaction';
import { buildMixRouterURL } from './mixrouter-url';
import type { MixRouterNativeRoute } from './native/map-mixrouter-native-options';
import { MixRouterNativeLanguageModel } from './native/mixrouter-native-language-model';
import {
  type MixRouterNativeProviderLoaders,
  type MixRouterNativeProviders,
  resolveMixRouterNativeProviders,
} from './native/mixrouter-native-providers';
import {
  createMixRouterRealtimeFactory,
  type MixRouterRealtimeFactory,
} from './realtime/mixrouter-realtime-model';
import { redactMixRouterModelErrors, withRedactedErrors } from './redact-mixrouter-model-errors';
import { MixRouterRerankingModel } from './reranking/mixrouter-reranking-model';
import { MixRouterSpeechModel } from './speech/mixrouter-speech-model';
import { MixRouterTranscriptionModel } from './transcription/mixrouter-transcription-model';
import { MixRouterVideoModel } from './video/mixrouter-video-model';

export const MIXROUTER_DEFAULT_BASE_URL = 'https://api.mixrouter.com/v1';

export interface MixRouterProviderSettings {
  /** API key; default `process.env.MIXROUTER_API_KEY`. A missing key fails at call time. */
  apiKey?: string;
  /** Default `process.env.MIXROUTER_BASE_URL ?? 'https://api.mixrouter.com/v1'`. */
  baseURL?: string;
  /** Extra headers sent on every request. */
  headers?: Record<string, string | undefined>;
  /**
   * Custom fetch, e.g. for proxies, logging or tests. Used for every request; API
   * requests still follow redirects only within their own origin (the package asks for
   * `redirect: 'manual'`).
   */
  fetch?: FetchFunction;
  /**
   * How URLs found in responses (image `url`, speech `audio_url`, video URLs) are
   * downloaded. By default a host that resolves to a private, loopback, link-local,
   * CGNAT, unique-local or metadata address is refused (see SECURITY.md).
   */
  downloads?: MixRouterDownloadSettings;
  /** ID generator for tool calls and sources without ids (tests). */
  generateId?: () => string;
  /**
   * Which route `provider(id)` / `languageModel(id)` uses per family. Default: chat
   * completions for both. `messages` (Claude) and `gemini` (Gemini) keep signed thinking
   * and thought signatures across tool-call turns; choose them for thinking + tools.
   * Responses-only models (gpt-5.1-codex, gpt-5.2-pro, o3-pro) always use `/responses`.
   */
  routing?: {
    anthropic?: 'chat' | 'messages';
    google?: 'chat' | 'gemini';
  };
  /**
   * The official provider factories the native routes compose, e.g.
   * `{ openai: createOpenAI }`. The main entry loads them by itself when first needed;
   * on `@mixrouter/ai-sdk-provider/core` pass the ones your app routes to.
   */
  native?: MixRouterNativeProviders;
}

export interface MixRouterProvider extends ProviderV4 {
  /** A chat model for any MixRouter model id. */
  (modelId: MixRouterChatModelId): LanguageModelV4;
  languageModel(modelId: MixRouterChatModelId): LanguageModelV4;
  /** Always `POST {baseURL}/chat/completions`. */
  chat(modelId: MixRouterChatModelId): MixRouterChatLanguageModel;
  /** OpenAI Responses API, `POST {baseURL}/responses` (needed by gpt-5.1-codex, gpt-5.2-pro, o3-pro). */
  responses(modelId: MixRouterChatModelId): LanguageModelV4;
  /** Anthropic Messages API, `POST {baseURL}/messages`: Claude with signed thinking across tool calls. */
  messages(modelId: MixRouterChatModelId): LanguageModelV4;
  /** Gemini native API under `/v1beta/models/{id}:generateContent`: thought signatures, native features. */
  gemini(modelId: MixRouterChatModelId): LanguageModelV4;
  embeddingModel(modelId: MixRouterEmbeddingModelId): EmbeddingModelV4;
  /** `POST {baseURL}/embeddings`. */
  embedding(modelId: MixRouterEmbeddingModelId): EmbeddingModelV4;
  imageModel(modelId: MixRouterImageModelId): ImageModelV4;
  /** `POST {baseURL}/images/generations` and `/images/edits`; Gemini image models via chat completions. */
  image(modelId: MixRouterImageModelId): ImageModelV4;
  speechModel(modelId: MixRouterSpeechModelId): SpeechModelV4;
  /** `POST {baseURL}/audio/speech`. */
  speech(modelId: MixRouterSpeechModelId): SpeechModelV4;
  transcriptionModel(modelId: MixRouterTranscriptionModelId): TranscriptionModelV4;
  /** `POST {baseURL}/audio/transcriptions`. */
  transcription(modelId: MixRouterTranscriptionModelId): TranscriptionModelV4;
  videoModel(modelId: MixRouterVideoModelId): Experimental_VideoModelV4;
  /** Async video tasks: submit, then `ai` polls the task until it completes. */
  video(modelId: MixRouterVideoModelId): Experimental_VideoModelV4;
  /**
   * Realtime sessions over `GET {baseURL}/realtime` (WebSocket), server-side: see
   * `getServerWebSocketConfig()`. `getToken` fails: MixRouter has no browser tokens.
   */
  experimental_realtime: MixRouterRealtimeFactory;
  rerankingModel(modelId: MixRouterRerankingModelId): RerankingModelV4;
  /** `POST {baseURL}/rerank`, for `rerank()` from `ai`. */
  reranking(modelId: MixRouterRerankingModelId): RerankingModelV4;
  /** `GET {baseURL}/models` merged with the catalogue. */
  listModels(options?: { abortSignal?: AbortSignal }): Promise<MixRouterListedModel[]>;
  /**
   * The key's credit from `GET {baseURL}/dashboard/billing/subscription` and `/usage`.
   * Unreported or unlimited amounts are `undefined`; see the README for units.
   */
  getCredits(options?: {
    abortSignal?: AbortSignal;
    headers?: Record<string, string | undefined>;
  }): Promise<MixRouterCredits>;
}

/**
 * Makes a custom fetch settle as soon as its `signal` aborts, even if the function itself
 * ignores the signal (a wrapper that forgot to pass it on): `abortSignal` and timeouts
 * then always end the call promptly. The global fetch already behaves this way.
 */
function honourAbortSignal(fetch: FetchFunction): FetchFunction {
  return (input, init) => {
    const signal = init?.signal;
    if (signal == null) return fetch(input, init);
    if (signal.aborted) return Promise.reject(signal.reason);
    return new Promise<Response>((resolve, reject) => {
      const onAbort = () => reject(signal.reason);
      signal.addEventListener('abort', onAbort, { once: true });
      fetch(input, init).then(
        (response) => {
          signal.removeEventListener('abort', onAbort);
          // Answered after the abort: nobody will read this body, release it.
          if (signal.aborted) response.body?.cancel().catch(() => {});
          resolve(response);
        },
        (error: unknown) => {
          signal.removeEventListener('abort', onAbort);
          reject(error);
        },
      );
    });
  };
}

/**
 * Loads the key at call time (setting, else `MIXROUTER_API_KEY`). Surrounding whitespace
 * (a key read from a file) is trimmed. A key with characters an HTTP header cannot carry
 * is refused here: otherwise `fetch` throws a TypeError whose message quotes the whole
 * header value — the key — into logs.
 */
function loadMixRouterApiKey(apiKey: string | undefined): string {
  const key = loadApiKey({
    apiKey,
    environmentVariableName: 'MIXROUTER_API_KEY',
    description: 'MixRouter',
  }).trim();
  if (!/^[\x21-\x7e]+$/.test(key)) {
    throw new LoadAPIKeyError({
      message:
        'The MixRouter API key contains whitespace, control or non-ASCII characters and cannot be sent in an HTTP header. Check the apiKey setting or MIXROUTER_API_KEY (the key is not shown here).',
    });
  }
  return key;
}

/**
 * Builds a provider instance; shared by both entries. `bundledNative` is how the main
 * entry supplies the native routes' official providers (lazy imports); the `/core`
 * entry passes none, so a bundle of it contains only what the app passes in.
 */
export function createMixRouterProvider(
  settings: MixRouterProviderSettings,
  bundledNative?: MixRouterNativeProviderLoaders,
): MixRouterProvider {
  const baseURL =
    withoutTrailingSlash(
      settings.baseURL ??
        loadOptionalSetting({
          settingValue: undefined,
          environmentVariableName: 'MIXROUTER_BASE_URL',
        }),
    ) ?? MIXROUTER_DEFAULT_BASE_URL;

  const headers = () => ({
    Authorization: `Bearer ${loadMixRouterApiKey(settings.apiKey)}`,
    ...settings.headers,
  });

  const customFetch = settings.fetch && honourAbortSignal(settings.fetch);

  // The key (read at call time, like `headers`) and what the base URL carries: redacted
  // from every response and every error.
  const fixedSecrets = baseURLSecrets(baseURL);
  const secrets = () =>
    normaliseSecrets([
      loadOptionalSetting({
        settingValue: settings.apiKey,
        environmentVariableName: 'MIXROUTER_API_KEY',
      })?.trim(),
      ...fixedSecrets,
    ]);
  // One fetch for every API request of every route: same-origin redirects, redaction.
  const apiFetch = createMixRouterApiFetch({ fetch: customFetch, secrets });
  const guard = <T extends object>(model: T): T =>
    redactMixRouterModelErrors(model, secrets, { streams: fixedSecrets.length > 0 });

  const config = (kind: string): MixRouterConfig => ({
    provider: `mixrouter.${kind}`,
    baseURL,
    url: (path) => buildMixRouterURL(baseURL, path),
    headers,
    fetch: apiFetch,
    downloadFetch: createMixRouterDownloadTransport({
      baseURL,
      fetch: customFetch,
      settings: settings.downloads,
    }),
    inputFetch: customFetch,
    downloads: settings.downloads,
    generateId: settings.generateId,
  });

  const createChatModel = (modelId: MixRouterChatModelId) =>
    guard(new MixRouterChatLanguageModel(modelId, config('chat')));

  const native = resolveMixRouterNativeProviders(settings.native, bundledNative);
  const createNativeModel = (route: MixRouterNativeRoute) => (modelId: MixRouterChatModelId) =>
    guard(new MixRouterNativeLanguageModel(modelId, route, { ...config(route), native }));

  /** The catalogue picks the route; `settings.routing` can move Claude/Gemini to native routes. */
  const createLanguageModel = (modelId: MixRouterChatModelId): LanguageModelV4 => {
    const info = getMixRouterModelInfo(modelId);
    if (info.endpoint === 'responses') return createNativeModel('responses')(modelId);
    if (info.family === 'anthropic' && settings.routing?.anthropic === 'messages')
      return createNativeModel('messages')(modelId);
    if (
      info.family === 'google' &&
      settings.routing?.google === 'gemini' &&
      !info.output.includes('image')
    ) {
      return createNativeModel('gemini')(modelId);
    }
    return createChatModel(modelId);
  };

  const createEmbeddingModel = (modelId: MixRouterEmbeddingModelId) =>
    guard(new MixRouterEmbeddingModel(modelId, config('embedding')));
  const createImageModel = (modelId: MixRouterImageModelId) =>
    guard(new MixRouterImageModel(modelId, { ...config('image'), createChatModel }));
  const createSpeechModel = (modelId: MixRouterSpeechModelId) =>
    guard(new MixRouterSpeechModel(modelId, config('speech')));
  const createTranscriptionModel = (modelId: MixRouterTranscriptionModelId) =>
    guard(new MixRouterTranscriptionModel(modelId, config('transcription')));
  const createVideoModel = (modelId: MixRouterVideoModelId) =>
    guard(new MixRouterVideoModel(modelId, config('video')));
  const createRerankingModel = (modelId: MixRouterRerankingModelId) =>
    guard(new MixRouterRerankingModel(modelId, config('reranking')));

  const provider = function (modelId: MixRouterChatModelId) {
    if (new.target) throw new Error('The MixRouter provider function cannot be called with `new`.');
    return createLanguageModel(modelId);
  } as MixRouterProvider;

  Object.assign(provider, {
    specificationVersion: 'v4' as const,
    languageModel: createLanguageModel,
    chat: createChatModel,
    responses: createNativeModel('responses'),
    messages: createNativeModel('messages'),
    gemini: createNativeModel('gemini'),
    listModels: withRedactedErrors(
      (options?: { abortSignal?: AbortSignal }) =>
        listMixRouterModels({ config: config('models'), abortSignal: options?.abortSignal }),
      secrets,
    ),
    getCredits: withRedactedErrors(
      (options?: { abortSignal?: AbortSignal; headers?: Record<string, string | undefined> }) =>
        getMixRouterCredits({ config: config('credits'), ...options }),
      secrets,
    ),
    embeddingModel: createEmbeddingModel,
    embedding: createEmbeddingModel,
    imageModel: createImageModel,
    image: createImageModel,
    speechModel: createSpeechModel,
    speech: createSpeechModel,
    transcriptionModel: createTranscriptionModel,
    transcription: createTranscriptionModel,
    videoModel: createVideoModel,
    video: createVideoModel,
    experimental_realtime: createMixRouterRealtimeFactory(() => ({
      ...config('realtime'),
      native,
    })),
    rerankingModel: createRerankingModel,
    reranking: createRerankingModel,
  });
  return provider;
}
