export { MixRouterChatLanguageModel } from './chat/mixrouter-chat-language-model';
export type { MixRouterChatOptions } from './chat/mixrouter-chat-options';
export {
  classifyMixRouterError,
  isMixRouterError,
  MixRouterAPIError,
  type MixRouterErrorKind,
} from './mixrouter-error';
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
  MixRouterSpeechModelId,
  MixRouterTranscriptionModelId,
  MixRouterVideoModelId,
} from './mixrouter-model-ids';
export {
  createMixRouter,
  MIXROUTER_DEFAULT_BASE_URL,
  type MixRouterProvider,
  type MixRouterProviderSettings,
  mixrouter,
} from './mixrouter-provider';
export { VERSION } from './version';
