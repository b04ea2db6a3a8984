import { APICallError } from '@ai-sdk/provider';
import {
  cancelResponseBody,
  extractResponseHeaders,
  type FetchFunction,
} from '@ai-sdk/provider-utils';
import { redactResponse } from './mixrouter-redaction';

/** Redirects followed per request (all on the request's own origin). */
export const MAX_API_REDIRECTS = 5;

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

// Headers that describe a request body; dropped when a redirect turns the request into a GET (Fetch §4.4 "HTTP-redirect fetch").
const REQUEST_BODY_HEADERS = [
  'content-type',
  'content-length',
  'content-encoding',
  'content-language',
  'content-location',
];

function inputURL(input: Parameters<FetchFunction>[0]): string {
  return typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
}

function originOf(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return url;
  }
}

function redirectError({
  message,
  url,
  response,
  requestBodyValues,
}: {
  message: string;
  url: string;
  response: Response;
  requestBodyValues: unknown;
}): APICallError {
  return new APICallError({
    message,
    url,
    requestBodyValues,
    statusCode: response.status,
    responseHeaders: extractResponseHeaders(response),
    isRetryable: false,
  });
}

/**
 * The fetch every API request of the package goes through (chat, native routes,
 * embeddings, images, audio, video, `/models`, and any route added later that takes
 * `config.fetch`):
 *
 * - **Redirects stay on the request's origin.** They are followed by hand
 *   (`redirect: 'manual'`, at most {@link MAX_API_REDIRECTS}); a `Location` on another
 *   origin is an error naming both origins and nothing is sent there — no key, no
 *   custom headers, no prompt. 307/308 repeat the method and body; 301/302 turn a POST
 *   into a GET and 303 turns anything but HEAD into a GET, without the body (as the
 *   Fetch standard does).
 * - **Secrets in answers are redacted** (`redactResponse`): headers, and text bodies
 *   while they stream.
 *
 * `baseFetch` is the user's custom fetch or, looked up per call, the global one. A custom
 * fetch that ignores `redirect: 'manual'` and follows redirects itself is caught
 * afterwards: a response that reports (`redirected`, `url`) another origin is refused
 * and not used, though the request to that origin was already made by that fetch.
 */
export function createMixRouterApiFetch({
  fetch: customFetch,
  secrets,
}: {
  fetch?: FetchFunction;
  /** Read per response: the key is loaded at call time. */
  secrets: () => readonly string[];
}): FetchFunction {
  return async (input, init) => {
    const baseFetch = customFetch ?? globalThis.fetch;
    const firstURL = inputURL(input);
    const origin = originOf(firstURL);
    const requestBodyValues = typeof init?.body === 'string' ? init.body : undefined;

    let url = firstURL;
    let method = (init?.method ?? (input instanceof Request ? input.method : 'GET')).toUpperCase();
    let nextInit: RequestInit = { ...init, redirect: 'manual' };

    for (let hop = 0; ; hop++) {
      const response = await baseFetch(hop === 0 ? input : url, nextInit);

      if (response.type === 'opaqueredirect') {
        throw redirectError({
          message: `MixRouter answered ${method} ${origin} with a redirect this runtime does not let the package inspect; it was not followed.`,
          url,
          response,
          requestBodyValues,
        });
      }
      if (response.redirected && response.url !== '' && originOf(response.url) !== origin) {
        void cancelResponseBody(response);
        throw redirectError({
          message: `The custom fetch followed a redirect from ${origin} to another origin (${originOf(response.url)}); that answer is not used. Redirects are followed only within ${origin}.`,
          url,
          response,
          requestBodyValues,
        });
      }

      const location = REDIRECT_STATUSES.has(response.status)
        ? response.headers.get('location')
        : null;
      if (location === null) return redactResponse(response, secrets());
      // Not awaited: some bodies never settle a cancel (mocked ones); the socket is released anyway.
      void cancelResponseBody(response);

      let target: URL;
      try {
        target = new URL(location, url);
      } catch {
        throw redirectError({
          message: `MixRouter redirected ${method} ${origin} to an invalid location; it was not followed.`,
          url,
          response,
          requestBodyValues,
        });
      }
      if (target.origin !== origin) {
        throw redirectError({
          message: `MixRouter redirected ${method} ${origin} to another origin (${target.origin}); the request was not sent there. Redirects are followed only within ${origin} — check the baseURL setting.`,
          url,
          response,
          requestBodyValues,
        });
      }
      if (hop >= MAX_API_REDIRECTS) {
        throw redirectError({
          message: `MixRouter redirected ${method} ${origin} more than ${MAX_API_REDIRECTS} times; the last redirect was not followed.`,
          url,
          response,
          requestBodyValues,
        });
      }

      const toGet =
        (response.status === 303 && method !== 'GET' && method !== 'HEAD') ||
        ((response.status === 301 || response.status === 302) && method === 'POST');
      if (toGet) {
        const headers = new Headers(
          nextInit.headers ?? (input instanceof Request ? input.headers : undefined),
        );
        for (const name of REQUEST_BODY_HEADERS) headers.delete(name);
        method = 'GET';
        nextInit = { ...nextInit, method, headers, body: undefined };
      } else if (hop === 0 && input instanceof Request && init?.body === undefined) {
        if (input.body !== null) {
          throw redirectError({
            message: `MixRouter redirected ${method} ${origin} with status ${response.status}, which needs the request body sent again; a Request object's body cannot be replayed.`,
            url,
            response,
            requestBodyValues,
          });
        }
        nextInit = { method, headers: input.headers, ...nextInit };
      } else if (nextInit.body instanceof ReadableStream) {
        throw redirectError({
          message: `MixRouter redirected ${method} ${origin} with status ${response.status}, which needs the request body sent again; a streamed body cannot be replayed.`,
          url,
          response,
          requestBodyValues,
        });
      }
      url = target.href;
    }
  };
}
