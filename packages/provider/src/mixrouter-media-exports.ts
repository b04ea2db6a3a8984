// The media model types (main entry and `@mixrouter/ai-sdk-provider/media`). Kept out of
// what `/core` reaches: their Workflow statics are computed class keys, which bundlers
// cannot prove side-effect-free, so in a shared chunk they would stay in every `/core`
// app bundle. In a chunk of their own, a chat-only app never imports them.
export { MixRouterEmbeddingModel } from './embedding/mixrouter-embedding-model';
export { MixRouterImageModel } from './image/mixrouter-image-model';
export { mixrouterMediaModels } from './mixrouter-media-models';
export { MixRouterRerankingModel } from './reranking/mixrouter-reranking-model';
export { MixRouterSpeechModel } from './speech/mixrouter-speech-model';
export { MixRouterTranscriptionModel } from './transcription/mixrouter-transcription-model';
export { MixRouterVideoModel } from './video/mixrouter-video-model';
