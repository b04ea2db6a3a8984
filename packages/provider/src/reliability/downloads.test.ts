import type { ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { DownloadError, type FetchFunction } from '@ai-sdk/provider-utils';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { downloadResponseUrl } from '../download-response-url';
import { MAX_CONCURRENT_DOWNLOADS } from '../map-with-concurrency';
import type { MixRouterDownloadSettings, MixRouterLookup } from '../mixrouter-config';
import { createMixRouterDownloadTransport } from '../mixrouter-download-transport';
import {
  type FakeServer,
  sendBytes,
  sendJson,
  sleep,
  startFakeServer,
} from './helpers/fake-server';
import { errorOf, IMAGE_CALL, testProvider } from './helpers/models';

/**
 * Downloads of URLs taken from response bodies, against loopback servers. Name
 * resolution is injected (`downloads.lookup`), so the DNS-based refusals are tested
 * without any network; loopback targets are reached by opting in
 * (`allowPrivateNetwork`) or by being on the base URL's origin.
 */
let gateway: FakeServer;
let cdn: FakeServer;
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);

beforeAll(async () => {
  gateway = await startFakeServer();
  cdn = await startFakeServer((_, res) =>
    sendBytes(res, 200, PNG, { 'content-type': 'image/png' }),
  );
});
afterAll(async () => {
  await gateway.close();
  await cdn.close();
});

/** A resolver that answers from a table and records every name it was asked. */
function fakeLookup(table: Record<string, Array<{ address: string; family: 4 | 6 }>>) {
  const asked: string[] = [];
  const lookup: MixRouterLookup = async (hostname) => {
    asked.push(hostname);
    const answer = table[hostname];
    if (answer === undefined)
      throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' });
    return answer;
  };
  return { lookup, asked };
}

function downloadConfig(settings: MixRouterDownloadSettings, fetch?: FetchFunction) {
  const baseURL = gateway.baseURL;
  return {
    baseURL,
    headers: () => ({ Authorization: 'Bearer sk-download-test-0123456789' }),
    downloads: settings,
    downloadFetch: createMixRouterDownloadTransport({ baseURL, fetch, settings }),
  };
}

describe('address-level checks after DNS resolution', () => {
  const blocked: Array<[string, string, 4 | 6]> = [
    ['metadata (169.254.169.254.nip.io)', '169.254.169.254', 4],
    ['loopback', '127.0.0.1', 4],
    ['private 10/8', '10.1.2.3', 4],
    ['private 172.16/12', '172.20.0.5', 4],
    ['private 192.168/16', '192.168.1.10', 4],
    ['CGNAT 100.64/10', '100.64.0.1', 4],
    ['unspecified', '0.0.0.0', 4],
    ['IPv6 loopback', '::1', 6],
    ['IPv6 link-local', 'fe80::1', 6],
    ['unique-local (AWS metadata fd00:ec2::254)', 'fd00:ec2::254', 6],
    ['IPv4-mapped loopback', '::ffff:127.0.0.1', 6],
    ['IPv4-mapped metadata', '::ffff:a9fe:a9fe', 6],
  ];
  for (const [label, address, family] of blocked) {
    it(`refuses a public-looking name resolving to ${label}`, async () => {
      const { lookup, asked } = fakeLookup({ 'media.attacker.test': [{ address, family }] });
      const error = await errorOf(() =>
        downloadResponseUrl({
          url: 'http://media.attacker.test/latest/meta-data/',
          config: downloadConfig({ lookup }),
        }),
      );
      expect(DownloadError.isInstance(error)).toBe(true);
      expect((error as Error).message).toContain(address);
      expect((error as Error).message).toContain('allowPrivateNetwork');
      expect(asked).toEqual(['media.attacker.test']);
    });
  }

  it('refuses when any one of several addresses is private', async () => {
    const { lookup } = fakeLookup({
      'cdn.example.test': [
        { address: '93.184.216.34', family: 4 },
        { address: '10.0.0.7', family: 4 },
      ],
    });
    const error = await errorOf(() =>
      downloadResponseUrl({
        url: 'https://cdn.example.test/a.png',
        config: downloadConfig({ lookup }),
      }),
    );
    expect((error as Error).message).toContain('10.0.0.7');
  });

  it('through the image model: 169.254.169.254.nip.io in an answer is not fetched', async () => {
    gateway.reset((_, res) =>
      sendJson(res, 200, { data: [{ url: 'http://169.254.169.254.nip.io/latest/meta-data/iam' }] }),
    );
    const { lookup, asked } = fakeLookup({
      '169.254.169.254.nip.io': [{ address: '169.254.169.254', family: 4 }],
    });
    const error = await errorOf(() =>
      testProvider({ baseURL: gateway.baseURL, downloads: { lookup } })
        .image('dall-e-3')
        .doGenerate(IMAGE_CALL),
    );
    expect(DownloadError.isInstance(error)).toBe(true);
    expect((error as Error).message).toContain('resolves to 169.254.169.254');
    expect(asked).toEqual(['169.254.169.254.nip.io']);
  });

  it('through the speech and video models too', async () => {
    const { lookup } = fakeLookup({ 'files.attacker.test': [{ address: '10.9.8.7', family: 4 }] });
    gateway.reset((request, res) => {
      if (request.path === '/v1/audio/speech')
        return sendJson(res, 200, { data: { audio_url: 'http://files.attacker.test/a.mp3' } });
      return sendJson(res, 200, {
        code: 'success',
        data: { status: 'SUCCESS', result_url: 'http://files.attacker.test/v.mp4' },
      });
    });
    const provider = testProvider({ baseURL: gateway.baseURL, downloads: { lookup } });
    const speech = await errorOf(() =>
      provider.speech('qwen3-tts-flash').doGenerate({ text: 'hi' }),
    );
    const video = await errorOf(() =>
      provider.video('doubao-seedance-1-0-lite-i2v-250428').doStatus!({
        operation: { taskId: 't1', endpoint: 'video/generations' },
      }),
    );
    for (const error of [speech, video]) {
      expect(DownloadError.isInstance(error), String(error)).toBe(true);
      expect((error as Error).message).toContain('10.9.8.7');
    }
  });

  it('a resolver that never answers does not outlive abortSignal', async () => {
    const abort = new AbortController();
    const lookup: MixRouterLookup = () => new Promise(() => {});
    const pending = downloadResponseUrl({
      url: 'https://slow-dns.test/a.png',
      config: downloadConfig({ lookup }),
      abortSignal: abort.signal,
    });
    setTimeout(() => abort.abort(), 10);
    const error = await errorOf(() => pending);
    expect((error as Error).name).toBe('AbortError');
  });

  it('an unresolvable name is refused with a clear error', async () => {
    const { lookup } = fakeLookup({});
    const error = await errorOf(() =>
      downloadResponseUrl({
        url: 'https://nowhere.test/a.png',
        config: downloadConfig({ lookup }),
      }),
    );
    expect((error as Error).message).toContain('could not be resolved');
  });
});

describe('the connection goes to the address that was checked', () => {
  it('resolves once and connects there, keeping the host name for Host (no DNS rebinding)', async () => {
    cdn.reset();
    // A second resolution would give 127.0.0.2, where nothing listens: the download
    // succeeding shows the first (checked) answer was used for the connection.
    let answers = 0;
    const asked: string[] = [];
    const lookup: MixRouterLookup = async (hostname) => {
      asked.push(hostname);
      return [{ address: answers++ === 0 ? '127.0.0.1' : '127.0.0.2', family: 4 }];
    };
    const result = await downloadResponseUrl({
      url: `http://media.example.test:${cdn.port}/img/a.png`,
      config: downloadConfig({ lookup, allowPrivateNetwork: true }),
    });
    expect(Buffer.from(result.data)).toEqual(Buffer.from(PNG));
    expect(result.mediaType).toBe('image/png');
    expect(asked).toEqual(['media.example.test']);
    expect(cdn.requests).toHaveLength(1);
    expect(cdn.requests[0].headers.host).toBe(`media.example.test:${cdn.port}`);
    expect(cdn.requests[0].headers.authorization).toBeUndefined();
  });

  it('over https the TLS SNI is the URL host name, not the pinned address', async () => {
    // No certificate: the server only records the SNI of the ClientHello and ends the handshake.
    const servernames: string[] = [];
    const tls = createHttpsServer({
      SNICallback: (servername, callback) => {
        servernames.push(servername);
        callback(new Error('test server: no certificate'), undefined);
      },
    });
    await new Promise<void>((resolve) => tls.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = tls.address() as AddressInfo;
      const lookup: MixRouterLookup = async () => [{ address: '127.0.0.1', family: 4 }];
      const error = await errorOf(() =>
        downloadResponseUrl({
          url: `https://media.example.test:${port}/a.png`,
          config: downloadConfig({ lookup, allowPrivateNetwork: true }),
        }),
      );
      expect(DownloadError.isInstance(error)).toBe(true);
      expect(servernames).toEqual(['media.example.test']);
    } finally {
      tls.closeAllConnections();
      await new Promise((resolve) => tls.close(resolve));
    }
  });

  it('without the opt-in, a loopback server on another origin is refused', async () => {
    cdn.reset();
    const error = await errorOf(() =>
      downloadResponseUrl({ url: `${cdn.origin}/img/a.png`, config: downloadConfig({}) }),
    );
    expect(DownloadError.isInstance(error)).toBe(true);
    expect(cdn.requests).toHaveLength(0);
  });

  it('the base URL origin is trusted (a gateway on localhost serves its own files) and gets the key', async () => {
    gateway.reset((_, res) => sendBytes(res, 200, PNG, { 'content-type': 'image/png' }));
    const result = await downloadResponseUrl({
      url: `${gateway.baseURL}/files/a.png`,
      config: downloadConfig({}),
    });
    expect(result.data).toHaveLength(PNG.length);
    expect(gateway.requests[0].headers.authorization).toBe('Bearer sk-download-test-0123456789');
  });

  it('every redirect hop is checked: a CDN redirecting to a private name is refused', async () => {
    // The custom fetch serves the public CDN name from the loopback server.
    const fetched: string[] = [];
    const fetch: FetchFunction = (input, init) => {
      const url = new URL(String(input));
      fetched.push(url.host);
      if (url.hostname === 'cdn.example.test')
        return globalThis.fetch(`${cdn.origin}${url.pathname}`, init);
      return Promise.reject(new Error(`unexpected request to ${url.host}`));
    };
    cdn.reset((_, res: ServerResponse) => {
      res.writeHead(302, { location: 'https://internal.example.test/secret' });
      res.end();
    });
    const { lookup, asked } = fakeLookup({
      'cdn.example.test': [{ address: '93.184.216.34', family: 4 }],
      'internal.example.test': [{ address: '192.168.0.2', family: 4 }],
    });
    const error = await errorOf(() =>
      downloadResponseUrl({
        url: 'https://cdn.example.test/a.png',
        config: downloadConfig({ lookup }, fetch),
      }),
    );
    expect((error as Error).message).toContain('192.168.0.2');
    expect(asked).toEqual(['cdn.example.test', 'internal.example.test']);
    expect(fetched).toEqual(['cdn.example.test']);
  });

  it('with a custom fetch, that fetch is used after the check', async () => {
    const fetched: string[] = [];
    const fetch: FetchFunction = async (input) => {
      fetched.push(String(input));
      return new Response(PNG, { headers: { 'content-type': 'image/png' } });
    };
    const { lookup } = fakeLookup({
      'cdn.example.test': [{ address: '93.184.216.34', family: 4 }],
    });
    await downloadResponseUrl({
      url: 'https://cdn.example.test/a.png',
      config: downloadConfig({ lookup }, fetch),
    });
    expect(fetched).toEqual(['https://cdn.example.test/a.png']);
  });
});

describe('URLs with embedded credentials', () => {
  it('are refused before any request, and the password is not shown', async () => {
    for (const url of [
      `http://user:hunter2-secret@127.0.0.1:${cdn.port}/a.png`,
      `${gateway.origin.replace('http://', 'http://user:hunter2-secret@')}/v1/files/a.png`,
    ]) {
      cdn.reset();
      gateway.reset();
      const error = await errorOf(() =>
        downloadResponseUrl({ url, config: downloadConfig({ allowPrivateNetwork: true }) }),
      );
      expect(DownloadError.isInstance(error)).toBe(true);
      expect((error as Error).message).toContain('embedded credentials');
      expect(
        JSON.stringify({ ...(error as object), message: (error as Error).message }),
      ).not.toContain('hunter2');
      expect(cdn.requests.length + gateway.requests.length).toBe(0);
    }
  });
});

describe('bounded downloads', () => {
  it('500 URLs for n: 1 → one download and a warning', async () => {
    gateway.reset((request, res) => {
      if (request.path === '/v1/images/generations') {
        return sendJson(res, 200, {
          data: Array.from({ length: 500 }, (_, i) => ({
            url: `${gateway.baseURL}/files/${i}.png`,
          })),
        });
      }
      return sendBytes(res, 200, PNG, { 'content-type': 'image/png' });
    });
    const result = await testProvider({ baseURL: gateway.baseURL })
      .image('dall-e-3')
      .doGenerate({ ...IMAGE_CALL, n: 1 });
    expect(result.images).toHaveLength(1);
    expect(gateway.requests.map((r) => r.path)).toEqual([
      '/v1/images/generations',
      '/v1/files/0.png',
    ]);
    expect(result.warnings).toContainEqual({
      type: 'other',
      message: expect.stringContaining('500 image URLs for n=1'),
    });
  });

  it(`the URLs of one answer are downloaded at most ${MAX_CONCURRENT_DOWNLOADS} at a time`, async () => {
    let inFlight = 0;
    let peak = 0;
    gateway.reset(async (request, res) => {
      if (request.path === '/v1/images/generations') {
        return sendJson(res, 200, {
          data: Array.from({ length: 10 }, (_, i) => ({
            url: `${gateway.baseURL}/files/${i}.png`,
          })),
        });
      }
      inFlight++;
      peak = Math.max(peak, inFlight);
      await sleep(20);
      inFlight--;
      sendBytes(res, 200, PNG, { 'content-type': 'image/png' });
    });
    const result = await testProvider({ baseURL: gateway.baseURL })
      .image('gpt-image-1')
      .doGenerate({ ...IMAGE_CALL, n: 10 });
    expect(result.images).toHaveLength(10);
    expect(peak).toBeLessThanOrEqual(MAX_CONCURRENT_DOWNLOADS);
    expect(peak).toBeGreaterThan(1);
  });
});
