import { mixrouterMediaModels } from './mixrouter-media-models';
import {
  createMixRouterProvider,
  type MixRouterProvider,
  type MixRouterProviderSettings,
} from './mixrouter-provider';
import { BUNDLED_NATIVE_PROVIDERS } from './native/mixrouter-bundled-native-providers';

/**
 * Creates a MixRouter provider instance. The native routes' official providers
 * (`@ai-sdk/openai`, `@ai-sdk/anthropic`, `@ai-sdk/google`) are imported when a native
 * model is first used. For single-file bundles see `@mixrouter/ai-sdk-provider/core`.
 */
export function createMixRouter(settings: MixRouterProviderSettings = {}): MixRouterProvider {
  return createMixRouterProvider(settings, {
    native: BUNDLED_NATIVE_PROVIDERS,
    media: mixrouterMediaModels,
  });
}

/** Default instance: reads `MIXROUTER_API_KEY` and `MIXROUTER_BASE_URL` at call time. */
export const mixrouter = /* @__PURE__ */ createMixRouter();
