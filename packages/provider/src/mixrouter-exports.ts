// The API both entries share; each entry adds its own createMixRouter and mixrouter.
export { MixRouterChatLanguageModel } from './chat/mixrouter-chat-language-model';
export type { MixRouterChatOptions } from './chat/mixrouter-chat-options';
export type { MixRouterCredits } from './credits/get-mixrouter-credits';
export { MixRouterEmbeddingModel } from './embedding/mixrouter-embedding-model';
export type { MixRouterEmbeddingOptions } from './embedding/mixrouter-embedding-options';
export { MixRouterImageModel } from './image/mixrouter-image-model';
export type { MixRouterImageOptions } from './image/mixrouter-image-options';
export type { MixRouterListedModel } from './list-mixrouter-models';
export {
  classifyMixRouterError,
  isMixRouterError,
  MixRouterAPIError,
  type MixRouterErrorKind,
} from './mixrouter-error';
export {
  type MixRouterMediaModels,
  mixrouterMediaModels,
} from './mixrouter-media-models';
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
export { MixRouterRerankingModel } from './reranking/mixrouter-reranking-model';
export type { MixRouterRerankingOptions } from './reranking/mixrouter-reranking-options';
export { MixRouterSpeechModel } from './speech/mixrouter-speech-model';
export type { MixRouterSpeechOptions } from './speech/mixrouter-speech-options';
export { MixRouterTranscriptionModel } from './transcription/mixrouter-transcription-model';
export type { MixRouterTranscriptionOptions } from './transcription/mixrouter-transcription-options';
export { VERSION } from './version';
export { MixRouterVideoModel } from './video/mixrouter-video-model';
export type { MixRouterVideoOptions } from './video/mixrouter-video-options';
