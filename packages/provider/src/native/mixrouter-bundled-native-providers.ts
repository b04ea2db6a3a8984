import type { MixRouterNativeProviderLoaders } from './mixrouter-native-providers';

/**
 * The main entry's native providers: imported on first use, so the package starts fast
 * when only chat completions are used. Single-file bundlers inline these imports (about
 * 0.5 MB); `@mixrouter/ai-sdk-provider/core` does not reference this module.
 */
export const BUNDLED_NATIVE_PROVIDERS: MixRouterNativeProviderLoaders = {
  openai: () => import('@ai-sdk/openai').then((module) => module.createOpenAI),
  anthropic: () => import('@ai-sdk/anthropic').then((module) => module.createAnthropic),
  google: () => import('@ai-sdk/google').then((module) => module.createGoogle),
};
