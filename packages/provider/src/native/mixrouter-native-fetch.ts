import type { FetchFunction } from '@ai-sdk/provider-utils';
import { deepMerge } from '../chat/build-mixrouter-chat-request';
import { type MixRouterConfig, USER_AGENT_TOKEN } from '../mixrouter-config';
import { mixrouterFailedResponseHandler } from '../mixrouter-error';
import { splitMixRouterBaseURL, withBaseURLQuery } from '../mixrouter-url';
import { detectMixRouterNativeErrors } from './detect-mixrouter-native-errors';

// Credentials the official providers set with the placeholder key we give them.
const FOREIGN_AUTH_HEADERS = ['authorization', 'x-api-key', 'x-goog-api-key'];

/**
 * The fetch handed to the official protocol providers (`@ai-sdk/openai` responses,
 * `@ai-sdk/anthropic`, `@ai-sdk/google`) on MixRouter's native routes. It makes those
 * routes behave like the rest of the package:
 * - authenticates with the MixRouter key as `Authorization: Bearer` (accepted on every
 *   route, protocol §1), loaded at call time so a missing key names MIXROUTER_API_KEY;
 * - appends our user-agent token and the provider's extra headers;
 * - deep-merges `providerOptions.mixrouter.extraBody` into the JSON body;
 * - puts the base URL's query string (`…/v1?key=…`) back on the request URL: the
 *   official providers are given the base URL without it, as they append paths by
 *   string concatenation;
 * - turns every non-2xx answer into a `MixRouterAPIError` parsed from the gateway's
 *   error shapes (the official parsers expect their vendors' shapes, not the gateway's),
 *   and so does a gateway error sent with status 200 (`detectMixRouterNativeErrors`).
 *
 * It goes through `config.fetch`, the shared API fetch (same-origin redirects only,
 * redaction). A request to any other origin than the base URL's gets none of the
 * MixRouter headers (and the placeholder credentials are removed).
 */
export function createMixRouterNativeFetch({
  config,
  extraBody,
  onStreamError,
}: {
  config: MixRouterConfig;
  extraBody?: Record<string, unknown>;
  /** Receives a gateway error found later in a 200 stream (the stream is ended there). */
  onStreamError?: (error: Error) => void;
}): FetchFunction {
  const { search } = splitMixRouterBaseURL(config.baseURL);
  const baseOrigin = new URL(config.baseURL).origin;
  return async (input, init) => {
    const baseFetch: FetchFunction = config.fetch ?? globalThis.fetch;
    const requestURL =
      typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const sameOrigin = new URL(requestURL).origin === baseOrigin;
    const url = sameOrigin ? withBaseURLQuery(requestURL, search) : requestURL;
    const headers = new Headers(init?.headers);
    for (const name of FOREIGN_AUTH_HEADERS) headers.delete(name);
    if (sameOrigin) {
      for (const [name, value] of Object.entries(config.headers())) {
        if (value !== undefined) headers.set(name, value);
      }
    }
    const userAgent = headers.get('user-agent');
    headers.set('user-agent', userAgent ? `${userAgent} ${USER_AGENT_TOKEN}` : USER_AGENT_TOKEN);

    let body = init?.body;
    let requestBodyValues: unknown = body;
    if (typeof body === 'string') {
      try {
        requestBodyValues = JSON.parse(body);
        if (extraBody !== undefined) {
          requestBodyValues = deepMerge(requestBodyValues as Record<string, unknown>, extraBody);
          body = JSON.stringify(requestBodyValues);
        }
      } catch {
        // not JSON: leave it untouched
      }
    }

    const response = await baseFetch(url, { ...init, headers, body });
    if (!response.ok) {
      const { value } = await mixrouterFailedResponseHandler({ response, url, requestBodyValues });
      throw value;
    }
    return sameOrigin
      ? detectMixRouterNativeErrors(response, { url, requestBodyValues, onStreamError })
      : response;
  };
}
