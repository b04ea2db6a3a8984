/**
 * Deep search of any value for a secret: own enumerable and non-enumerable properties
 * (an Error's `message`, `stack`, `cause`), symbols, getters on plain objects, array
 * items, Map/Set entries, Headers, URLs, and the bytes of typed arrays / ArrayBuffers
 * (decoded as UTF-8 and Latin-1). Returns the paths where the secret was found.
 */
export function findSecret(value: unknown, secret: string, root = '$'): string[] {
  const found: string[] = [];
  const seen = new WeakSet<object>();
  const encoder = new TextEncoder();
  const secretBytes = encoder.encode(secret);

  const bytesContain = (bytes: Uint8Array): boolean => {
    outer: for (let i = 0; i + secretBytes.length <= bytes.length; i++) {
      for (let j = 0; j < secretBytes.length; j++)
        if (bytes[i + j] !== secretBytes[j]) continue outer;
      return true;
    }
    return false;
  };

  const visit = (current: unknown, path: string, depth: number): void => {
    if (depth > 40) return;
    if (typeof current === 'string') {
      if (current.includes(secret)) found.push(path);
      return;
    }
    if (typeof current === 'function') {
      // A function's source is not data we hand out; its own properties are.
      if (seen.has(current)) return;
      seen.add(current);
      for (const key of Object.getOwnPropertyNames(current)) {
        if (key === 'prototype' || key === 'caller' || key === 'arguments') continue;
        visitProperty(current, key, path, depth);
      }
      return;
    }
    if (typeof current !== 'object' || current === null) return;
    if (seen.has(current)) return;
    seen.add(current);

    if (current instanceof Uint8Array || ArrayBuffer.isView(current)) {
      const view = current as ArrayBufferView;
      if (bytesContain(new Uint8Array(view.buffer, view.byteOffset, view.byteLength)))
        found.push(`${path}<bytes>`);
      return;
    }
    if (current instanceof ArrayBuffer) {
      if (bytesContain(new Uint8Array(current))) found.push(`${path}<bytes>`);
      return;
    }
    if (current instanceof URL) {
      if (current.href.includes(secret)) found.push(`${path}.href`);
      return;
    }
    if (current instanceof Headers) {
      for (const [name, headerValue] of current)
        visit(headerValue, `${path}[header ${name}]`, depth + 1);
      return;
    }
    if (current instanceof Map) {
      for (const [key, item] of current) {
        visit(key, `${path}<key>`, depth + 1);
        visit(item, `${path}[${String(key)}]`, depth + 1);
      }
      return;
    }
    if (current instanceof Set) {
      for (const item of current) visit(item, `${path}<item>`, depth + 1);
      return;
    }
    if (current instanceof Date) return;

    for (const key of Object.getOwnPropertyNames(current)) visitProperty(current, key, path, depth);
    for (const symbol of Object.getOwnPropertySymbols(current)) {
      visitProperty(current, symbol, path, depth);
    }
    // Error subclasses and class instances may expose data through prototype getters.
    let proto = Object.getPrototypeOf(current);
    while (proto !== null && proto !== Object.prototype && proto !== Error.prototype) {
      for (const key of Object.getOwnPropertyNames(proto)) {
        const descriptor = Object.getOwnPropertyDescriptor(proto, key);
        if (descriptor?.get !== undefined && key !== '__proto__') {
          try {
            visit(descriptor.get.call(current), `${path}.${key}`, depth + 1);
          } catch {
            // a getter that throws holds nothing to find
          }
        }
      }
      proto = Object.getPrototypeOf(proto);
    }
  };

  const visitProperty = (owner: object, key: string | symbol, path: string, depth: number) => {
    const descriptor = Object.getOwnPropertyDescriptor(owner, key);
    if (descriptor === undefined) return;
    const label = typeof key === 'symbol' ? `[${key.toString()}]` : `.${key}`;
    let item: unknown;
    if ('value' in descriptor) item = descriptor.value;
    else if (descriptor.get !== undefined) {
      try {
        item = descriptor.get.call(owner);
      } catch {
        return;
      }
    }
    visit(item, `${path}${label}`, depth + 1);
  };

  visit(value, root, 0);
  return found;
}
