// The API both entries share; each entry adds its own createMixRouter and mixrouter. The
// media model classes are in mixrouter-media-exports.ts: `/core` must not reach them.
export { MixRouterChatLanguageModel } from './chat/mixrouter-chat-language-model';
export type { MixRouterChatOptions } from './chat/mixrouter-chat-options';
export type { MixRouterCredits } from './credits/get-mixrouter-credits';
export type { MixRouterEmbeddingOptions } from './embedding/mixrouter-embedding-options';
export type { MixRouterImageOptions } from './image/mixrouter-image-options';
export type { MixRouterListedModel } from './list-mixrouter-models';
export {
  classifyMixRouterError,
  isMixRouterError,
  MixRouterAPIError,
  type MixRouterErrorKind,
} from './mixrouter-error';
export type { MixRouterMediaModels } from './mixrouter-media-models';
export {
  detectMixRouterModelFamily,
  getMixRouterModelInfo,
  listMixRouterCatalogue,
  type MixRouterEndpoint,
  type MixRouterInputModality,
  type MixRouterModelFamily,
  type MixRouterModelInfo,
  type MixRouterModelKind,
  type MixRouterOutputModality,
  type MixRouterReasoningControl,
  type MixRouterReasoningReplay,
} from './mixrouter-model-catalogue';
export type {
  MixRouterChatModelId,
  MixRouterEmbeddingModelId,
  MixRouterImageModelId,
  MixRouterRealtimeModelId,
  MixRouterRerankingModelId,
  MixRouterSpeechModelId,
  MixRouterTranscriptionModelId,
  MixRouterVideoModelId,
} from './mixrouter-model-ids';
export {
  MIXROUTER_DEFAULT_BASE_URL,
  type MixRouterProvider,
  type MixRouterProviderSettings,
} from './mixrouter-provider';
export { MixRouterNativeLanguageModel } from './native/mixrouter-native-language-model';
export type { MixRouterNativeProviders } from './native/mixrouter-native-providers';
export {
  type MixRouterRealtimeFactory,
  MixRouterRealtimeModel,
  type MixRouterRealtimeOptions,
  type MixRouterRealtimeProtocol,
} from './realtime/mixrouter-realtime-model';
export type { MixRouterRerankingOptions } from './reranking/mixrouter-reranking-options';
export type { MixRouterSpeechOptions } from './speech/mixrouter-speech-options';
export type { MixRouterTranscriptionOptions } from './transcription/mixrouter-transcription-options';
export { VERSION } from './version';
export type { MixRouterVideoOptions } from './video/mixrouter-video-options';
