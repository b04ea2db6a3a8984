import { LoadAPIKeyError } from '@ai-sdk/provider';
import {
  type FetchFunction,
  loadApiKey,
  loadOptionalSetting,
  withoutTrailingSlash,
} from '@ai-sdk/provider-utils';
import { createMixRouterApiFetch } from './mixrouter-api-fetch';
import type { MixRouterConfig, MixRouterDownloadSettings } from './mixrouter-config';
import { lazyLoad } from './mixrouter-lazy-load';
import type { MixRouterMediaModels } from './mixrouter-media-models';
import { baseURLSecrets, normaliseSecrets } from './mixrouter-redaction';
import { buildMixRouterURL } from './mixrouter-url';
import type { MixRouterNativeProviders } from './native/mixrouter-native-providers';
import { redactMixRouterModelErrors } from './redact-mixrouter-model-errors';

const loadDownloadTransport = /* @__PURE__ */ lazyLoad(
  () => import('./mixrouter-download-transport'),
);

export const MIXROUTER_DEFAULT_BASE_URL = 'https://api.mixrouter.com/v1';

export interface MixRouterProviderSettings {
  /** API key; default `process.env.MIXROUTER_API_KEY`. A missing key fails at call time. */
  apiKey?: string;
  /** Default `process.env.MIXROUTER_BASE_URL ?? 'https://api.mixrouter.com/v1'`. */
  baseURL?: string;
  /** Extra headers sent on every request. */
  headers?: Record<string, string | undefined>;
  /**
   * Custom fetch, e.g. for proxies, logging or tests. Used for every request; API
   * requests still follow redirects only within their own origin (the package asks for
   * `redirect: 'manual'`).
   */
  fetch?: FetchFunction;
  /**
   * How URLs found in responses (image `url`, speech `audio_url`, video URLs) are
   * downloaded. By default a host that resolves to a private, loopback, link-local,
   * CGNAT, unique-local or metadata address is refused (see SECURITY.md).
   */
  downloads?: MixRouterDownloadSettings;
  /** ID generator for tool calls and sources without ids (tests). */
  generateId?: () => string;
  /**
   * Which route `provider(id)` / `languageModel(id)` uses per family. Default: chat
   * completions for both. `messages` (Claude) and `gemini` (Gemini) keep signed thinking
   * and thought signatures across tool-call turns; choose them for thinking + tools.
   * Responses-only models (gpt-5.1-codex, gpt-5.2-pro, o3-pro) always use `/responses`.
   */
  routing?: {
    anthropic?: 'chat' | 'messages';
    google?: 'chat' | 'gemini';
  };
  /**
   * The official provider factories the native routes compose, e.g.
   * `{ openai: createOpenAI }`. The main entry loads them by itself when first needed;
   * on `@mixrouter/ai-sdk-provider/core` pass the ones your app routes to.
   */
  native?: MixRouterNativeProviders;
  /**
   * The non-chat model types. The main entry always has them; on
   * `@mixrouter/ai-sdk-provider/core` pass `media: mixrouterMediaModels` (from `/media`) to use
   * embeddings, images, speech, transcription, video or reranking.
   */
  media?: MixRouterMediaModels;
}

/**
 * Where the API key comes from: the settings (else `MIXROUTER_API_KEY`) for a provider the
 * user created, only `MIXROUTER_API_KEY` for a model rebuilt from Workflow step state
 * (the state never holds the key; see mixrouter-workflow-serde.ts).
 */
export type MixRouterKeySource = 'settings' | 'step-environment';

const MISSING_STEP_KEY_MESSAGE =
  'MixRouter API key is missing. This model was rebuilt from Workflow step state, which never holds the key: durable steps read it from the MIXROUTER_API_KEY environment variable at call time. Set MIXROUTER_API_KEY in the environment where the workflow steps run.';

/**
 * Makes a custom fetch settle as soon as its `signal` aborts, even if the function itself
 * ignores the signal (a wrapper that forgot to pass it on): `abortSignal` and timeouts
 * then always end the call promptly. The global fetch already behaves this way.
 */
function honourAbortSignal(fetch: FetchFunction): FetchFunction {
  return (input, init) => {
    const signal = init?.signal;
    if (signal == null) return fetch(input, init);
    if (signal.aborted) return Promise.reject(signal.reason);
    return new Promise<Response>((resolve, reject) => {
      const onAbort = () => reject(signal.reason);
      signal.addEventListener('abort', onAbort, { once: true });
      fetch(input, init).then(
        (response) => {
          signal.removeEventListener('abort', onAbort);
          // Answered after the abort: nobody will read this body, release it.
          if (signal.aborted) response.body?.cancel().catch(() => {});
          resolve(response);
        },
        (error: unknown) => {
          signal.removeEventListener('abort', onAbort);
          reject(error);
        },
      );
    });
  };
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}

/**
 * Loads the key at call time (setting, else `MIXROUTER_API_KEY`). Surrounding whitespace
 * (a key read from a file) is trimmed. A key with characters an HTTP header cannot carry
 * is refused here: otherwise `fetch` throws a TypeError whose message quotes the whole
 * header value — the key — into logs.
 */
function loadMixRouterApiKey(apiKey: string | undefined, keySource: MixRouterKeySource): string {
  if (
    keySource === 'step-environment' &&
    !loadOptionalSetting({
      settingValue: undefined,
      environmentVariableName: 'MIXROUTER_API_KEY',
    })?.trim()
  ) {
    throw new LoadAPIKeyError({ message: MISSING_STEP_KEY_MESSAGE });
  }
  const key = loadApiKey({
    apiKey,
    environmentVariableName: 'MIXROUTER_API_KEY',
    description: 'MixRouter',
  }).trim();
  if (key === '') {
    throw new LoadAPIKeyError({
      message:
        apiKey === undefined
          ? 'MIXROUTER_API_KEY is set but empty. Put your MixRouter API key in it, or pass the apiKey setting.'
          : 'The MixRouter apiKey setting is an empty string. Pass your MixRouter API key, or leave the setting out to use MIXROUTER_API_KEY.',
    });
  }
  if (!/^[\x21-\x7e]+$/.test(key)) {
    throw new LoadAPIKeyError({
      message:
        'The MixRouter API key contains whitespace, control or non-ASCII characters and cannot be sent in an HTTP header. Check the apiKey setting or MIXROUTER_API_KEY (the key is not shown here).',
    });
  }
  return key;
}

/**
 * Turns provider settings into the small config each model class gets. The factory and
 * the Workflow deserialiser both build configs here, so a rebuilt model sends exactly what
 * a fresh `createMixRouter()` with the same settings sends.
 */
export function createMixRouterConfigs(
  settings: MixRouterProviderSettings,
  keySource: MixRouterKeySource = 'settings',
): {
  config: (kind: string) => MixRouterConfig;
  /** Wraps a model so the key never leaves it in an error (redact-mixrouter-model-errors.ts). */
  guard: <T extends object>(model: T) => T;
  /** The secrets to redact, read at call time. */
  secrets: () => string[];
} {
  // An empty setting or MIXROUTER_BASE_URL= (e.g. from an .env template) means "unset".
  const baseURL =
    withoutTrailingSlash(
      nonEmpty(settings.baseURL) ??
        nonEmpty(
          loadOptionalSetting({
            settingValue: undefined,
            environmentVariableName: 'MIXROUTER_BASE_URL',
          }),
        ),
    ) ?? MIXROUTER_DEFAULT_BASE_URL;

  const headers = () => ({
    Authorization: `Bearer ${loadMixRouterApiKey(settings.apiKey, keySource)}`,
    ...settings.headers,
  });

  const customFetch = settings.fetch && honourAbortSignal(settings.fetch);

  // The key (read at call time, like `headers`) and what the base URL carries: redacted
  // from every response and every error.
  const fixedSecrets = baseURLSecrets(baseURL);
  const secrets = () =>
    normaliseSecrets([
      loadOptionalSetting({
        settingValue: settings.apiKey,
        environmentVariableName: 'MIXROUTER_API_KEY',
      })?.trim(),
      ...fixedSecrets,
    ]);
  // One fetch for every API request of every route: same-origin redirects, redaction.
  const apiFetch = createMixRouterApiFetch({ fetch: customFetch, secrets });
  const guard = <T extends object>(model: T): T =>
    redactMixRouterModelErrors(model, secrets, { streams: fixedSecrets.length > 0 });

  // The download guard (address checks, pinned connections) loads on the first download.
  let downloadTransport: FetchFunction | undefined;
  const downloadFetch: FetchFunction = async (input, init) => {
    if (downloadTransport === undefined) {
      const { createMixRouterDownloadTransport } = await loadDownloadTransport();
      downloadTransport = createMixRouterDownloadTransport({
        baseURL,
        fetch: customFetch,
        settings: settings.downloads,
      });
    }
    return downloadTransport(input, init);
  };

  const config = (kind: string): MixRouterConfig => ({
    provider: `mixrouter.${kind}`,
    baseURL,
    url: (path) => buildMixRouterURL(baseURL, path),
    headers,
    fetch: apiFetch,
    downloadFetch,
    inputFetch: customFetch,
    downloads: settings.downloads,
    generateId: settings.generateId,
    settings: () => settings,
  });

  return { config, guard, secrets };
}
