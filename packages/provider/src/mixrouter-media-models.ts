import type {
  EmbeddingModelV4,
  Experimental_VideoModelV4,
  ImageModelV4,
  RerankingModelV4,
  SpeechModelV4,
  TranscriptionModelV4,
} from '@ai-sdk/provider';
import type { MixRouterChatLanguageModel } from './chat/mixrouter-chat-language-model';
import { MixRouterEmbeddingModel } from './embedding/mixrouter-embedding-model';
import { MixRouterImageModel } from './image/mixrouter-image-model';
import type { MixRouterConfig } from './mixrouter-config';
import { MixRouterRerankingModel } from './reranking/mixrouter-reranking-model';
import { MixRouterSpeechModel } from './speech/mixrouter-speech-model';
import { MixRouterTranscriptionModel } from './transcription/mixrouter-transcription-model';
import { MixRouterVideoModel } from './video/mixrouter-video-model';

/** What a provider instance hands to the media model factories. */
export type MixRouterModelContext = {
  config: (kind: string) => MixRouterConfig;
  /** Wraps a model so its errors are redacted like every other model's. */
  guard: <T extends object>(model: T) => T;
  createChatModel: (modelId: string) => MixRouterChatLanguageModel;
};

/**
 * The non-chat model types: embeddings, images, speech, transcription, video, reranking.
 * The main entry always has them; `@mixrouter/ai-sdk-provider/core` only when the app
 * passes `media: mixrouterMediaModels`, so a chat-only single-file bundle leaves them out.
 */
export interface MixRouterMediaModels {
  embedding(modelId: string, context: MixRouterModelContext): EmbeddingModelV4;
  image(modelId: string, context: MixRouterModelContext): ImageModelV4;
  speech(modelId: string, context: MixRouterModelContext): SpeechModelV4;
  transcription(modelId: string, context: MixRouterModelContext): TranscriptionModelV4;
  video(modelId: string, context: MixRouterModelContext): Experimental_VideoModelV4;
  reranking(modelId: string, context: MixRouterModelContext): RerankingModelV4;
}

export const mixrouterMediaModels: MixRouterMediaModels = {
  embedding: (id, { config, guard }) => guard(new MixRouterEmbeddingModel(id, config('embedding'))),
  image: (id, { config, guard, createChatModel }) =>
    guard(new MixRouterImageModel(id, { ...config('image'), createChatModel })),
  speech: (id, { config, guard }) => guard(new MixRouterSpeechModel(id, config('speech'))),
  transcription: (id, { config, guard }) =>
    guard(new MixRouterTranscriptionModel(id, config('transcription'))),
  video: (id, { config, guard }) => guard(new MixRouterVideoModel(id, config('video'))),
  reranking: (id, { config, guard }) => guard(new MixRouterRerankingModel(id, config('reranking'))),
};
