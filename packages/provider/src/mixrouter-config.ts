import { InvalidArgumentError } from '@ai-sdk/provider';
import type { FetchFunction, FlexibleSchema } from '@ai-sdk/provider-utils';
import { combineHeaders, safeValidateTypes, withUserAgentSuffix } from '@ai-sdk/provider-utils';
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
  fetch?: FetchFunction;
  generateId?: () => string;
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
    ? issues
        .map((issue: { path?: unknown[]; message?: string }) => {
          const path = ['providerOptions.mixrouter', ...(issue.path ?? []).map(String)].join('.');
          return `${path}: ${issue.message ?? 'invalid'}`;
        })
        .join('; ')
    : result.error.message;
  throw new InvalidArgumentError({
    argument: 'providerOptions',
    message: `Invalid MixRouter provider options: ${details}`,
    cause: result.error,
  });
}
