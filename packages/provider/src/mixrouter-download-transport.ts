import { DownloadError, type FetchFunction, validateDownloadUrl } from '@ai-sdk/provider-utils';
import type { MixRouterDownloadSettings, MixRouterLookup } from './mixrouter-config';

type ResolvedAddress = { address: string; family: 4 | 6 };

/** `https://user:secret@host/x` → `https://host/x` (no password in any message), shortened. */
export function describeDownloadUrl(url: string): string {
  let text = url;
  try {
    const parsed = new URL(url);
    if (parsed.username !== '' || parsed.password !== '') {
      parsed.username = '';
      parsed.password = '';
      text = parsed.href;
    }
  } catch {
    // not a URL: shown as given (shortened)
  }
  return text.length > 200 ? `${text.slice(0, 200)}…` : text;
}

/** A URL with `user:password@` is refused: we do not send credentials found in response data anywhere. */
export function refuseEmbeddedCredentials(url: URL): void {
  if (url.username !== '' || url.password !== '') {
    throw new DownloadError({
      url: describeDownloadUrl(url.href),
      message: `Refusing to download "${describeDownloadUrl(url.href)}": the URL carries embedded credentials.`,
    });
  }
}

function isIPv6Literal(hostname: string): boolean {
  return hostname.startsWith('[') && hostname.endsWith(']');
}

function isIPv4Literal(hostname: string): boolean {
  const parts = hostname.split('.');
  return parts.length === 4 && parts.every((part) => /^\d{1,3}$/.test(part));
}

/**
 * Whether an address is one a download must not reach: private, loopback, link-local
 * (cloud metadata `169.254.169.254`), CGNAT, unique-local IPv6 (`fd00:ec2::254`),
 * IPv4-mapped IPv6, multicast, reserved. The address ranges are provider-utils' own
 * (`validateDownloadUrl` on the literal), so hosts and resolved addresses follow one rule.
 */
export function isBlockedAddress({ address, family }: ResolvedAddress): boolean {
  try {
    validateDownloadUrl(family === 6 ? `http://[${address}]/` : `http://${address}/`);
    return false;
  } catch {
    return true;
  }
}

type NodeModules = {
  http: typeof import('node:http');
  https: typeof import('node:https');
  dns: typeof import('node:dns');
  zlib: typeof import('node:zlib');
  Readable: typeof import('node:stream').Readable;
  pipeline: typeof import('node:stream').pipeline;
};

let nodeModules: Promise<NodeModules | undefined> | undefined;

/**
 * `import('node:<name>')` that app bundlers leave alone: a browser or worker bundle of
 * the package must build (a literal specifier is resolved at bundle time and fails the
 * browser build); there the import fails at run time instead, which means "no node
 * modules" below.
 */
function importNodeBuiltin<T>(name: string): Promise<T> {
  const specifier = `node:${name}`;
  return import(/* webpackIgnore: true */ /* @vite-ignore */ specifier) as Promise<T>;
}

/** node:http/https/dns, or undefined on runtimes without them (edge workers, browsers). */
function loadNodeModules(): Promise<NodeModules | undefined> {
  nodeModules ??= Promise.all([
    importNodeBuiltin<typeof import('node:http')>('http'),
    importNodeBuiltin<typeof import('node:https')>('https'),
    importNodeBuiltin<typeof import('node:dns')>('dns'),
    importNodeBuiltin<typeof import('node:zlib')>('zlib'),
    importNodeBuiltin<typeof import('node:stream')>('stream'),
  ]).then(
    ([http, https, dns, zlib, stream]): NodeModules => ({
      http,
      https,
      dns,
      zlib,
      Readable: stream.Readable,
      pipeline: stream.pipeline,
    }),
    () => undefined,
  );
  return nodeModules as Promise<NodeModules | undefined>;
}

async function resolveHost(
  hostname: string,
  lookup: MixRouterLookup | undefined,
  node: NodeModules | undefined,
): Promise<ResolvedAddress[] | undefined> {
  if (isIPv6Literal(hostname)) return [{ address: hostname.slice(1, -1), family: 6 }];
  if (isIPv4Literal(hostname)) return [{ address: hostname, family: 4 }];
  if (lookup !== undefined) return lookup(hostname);
  if (node === undefined) return undefined;
  const results = await node.dns.promises.lookup(hostname, { all: true, verbatim: true });
  return results.map((result) => ({
    address: result.address,
    family: result.family === 6 ? 6 : 4,
  }));
}

/**
 * The fetch used for every hop of a download of a URL taken from a response body (the
 * hop loop, scheme and literal-host checks are `downloadResponseUrl`'s). For a URL that
 * is not on the base URL's origin it:
 *
 * 1. refuses embedded credentials;
 * 2. resolves the host (`downloads.lookup`, else `node:dns` with all addresses) and
 *    refuses the download when **any** address is private/loopback/link-local/CGNAT/
 *    unique-local/metadata (unless `downloads.allowPrivateNetwork`);
 * 3. connects to the address it checked: with no custom fetch, the request is made with
 *    `node:http(s)` and a `lookup` that returns that address (no second resolution, so
 *    no DNS rebinding between check and connect); the URL's host name is kept for
 *    `Host` and TLS SNI/certificate checks.
 *
 * Limits (SECURITY.md): with a custom `fetch` the check is done, but that fetch resolves
 * the name again itself; on runtimes without `node:dns` only the literal-host check of
 * provider-utils applies.
 */
export function createMixRouterDownloadTransport({
  baseURL,
  fetch: customFetch,
  settings,
}: {
  baseURL: string;
  fetch?: FetchFunction;
  settings?: MixRouterDownloadSettings;
}): FetchFunction {
  return async (input, init) => {
    // Computed per call: an invalid base URL fails the request, not the model's creation.
    const baseOrigin = new URL(baseURL).origin;
    const url = new URL(
      typeof input === 'string' ? input : input instanceof URL ? input.href : input.url,
    );
    refuseEmbeddedCredentials(url);
    if (url.origin === baseOrigin) return (customFetch ?? globalThis.fetch)(input, init);

    const node = await loadNodeModules();
    let addresses: ResolvedAddress[] | undefined;
    try {
      addresses = await untilAborted(
        resolveHost(url.hostname, settings?.lookup, node),
        init?.signal ?? undefined,
      );
    } catch (error) {
      if (init?.signal?.aborted) throw init.signal.reason;
      throw new DownloadError({
        url: describeDownloadUrl(url.href),
        message: `Refusing to download "${describeDownloadUrl(url.href)}": its host ${url.hostname} could not be resolved (${error instanceof Error ? error.message : String(error)}).`,
        cause: error,
      });
    }
    if (addresses !== undefined) {
      if (addresses.length === 0) {
        throw new DownloadError({
          url: describeDownloadUrl(url.href),
          message: `Refusing to download "${describeDownloadUrl(url.href)}": its host ${url.hostname} resolved to no address.`,
        });
      }
      const blocked = settings?.allowPrivateNetwork ? undefined : addresses.find(isBlockedAddress);
      if (blocked !== undefined) {
        throw new DownloadError({
          url: describeDownloadUrl(url.href),
          message: `Refusing to download "${describeDownloadUrl(url.href)}": its host ${url.hostname} resolves to ${blocked.address}, a private, loopback, link-local or otherwise reserved address. Set the provider's downloads.allowPrivateNetwork to allow it.`,
        });
      }
    }
    if (customFetch !== undefined || node === undefined || addresses === undefined) {
      return (customFetch ?? globalThis.fetch)(input, init);
    }
    return requestPinned({ node, url, init, address: addresses[0] });
  };
}

/** A resolver that hangs must not outlive `abortSignal`. */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (signal === undefined) return promise;
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}

function nodeHeaders(headers: RequestInit['headers']): Record<string, string> {
  const out: Record<string, string> = {};
  new Headers(headers).forEach((value, name) => {
    out[name] = value;
  });
  return out;
}

const NULL_BODY_STATUSES = new Set([101, 103, 204, 205, 304]);

/** One request with `node:http(s)`, connecting to `address` whatever the name resolves to now. */
function requestPinned({
  node,
  url,
  init,
  address,
}: {
  node: NodeModules;
  url: URL;
  init: RequestInit | undefined;
  address: ResolvedAddress;
}): Promise<Response> {
  const transport = url.protocol === 'https:' ? node.https : node.http;
  const signal = init?.signal ?? undefined;
  return new Promise<Response>((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const request = transport.request(
      url,
      {
        method: init?.method ?? 'GET',
        // A connection of its own, closed after the answer: no pooled socket outlives it.
        agent: false,
        headers: { 'accept-encoding': 'gzip, deflate, br', ...nodeHeaders(init?.headers) },
        signal,
        lookup: ((
          _hostname: string,
          options: { all?: boolean },
          callback: (...args: unknown[]) => void,
        ) => {
          if (options?.all) callback(null, [address]);
          else callback(null, address.address, address.family);
        }) as never,
      },
      (response) => {
        const headers = new Headers();
        const raw = response.rawHeaders;
        for (let i = 0; i + 1 < raw.length; i += 2) headers.append(raw[i], raw[i + 1]);
        const status = response.statusCode ?? 502;
        if (NULL_BODY_STATUSES.has(status) || status < 200 || status > 599) {
          response.resume();
          resolve(
            new Response(null, { status: status < 200 || status > 599 ? 502 : status, headers }),
          );
          return;
        }
        const encoding = headers.get('content-encoding')?.trim().toLowerCase();
        const decoder =
          encoding === 'gzip' || encoding === 'x-gzip'
            ? node.zlib.createGunzip()
            : encoding === 'deflate'
              ? node.zlib.createInflate()
              : encoding === 'br'
                ? node.zlib.createBrotliDecompress()
                : undefined;
        if (decoder !== undefined) {
          headers.delete('content-encoding');
          headers.delete('content-length');
        }
        const readable =
          decoder === undefined
            ? response
            : node.pipeline(response, decoder, () => {
                // errors surface on the body stream
              });
        const body = node.Readable.toWeb(readable) as ReadableStream<Uint8Array>;
        resolve(new Response(body, { status, statusText: response.statusMessage ?? '', headers }));
      },
    );
    request.on('error', reject);
    request.end();
  });
}
