import { InvalidArgumentError } from '@ai-sdk/provider';
import type { FetchFunction, FlexibleSchema } from '@ai-sdk/provider-utils';
import { combineHeaders, safeValidateTypes, withUserAgentSuffix } from '@ai-sdk/provider-utils';
import type { MixRouterProviderSettings } from './mixrouter-settings';
import { VERSION } from './version';

/**
 * The small object the provider factory hands to every model class: where to send
 * requests, which headers to send, and which fetch to use.
 */
export type MixRouterConfig = {
  /** Model `provider` string, e.g. `mixrouter.chat`. */
  provider: string;
  /** Base URL without trailing slash, e.g. `https://api.mixrouter.com/v1`. */
  baseURL: string;
  /** Builds a URL under the base URL from a path that starts with `/`. */
  url: (path: string) => string;
  /** Authorization and user headers; evaluated per request so a missing key fails at call time. */
  headers: () => Record<string, string | undefined>;
  /**
   * The fetch for API requests. The factory passes the shared API fetch
   * (`createMixRouterApiFetch`: same-origin redirects only, secrets redacted); a route
   * added later gets both by using it.
   */
  fetch?: FetchFunction;
  /**
   * The fetch for URLs taken from response bodies (the factory's
   * `createMixRouterDownloadTransport`: address-level checks, connects to the checked
   * address). `downloadResponseUrl` follows redirects and picks headers around it.
   */
  downloadFetch?: FetchFunction;
  /** The user's own fetch (or undefined: the global one), for URLs the user passed in (image-edit inputs). */
  inputFetch?: FetchFunction;
  downloads?: MixRouterDownloadSettings;
  generateId?: () => string;
  /**
   * The settings the factory was given, read only to describe the model at a Workflow
   * step boundary (mixrouter-workflow-serde.ts); absent on configs built by hand. A
   * function, like `headers`, so the key is never reachable as data on a model.
   */
  settings?: () => MixRouterProviderSettings;
};

/** A `dns.lookup`-shaped resolver: all addresses of a host name. */
export type MixRouterLookup = (
  hostname: string,
) => Promise<Array<{ address: string; family: 4 | 6 }>>;

/** `downloads` provider setting: how URLs found in responses are fetched. */
export type MixRouterDownloadSettings = {
  /**
   * Also download from hosts that resolve to private, loopback, link-local, CGNAT or
   * unique-local addresses, cloud metadata included (a gateway whose media store sits on
   * your private network). Default `false`.
   */
  allowPrivateNetwork?: boolean;
  /** The resolver used for the address check (default: `node:dns` `lookup`, all addresses). */
  lookup?: MixRouterLookup;
};

export const USER_AGENT_TOKEN = `ai-sdk-mixrouter/${VERSION}`;

/**
 * Merges config and per-call headers, then appends our user-agent token. The suffix
 * must be added after the merge: `ai` puts its own `user-agent` into the call headers,
 * which would otherwise replace the provider's.
 */
export function buildRequestHeaders(
  config: Pick<MixRouterConfig, 'headers'>,
  callHeaders?: Record<string, string | undefined>,
): Record<string, string> {
  return withUserAgentSuffix(combineHeaders(config.headers(), callHeaders), USER_AGENT_TOKEN);
}

/**
 * `providerOptions.mixrouter`, validated. Like provider-utils' `parseProviderOptions`
 * (same `InvalidArgumentError`, same cause), but the message says what is wrong —
 * `providerOptions.mixrouter.temprature: Unrecognized key` — instead of only "invalid
 * mixrouter provider options".
 */
export async function parseMixRouterProviderOptions<T>({
  providerOptions,
  schema,
}: {
  providerOptions: Record<string, unknown> | undefined;
  schema: FlexibleSchema<T>;
}): Promise<T | undefined> {
  const value = providerOptions?.mixrouter;
  if (value == null) return undefined;
  const result = await safeValidateTypes({ value, schema });
  if (result.success) return result.value;
  const issues = (result.error.cause as { issues?: unknown } | undefined)?.issues;
  const details = Array.isArray(issues)
    ? describeMixRouterOptionIssues(issues, 'providerOptions.mixrouter')
    : result.error.message;
  throw new InvalidArgumentError({
    argument: 'providerOptions',
    message: `Invalid MixRouter provider options: ${details}`,
    cause: result.error,
  });
}

/** `path.to.key: message; …` for zod issues, each path under `prefix`. */
export function describeMixRouterOptionIssues(
  issues: ReadonlyArray<{ path?: ReadonlyArray<PropertyKey>; message?: string }>,
  prefix: string,
): string {
  return issues
    .map((issue) => {
      const path = [prefix, ...(issue.path ?? []).map(String)].join('.');
      return `${path}: ${issue.message ?? 'invalid'}`;
    })
    .join('; ');
}
