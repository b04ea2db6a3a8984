/**
 * `@mixrouter/ai-sdk-provider/media`: the non-chat model types for the `/core` entry —
 * `createMixRouter({ media: mixrouterMediaModels })` — and their classes. The main entry
 * exports the same.
 */
export * from './mixrouter-media-exports';
