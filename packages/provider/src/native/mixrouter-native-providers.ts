import type { createAnthropic } from '@ai-sdk/anthropic';
import type { createGoogle } from '@ai-sdk/google';
import type { createOpenAI } from '@ai-sdk/openai';
import { UnsupportedFunctionalityError } from '@ai-sdk/provider';

/**
 * The official provider factories MixRouter's native routes compose. The main entry
 * loads them lazily by itself; `@mixrouter/ai-sdk-provider/core` leaves them out so a
 * single-file bundle (edge, workers) does not inline three vendor SDKs, and an app
 * passes in only the ones it routes to.
 */
export interface MixRouterNativeProviders {
  /** `createOpenAI` from `@ai-sdk/openai`: the `/responses` route (gpt-5.1-codex, gpt-5.2-pro, `responses()`). */
  openai?: typeof createOpenAI;
  /** `createAnthropic` from `@ai-sdk/anthropic`: the `/messages` route (`messages()`, `routing.anthropic: 'messages'`). */
  anthropic?: typeof createAnthropic;
  /** `createGoogle` from `@ai-sdk/google`: the Gemini-native route (`gemini()`, `routing.google: 'gemini'`). */
  google?: typeof createGoogle;
}

export type MixRouterNativeProviderName = keyof MixRouterNativeProviders;

export type MixRouterNativeRoute = 'responses' | 'messages' | 'gemini';

/** The option namespace the official provider on each route reads. */
export const NATIVE_NAMESPACE: Record<MixRouterNativeRoute, MixRouterNativeProviderName> = {
  responses: 'openai',
  messages: 'anthropic',
  gemini: 'google',
};

/** Resolves a factory the first time a native model needs it. */
export type MixRouterNativeProviderLoaders = {
  [K in MixRouterNativeProviderName]?: () => Promise<NonNullable<MixRouterNativeProviders[K]>>;
};

const PACKAGE: Record<MixRouterNativeProviderName, { name: string; factory: string }> = {
  openai: { name: '@ai-sdk/openai', factory: 'createOpenAI' },
  anthropic: { name: '@ai-sdk/anthropic', factory: 'createAnthropic' },
  google: { name: '@ai-sdk/google', factory: 'createGoogle' },
};

/**
 * The loaders a provider instance uses: factories the app passed in win over the
 * bundled (lazy-import) ones of the main entry.
 */
export function resolveMixRouterNativeProviders(
  given: MixRouterNativeProviders | undefined,
  bundled: MixRouterNativeProviderLoaders | undefined,
): MixRouterNativeProviderLoaders {
  const loaders: MixRouterNativeProviderLoaders = { ...bundled };
  const { openai, anthropic, google } = given ?? {};
  if (openai) loaders.openai = () => Promise.resolve(openai);
  if (anthropic) loaders.anthropic = () => Promise.resolve(anthropic);
  if (google) loaders.google = () => Promise.resolve(google);
  return loaders;
}

/** Raised when a model needs a native route whose official provider was not passed in. */
export function missingMixRouterNativeProviderError({
  modelId,
  route,
  provider,
}: {
  modelId: string;
  route: string;
  provider: MixRouterNativeProviderName;
}): UnsupportedFunctionalityError {
  const { name, factory } = PACKAGE[provider];
  return new UnsupportedFunctionalityError({
    functionality: `${route} route`,
    message:
      `Model '${modelId}' uses MixRouter's ${route} route, which is implemented with ${name}. ` +
      `Pass it in: createMixRouter({ native: { ${provider}: ${factory} } }) with ` +
      `\`import { ${factory} } from '${name}'\`, or import createMixRouter from ` +
      `'@mixrouter/ai-sdk-provider' (the main entry loads it by itself).`,
  });
}

/** An import the bundler leaves alone: the specifier is not a literal. */
const importAtRunTime = (specifier: string): Promise<Record<string, unknown>> =>
  import(/* webpackIgnore: true */ /* @vite-ignore */ specifier);

/**
 * The native providers of a model rebuilt from Workflow step state. The factories an app
 * passed in `settings.native` are functions and cannot be stored, so the rebuilt model
 * imports this package's own dependencies (the same ones the main entry loads) when it
 * is first called. The specifier is computed so that single-file bundles of the `/core`
 * entry do not inline them; where they are not installed, the call fails naming them.
 */
export const RUN_TIME_NATIVE_PROVIDERS: MixRouterNativeProviderLoaders = {
  openai: () => loadAtRunTime('openai'),
  anthropic: () => loadAtRunTime('anthropic'),
  google: () => loadAtRunTime('google'),
};

async function loadAtRunTime<K extends MixRouterNativeProviderName>(
  provider: K,
): Promise<NonNullable<MixRouterNativeProviders[K]>> {
  const { name, factory } = PACKAGE[provider];
  const module = await importAtRunTime(name).catch((cause: unknown) => {
    throw new UnsupportedFunctionalityError({
      functionality: `${name} for a model rebuilt from Workflow step state`,
      message: `A native-route model rebuilt from Workflow step state loads ${name} at run time, and it could not be imported here (${cause instanceof Error ? cause.message : String(cause)}). Install ${name} where the workflow steps run.`,
    });
  });
  return module[factory] as NonNullable<MixRouterNativeProviders[K]>;
}
