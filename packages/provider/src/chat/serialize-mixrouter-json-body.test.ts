import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import {
  markVerbatimJsonString,
  serializeMixRouterJsonBody,
} from './serialize-mixrouter-json-body';

const base64 = (n: number, seed = 0) =>
  Buffer.from(Uint8Array.from({ length: n }, (_, i) => (i * 31 + seed) % 256)).toString('base64');

function image(n: number, mediaType = 'image/png') {
  const prefix = `data:${mediaType};base64,`;
  return markVerbatimJsonString({ url: `${prefix}${base64(n)}`, detail: 'auto' }, 'url', prefix);
}

describe('serializeMixRouterJsonBody', () => {
  it('is JSON.stringify, byte for byte, for bodies with and without marked media', () => {
    const text = fc.oneof(
      fc.string(),
      fc.constantFrom('mixrouter-verbatim:0', 'mixrouter-verbatim:1', '"mixrouter-verbatim:0"'),
    );
    const part = fc.oneof(
      text.map((t) => ({ type: 'text', text: t })),
      fc.nat(3).map((i) => ({ type: 'image_url', image_url: image(5000 + i * 10) })),
    );
    const body = fc.record({
      model: fc.string(),
      messages: fc.array(
        fc.record({ role: fc.constantFrom('user', 'assistant'), content: fc.array(part) }),
      ),
      extra: fc.option(fc.dictionary(fc.string(), fc.jsonValue()), { nil: undefined }),
    });
    fc.assert(
      fc.property(body, (b) => {
        expect(serializeMixRouterJsonBody(b)).toBe(JSON.stringify(b));
      }),
      { numRuns: 300 },
    );
  });

  it('splices a shared marked object, nested arrays and a body with no marks alike', () => {
    const img = image(8000);
    const body = { messages: [{ content: [{ image_url: img }, { image_url: img }] }], n: [1, [2]] };
    expect(serializeMixRouterJsonBody(body)).toBe(JSON.stringify(body));
    expect(serializeMixRouterJsonBody({ a: 1 })).toBe('{"a":1}');
    expect(serializeMixRouterJsonBody('x')).toBe('"x"');
  });

  it('JSON.stringify never sees a marked string', () => {
    const body = { messages: [{ content: [{ type: 'image_url', image_url: image(100_000) }] }] };
    const expected = JSON.stringify(body);
    const stringify = vi.spyOn(JSON, 'stringify');
    try {
      expect(serializeMixRouterJsonBody(body)).toBe(expected);
      const outputs = stringify.mock.results.map((r) => r.value as string);
      expect(outputs.length).toBeGreaterThan(0);
      for (const output of outputs) expect(output.length).toBeLessThan(1000);
    } finally {
      stringify.mockRestore();
    }
  });

  it('falls back to plain serialisation when the body itself contains a token', () => {
    const body = { a: image(8000), b: 'mixrouter-verbatim:0' };
    expect(serializeMixRouterJsonBody(body)).toBe(JSON.stringify(body));
  });

  it('quotes a field rewritten after it was marked, and never marks an unsafe or short prefix', () => {
    const img = image(8000);
    img.url = `data:image/png;base64,"${base64(8000)}\n`;
    expect(serializeMixRouterJsonBody({ img })).toBe(JSON.stringify({ img }));
    const quoted = image(8000, 'image/p"ng');
    expect(serializeMixRouterJsonBody({ quoted })).toBe(JSON.stringify({ quoted }));
    const small = image(100);
    expect(serializeMixRouterJsonBody({ small })).toBe(JSON.stringify({ small }));
  });

  it('throws on a cyclic body as JSON.stringify does', () => {
    const body: Record<string, unknown> = { img: image(8000) };
    body.self = body;
    expect(() => serializeMixRouterJsonBody(body)).toThrow(TypeError);
  });
});
