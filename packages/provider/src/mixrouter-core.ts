import {
  createMixRouterProvider,
  type MixRouterProvider,
  type MixRouterProviderSettings,
} from './mixrouter-provider';

/**
 * Creates a MixRouter provider for the `/core` entry: chat completions (with the catalogue,
 * reasoning, tools, multimodal input), `listModels()` and `getCredits()` built in; the
 * rest only when passed in, so a single-file bundle carries nothing the app does not use:
 * the native routes' official providers in `settings.native` (e.g. `{ openai:
 * createOpenAI }`), the other model types in `settings.media` (`mixrouterMediaModels`).
 * Without them, creating such a model throws an error that says what to pass.
 */
export function createMixRouter(settings: MixRouterProviderSettings = {}): MixRouterProvider {
  return createMixRouterProvider(settings);
}

/** Default instance without native routes: reads `MIXROUTER_API_KEY` and `MIXROUTER_BASE_URL` at call time. */
export const mixrouter = /* @__PURE__ */ createMixRouter();
