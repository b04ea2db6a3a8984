import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  baseURLSecrets,
  maskSecret,
  normaliseSecrets,
  redactByteStream,
  redactErrorInPlace,
  redactResponse,
} from '../mixrouter-redaction';
import { type FakeServer, sendJson, sendSse, startFakeServer } from './helpers/fake-server';
import {
  callsForEveryModelType,
  errorOf,
  TEST_KEY,
  testProvider,
  USER_PROMPT,
} from './helpers/models';
import { findSecret } from './helpers/secret-scan';

let gateway: FakeServer;
beforeAll(async () => {
  gateway = await startFakeServer();
});
afterAll(() => gateway.close());

const MASK = maskSecret(TEST_KEY);

async function collect(stream: ReadableStream<Uint8Array>): Promise<string> {
  const chunks: Uint8Array[] = [];
  for await (const chunk of stream as unknown as AsyncIterable<Uint8Array>) chunks.push(chunk);
  return Buffer.concat(chunks).toString('utf8');
}

describe('redaction primitives', () => {
  it('masks keep at most a 4-character prefix', () => {
    expect(MASK).toBe('sk-r...[redacted]');
    expect(maskSecret('short-secret')).toBe('[redacted]');
  });

  it('a secret cut across chunks at any position is replaced', async () => {
    const text = `{"message":"bad key ${TEST_KEY}, again ${TEST_KEY}"}\n\n`;
    const bytes = new TextEncoder().encode(text);
    for (let cut = 1; cut < bytes.length; cut++) {
      const stream = redactByteStream(
        new ReadableStream<Uint8Array>({
          start(controller) {
            controller.enqueue(bytes.slice(0, cut));
            controller.enqueue(bytes.slice(cut));
            controller.close();
          },
        }),
        [TEST_KEY],
      );
      expect(await collect(stream)).toBe(`{"message":"bad key ${MASK}, again ${MASK}"}\n\n`);
    }
  });

  it('holds back only a possible start of a secret: an SSE event is passed on at once', async () => {
    const source = new TransformStream<Uint8Array, Uint8Array>();
    const writer = source.writable.getWriter();
    const reader = redactByteStream(source.readable, [TEST_KEY]).getReader();
    void writer.write(new TextEncoder().encode('data: {"a":1}\n\n'));
    expect(new TextDecoder().decode((await reader.read()).value)).toBe('data: {"a":1}\n\n');
    // "sk-rel" could be the start of the key: held until the next chunk or the end
    void writer.write(new TextEncoder().encode('data: sk-rel'));
    expect(new TextDecoder().decode((await reader.read()).value)).toBe('data: ');
    void writer.close();
    expect(new TextDecoder().decode((await reader.read()).value)).toBe('sk-rel');
    expect((await reader.read()).done).toBe(true);
  });

  it('base URL secrets: password, username and query values, raw and decoded; short values are not searched', () => {
    const secrets = normaliseSecrets(
      baseURLSecrets('https://user-name:p%40ss-word-1@h.test/v1?key=abc%2Bdef123&v=1'),
    );
    expect(secrets).toEqual(
      expect.arrayContaining([
        'p%40ss-word-1',
        'p@ss-word-1',
        'abc%2Bdef123',
        'abc+def123',
        'user-name',
      ]),
    );
    expect(secrets).not.toContain('1');
  });

  it('redacts an error in place: message, stack, url, body, headers, data and the cause chain', () => {
    const cause = new Error(`inner ${TEST_KEY}`);
    const error = Object.assign(new Error(`outer ${TEST_KEY}`, { cause }), {
      url: `https://h.test/v1?key=${TEST_KEY}`,
      responseBody: `{"k":"${TEST_KEY}"}`,
      responseHeaders: { 'x-echo': TEST_KEY },
      data: { nested: [{ deep: TEST_KEY }] },
    });
    const data = error.data;
    redactErrorInPlace(error, [TEST_KEY]);
    expect(findSecret(error, TEST_KEY)).toEqual([]);
    expect(error.message).toBe(`outer ${MASK}`);
    expect(error.stack).toContain(MASK);
    // objects reachable from the error are replaced by redacted copies, never mutated
    expect(data.nested[0].deep).toBe(TEST_KEY);
  });

  it('media bodies are passed on byte for byte; text bodies and all headers are redacted', async () => {
    const body = `GIF89a ${TEST_KEY}`;
    const media = redactResponse(
      new Response(body, { headers: { 'content-type': 'image/gif', 'x-echo': TEST_KEY } }),
      [TEST_KEY],
    );
    expect(await media.text()).toBe(body);
    expect(media.headers.get('x-echo')).toBe(MASK);
    const text = redactResponse(
      new Response(body, { status: 418, headers: { 'content-type': 'text/plain' } }),
      [TEST_KEY],
    );
    expect(text.status).toBe(418);
    expect(await text.text()).toBe(`GIF89a ${MASK}`);
    const empty = redactResponse(new Response(null, { status: 204 }), [TEST_KEY]);
    expect(empty.status).toBe(204);
  });
});

describe('a gateway that echoes the key', () => {
  const echo = `Invalid token ${TEST_KEY} (request id: 2026010100000001)`;

  it('every model type: error message, responseBody, responseHeaders, data, cause and stack are clean', async () => {
    gateway.reset((request, res) =>
      sendJson(
        res,
        request.path.includes('/messages') ? 401 : 401,
        request.path.includes('/messages')
          ? { type: 'error', error: { type: 'authentication_error', message: echo } }
          : { error: { message: echo, type: 'new_api_error', code: '' } },
        { 'x-echo-key': TEST_KEY, 'www-authenticate': `Bearer realm="${TEST_KEY}"` },
      ),
    );
    const calls = callsForEveryModelType(testProvider({ baseURL: gateway.baseURL }));
    for (const [route, call] of Object.entries(calls)) {
      const error = (await errorOf(call)) as Error & { responseHeaders?: Record<string, string> };
      expect(findSecret(error, TEST_KEY), route).toEqual([]);
      expect(error.message, route).toContain(MASK);
      expect(error.responseHeaders?.['x-echo-key'], route).toBe(MASK);
    }
  });

  it('in an HTTP 200: a JSON error body, a stream error event, and successful content', async () => {
    gateway.reset((request, res) => {
      const body = request.json as { stream?: boolean; model?: string };
      if (body?.model === 'json-error')
        return sendJson(res, 200, { error: { message: echo, code: 'rate_limit_exceeded' } });
      if (body?.stream) {
        return sendSse(res, [
          `data: {"id":"c","choices":[{"index":0,"delta":{"content":"your key is ${TEST_KEY.slice(0, 10)}"}}]}\n\n`,
          `data: {"id":"c","choices":[{"index":0,"delta":{"content":"${TEST_KEY.slice(10)}"}}]}\n\n`,
          `data: {"error":{"message":"${echo}","type":"upstream_error"}}\n\n`,
          'data: [DONE]\n\n',
        ]);
      }
      return sendJson(
        res,
        200,
        {
          id: 'c',
          object: 'chat.completion',
          created: 1,
          model: 'gpt-4o',
          choices: [
            {
              index: 0,
              message: { role: 'assistant', content: `key: ${TEST_KEY}` },
              finish_reason: 'stop',
            },
          ],
        },
        { 'x-echo-key': TEST_KEY },
      );
    });
    const provider = testProvider({ baseURL: gateway.baseURL });
    const error = await errorOf(() =>
      provider.chat('json-error').doGenerate({ prompt: USER_PROMPT }),
    );
    expect(findSecret(error, TEST_KEY)).toEqual([]);

    const generated = await provider.chat('gpt-4o').doGenerate({ prompt: USER_PROMPT });
    expect(findSecret(generated, TEST_KEY)).toEqual([]);
    expect(generated.content).toEqual([{ type: 'text', text: `key: ${MASK}` }]);

    const { stream } = await provider
      .chat('gpt-4o')
      .doStream({ prompt: USER_PROMPT, includeRawChunks: true });
    const parts: unknown[] = [];
    for await (const part of stream as unknown as AsyncIterable<unknown>) parts.push(part);
    expect(findSecret(parts, TEST_KEY)).toEqual([]);
    expect(parts.some((part) => (part as { type: string }).type === 'error')).toBe(true);
  });

  it('errors raised by the official providers behind the native routes are clean too', async () => {
    // Not JSON: @ai-sdk/anthropic, @ai-sdk/google and @ai-sdk/openai raise their own parse errors.
    gateway.reset((_, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(`{"broken": "${TEST_KEY}`);
    });
    const provider = testProvider({ baseURL: gateway.baseURL });
    for (const model of [
      provider.messages('claude-sonnet-4-5'),
      provider.responses('gpt-5.1-codex'),
      provider.gemini('gemini-2.5-pro'),
    ]) {
      const error = await errorOf(() => model.doGenerate({ prompt: USER_PROMPT }));
      expect(findSecret(error, TEST_KEY), model.provider).toEqual([]);
    }
  });
});

describe('secrets in the base URL', () => {
  const QUERY_SECRET = 'qs-7d1e0b9a44c2';

  it('a key in the base URL query is redacted from error.url and messages, on every route', async () => {
    gateway.reset((_, res) => sendJson(res, 403, { error: { message: 'forbidden' } }));
    const calls = callsForEveryModelType(
      testProvider({ baseURL: `${gateway.baseURL}?key=${QUERY_SECRET}` }),
    );
    for (const [route, call] of Object.entries(calls)) {
      const error = (await errorOf(call)) as { url?: string };
      expect(findSecret(error, QUERY_SECRET), route).toEqual([]);
      expect(error.url, route).toContain('?key=[redacted]');
    }
    // …while the request itself did carry it
    for (const request of gateway.requests) expect(request.path).toContain(`key=${QUERY_SECRET}`);
  });

  it('an error event inside a 200 stream carries error.url redacted', async () => {
    gateway.reset((_, res) =>
      sendSse(res, [
        'data: {"id":"c","choices":[{"index":0,"delta":{"content":"a"}}]}\n\n',
        'data: {"error":{"message":"upstream failed","type":"upstream_error","code":"bad_response_body"}}\n\n',
      ]),
    );
    const { stream } = await testProvider({ baseURL: `${gateway.baseURL}?key=${QUERY_SECRET}` })
      .chat('gpt-4o')
      .doStream({ prompt: USER_PROMPT });
    const parts: Array<{ type: string; error?: { url?: string } }> = [];
    for await (const part of stream as unknown as AsyncIterable<(typeof parts)[number]>)
      parts.push(part);
    const errorPart = parts.find((part) => part.type === 'error');
    expect(errorPart?.error?.url).toContain('?key=[redacted]');
    expect(findSecret(parts, QUERY_SECRET)).toEqual([]);
  });

  it('a connection failure (the URL is quoted by the runtime) is redacted too', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise((resolve) => closed.close(resolve));
    const error = await errorOf(() =>
      testProvider({ baseURL: `http://127.0.0.1:${port}/v1?key=${QUERY_SECRET}` })
        .chat('gpt-4o')
        .doGenerate({ prompt: USER_PROMPT }),
    );
    expect(findSecret(error, QUERY_SECRET)).toEqual([]);
  });

  it('the password of a base URL with credentials is never echoed', async () => {
    const password = 'pw-5e0c3a81f2';
    const provider = testProvider({
      baseURL: `http://someone:${password}@127.0.0.1:${gateway.port}/v1`,
    });
    for (const call of Object.values(callsForEveryModelType(provider))) {
      const error = await errorOf(call);
      expect(findSecret(error, password)).toEqual([]);
    }
  });
});
