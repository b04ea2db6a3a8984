/**
 * Request bodies with inline media: `JSON.stringify` quotes a long string at a few
 * hundred MB/s, character by character, although base64 never needs escaping — a chat
 * request with four 100 KB images spent 1.6 ms of its 5 ms there (issue #17). The
 * converters mark the fields that hold such strings (base64 the package encoded itself,
 * behind a checked `data:` prefix); the serializer leaves those strings out of
 * `JSON.stringify` and splices them back in. The result is `JSON.stringify(body)`, byte
 * for byte.
 */

/** Shorter strings are quoted as usual: not worth the splice. */
const MIN_VERBATIM_LENGTH = 4096;

/** Object → its field whose string value needs no JSON escaping, and that value. */
const verbatimFields = new WeakMap<object, { key: string; value: string }>();

// What a data URL prefix may contain to be copied verbatim: printable ASCII except `"` and `\`.
const VERBATIM_SAFE = /^[\x20\x21\x23-\x5b\x5d-\x7e]*$/;

/**
 * Marks `object[key]` as a string that `JSON.stringify` copies unchanged. Only for
 * strings the package built: `prefix` (checked here, it may come from the caller's media
 * type) followed by base64 the package encoded from bytes.
 */
export function markVerbatimJsonString<T extends object>(
  object: T,
  key: keyof T & string,
  prefix: string,
): T {
  const value = object[key];
  if (
    typeof value === 'string' &&
    value.length >= MIN_VERBATIM_LENGTH &&
    value.startsWith(prefix) &&
    VERBATIM_SAFE.test(prefix)
  )
    verbatimFields.set(object, { key, value });
  return object;
}

const TOKEN = 'mixrouter-verbatim:';

type Found = { values: string[]; ancestors: Set<object> };

/** A copy of `value` with marked strings replaced by tokens; the same value where none is. */
function substitute(value: unknown, found: Found): unknown {
  if (typeof value !== 'object' || value === null) return value;
  const isArray = Array.isArray(value);
  if (!isArray) {
    const proto = Object.getPrototypeOf(value);
    if (proto !== Object.prototype && proto !== null) return value;
  }
  if (found.ancestors.has(value)) throw new TypeError('cyclic body'); // JSON.stringify throws too
  found.ancestors.add(value);
  let copy: Record<string, unknown> | unknown[] | undefined;
  if (isArray) {
    const array = value as unknown[];
    let arrayCopy: unknown[] | undefined;
    for (let i = 0; i < array.length; i++) {
      const item = array[i];
      const replaced = substitute(item, found);
      if (replaced !== item) {
        arrayCopy ??= array.slice();
        arrayCopy[i] = replaced;
      }
    }
    copy = arrayCopy;
  } else {
    const record = value as Record<string, unknown>;
    const verbatim = verbatimFields.get(record);
    for (const key of Object.keys(record)) {
      const item = record[key];
      let replaced: unknown;
      // Still the string that was marked (a later rewrite of the field is quoted as usual).
      if (verbatim !== undefined && key === verbatim.key && item === verbatim.value) {
        replaced = `${TOKEN}${found.values.length}`;
        found.values.push(item);
      } else replaced = substitute(item, found);
      if (replaced !== item) {
        copy ??= { ...record };
        (copy as Record<string, unknown>)[key] = replaced;
      }
    }
  }
  found.ancestors.delete(value);
  return copy ?? value;
}

/** `JSON.stringify(body)`, without quoting the marked media strings (see above). */
export function serializeMixRouterJsonBody(body: unknown): string {
  const found: Found = { values: [], ancestors: new Set() };
  let substituted: unknown;
  try {
    substituted = substitute(body, found);
  } catch {
    return JSON.stringify(body);
  }
  if (found.values.length === 0) return JSON.stringify(body);
  const json = JSON.stringify(substituted);
  // Each token must come back exactly once, as a whole string; otherwise (the body's own
  // text contains one) serialise plainly.
  const spots: Array<{ at: number; length: number; value: string }> = [];
  for (let i = 0; i < found.values.length; i++) {
    const quoted = `"${TOKEN}${i}"`;
    const at = json.indexOf(quoted);
    if (at === -1 || json.indexOf(quoted, at + 1) !== -1) return JSON.stringify(body);
    spots.push({ at, length: quoted.length, value: found.values[i]! });
  }
  spots.sort((a, b) => a.at - b.at);
  let out = '';
  let last = 0;
  for (const spot of spots) {
    out += `${json.slice(last, spot.at)}"${spot.value}"`;
    last = spot.at + spot.length;
  }
  return out + json.slice(last);
}
