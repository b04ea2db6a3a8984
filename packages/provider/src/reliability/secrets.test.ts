import type { ServerResponse } from 'node:http';
import { LoadAPIKeyError } from '@ai-sdk/provider';
import { DownloadError, type FetchFunction } from '@ai-sdk/provider-utils';
import {
  embedMany,
  experimental_generateVideo,
  generateImage,
  generateSpeech,
  generateText,
  jsonSchema,
  streamText,
  tool,
  transcribe,
} from 'ai';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createMixRouter } from '../mixrouter-main';
import {
  type FakeServer,
  hang,
  type RecordedRequest,
  sendBytes,
  sendJson,
  sendSse,
  startFakeServer,
} from './helpers/fake-server';
import { callsForEveryModelType, IMAGE_CALL, TEST_KEY, USER_PROMPT } from './helpers/models';
import { nativeAnswers } from './helpers/native-answers';
import { findSecret } from './helpers/secret-scan';
import { counterIds } from './helpers/stream-checks';

/**
 * Everything the package hands back — results, stream parts (raw chunks included),
 * warnings, provider metadata, errors with their `data`, `requestBodyValues`,
 * `responseBody`, `cause` — is collected here and scanned for the API key at the end.
 */
const collected: Array<{ label: string; value: unknown }> = [];
const collect = (label: string, value: unknown) => collected.push({ label, value });

async function outcome(label: string, call: () => PromiseLike<unknown>): Promise<unknown> {
  try {
    const value = await call();
    collect(label, value);
    return value;
  } catch (error) {
    collect(`${label} (error)`, error);
    return error;
  }
}

async function drain(label: string, stream: ReadableStream<unknown> | AsyncIterable<unknown>) {
  const parts: unknown[] = [];
  try {
    for await (const part of stream as AsyncIterable<unknown>) parts.push(part);
  } catch (error) {
    parts.push(error);
  }
  collect(label, parts);
  return parts;
}

const CDN = 'https://cdn.example-media.test';
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
const MP3 = new Uint8Array([0x49, 0x44, 0x33, 3, 0, 0, 0, 0, 0, 0]);
const MP4 = new Uint8Array([0, 0, 0, 0x18, 0x66, 0x74, 0x79, 0x70, 0x6d, 0x70, 0x34, 0x32]);

let server: FakeServer;

/** The provider's fetch: the real fetch, except that the public CDN host is served by the fake server. */
function routingFetch(): FetchFunction {
  return (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (url.startsWith(CDN))
      return globalThis.fetch(`${server.origin}/cdn${url.slice(CDN.length)}`, init);
    return globalThis.fetch(input, init);
  };
}

function provider(settings: Parameters<typeof createMixRouter>[0] = {}) {
  return createMixRouter({
    apiKey: TEST_KEY,
    baseURL: server.baseURL,
    fetch: routingFetch(),
    // The CDN name is public: resolve it to a public address (the routing fetch serves it).
    downloads: { lookup: async () => [{ address: '93.184.216.34', family: 4 }] },
    generateId: counterIds(),
    ...settings,
  });
}

const chatJson = {
  id: 'chatcmpl-1',
  object: 'chat.completion',
  created: 1767268800,
  model: 'gpt-4o',
  choices: [
    {
      index: 0,
      message: {
        role: 'assistant',
        content: '<think>pondering</think>Hello',
        reasoning_content: 'reasoning',
        tool_calls: [
          { id: 'call_1', type: 'function', function: { name: 'lookup', arguments: '{"q":"x"}' } },
        ],
      },
      finish_reason: 'stop',
    },
  ],
  usage: { prompt_tokens: 3, completion_tokens: 2, total_tokens: 5 },
};

const chatSse = [
  {
    id: 'c',
    created: 1767268800,
    model: 'gpt-4o',
    choices: [{ index: 0, delta: { role: 'assistant', content: '' } }],
  },
  { id: 'c', choices: [{ index: 0, delta: { reasoning_content: '想' } }] },
  { id: 'c', choices: [{ index: 0, delta: { content: '你好' } }] },
  {
    id: 'c',
    choices: [
      {
        index: 0,
        delta: {
          tool_calls: [
            {
              index: 0,
              id: 'call_1',
              type: 'function',
              function: { name: 'lookup', arguments: '{"q":' },
            },
          ],
        },
      },
    ],
  },
  {
    id: 'c',
    choices: [{ index: 0, delta: { tool_calls: [{ index: 0, function: { arguments: '"x"}' } }] } }],
  },
  { id: 'c', choices: [{ index: 0, delta: {}, finish_reason: 'tool_calls' }] },
  {
    id: 'c',
    choices: [],
    usage: { prompt_tokens: 3, completion_tokens: 2, total_tokens: 5, cost: 0.001 },
  },
].map((chunk) => `data: ${JSON.stringify(chunk)}\n\n`);

const NATIVE = nativeAnswers('hi');

/** A gateway answering every route successfully, with media on its own origin and on the CDN. */
function successHandler(request: RecordedRequest, res: ServerResponse): void {
  answerSuccess(request, res);
}

function answerSuccess(request: RecordedRequest, res: ServerResponse): unknown {
  const { path, method } = request;
  const body = request.json as Record<string, unknown> | undefined;
  if (path.startsWith('/cdn/')) return sendBytes(res, 200, path.endsWith('.mp3') ? MP3 : PNG);
  if (path === '/v1/files/redirect.png') {
    res.writeHead(302, { location: `${CDN}/img/redirected.png` });
    return res.end();
  }
  if (path.startsWith('/v1/files/')) return sendBytes(res, 200, path.endsWith('.mp4') ? MP4 : PNG);
  if (path === '/v1/chat/completions') {
    if (body?.stream) return sendSse(res, [...chatSse, 'data: [DONE]\n\n']);
    return sendJson(res, 200, chatJson, { 'x-oneapi-request-id': 'req-chat' });
  }
  if (path === '/v1/messages') return sendJson(res, 200, NATIVE.messages);
  if (path === '/v1/responses') return sendJson(res, 200, NATIVE.responses);
  if (path.startsWith('/v1beta/models/')) return sendJson(res, 200, NATIVE.gemini);
  if (path === '/v1/embeddings') {
    const input = (body?.input as string[]) ?? [];
    return sendJson(res, 200, {
      object: 'list',
      data: input.map((_, index) => ({ object: 'embedding', index, embedding: [0.1, 0.2] })),
      usage: { prompt_tokens: 2, total_tokens: 2 },
    });
  }
  if (path === '/v1/images/generations') {
    return sendJson(res, 200, {
      created: 1767268800,
      data: [
        { b64_json: 'iVBORw0KGgo=' },
        { url: `${server.baseURL}/files/same-origin.png`, revised_prompt: 'a cat' },
        { url: `${CDN}/img/cdn.png` },
        { url: `${server.baseURL}/files/redirect.png` },
      ],
    });
  }
  if (path === '/v1/audio/speech') {
    if (body?.model === 'qwen3-tts-flash') {
      return sendJson(res, 200, {
        success: true,
        message: '',
        data: { audio_url: `${CDN}/audio/a.mp3` },
      });
    }
    return sendBytes(res, 200, MP3, { 'content-type': 'audio/mpeg' });
  }
  if (path === '/v1/audio/transcriptions') {
    return sendJson(res, 200, {
      text: 'hello',
      language: 'english',
      duration: 1,
      segments: [{ text: 'hello', start: 0, end: 1 }],
    });
  }
  if (path === '/v1/video/generations' && method === 'POST') {
    return sendJson(res, 200, {
      id: 'task_same',
      task_id: 'task_same',
      object: 'video',
      status: 'queued',
    });
  }
  if (path.startsWith('/v1/video/generations/')) {
    const url = path.endsWith('task_cdn') ? `${CDN}/video/v.mp4` : `${server.baseURL}/files/v.mp4`;
    return sendJson(res, 200, {
      code: 'success',
      message: '',
      data: { task_id: 'x', status: 'SUCCESS', result_url: url },
    });
  }
  if (path === '/v1/models') {
    return sendJson(res, 200, {
      object: 'list',
      data: [{ id: 'gpt-4o', owned_by: 'openai', supported_endpoint_types: ['openai'] }],
    });
  }
  return sendJson(res, 404, { error: { message: `no route ${path}` } });
}

beforeAll(async () => {
  server = await startFakeServer(successHandler);
});
afterAll(() => server.close());

describe('the API key never leaks', () => {
  it('successful calls on every model type (doGenerate/doStream and through `ai`)', async () => {
    const p = provider();
    await outcome('chat doGenerate', () =>
      p.chat('deepseek-reasoner').doGenerate({ prompt: USER_PROMPT, temperature: 0.3, topK: 3 }),
    );
    const { stream, ...streamRest } = await p
      .chat('gpt-4o')
      .doStream({ prompt: USER_PROMPT, includeRawChunks: true });
    collect('chat doStream result', streamRest);
    await drain('chat doStream parts (raw chunks on)', stream);
    await outcome('generateText', () =>
      generateText({
        model: p.chat('gpt-4o'),
        prompt: 'hi',
        tools: {
          lookup: tool({
            inputSchema: jsonSchema({ type: 'object', properties: { q: { type: 'string' } } }),
          }),
        },
      }),
    );
    const streamed = streamText({ model: p.chat('gpt-4o'), prompt: 'hi', includeRawChunks: true });
    await drain('streamText fullStream', streamed.fullStream);
    collect('streamText result', {
      text: await streamed.text,
      usage: await streamed.usage,
      response: await streamed.response,
      providerMetadata: await streamed.providerMetadata,
      warnings: await streamed.warnings,
      request: await streamed.request,
      steps: await streamed.steps,
    });
    await outcome('messages route', () =>
      p.messages('claude-sonnet-4-5').doGenerate({ prompt: USER_PROMPT }),
    );
    await outcome('responses route', () =>
      p.responses('gpt-5.1-codex').doGenerate({ prompt: USER_PROMPT }),
    );
    await outcome('gemini route', () =>
      p.gemini('gemini-2.5-pro').doGenerate({ prompt: USER_PROMPT }),
    );
    await outcome('embedMany', () =>
      embedMany({ model: p.embedding('text-embedding-3-small'), values: ['a', 'b'] }),
    );
    await outcome('image doGenerate (b64, same-origin, CDN, redirect to CDN)', () =>
      p.image('dall-e-3').doGenerate({ ...IMAGE_CALL, n: 4 }),
    );
    await outcome('generateImage', () =>
      generateImage({ model: p.image('gpt-image-1'), prompt: 'a cat', n: 1 }),
    );
    await outcome('speech (audio bytes)', () =>
      generateSpeech({ model: p.speech('tts-1'), text: 'hi' }),
    );
    await outcome('speech (JSON audio_url on the CDN)', () =>
      p.speech('qwen3-tts-flash').doGenerate({ text: '你好' }),
    );
    await outcome('transcribe', () =>
      transcribe({ model: p.transcription('whisper-1'), audio: new Uint8Array([1, 2, 3, 4]) }),
    );
    await outcome('video (same-origin result URL, fetched with the key)', () =>
      experimental_generateVideo({
        model: p.video('veo-3.1-generate-preview'),
        prompt: 'waves',
        poll: { intervalMs: 1 },
      }),
    );
    await outcome('video status (CDN URL handed to the caller)', () =>
      p.video('veo-3.1-generate-preview').doStatus!({
        operation: { taskId: 'task_cdn', endpoint: 'video/generations' },
      }),
    );
    await outcome('list models', () => p.listModels());

    // Sanity: the calls really succeeded.
    expect(
      collected
        .filter(({ label }) => label.endsWith('(error)'))
        .map(({ label, value }) => `${label}: ${String(value)}`),
    ).toEqual([]);
  });

  it('every error kind on every model type', async () => {
    const failures: Array<[number, string | object | undefined, Record<string, string>?]> = [
      [
        401,
        { error: { message: '无效的令牌', type: 'new_api_error', code: '' } },
        { 'x-oneapi-request-id': 'R1' },
      ],
      [403, { error: { message: '用户额度不足', code: 'insufficient_user_quota' } }],
      [403, { error: { message: '该令牌无权访问模型' } }],
      [503, { error: { message: '无可用渠道', code: 'model_not_found' } }],
      [429, undefined],
      [400, { error: { message: 'bad request' } }],
      [500, { error: { message: 'field messages is required', code: 'invalid_request' } }],
      [502, '<html><body>502 Bad Gateway</body></html>', { 'content-type': 'text/html' }],
      [504, { type: 'error', error: { type: 'timeout', message: 'upstream timeout' } }],
      [429, { code: 'rate_limited', message: '当前分组上游负载已饱和，请稍后再试', data: null }],
      // A gateway that echoes the key: in the message, in a header, in an HTML page.
      [
        401,
        { error: { message: `Invalid token ${TEST_KEY} (request id: R2)`, code: '' } },
        { 'x-echo-key': TEST_KEY },
      ],
      [
        200,
        { error: { message: `key ${TEST_KEY} rate limited`, code: 'rate_limit_exceeded' } },
        { 'www-authenticate': `Bearer ${TEST_KEY}` },
      ],
      [502, `<html><body>bad key ${TEST_KEY}</body></html>`, { 'content-type': 'text/html' }],
    ];
    for (const [status, body, headers] of failures) {
      // `retry-after-ms` keeps `ai`'s retry of the retryable ones short.
      const allHeaders = { 'retry-after-ms': '1', ...headers };
      server.setHandler((_, res) =>
        typeof body === 'object'
          ? sendJson(res, status, body, allHeaders)
          : sendBytes(res, status, body ?? '', allHeaders),
      );
      for (const [label, call] of Object.entries(callsForEveryModelType(provider()))) {
        await outcome(`${status} ${label}`, call);
      }
      await outcome(`${status} generateText (with retries)`, () =>
        generateText({ model: provider().chat('gpt-4o'), prompt: 'hi', maxRetries: 1 }),
      );
    }
    server.setHandler(successHandler);
    const errors = collected.filter(({ label }) => label.endsWith('(error)'));
    expect(errors.length).toBeGreaterThanOrEqual(failures.length * 12);
  });

  it('errors inside 200 responses, broken streams, downloads, aborts, timeouts and bad input', async () => {
    const p = provider();
    server.setHandler((request, res) => {
      if (request.path === '/v1/chat/completions') {
        return sendSse(res, [
          'data: {"id":"c","choices":[{"index":0,"delta":{"content":"a"}}]}\n\n',
          'data: {"error":{"message":"upstream failed","type":"upstream_error","code":"bad_response_body"}}\n\n',
          '{"error":{"message":"written into the open stream","code":"do_request_failed"}}\n',
          'data: {not json\n\n',
          'data: [DONE]\n\n',
        ]);
      }
      if (request.path === '/v1/images/generations') {
        return sendJson(res, 200, { data: [{ url: `${server.baseURL}/files/missing.png` }] });
      }
      if (request.path === '/v1/files/missing.png')
        return sendJson(res, 404, { error: { message: 'file not found' } });
      if (request.path === '/v1/audio/speech') {
        return sendJson(res, 200, {
          success: true,
          data: { audio_url: `${CDN}/audio/forbidden.mp3` },
        });
      }
      if (request.path.startsWith('/cdn/')) return sendBytes(res, 403, 'Forbidden');
      return hang();
    });
    const { stream } = await p
      .chat('gpt-4o')
      .doStream({ prompt: USER_PROMPT, includeRawChunks: true });
    await drain('stream with in-band errors', stream);
    await outcome('image download 404 on the gateway', () =>
      p.image('dall-e-3').doGenerate({ ...IMAGE_CALL, n: 4 }),
    );
    await outcome('speech download 403 on the CDN', () =>
      p.speech('qwen3-tts-flash').doGenerate({ text: 'x' }),
    );
    await outcome('embedding timeout', () =>
      p
        .embedding('text-embedding-3-small')
        .doEmbed({ values: ['a'], abortSignal: AbortSignal.timeout(30) }),
    );
    const controller = new AbortController();
    const aborted = outcome('video abort', () =>
      experimental_generateVideo({
        model: p.video('sora-2'),
        prompt: 'x',
        abortSignal: controller.signal,
      }),
    );
    await server.waitForRequests(1);
    controller.abort();
    await aborted;

    // Refused URLs from response bodies.
    for (const url of [
      'file:///etc/passwd',
      'ftp://files.example.test/a.mp3',
      'data:audio/mpeg;base64,SUQz',
      'javascript:alert(1)',
    ]) {
      server.setHandler((_, res) =>
        sendJson(res, 200, { success: true, data: { audio_url: url } }),
      );
      const error = await outcome(`speech refuses ${url}`, () =>
        p.speech('qwen3-tts-flash').doGenerate({ text: 'x' }),
      );
      expect(DownloadError.isInstance(error), `${url}: ${String(error)}`).toBe(true);
      expect((error as Error).message).toMatch(/only http\(s\) URLs are fetched/);
    }
    for (const url of ['file:///etc/passwd', 'ftp://files.example.test/a.png']) {
      server.setHandler((_, res) => sendJson(res, 200, { data: [{ url }] }));
      const error = await outcome(`image refuses ${url}`, () =>
        p.image('dall-e-3').doGenerate({ ...IMAGE_CALL, n: 4 }),
      );
      expect(DownloadError.isInstance(error), `${url}: ${String(error)}`).toBe(true);
    }
    server.setHandler(successHandler);

    // Bad input and a bad key.
    await outcome('invalid provider options', () =>
      p
        .chat('gpt-4o')
        .doGenerate({ prompt: USER_PROMPT, providerOptions: { mixrouter: { nope: 1 } } }),
    );
    for (const badKey of [
      `${TEST_KEY}\nX-Injected: 1`,
      `${TEST_KEY}\u200b`,
      `${TEST_KEY} extra`,
      `${TEST_KEY}\u0000`,
    ]) {
      const bad = provider({ apiKey: badKey });
      for (const [label, call] of Object.entries(callsForEveryModelType(bad))) {
        const error = await outcome(`bad key ${JSON.stringify(badKey.slice(-3))} ${label}`, call);
        expect(LoadAPIKeyError.isInstance(error), `${label}: ${String(error)}`).toBe(true);
      }
    }
    expect(server.requests.filter((r) => r.path.includes('nope'))).toEqual([]);
  });

  it('scan: the key is nowhere in what the package returned or threw', () => {
    expect(collected.length).toBeGreaterThan(150);
    const body = TEST_KEY.slice('sk-'.length); // the gateway strips `sk-`: the rest is the secret
    const leaks = collected.flatMap(({ label, value }) =>
      findSecret(value, body, label).map((path) => path.slice(0, 300)),
    );
    expect(leaks).toEqual([]);
  });

  it('the scan itself finds a key in a message, a cause, error data and bytes', () => {
    const error = new Error(`boom ${TEST_KEY}`);
    const wrapped = Object.assign(new Error('outer', { cause: error }), {
      data: { nested: [TEST_KEY] },
    });
    expect(findSecret(wrapped, TEST_KEY).length).toBeGreaterThanOrEqual(3);
    expect(findSecret({ bytes: new TextEncoder().encode(`x${TEST_KEY}x`) }, TEST_KEY)).toEqual([
      '$.bytes<bytes>',
    ]);
  });
});

describe('where the key is sent', () => {
  it('only as `Authorization: Bearer` to the configured origin; never to another origin, never in a URL', async () => {
    server.reset(successHandler);
    const p = provider();
    await p.image('dall-e-3').doGenerate({ ...IMAGE_CALL, n: 4 });
    await p.speech('qwen3-tts-flash').doGenerate({ text: '你好' });
    await p.video('veo-3.1-generate-preview').doStatus!({
      operation: { taskId: 'task_same', endpoint: 'video/generations' },
    });
    await p.chat('gpt-4o').doGenerate({ prompt: USER_PROMPT });

    const cdn = server.requests.filter((r) => r.path.startsWith('/cdn/'));
    const gateway = server.requests.filter((r) => !r.path.startsWith('/cdn/'));
    expect(cdn.map((r) => r.path).sort()).toEqual([
      '/cdn/audio/a.mp3',
      '/cdn/img/cdn.png',
      '/cdn/img/redirected.png',
    ]);
    for (const request of cdn) {
      expect(request.headers.authorization, request.path).toBeUndefined();
      expect(JSON.stringify(request.headers), request.path).not.toContain(TEST_KEY.slice(3));
    }
    expect(gateway.map((r) => r.path)).toEqual(
      expect.arrayContaining([
        '/v1/files/same-origin.png',
        '/v1/files/redirect.png',
        '/v1/files/v.mp4',
      ]),
    );
    for (const request of gateway) {
      expect(request.headers.authorization, request.path).toBe(`Bearer ${TEST_KEY}`);
      expect(request.path).not.toContain(TEST_KEY.slice(3));
      expect(request.body.toString('latin1')).not.toContain(TEST_KEY.slice(3));
    }
  });

  it('a redirect from the gateway to another origin drops the key', async () => {
    server.reset(successHandler);
    await provider()
      .image('dall-e-3')
      .doGenerate({ ...IMAGE_CALL, n: 4 });
    const redirected = server.requests.find((r) => r.path === '/cdn/img/redirected.png');
    expect(redirected).toBeDefined();
    expect(redirected!.headers.authorization).toBeUndefined();
  });

  it('the key is loaded lazily: creating a provider without one works; the call fails with LoadAPIKeyError and sends nothing', async () => {
    vi.stubEnv('MIXROUTER_API_KEY', undefined as unknown as string);
    try {
      server.reset(successHandler);
      const p = createMixRouter({ baseURL: server.baseURL });
      const model = p.chat('gpt-4o');
      const error = await model.doGenerate({ prompt: USER_PROMPT }).catch((e: unknown) => e);
      expect(LoadAPIKeyError.isInstance(error)).toBe(true);
      expect(server.requests).toHaveLength(0);
      vi.stubEnv('MIXROUTER_API_KEY', TEST_KEY);
      await model.doGenerate({ prompt: USER_PROMPT });
      expect(server.requests[0]!.headers.authorization).toBe(`Bearer ${TEST_KEY}`);
    } finally {
      vi.unstubAllEnvs();
    }
  });

  it('a key with surrounding whitespace (read from a file) is trimmed, not rejected', async () => {
    server.reset(successHandler);
    await provider({ apiKey: ` ${TEST_KEY}\n` })
      .chat('gpt-4o')
      .doGenerate({ prompt: USER_PROMPT });
    expect(server.requests[0]!.headers.authorization).toBe(`Bearer ${TEST_KEY}`);
  });

  it('models and providers do not expose the key as data', () => {
    const p = provider();
    const models = [
      p,
      p.chat('gpt-4o'),
      p.messages('claude-sonnet-4-5'),
      p.embedding('text-embedding-3-small'),
      p.image('gpt-image-1'),
      p.speech('tts-1'),
      p.transcription('whisper-1'),
      p.video('sora-2'),
    ];
    for (const model of models) {
      expect(findSecret(model, TEST_KEY.slice(3))).toEqual([]);
      expect(JSON.stringify(model) ?? '').not.toContain(TEST_KEY.slice(3));
    }
  });
});
