import { APICallError } from '@ai-sdk/provider';
import {
  cancelResponseBody,
  DownloadError,
  extractResponseHeaders,
  fetchUntrustedUrl,
  isAbortError,
  isSameOrigin,
  readResponseWithSizeLimit,
} from '@ai-sdk/provider-utils';
import { buildRequestHeaders, type MixRouterConfig } from './mixrouter-config';
import { mixrouterFailedResponseHandler } from './mixrouter-error';

export type DownloadedResponseUrl = {
  data: Uint8Array;
  /** The response's `content-type` without parameters, when it sent one. */
  mediaType?: string;
};

const MAX_ERROR_BODY_BYTES = 64 * 1024;

function describeUrl(url: string): string {
  return url.length > 200 ? `${url.slice(0, 200)}…` : url;
}

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
 *   user agent), and must pass provider-utils' SSRF guard (`validateDownloadUrl`): hosts
 *   like `localhost`, `127.0.0.1`, `10.x`, `169.254.x` (cloud metadata) are refused,
 *   because the response body is data we do not control.
 * - Redirects are followed hop by hop (`fetchUntrustedUrl`): each hop is validated the
 *   same way, HTTPS→HTTP is refused, and a redirect to another origin drops all headers
 *   except the user agent, so the key never follows a gateway → CDN redirect.
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
  config: Pick<MixRouterConfig, 'baseURL' | 'headers' | 'fetch'>;
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
      url,
      message: `MixRouter returned an invalid download URL: "${describeUrl(url)}"`,
    });
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new DownloadError({
      url,
      message: `Refusing to download "${describeUrl(url)}": only http(s) URLs are fetched (got ${parsed.protocol})`,
    });
  }

  const baseOrigin = new URL(config.baseURL).origin;
  const sameOrigin = isSameOrigin(url, baseOrigin);
  const allHeaders = buildRequestHeaders(config, headers);
  const requestHeaders: Record<string, string> = sameOrigin
    ? allHeaders
    : allHeaders['user-agent'] !== undefined
      ? { 'user-agent': allHeaders['user-agent'] }
      : {};

  let response: Response;
  try {
    response = await fetchUntrustedUrl({
      url,
      headers: requestHeaders,
      abortSignal,
      fetch: config.fetch,
      // Credentials only for the gateway's own origin; the same origin also skips the
      // private-address check (it is developer configuration, not response data).
      credentialedOrigin: baseOrigin,
      trustedOrigin: baseOrigin,
    });
  } catch (error) {
    if (isAbortError(error) || DownloadError.isInstance(error) || APICallError.isInstance(error)) {
      throw error;
    }
    throw new DownloadError({
      url,
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
