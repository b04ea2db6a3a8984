import { InvalidArgumentError } from '@ai-sdk/provider';
import { loadOptionalSetting } from '@ai-sdk/provider-utils';
import type { MixRouterConfig } from './mixrouter-config';
import { normaliseSecrets } from './mixrouter-redaction';
import { createMixRouterConfigs, type MixRouterProviderSettings } from './mixrouter-settings';

/*
 * What a MixRouter model becomes when it crosses a Workflow DevKit step boundary
 * (`WorkflowAgent` from `@ai-sdk/workflow` passes the model to every model step). Every
 * model class has `static [WORKFLOW_SERIALIZE]` / `[WORKFLOW_DESERIALIZE]` (symbols from
 * `@workflow/serde`, re-exported by provider-utils) delegating here.
 *
 * The state is written to the world's event log, which only some worlds encrypt, so it
 * is plain JSON with no credential in it: model id, provider name, and the settings a
 * fresh `createMixRouter()` needs to send the same requests. The key is never stored —
 * the rebuilt model reads `MIXROUTER_API_KEY` from the step's environment at call time.
 * (The official providers' `serializeModelOptions` stores the resolved headers, i.e.
 * the `Authorization` header, in plain text.)
 */

/** JSON stored for one model at a step boundary. */
export type MixRouterModelState = {
  /** Bumped when the shape changes; a rebuilt model refuses shapes it does not know. */
  format: 1;
  modelId: string;
  /** `mixrouter.<kind>`: `chat`, `responses`, `messages`, `gemini`, `embedding`, … */
  provider: string;
  /** The provider settings that crossed: baseURL, non-credential headers, routing. */
  settings: MixRouterSerializedSettings;
  /** Names (never values) of settings and headers that were not carried, e.g. `apiKey`, `fetch`, `headers.Cookie`. */
  omitted: string[];
  /** Per-model options given when the model was created (realtime: `protocol`). */
  options?: Record<string, string>;
};

type MixRouterSerializedSettings = {
  baseURL: string;
  headers?: Record<string, string>;
  routing?: MixRouterProviderSettings['routing'];
  downloads?: { allowPrivateNetwork?: boolean };
};

/**
 * How each provider setting crosses a step boundary. The mapped type makes a setting
 * added to `MixRouterProviderSettings` fail the typecheck until it is decided here.
 * - `secret`: never stored; the rebuilt model reads `MIXROUTER_API_KEY` at call time.
 * - `function`: cannot be stored; the rebuilt model uses the default (global `fetch`,
 *   provider-utils' id generator, this package's own `@ai-sdk/openai` / `anthropic` /
 *   `google` for the native routes).
 * - `base-url`: the resolved base URL (after `MIXROUTER_BASE_URL` and the default),
 *   without user info or credential query parameters.
 * - `headers`: every header except credentials.
 * - `json`: plain JSON data, stored as is.
 * - `downloads`: the `allowPrivateNetwork` flag; a custom `lookup` (a function) is not
 *   stored, the rebuilt model resolves with `node:dns`.
 */
const SETTINGS_HANDLING = {
  apiKey: 'secret',
  baseURL: 'base-url',
  headers: 'headers',
  fetch: 'function',
  generateId: 'function',
  native: 'function',
  media: 'function',
  routing: 'json',
  downloads: 'downloads',
} as const satisfies {
  [K in keyof Required<MixRouterProviderSettings>]:
    | 'secret'
    | 'function'
    | 'base-url'
    | 'headers'
    | 'json'
    | 'downloads';
};

/** Header names that carry credentials on MixRouter's routes or their upstreams' (protocol §1). */
const CREDENTIAL_HEADERS = new Set([
  'authorization',
  'proxy-authorization',
  'x-api-key',
  'api-key',
  'x-goog-api-key',
  'cookie',
]);

/**
 * Name parts that mark a header or query parameter as a credential (`mj-api-secret`,
 * `x-auth-token`, `x-upstream-api-key`). A lone `key` part is not one (`Idempotency-Key`),
 * except as the whole name of a query parameter (`?key=` on Gemini routes).
 */
const CREDENTIAL_NAME_PARTS = new Set([
  'auth',
  'authorization',
  'token',
  'secret',
  'password',
  'passwd',
  'cookie',
  'credential',
  'credentials',
  'apikey',
  'signature',
]);

function isCredentialName(name: string, where: 'header' | 'query'): boolean {
  const lower = name.toLowerCase();
  if (CREDENTIAL_HEADERS.has(lower) || (where === 'query' && lower === 'key')) return true;
  const parts = lower.split(/[-_.]/);
  return parts.some(
    (part, i) => CREDENTIAL_NAME_PARTS.has(part) || (part === 'api' && parts[i + 1] === 'key'),
  );
}

/** Key values to keep out of the state wherever they appear (header values, URL parts). */
function knownSecrets(settings: MixRouterProviderSettings): string[] {
  return normaliseSecrets([
    settings.apiKey?.trim(),
    loadOptionalSetting({
      settingValue: undefined,
      environmentVariableName: 'MIXROUTER_API_KEY',
    })?.trim(),
  ]);
}

function carriesSecret(value: string, secrets: string[]): boolean {
  return /^\s*(bearer|basic)\s/i.test(value) || secrets.some((secret) => value.includes(secret));
}

function serializeHeaders(
  headers: MixRouterProviderSettings['headers'],
  secrets: string[],
  omitted: string[],
): Record<string, string> | undefined {
  if (headers == null) return undefined;
  const kept: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    // An undefined header is never sent, so leaving it out changes nothing.
    if (value === undefined) continue;
    if (isCredentialName(name, 'header') || carriesSecret(String(value), secrets))
      omitted.push(`headers.${name}`);
    else kept[name] = String(value);
  }
  return Object.keys(kept).length > 0 ? kept : undefined;
}

/**
 * The base URL without user info and without credential query parameters (`?key=` is
 * accepted on Gemini routes, protocol §1). The rebuilt model authenticates with the key
 * from the environment as `Authorization: Bearer`, which every route accepts.
 */
function serializeBaseURL(baseURL: string, secrets: string[], omitted: string[]): string {
  let url: URL;
  try {
    url = new URL(baseURL);
  } catch {
    // Not a URL: every request fails the same way before and after the boundary.
    return baseURL;
  }
  let changed = false;
  if (url.username !== '' || url.password !== '') {
    url.username = '';
    url.password = '';
    omitted.push('baseURL.credentials');
    changed = true;
  }
  for (const [name, value] of [...url.searchParams]) {
    if (isCredentialName(name, 'query') || carriesSecret(value, secrets)) {
      url.searchParams.delete(name);
      omitted.push(`baseURL.query.${name}`);
      changed = true;
    }
  }
  if (secrets.some((secret) => url.href.includes(secret))) {
    throw new InvalidArgumentError({
      argument: 'baseURL',
      message:
        'The MixRouter base URL contains the API key outside a query parameter, so the model cannot be written to Workflow step state. Pass the key as the apiKey setting or MIXROUTER_API_KEY instead.',
    });
  }
  return changed ? url.href.replace(/\/$/, baseURL.endsWith('/') ? '/' : '') : baseURL;
}

function isPlainJson(value: unknown): boolean {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value);
  if (Array.isArray(value)) return value.every(isPlainJson);
  if (typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.values(value).every((entry) => entry === undefined || isPlainJson(entry));
  }
  return false;
}

/**
 * `static [WORKFLOW_SERIALIZE]` of every model class: the model's state as plain JSON,
 * never a credential or a function.
 */
export function serializeMixRouterModel(
  model: { modelId: string; constructor: { name: string } },
  config: MixRouterConfig,
  options?: Record<string, string>,
): MixRouterModelState {
  const settings = config.settings?.();
  if (settings === undefined) {
    throw new InvalidArgumentError({
      argument: 'model',
      message: `${model.constructor.name} "${model.modelId}" cannot cross a Workflow step boundary: it was constructed by hand, not by createMixRouter(), so its settings are unknown. Create models with createMixRouter() (or the default mixrouter instance).`,
    });
  }
  const secrets = knownSecrets(settings);
  const omitted: string[] = [];
  const state: MixRouterSerializedSettings = { baseURL: config.baseURL };
  for (const [name, handling] of Object.entries(SETTINGS_HANDLING)) {
    const value = settings[name as keyof MixRouterProviderSettings];
    switch (handling) {
      case 'secret':
      case 'function':
        if (value !== undefined) omitted.push(name);
        break;
      case 'base-url':
        state.baseURL = serializeBaseURL(config.baseURL, secrets, omitted);
        break;
      case 'headers': {
        const headers = serializeHeaders(settings.headers, secrets, omitted);
        if (headers !== undefined) state.headers = headers;
        break;
      }
      case 'downloads': {
        const downloads = settings.downloads;
        if (downloads === undefined) break;
        if (downloads.lookup !== undefined) omitted.push('downloads.lookup');
        if (downloads.allowPrivateNetwork !== undefined)
          state.downloads = { allowPrivateNetwork: downloads.allowPrivateNetwork === true };
        break;
      }
      case 'json':
        if (value === undefined) break;
        if (!isPlainJson(value)) {
          throw new InvalidArgumentError({
            argument: name,
            message: `The MixRouter setting "${name}" of ${model.constructor.name} "${model.modelId}" is not plain JSON, so the model cannot be written to Workflow step state.`,
          });
        }
        (state as Record<string, unknown>)[name] = JSON.parse(JSON.stringify(value));
        break;
    }
  }
  return {
    format: 1,
    modelId: model.modelId,
    provider: config.provider,
    settings: state,
    omitted,
    ...(options !== undefined && { options }),
  };
}

function invalidState(message: string): InvalidArgumentError {
  return new InvalidArgumentError({
    argument: 'state',
    message: `Cannot rebuild a MixRouter model from Workflow step state: ${message}`,
  });
}

function readHeaders(value: unknown): Record<string, string> | undefined {
  if (value === undefined) return undefined;
  if (
    value === null ||
    typeof value !== 'object' ||
    Object.values(value).some((entry) => typeof entry !== 'string')
  ) {
    throw invalidState('settings.headers must map header names to strings.');
  }
  return value as Record<string, string>;
}

function readDownloads(value: unknown): MixRouterProviderSettings['downloads'] {
  if (value === undefined) return undefined;
  const flag = (value as { allowPrivateNetwork?: unknown } | null)?.allowPrivateNetwork;
  if (
    value === null ||
    typeof value !== 'object' ||
    (flag !== undefined && typeof flag !== 'boolean')
  )
    throw invalidState('settings.downloads must be { allowPrivateNetwork?: boolean }.');
  return flag === undefined ? {} : { allowPrivateNetwork: flag };
}

function readRouting(value: unknown): MixRouterProviderSettings['routing'] {
  if (value === undefined) return undefined;
  const routing = value as Record<string, unknown> | null;
  const valid =
    routing !== null &&
    typeof routing === 'object' &&
    Object.entries(routing).every(
      ([family, route]) =>
        (family === 'anthropic' && (route === 'chat' || route === 'messages')) ||
        (family === 'google' && (route === 'chat' || route === 'gemini')),
    );
  if (!valid) throw invalidState('settings.routing is not a valid MixRouter routing setting.');
  return routing as MixRouterProviderSettings['routing'];
}

/**
 * `static [WORKFLOW_DESERIALIZE]` of every model class: checks the state and returns the
 * model id, its kind, and configs built exactly as `createMixRouter()` builds them, with
 * the key read from `MIXROUTER_API_KEY` in the step's environment at call time.
 */
export function rebuildMixRouterModel<KIND extends string>(
  state: unknown,
  kinds: readonly KIND[],
): {
  modelId: string;
  kind: KIND;
  config: (kind: string) => MixRouterConfig;
  /** Wraps the rebuilt model as the factory wraps its models (errors never carry the key). */
  guard: <T extends object>(model: T) => T;
  /** The per-model options that were stored (strings only). */
  options: Record<string, string>;
} {
  const value = state as Partial<MixRouterModelState> | null;
  if (value === null || typeof value !== 'object') throw invalidState('it is not an object.');
  if (value.format !== 1) {
    throw invalidState(
      `unknown format ${JSON.stringify(value.format)} (this package version writes format 1).`,
    );
  }
  if (typeof value.modelId !== 'string' || value.modelId === '')
    throw invalidState('modelId is missing.');
  const kind = typeof value.provider === 'string' ? value.provider.replace(/^mixrouter\./, '') : '';
  if (!value.provider?.startsWith('mixrouter.') || !kinds.includes(kind as KIND)) {
    throw invalidState(
      `provider ${JSON.stringify(value.provider)} is not one of ${kinds.map((k) => `mixrouter.${k}`).join(', ')}.`,
    );
  }
  const settings = value.settings as Partial<MixRouterSerializedSettings> | undefined;
  if (settings == null || typeof settings.baseURL !== 'string')
    throw invalidState('settings.baseURL is missing.');
  const { config, guard } = createMixRouterConfigs(
    {
      baseURL: settings.baseURL,
      headers: readHeaders(settings.headers),
      routing: readRouting(settings.routing),
      downloads: readDownloads(settings.downloads),
    },
    'step-environment',
  );
  const options: Record<string, string> = {};
  if (value.options !== undefined) {
    if (value.options === null || typeof value.options !== 'object')
      throw invalidState('options must be an object.');
    for (const [name, option] of Object.entries(value.options))
      if (typeof option === 'string') options[name] = option;
  }
  return { modelId: value.modelId, kind: kind as KIND, config, guard, options };
}
