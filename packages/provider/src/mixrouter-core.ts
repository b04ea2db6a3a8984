import {
  createMixRouterProvider,
  type MixRouterProvider,
  type MixRouterProviderSettings,
} from './mixrouter-provider';

/**
 * Creates a MixRouter provider for the `/core` entry: everything the main entry has,
 * except that the native routes use only the official providers given in
 * `settings.native` (e.g. `{ openai: createOpenAI }`); without one, creating a model on
 * that route throws an error that says what to pass.
 */
export function createMixRouter(settings: MixRouterProviderSettings = {}): MixRouterProvider {
  return createMixRouterProvider(settings);
}

/** Default instance without native routes: reads `MIXROUTER_API_KEY` and `MIXROUTER_BASE_URL` at call time. */
export const mixrouter = /* @__PURE__ */ createMixRouter();
