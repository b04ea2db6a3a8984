/**
 * `@mixrouter/ai-sdk-provider/core`: the whole package except that the native routes'
 * official providers are not bundled — pass the ones you route to in `native`. A
 * single-file bundle (edge functions, workers) of a chat app then stays about the size of
 * the same app on `@ai-sdk/openai-compatible`; the main entry would inline all three.
 */
export { createMixRouter, mixrouter } from './mixrouter-core';
export * from './mixrouter-exports';
