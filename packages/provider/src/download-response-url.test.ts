import { APICallError } from '@ai-sdk/provider';
import { DownloadError } from '@ai-sdk/provider-utils';
import { createTestServer, TestResponseController } from '@ai-sdk/test-server/with-vitest';
import { describe, expect, it } from 'vitest';
import { downloadResponseUrl } from './download-response-url';
import type { MixRouterConfig } from './mixrouter-config';
import { isMixRouterError } from './mixrouter-error';

const BASE = 'https://api.mixrouter.test/v1';
const SAME_ORIGIN_URL = 'https://api.mixrouter.test/v1/files/a.png';
const OTHER_PATH_SAME_ORIGIN = 'https://api.mixrouter.test/static/b.png';
const CDN_URL = 'https://cdn.mixrouter-media.test/img/a.png';
const REDIRECTING_URL = 'https://api.mixrouter.test/v1/files/redirect.png';
const SLOW_URL = 'https://cdn.mixrouter-media.test/img/slow.png';
const PRIVATE_BASE_URL = 'http://127.0.0.1:8787/v1/files/x.png';

const server = createTestServer({
  [SAME_ORIGIN_URL]: {},
  [OTHER_PATH_SAME_ORIGIN]: {},
  [CDN_URL]: {},
  [REDIRECTING_URL]: {},
  [SLOW_URL]: {},
  [PRIVATE_BASE_URL]: {},
});

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

const config: Pick<MixRouterConfig, 'baseURL' | 'headers' | 'fetch'> = {
  baseURL: BASE,
  headers: () => ({ Authorization: 'Bearer sk-test', 'X-Custom': 'custom' }),
};

describe('downloadResponseUrl', () => {
  it('sends Authorization and custom headers to the configured origin', async () => {
    server.urls[SAME_ORIGIN_URL].response = {
      type: 'binary',
      body: PNG,
      headers: { 'content-type': 'image/png; charset=binary' },
    };
    const result = await downloadResponseUrl({
      url: SAME_ORIGIN_URL,
      config,
      headers: { 'X-Call': 'call' },
    });
    expect(result.mediaType).toBe('image/png');
    expect(Buffer.from(result.data)).toEqual(PNG);
    expect(server.calls[0].requestHeaders).toMatchObject({
      authorization: 'Bearer sk-test',
      'x-custom': 'custom',
      'x-call': 'call',
    });
    expect(server.calls[0].requestUserAgent).toContain('ai-sdk-mixrouter/');
  });

  it('treats any path on the base origin as the gateway', async () => {
    server.urls[OTHER_PATH_SAME_ORIGIN].response = { type: 'binary', body: PNG };
    await downloadResponseUrl({ url: OTHER_PATH_SAME_ORIGIN, config });
    expect(server.calls[0].requestHeaders.authorization).toBe('Bearer sk-test');
  });

  it('sends no Authorization or custom headers to another origin', async () => {
    server.urls[CDN_URL].response = {
      type: 'binary',
      body: PNG,
      headers: { 'content-type': 'image/png' },
    };
    const result = await downloadResponseUrl({
      url: CDN_URL,
      config,
      headers: { 'X-Call': 'call', Authorization: 'Bearer sk-call' },
    });
    expect(Buffer.from(result.data)).toEqual(PNG);
    const sent = server.calls[0].requestHeaders;
    expect(sent.authorization).toBeUndefined();
    expect(sent['x-custom']).toBeUndefined();
    expect(sent['x-call']).toBeUndefined();
    expect(JSON.stringify(sent)).not.toContain('sk-');
  });

  it('drops Authorization when the gateway redirects to another origin', async () => {
    server.urls[REDIRECTING_URL].response = {
      type: 'error',
      status: 302,
      body: '',
      headers: { location: CDN_URL },
    };
    server.urls[CDN_URL].response = { type: 'binary', body: PNG };
    const result = await downloadResponseUrl({ url: REDIRECTING_URL, config });
    expect(Buffer.from(result.data)).toEqual(PNG);
    expect(server.calls).toHaveLength(2);
    expect(server.calls[0].requestHeaders.authorization).toBe('Bearer sk-test');
    expect(server.calls[1].requestUrl).toBe(CDN_URL);
    expect(server.calls[1].requestHeaders.authorization).toBeUndefined();
  });

  it.each([
    'file:///etc/passwd',
    'data:image/png;base64,iVBORw0KGgo=',
    'ftp://example.com/a.png',
    'javascript:alert(1)',
    'not a url',
  ])('refuses %s before any request', async (url) => {
    const error = await downloadResponseUrl({ url, config }).catch((e) => e);
    expect(DownloadError.isInstance(error)).toBe(true);
    expect(error.message).toMatch(/only http\(s\) URLs|invalid download URL/);
    expect(server.calls).toHaveLength(0);
  });

  it('refuses private and loopback hosts on another origin', async () => {
    for (const url of [
      'http://127.0.0.1:8080/a.png',
      'http://localhost/a.png',
      'http://169.254.169.254/latest/meta-data',
      'http://10.0.0.8/a.png',
    ]) {
      const error = await downloadResponseUrl({ url, config }).catch((e) => e);
      expect(DownloadError.isInstance(error), url).toBe(true);
    }
    expect(server.calls).toHaveLength(0);
  });

  it('allows a private/loopback base URL for URLs on that same origin', async () => {
    server.urls[PRIVATE_BASE_URL].response = { type: 'binary', body: PNG };
    const result = await downloadResponseUrl({
      url: PRIVATE_BASE_URL,
      config: { ...config, baseURL: 'http://127.0.0.1:8787/v1' },
    });
    expect(Buffer.from(result.data)).toEqual(PNG);
    expect(server.calls[0].requestHeaders.authorization).toBe('Bearer sk-test');
  });

  it('turns a non-2xx CDN answer into an APICallError with the status', async () => {
    server.urls[CDN_URL].response = { type: 'error', status: 403, body: '<Error>Denied</Error>' };
    const error = await downloadResponseUrl({ url: CDN_URL, config }).catch((e) => e);
    expect(APICallError.isInstance(error)).toBe(true);
    expect(error.statusCode).toBe(403);
    expect(error.isRetryable).toBe(false);
    expect(error.responseBody).toBe('<Error>Denied</Error>');
    expect(error.message).toContain('HTTP 403');
  });

  it('parses gateway errors on the gateway origin', async () => {
    server.urls[SAME_ORIGIN_URL].response = {
      type: 'error',
      status: 401,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        error: { message: 'Invalid token', type: 'new_api_error', code: '' },
      }),
    };
    const error = await downloadResponseUrl({ url: SAME_ORIGIN_URL, config }).catch((e) => e);
    expect(isMixRouterError(error)).toBe(true);
    expect(error.statusCode).toBe(401);
    expect(error.message).toContain('Invalid token');
  });

  it('rejects promptly when aborted while the body is streaming', async () => {
    const controller = new TestResponseController();
    server.urls[SLOW_URL].response = { type: 'controlled-stream', controller };
    const abort = new AbortController();
    const promise = downloadResponseUrl({ url: SLOW_URL, config, abortSignal: abort.signal });
    await controller.write('partial');
    setTimeout(() => abort.abort(), 5);
    const started = Date.now();
    await expect(promise).rejects.toThrow();
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('rejects at once with an already-aborted signal', async () => {
    server.urls[CDN_URL].response = { type: 'binary', body: PNG };
    const error = await downloadResponseUrl({
      url: CDN_URL,
      config,
      abortSignal: AbortSignal.abort(),
    }).catch((e) => e);
    expect(error.name).toBe('AbortError');
  });

  it('enforces maxBytes', async () => {
    // A real Response (MSW's mocked bodies never settle `body.cancel()`).
    const fetch = async () =>
      new Response(new Uint8Array(64), { headers: { 'content-length': '64' } });
    await expect(
      downloadResponseUrl({ url: CDN_URL, config: { ...config, fetch }, maxBytes: 10 }),
    ).rejects.toThrow(/exceeded maximum size/);
  });

  it('uses the configured fetch', async () => {
    const seen: string[] = [];
    const fetch = async (input: RequestInfo | URL) => {
      seen.push(String(input));
      return new Response(new Uint8Array([1, 2, 3]), { headers: { 'content-type': 'video/mp4' } });
    };
    const result = await downloadResponseUrl({ url: CDN_URL, config: { ...config, fetch } });
    expect(seen).toEqual([CDN_URL]);
    expect(result).toEqual({ data: new Uint8Array([1, 2, 3]), mediaType: 'video/mp4' });
  });
});
