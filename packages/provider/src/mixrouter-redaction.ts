/**
 * Keeps secrets — the API key, the password of a base URL with credentials, the values
 * of the base URL's query string (`…/v1?key=…`) — out of everything the package hands
 * back, in case the gateway echoes them (an error body quoting the key, a debugging
 * header, a `Location` with the query) or a runtime error quotes the request URL.
 *
 * Two layers use it: the shared API fetch rewrites response headers and text bodies
 * (so every route, and the official providers behind the native routes, only ever see
 * redacted text), and every model method redacts the errors it raises (`url`, `message`,
 * `stack`, `cause` chains, `data` …) on the way out.
 *
 * Matching is plain substring search (`indexOf`): linear in the text, no regex.
 */

/** Secrets shorter than this are not searched for in free text: a short query value such as `v=1` would otherwise mangle every message. */
export const MIN_REDACTED_SECRET_LENGTH = 6;

/** `sk-abcdef…wxyz` → `sk-a...[redacted]`: enough to tell which key it was, never the key. */
export function maskSecret(secret: string): string {
  return secret.length >= 16 ? `${secret.slice(0, 4)}...[redacted]` : '[redacted]';
}

/** Secrets that can be searched for, longest first (a secret containing another wins). */
export function normaliseSecrets(secrets: Iterable<string | undefined>): string[] {
  const unique = new Set<string>();
  for (const secret of secrets) {
    if (secret !== undefined && secret.length >= MIN_REDACTED_SECRET_LENGTH) unique.add(secret);
  }
  return [...unique].sort((a, b) => b.length - a.length);
}

/**
 * The secrets a base URL carries: its password (and username), and the values of its
 * query parameters, both as written and decoded.
 */
export function baseURLSecrets(baseURL: string): string[] {
  let url: URL;
  try {
    url = new URL(baseURL);
  } catch {
    return [];
  }
  const secrets: string[] = [];
  const addBoth = (raw: string) => {
    secrets.push(raw);
    try {
      secrets.push(decodeURIComponent(raw.replace(/\+/g, ' ')));
    } catch {
      // not valid percent-encoding: the raw form is what appears in text
    }
  };
  if (url.password !== '') addBoth(url.password);
  if (url.username !== '') addBoth(url.username);
  for (const pair of url.search.slice(1).split('&')) {
    const equals = pair.indexOf('=');
    if (equals !== -1) addBoth(pair.slice(equals + 1));
  }
  return secrets;
}

export function redactText(text: string, secrets: readonly string[]): string {
  let result = text;
  for (const secret of secrets) {
    if (result.includes(secret)) result = result.split(secret).join(maskSecret(secret));
  }
  return result;
}

/**
 * A copy of `value` with every string redacted (plain objects, arrays, nested errors);
 * the same reference when nothing changed, so user objects are never mutated.
 */
export function redactValue(
  value: unknown,
  secrets: readonly string[],
  seen: WeakSet<object> = new WeakSet(),
  depth = 0,
): unknown {
  if (secrets.length === 0) return value;
  if (typeof value === 'string') return redactText(value, secrets);
  if (typeof value !== 'object' || value === null || depth > 32) return value;
  if (seen.has(value)) return value;
  seen.add(value);
  if (value instanceof Error) {
    redactErrorInPlace(value, secrets, seen, depth);
    return value;
  }
  if (Array.isArray(value)) {
    let changed = false;
    const copy = value.map((item) => {
      const redacted = redactValue(item, secrets, seen, depth + 1);
      if (redacted !== item) changed = true;
      return redacted;
    });
    return changed ? copy : value;
  }
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return value; // bytes, URLs, class instances
  let copy: Record<string, unknown> | undefined;
  for (const [key, item] of Object.entries(value)) {
    const redacted = redactValue(item, secrets, seen, depth + 1);
    if (redacted !== item) {
      copy ??= { ...(value as Record<string, unknown>) };
      copy[key] = redacted;
    }
  }
  return copy ?? value;
}

/**
 * Redacts an error and its `cause` chain in place: every own property, enumerable or
 * not (`message`, `stack`, `url`, `responseBody`, `responseHeaders`, `data`, `text`,
 * `value`, `errors` …). Returns the same error.
 */
export function redactErrorInPlace<T>(
  error: T,
  secrets: readonly string[],
  seen: WeakSet<object> = new WeakSet(),
  depth = 0,
): T {
  if (secrets.length === 0 || typeof error !== 'object' || error === null) return error;
  seen.add(error);
  for (const key of Object.getOwnPropertyNames(error)) {
    const descriptor = Object.getOwnPropertyDescriptor(error, key);
    if (descriptor === undefined || !('value' in descriptor)) continue;
    const current = descriptor.value;
    const redacted = redactValue(current, secrets, seen, depth + 1);
    if (redacted === current) continue;
    try {
      Object.defineProperty(error, key, { ...descriptor, value: redacted });
    } catch {
      // a frozen error cannot be changed; nothing else to do
    }
  }
  return error;
}

export function redactHeaders(headers: Headers, secrets: readonly string[]): Headers {
  if (secrets.length === 0) return headers;
  let copy: Headers | undefined;
  for (const [name, value] of headers) {
    const redacted = redactText(value, secrets);
    if (redacted !== value) {
      copy ??= new Headers(headers);
      copy.set(name, redacted);
    }
  }
  return copy ?? headers;
}

/**
 * Replaces secrets in a byte stream. A secret may be cut across chunks, so the end of a
 * chunk that could be the start of a secret is held back until the next chunk — and
 * only that: a chunk ending in anything else (an SSE event's blank line) is passed on at
 * once, so streaming latency is unchanged. A pull-based wrapper (one read per chunk),
 * cheaper than a `TransformStream` on the hot streaming path; cancelling it cancels the
 * source.
 */
export function redactByteStream(
  source: ReadableStream<Uint8Array>,
  secrets: readonly string[],
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const patterns: Pattern[] = secrets.map((secret) => {
    const bytes = encoder.encode(secret);
    return {
      bytes,
      mask: encoder.encode(maskSecret(secret)),
      nodeNeedle: NodeBuffer?.from(bytes.buffer, bytes.byteOffset, bytes.byteLength),
    };
  });
  const reader = source.getReader();
  let carry: Uint8Array | undefined;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) {
          if (carry !== undefined && carry.length > 0) controller.enqueue(carry);
          controller.close();
          return;
        }
        let buffer = carry === undefined ? value : concatBytes(carry, value);
        carry = undefined;
        for (const pattern of patterns) buffer = replaceBytes(buffer, pattern);
        const hold = heldTailLength(buffer, patterns);
        if (hold > 0) {
          carry = buffer.slice(buffer.length - hold);
          buffer = buffer.subarray(0, buffer.length - hold);
        }
        if (buffer.length > 0) {
          controller.enqueue(buffer);
          return;
        }
      }
    },
    cancel(reason) {
      return reader.cancel(reason);
    },
  });
}

function concatBytes(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}

function matchesAt(haystack: Uint8Array, at: number, needle: Uint8Array, length: number): boolean {
  for (let j = 1; j < length; j++) if (haystack[at + j] !== needle[j]) return false;
  return true;
}

type NodeBufferView = { indexOf(value: NodeBufferView, from: number): number };
type NodeBufferLike = {
  from(buffer: ArrayBufferLike, offset?: number, length?: number): NodeBufferView;
};
// Node's Buffer#indexOf is a native substring search (no per-candidate JS call), far
// faster on text where the secret's first byte is common; other runtimes use the loop.
const NodeBuffer = (globalThis as { Buffer?: NodeBufferLike }).Buffer;

type Pattern = { bytes: Uint8Array; mask: Uint8Array; nodeNeedle?: NodeBufferView };

function indexOfBytes(haystack: Uint8Array, pattern: Pattern, from: number): number {
  if (NodeBuffer !== undefined && pattern.nodeNeedle !== undefined) {
    // The needle must be a Buffer too: a plain Uint8Array is converted on every call.
    return NodeBuffer.from(haystack.buffer, haystack.byteOffset, haystack.byteLength).indexOf(
      pattern.nodeNeedle,
      from,
    );
  }
  const needle = pattern.bytes;
  const first = needle[0];
  const last = haystack.length - needle.length;
  for (let i = haystack.indexOf(first, from); i !== -1 && i <= last; ) {
    if (matchesAt(haystack, i, needle, needle.length)) return i;
    i = haystack.indexOf(first, i + 1);
  }
  return -1;
}

function replaceBytes(buffer: Uint8Array, pattern: Pattern): Uint8Array {
  const { bytes: needle, mask } = pattern;
  let at = indexOfBytes(buffer, pattern, 0);
  if (at === -1) return buffer;
  const parts: Uint8Array[] = [];
  let start = 0;
  while (at !== -1) {
    parts.push(buffer.subarray(start, at), mask);
    start = at + needle.length;
    at = indexOfBytes(buffer, pattern, start);
  }
  parts.push(buffer.subarray(start));
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

/** Length of the longest end of `buffer` that is a proper beginning of some secret. */
function heldTailLength(buffer: Uint8Array, patterns: Array<{ bytes: Uint8Array }>): number {
  let hold = 0;
  for (const { bytes } of patterns) {
    const maxTail = Math.min(bytes.length - 1, buffer.length);
    for (let start = buffer.length - maxTail; start < buffer.length; start++) {
      const length = buffer.length - start;
      if (length <= hold) break;
      if (buffer[start] === bytes[0] && matchesAt(buffer, start, bytes, length)) {
        hold = length;
        break;
      }
    }
  }
  return hold;
}

const BINARY_MEDIA_TYPE_PREFIXES = ['image/', 'audio/', 'video/', 'font/'];
const BINARY_MEDIA_TYPES = new Set([
  'application/octet-stream',
  'application/pdf',
  'application/zip',
  'application/gzip',
]);

function isBinaryMediaType(contentType: string | null): boolean {
  if (contentType === null) return false;
  const mediaType = contentType.split(';')[0]?.trim().toLowerCase() ?? '';
  return (
    BINARY_MEDIA_TYPES.has(mediaType) ||
    BINARY_MEDIA_TYPE_PREFIXES.some((prefix) => mediaType.startsWith(prefix))
  );
}

/**
 * The response with secrets replaced in its headers and, unless it is media (images,
 * audio, video — bytes we must not alter), in its body as it streams.
 */
export function redactResponse(response: Response, secrets: readonly string[]): Response {
  if (
    secrets.length === 0 ||
    response.type === 'opaque' ||
    response.type === 'opaqueredirect' ||
    response.status < 200 ||
    response.status > 599
  ) {
    return response;
  }
  const headers = redactHeaders(response.headers, secrets);
  const nullBodyStatus =
    response.status === 204 || response.status === 205 || response.status === 304;
  const rewriteBody =
    response.body !== null &&
    !nullBodyStatus &&
    !isBinaryMediaType(response.headers.get('content-type'));
  if (headers === response.headers && !rewriteBody) return response;
  const body = nullBodyStatus
    ? null
    : rewriteBody
      ? redactByteStream(response.body as ReadableStream<Uint8Array>, secrets)
      : response.body;
  const redacted = new Response(body, {
    status: response.status,
    statusText: response.statusText,
    headers,
  });
  // Keep what callers may read off the original (the final URL after redirects).
  Object.defineProperty(redacted, 'url', { value: redactText(response.url, secrets) });
  Object.defineProperty(redacted, 'redirected', { value: response.redirected });
  return redacted;
}
