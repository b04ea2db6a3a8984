import { APICallError } from '@ai-sdk/provider';
import {
  cancelResponseBody,
  DownloadError,
  extractResponseHeaders,
  isAbortError,
  readResponseWithSizeLimit,
  validateDownloadUrl,
} from '@ai-sdk/provider-utils';
import { buildRequestHeaders, type MixRouterConfig } from './mixrouter-config';
import { describeDownloadUrl, refuseEmbeddedCredentials } from './mixrouter-download-transport';
import { mixrouterFailedResponseHandler } from './mixrouter-error';

export type DownloadedResponseUrl = {
  data: Uint8Array;
  /** The response's `content-type` without parameters, when it sent one. */
  mediaType?: string;
};

const MAX_ERROR_BODY_BYTES = 64 * 1024;
const MAX_DOWNLOAD_REDIRECTS = 10;
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

const describeUrl = describeDownloadUrl;

/**
 * The one way this package fetches a URL that came from a response body (image `url`,
 * TTS `audio_url`, video URLs). The rule:
 *
 * - Only `http:` and `https:` URLs are fetched; anything else (`file:`, `data:`, `ftp:`,
 *   `javascript:` …) is refused with a `DownloadError` before any request is made.
 * - A URL on the **configured base URL's origin** (scheme + host + port) is the gateway
 *   itself: it gets the Authorization and custom headers (`buildRequestHeaders`), and it is
 *   exempt from the private-address guard, because a developer may run the gateway on
 *   localhost or a private network and the gateway serves its own files (e.g.
 *   `/v1/videos/{id}/content`).
 * - A URL on **any other origin** gets no Authorization and no custom headers (only the
 *   user agent), and must pass provider-utils' literal SSRF guard (`validateDownloadUrl`:
 *   `localhost`, `127.0.0.1`, `10.x`, `169.254.x` …) and then the address-level check of
 *   `config.downloadFetch` (the factory's `createMixRouterDownloadTransport`: the host's
 *   resolved addresses, connecting to the checked one), because the response body is
 *   data we do not control. `downloads.allowPrivateNetwork` lifts both.
 * - URLs with embedded credentials (`user:pass@`) are refused; no message shows a password.
 * - Redirects are followed hop by hop (at most 10): each hop is validated the same way,
 *   HTTPS→HTTP is refused, and once a redirect leaves the gateway's origin every header
 *   except the user agent is dropped for good, so the key never follows a gateway → CDN
 *   redirect.
 * - `abortSignal` cancels the request and the body read; the body is read with a size cap.
 * - A non-2xx answer becomes an `APICallError` carrying the status (the gateway's error
 *   parser is used for same-origin URLs).
 */
export async function downloadResponseUrl({
  url,
  config,
  headers,
  abortSignal,
  maxBytes,
}: {
  url: string;
  config: Pick<MixRouterConfig, 'baseURL' | 'headers' | 'downloadFetch' | 'downloads'> & {
    /** Only used when there is no `downloadFetch` (configs built by hand in tests). */
    fetch?: MixRouterConfig['fetch'];
  };
  /** Per-call headers (`options.headers`); only sent to the gateway's own origin. */
  headers?: Record<string, string | undefined>;
  abortSignal?: AbortSignal;
  maxBytes?: number;
}): Promise<DownloadedResponseUrl> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new DownloadError({
      url: describeUrl(url),
      message: `MixRouter returned an invalid download URL: "${describeUrl(url)}"`,
    });
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new DownloadError({
      url: describeUrl(url),
      message: `Refusing to download "${describeUrl(url)}": only http(s) URLs are fetched (got ${parsed.protocol})`,
    });
  }

  refuseEmbeddedCredentials(parsed);

  const baseOrigin = new URL(config.baseURL).origin;
  const sameOrigin = parsed.origin === baseOrigin;
  let response: Response;
  try {
    response = await fetchHops({ url: parsed, config, headers, abortSignal, baseOrigin });
  } catch (error) {
    if (isAbortError(error) || DownloadError.isInstance(error) || APICallError.isInstance(error)) {
      throw error;
    }
    throw new DownloadError({
      url: describeUrl(url),
      message: `Failed to download "${describeUrl(url)}": ${error instanceof Error ? error.message : String(error)}`,
      cause: error,
    });
  }

  if (!response.ok) {
    if (sameOrigin) {
      const { value } = await mixrouterFailedResponseHandler({
        response,
        url,
        requestBodyValues: undefined,
      });
      throw value;
    }
    const responseHeaders = extractResponseHeaders(response);
    let responseBody: string | undefined;
    try {
      const bytes = await readResponseWithSizeLimit({
        response,
        url,
        maxBytes: MAX_ERROR_BODY_BYTES,
      });
      responseBody = new TextDecoder().decode(bytes);
    } catch {
      await cancelResponseBody(response);
    }
    const status = response.status;
    throw new APICallError({
      message: `Download of "${describeUrl(url)}" failed: HTTP ${status}${response.statusText ? ` ${response.statusText}` : ''}`,
      url,
      requestBodyValues: undefined,
      statusCode: status,
      responseHeaders,
      responseBody,
      isRetryable: status === 408 || status === 429 || status >= 500,
    });
  }

  const data = await readResponseWithSizeLimit({ response, url, maxBytes });
  const contentType = response.headers.get('content-type');
  const mediaType = contentType?.split(';')[0]?.trim().toLowerCase();
  return mediaType ? { data, mediaType } : { data };
}

/** Follows redirects by hand, checking and choosing headers for every hop. */
async function fetchHops({
  url,
  config,
  headers,
  abortSignal,
  baseOrigin,
}: {
  url: URL;
  config: Parameters<typeof downloadResponseUrl>[0]['config'];
  headers: Record<string, string | undefined> | undefined;
  abortSignal: AbortSignal | undefined;
  baseOrigin: string;
}): Promise<Response> {
  const transport = config.downloadFetch ?? config.fetch ?? globalThis.fetch;
  const allHeaders = buildRequestHeaders(config, headers);
  const userAgentOnly: Record<string, string> =
    allHeaders['user-agent'] !== undefined ? { 'user-agent': allHeaders['user-agent'] } : {};
  // Credentials only while we are on the gateway's origin and have never left it.
  let leftGateway = false;
  let current = url;
  for (let hop = 0; ; hop++) {
    const onGateway = current.origin === baseOrigin;
    if (!onGateway) {
      leftGateway = true;
      if (!config.downloads?.allowPrivateNetwork) validateDownloadUrl(current.href);
    }
    const response = await transport(current.href, {
      headers: onGateway && !leftGateway ? allHeaders : userAgentOnly,
      signal: abortSignal,
      redirect: 'manual',
    });
    const location = REDIRECT_STATUSES.has(response.status)
      ? response.headers.get('location')
      : null;
    if (location === null) return response;
    // Not awaited: some bodies never settle a cancel (mocked ones); the socket is released anyway.
    void cancelResponseBody(response);
    if (hop >= MAX_DOWNLOAD_REDIRECTS) {
      throw new DownloadError({
        url: describeUrl(url.href),
        message: `Failed to download "${describeUrl(url.href)}": more than ${MAX_DOWNLOAD_REDIRECTS} redirects.`,
      });
    }
    let next: URL;
    try {
      next = new URL(location, current);
    } catch {
      throw new DownloadError({
        url: describeUrl(url.href),
        message: `Failed to download "${describeUrl(url.href)}": it redirected to an invalid location.`,
      });
    }
    if (next.protocol !== 'http:' && next.protocol !== 'https:') {
      throw new DownloadError({
        url: describeUrl(url.href),
        message: `Refusing to follow the redirect of "${describeUrl(url.href)}" to a ${next.protocol} URL: only http(s) URLs are fetched.`,
      });
    }
    if (current.protocol === 'https:' && next.protocol === 'http:') {
      throw new DownloadError({
        url: describeUrl(url.href),
        message: `Refusing to follow the redirect of "${describeUrl(url.href)}" from HTTPS to HTTP.`,
      });
    }
    refuseEmbeddedCredentials(next);
    current = next;
  }
}
