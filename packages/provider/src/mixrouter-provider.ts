import type {
  EmbeddingModelV4,
  Experimental_VideoModelV4,
  ImageModelV4,
  LanguageModelV4,
  ProviderV4,
  RerankingModelV4,
  SpeechModelV4,
  TranscriptionModelV4,
} from '@ai-sdk/provider';
import { NoSuchModelError } from '@ai-sdk/provider';
import { MixRouterChatLanguageModel } from './chat/mixrouter-chat-language-model';
import type { MixRouterCredits } from './credits/get-mixrouter-credits';
import type { MixRouterListedModel } from './list-mixrouter-models';
import { lazyLoad } from './mixrouter-lazy-load';
import type { MixRouterMediaModels, MixRouterModelContext } from './mixrouter-media-models';
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
import { createMixRouterConfigs, type MixRouterProviderSettings } from './mixrouter-settings';
import { MixRouterNativeLanguageModel } from './native/mixrouter-native-language-model';
import {
  type MixRouterNativeProviderLoaders,
  type MixRouterNativeRoute,
  resolveMixRouterNativeProviders,
} from './native/mixrouter-native-providers';
import {
  createMixRouterRealtimeFactory,
  type MixRouterRealtimeFactory,
} from './realtime/mixrouter-realtime-model';
import { withRedactedErrors } from './redact-mixrouter-model-errors';

const loadListModels = /* @__PURE__ */ lazyLoad(() => import('./list-mixrouter-models'));
const loadCredits = /* @__PURE__ */ lazyLoad(() => import('./credits/get-mixrouter-credits'));

export { MIXROUTER_DEFAULT_BASE_URL, type MixRouterProviderSettings } from './mixrouter-settings';

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
 * Builds a provider instance; shared by both entries. `bundled` is how the main entry
 * supplies the native routes' official providers (lazy imports) and the media model
 * types; the `/core` entry passes neither, so a bundle of it contains only what the app
 * passes in (`settings.native`, `settings.media`).
 */
export function createMixRouterProvider(
  settings: MixRouterProviderSettings,
  bundled: { native?: MixRouterNativeProviderLoaders; media?: MixRouterMediaModels } = {},
): MixRouterProvider {
  // Built when the first model is created, not when the provider is: the default
  // instance every entry exports then costs nothing until it is used.
  let configs: ReturnType<typeof createMixRouterConfigs> | undefined;
  const built = () => (configs ??= createMixRouterConfigs(settings));
  const config = (kind: string) => built().config(kind);
  const guard = <T extends object>(model: T): T => built().guard(model);
  const secrets = () => built().secrets();

  const createChatModel = (modelId: MixRouterChatModelId) =>
    guard(new MixRouterChatLanguageModel(modelId, config('chat')));

  const native = resolveMixRouterNativeProviders(settings.native, bundled.native);
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

  const media = settings.media ?? bundled.media;
  const context: MixRouterModelContext = { config, guard, createChatModel };
  const mediaModel =
    <K extends keyof MixRouterMediaModels>(kind: K, modelType: NoSuchModelError['modelType']) =>
    (modelId: string): ReturnType<MixRouterMediaModels[K]> => {
      if (media === undefined) {
        throw new NoSuchModelError({
          modelId,
          modelType,
          message: `${kind} models are not part of '@mixrouter/ai-sdk-provider/core' unless you pass them: createMixRouter({ media: mixrouterMediaModels }) with \`import { mixrouterMediaModels } from '@mixrouter/ai-sdk-provider/media'\` (or use the main entry). Model: '${modelId}'.`,
        });
      }
      return media[kind](modelId, context) as ReturnType<MixRouterMediaModels[K]>;
    };
  const createEmbeddingModel = mediaModel('embedding', 'embeddingModel');
  const createImageModel = mediaModel('image', 'imageModel');
  const createSpeechModel = mediaModel('speech', 'speechModel');
  const createTranscriptionModel = mediaModel('transcription', 'transcriptionModel');
  const createVideoModel = mediaModel('video', 'videoModel');
  const createRerankingModel = mediaModel('reranking', 'rerankingModel');

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
    // Both load their code on first call (importing the package stays cheap).
    listModels: withRedactedErrors(async (options?: { abortSignal?: AbortSignal }) => {
      const { listMixRouterModels } = await loadListModels();
      return listMixRouterModels({ config: config('models'), abortSignal: options?.abortSignal });
    }, secrets),
    getCredits: withRedactedErrors(
      async (options?: {
        abortSignal?: AbortSignal;
        headers?: Record<string, string | undefined>;
      }) => {
        const { getMixRouterCredits } = await loadCredits();
        return getMixRouterCredits({ config: config('credits'), ...options });
      },
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
