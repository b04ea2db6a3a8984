import { APICallError } from '@ai-sdk/provider';
import { isAbortError } from '@ai-sdk/provider-utils';
import { generateText } from 'ai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  isMixRouterError,
  type MixRouterAPIError,
  type MixRouterErrorKind,
} from '../mixrouter-error';
import { type FakeServer, hang, startFakeServer } from './helpers/fake-server';
import {
  answerWith,
  callsForEveryModelType,
  errorOf,
  IMAGE_CALL,
  testProvider,
  USER_PROMPT,
  VIDEO_CALL,
} from './helpers/models';
import { readAll } from './helpers/stream-checks';

const REQUEST_ID = '20260101120000123456789AbCdEfGh';

// Calls whose model id the catalogue does not list (tts-1, whisper-1, bge-reranker-v2-m3): a
// model_not_found for them reads as a typo and is not retried (mixrouter-model-not-found.ts).
const UNLISTED_CALLS = ['speech', 'transcription', 'reranking'];

type Case = {
  name: string;
  status: number;
  body: string | object | undefined;
  headers?: Record<string, string>;
  kind: MixRouterErrorKind;
  retryable: boolean;
  /** Calls for which this case is final anyway (see UNLISTED_CALLS). */
  notRetriedFor?: string[];
  code?: string;
  type?: string;
  /** Substrings the message must contain. */
  message: string[];
  /** An English hint is expected (Chinese gateway message). */
  hint?: RegExp;
};

const gatewayError = (message: string, code = '', type = 'new_api_error') => ({
  error: { message, type, param: '', code },
});

const CASES: Case[] = [
  {
    name: '401 Chinese invalid token',
    status: 401,
    body: gatewayError(`无效的令牌 (request id: ${REQUEST_ID})`),
    headers: { 'x-oneapi-request-id': REQUEST_ID },
    kind: 'authentication',
    retryable: false,
    type: 'new_api_error',
    message: ['HTTP 401', '无效的令牌', REQUEST_ID],
    hint: /authentication failed: check the MixRouter API key/,
  },
  {
    name: '401 English invalid token',
    status: 401,
    body: gatewayError('Invalid token'),
    kind: 'authentication',
    retryable: false,
    message: ['HTTP 401', 'Invalid token'],
  },
  {
    name: '403 insufficient_user_quota',
    status: 403,
    body: gatewayError('用户额度不足, 剩余额度: ¥0.012', 'insufficient_user_quota'),
    kind: 'insufficient-quota',
    retryable: false,
    code: 'insufficient_user_quota',
    message: ['HTTP 403', '用户额度不足'],
    hint: /balance or key quota is exhausted/,
  },
  {
    name: '403 pre_consume_token_quota_failed',
    status: 403,
    body: gatewayError('预扣费额度失败', 'pre_consume_token_quota_failed'),
    kind: 'insufficient-quota',
    retryable: false,
    code: 'pre_consume_token_quota_failed',
    message: ['HTTP 403', '预扣费额度失败'],
    hint: /quota/,
  },
  {
    name: '403 plain (model not allowed for this token)',
    status: 403,
    body: gatewayError('该令牌无权访问模型 gpt-4o'),
    kind: 'permission',
    retryable: false,
    message: ['HTTP 403', '该令牌无权访问模型 gpt-4o'],
    hint: /not allowed/,
  },
  {
    name: '503 model_not_found',
    status: 503,
    body: gatewayError('分组 default 下模型 gpt-9 无可用渠道（distributor）', 'model_not_found'),
    kind: 'model-not-found',
    retryable: true,
    notRetriedFor: UNLISTED_CALLS,
    code: 'model_not_found',
    message: ['HTTP 503', '无可用渠道'],
    hint: /check the model id/,
  },
  {
    name: '429 per-user limit (Chinese)',
    status: 429,
    body: gatewayError('您已达到请求数限制：1分钟内最多请求10次'),
    kind: 'rate-limit',
    retryable: true,
    message: ['HTTP 429', '您已达到请求数限制'],
    hint: /rate limited/,
  },
  {
    name: '429 with an empty body',
    status: 429,
    body: undefined,
    kind: 'rate-limit',
    retryable: true,
    message: ['HTTP 429', 'empty body'],
  },
  {
    name: '400 invalid request',
    status: 400,
    body: gatewayError('无效的请求, 请联系管理员'),
    kind: 'invalid-request',
    retryable: false,
    message: ['HTTP 400', '无效的请求'],
    hint: /rejected the request body/,
  },
  {
    name: '400 model_price_error',
    status: 400,
    body: gatewayError('模型 x 倍率或价格未配置', 'model_price_error'),
    kind: 'invalid-request',
    retryable: false,
    code: 'model_price_error',
    message: ['HTTP 400', '倍率或价格未配置'],
    hint: /rejected the request body/,
  },
  {
    name: '500 invalid_request (gateway validation with the wrong status)',
    status: 500,
    body: gatewayError('field messages is required', 'invalid_request'),
    kind: 'invalid-request',
    retryable: false,
    code: 'invalid_request',
    message: ['HTTP 500', 'field messages is required'],
  },
  {
    name: '413 body too large',
    status: 413,
    body: gatewayError('read request body failed', 'read_request_body_failed'),
    kind: 'invalid-request',
    retryable: false,
    message: ['HTTP 413'],
  },
  {
    name: '500 upstream unreachable',
    status: 500,
    body: gatewayError('do request failed: dial tcp: i/o timeout', 'do_request_failed'),
    kind: 'upstream',
    retryable: true,
    code: 'do_request_failed',
    message: ['HTTP 500', 'do request failed'],
  },
  {
    name: '502 upstream error relayed (numeric code, upstream type)',
    status: 502,
    body: { error: { message: 'Overloaded', type: 'overloaded_error', code: 529 } },
    kind: 'upstream',
    retryable: true,
    code: '529',
    type: 'overloaded_error',
    message: ['HTTP 502', 'Overloaded'],
  },
  {
    name: '502 HTML page from a proxy',
    status: 502,
    body: '<html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1><hr>nginx</body></html>',
    headers: { 'content-type': 'text/html' },
    kind: 'upstream',
    retryable: true,
    message: ['502', 'Bad Gateway', 'nginx'],
  },
  {
    name: '504 gateway timeout (HTML)',
    status: 504,
    body: '<html><body>504 Gateway Time-out</body></html>',
    headers: { 'content-type': 'text/html' },
    kind: 'timeout',
    retryable: true,
    message: ['504', 'Gateway Time-out'],
  },
  {
    name: '500 with an empty body',
    status: 500,
    body: undefined,
    kind: 'upstream',
    retryable: true,
    message: ['HTTP 500', 'empty body'],
  },
  {
    name: '401 /v1/messages body shape',
    status: 401,
    body: { type: 'error', error: { type: 'authentication_error', message: '无效的令牌' } },
    kind: 'authentication',
    retryable: false,
    code: 'authentication_error',
    type: 'authentication_error',
    message: ['HTTP 401', '无效的令牌'],
    hint: /authentication failed/,
  },
  {
    name: '503 /v1/messages body shape with model_not_found',
    status: 503,
    body: { type: 'error', error: { type: 'model_not_found', message: 'No available channel' } },
    kind: 'model-not-found',
    retryable: true,
    notRetriedFor: UNLISTED_CALLS,
    code: 'model_not_found',
    message: ['HTTP 503', 'No available channel'],
  },
  {
    name: '429 task-route body shape (rewritten Chinese message)',
    status: 429,
    body: { code: 'upstream_saturated', message: '当前分组上游负载已饱和，请稍后再试', data: null },
    kind: 'rate-limit',
    retryable: true,
    code: 'upstream_saturated',
    message: ['HTTP 429', '当前分组上游负载已饱和'],
    hint: /rate limited/,
  },
  {
    name: '404 task-route body shape (task not found)',
    status: 404,
    body: { code: 'task_not_exist', message: 'task_not_exist', data: null },
    kind: 'invalid-request',
    retryable: false,
    code: 'task_not_exist',
    message: ['HTTP 404', 'task_not_exist'],
  },
];

function expectTaxonomy(error: unknown, c: Case, label: string) {
  if (!isMixRouterError(error)) {
    throw new Error(
      `${label}: not a MixRouter error: ${(error as Error)?.name}: ${(error as Error)?.message}`,
    );
  }
  const e = error as MixRouterAPIError;
  expect(APICallError.isInstance(e), label).toBe(true);
  expect(e.statusCode, label).toBe(c.status);
  expect(e.kind, label).toBe(c.kind);
  const final = c.notRetriedFor?.some((call) => label.endsWith(`/ ${call}`)) ?? false;
  expect(e.isRetryable, label).toBe(c.retryable && !final);
  if (c.code !== undefined) expect(e.code, label).toBe(c.code);
  if (c.type !== undefined) expect(e.type, label).toBe(c.type);
  if (c.headers?.['x-oneapi-request-id'] !== undefined) {
    expect(e.requestId, label).toBe(c.headers['x-oneapi-request-id']);
    expect(e.data, label).toMatchObject({ requestId: c.headers['x-oneapi-request-id'] });
  }
  for (const part of c.message) expect(e.message, label).toContain(part);
  if (c.hint !== undefined) expect(e.message, label).toMatch(c.hint);
  else expect(e.message, label).not.toMatch(/\[[a-z].*\]$/);
}

describe('error taxonomy: every status and body shape', () => {
  for (const c of CASES) {
    it(`${c.name} (chat generate, chat stream, embeddings, images, speech, transcription, video, list models)`, async () => {
      const calls = callsForEveryModelType(
        testProvider({ fetch: answerWith(c.status, c.body, c.headers) }),
      );
      for (const [label, call] of Object.entries(calls)) {
        expectTaxonomy(await errorOf(call), c, `${c.name} / ${label}`);
      }
    });
  }

  it('a request id header is added to a message that lacks it', async () => {
    const error = (await errorOf(
      callsForEveryModelType(
        testProvider({
          fetch: answerWith(429, gatewayError('slow down'), { 'x-oneapi-request-id': 'R-42' }),
        }),
      )['chat generate'],
    )) as MixRouterAPIError;
    expect(error.requestId).toBe('R-42');
    expect(error.message).toBe('MixRouter HTTP 429: slow down (request id: R-42)');
  });

  it('an error written into an open 200 stream is a MixRouter error too (no status, not retryable)', async () => {
    const sse =
      'data: {"id":"x","choices":[{"index":0,"delta":{"content":"Hi"}}]}\n\n' +
      '{"error":{"message":"上游错误","type":"upstream_error","code":"bad_response_body"}}\n' +
      'data: [DONE]\n\n';
    const provider = testProvider({
      fetch: async () => new Response(sse, { headers: { 'content-type': 'text/event-stream' } }),
    });
    const { stream } = await provider.chat('gpt-4o').doStream({ prompt: USER_PROMPT });
    const parts = await readAll(stream);
    const error = (
      parts.find((p) => (p as { type: string }).type === 'error') as { error: MixRouterAPIError }
    ).error;
    expect(isMixRouterError(error)).toBe(true);
    expect(error).toMatchObject({
      code: 'bad_response_body',
      type: 'upstream_error',
      statusCode: undefined,
    });
    expect(error.isRetryable).toBe(false);
    expect(error.message).toContain('上游错误');
  });
});

describe('retries through `ai`', () => {
  function recordingFetch(responses: Array<() => Response>) {
    const times: number[] = [];
    const fetch = async () => {
      times.push(performance.now());
      const next = responses[Math.min(times.length - 1, responses.length - 1)]!;
      return next();
    };
    return { fetch, times };
  }

  const ok = () =>
    new Response(
      JSON.stringify({
        id: 'x',
        created: 1767268800,
        model: 'gpt-4o',
        choices: [
          { index: 0, message: { role: 'assistant', content: 'done' }, finish_reason: 'stop' },
        ],
        usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
      }),
      { headers: { 'content-type': 'application/json' } },
    );

  const limited = (headers: Record<string, string>, body?: object) => () =>
    new Response(body === undefined ? null : JSON.stringify(body), {
      status: 429,
      headers: body === undefined ? headers : { 'content-type': 'application/json', ...headers },
    });

  it.each<{ header: Record<string, string>; wait: number; body: object | undefined }>([
    { header: { 'retry-after-ms': '300' }, wait: 300, body: gatewayError('您已达到请求数限制') },
    { header: { 'retry-after': '0.4' }, wait: 400, body: gatewayError('rate limited') },
    { header: { 'retry-after-ms': '250' }, wait: 250, body: undefined },
  ])('429 with $header waits about that long, then succeeds', async ({ header, wait, body }) => {
    const { fetch, times } = recordingFetch([limited(header, body), ok]);
    const result = await generateText({
      model: testProvider({ fetch }).chat('gpt-4o'),
      prompt: 'hi',
      maxRetries: 1,
    });
    expect(result.text).toBe('done');
    expect(times).toHaveLength(2);
    const waited = times[1]! - times[0]!;
    // `ai`'s default first backoff is 2000 ms: well above every header value used here.
    expect(waited).toBeGreaterThanOrEqual(wait - 20);
    expect(waited).toBeLessThan(wait + 700);
  });

  it('503 model_not_found is retried; 400, 401, 403 and deterministic 500s (invalid_request, sensitive_words_detected) are not', async () => {
    const retried = recordingFetch([
      () =>
        new Response(JSON.stringify(gatewayError('无可用渠道', 'model_not_found')), {
          status: 503,
          headers: { 'content-type': 'application/json', 'retry-after-ms': '10' },
        }),
      ok,
    ]);
    await generateText({
      model: testProvider({ fetch: retried.fetch }).chat('gpt-4o'),
      prompt: 'hi',
      maxRetries: 1,
    });
    expect(retried.times).toHaveLength(2);

    for (const [status, code] of [
      [400, ''],
      [401, ''],
      [403, ''],
      [403, 'insufficient_user_quota'],
      [500, 'invalid_request'],
      [500, 'sensitive_words_detected'],
      [500, 'prompt_blocked'],
    ] as const) {
      const once = recordingFetch([
        () =>
          new Response(JSON.stringify(gatewayError('nope', code)), {
            status,
            headers: { 'content-type': 'application/json', 'retry-after-ms': '10' },
          }),
      ]);
      const error = await errorOf(() =>
        generateText({
          model: testProvider({ fetch: once.fetch }).chat('gpt-4o'),
          prompt: 'hi',
          maxRetries: 2,
        }),
      );
      expect(once.times, `${status} ${code}`).toHaveLength(1);
      expect(isMixRouterError(error)).toBe(true);
    }
  });
});

describe('timeouts', () => {
  let server: FakeServer;
  beforeAll(async () => {
    server = await startFakeServer(() => hang());
  });
  afterAll(() => server.close());

  it('a gateway that never answers + AbortSignal.timeout(50) ends promptly with a timeout error', async () => {
    const provider = testProvider({ baseURL: server.baseURL });
    const started = performance.now();
    const error = await errorOf(() =>
      generateText({
        model: provider.chat('gpt-4o'),
        prompt: 'hi',
        abortSignal: AbortSignal.timeout(50),
      }),
    );
    const elapsed = performance.now() - started;
    expect(elapsed).toBeLessThan(1000);
    expect(isAbortError(error)).toBe(true);
    expect((error as Error).name).toBe('TimeoutError');
    const [request] = await server.waitForRequests(1);
    await request!.closed;
    expect(request!.closedEarly).toBe(true);
  });

  it('a custom fetch that never answers (but honours its signal) + AbortSignal.timeout(50), on every model type', async () => {
    const neverAnswers = (_input: unknown, init?: RequestInit) =>
      new Promise<Response>((_, reject) => {
        init?.signal?.addEventListener('abort', () => reject(init.signal!.reason), { once: true });
      });
    const started = performance.now();
    const signalled = testProvider({ fetch: neverAnswers as typeof fetch });
    const errors = await Promise.all([
      errorOf(() =>
        signalled
          .chat('gpt-4o')
          .doGenerate({ prompt: USER_PROMPT, abortSignal: AbortSignal.timeout(50) }),
      ),
      errorOf(() =>
        signalled
          .chat('gpt-4o')
          .doStream({ prompt: USER_PROMPT, abortSignal: AbortSignal.timeout(50) }),
      ),
      errorOf(() =>
        signalled
          .embedding('text-embedding-3-small')
          .doEmbed({ values: ['a'], abortSignal: AbortSignal.timeout(50) }),
      ),
      errorOf(() =>
        signalled.speech('tts-1').doGenerate({ text: 'a', abortSignal: AbortSignal.timeout(50) }),
      ),
      errorOf(() =>
        signalled.video('sora-2').doStart!({ ...VIDEO_CALL, abortSignal: AbortSignal.timeout(50) }),
      ),
    ]);
    expect(performance.now() - started).toBeLessThan(1000);
    for (const error of errors) {
      expect(isAbortError(error)).toBe(true);
      expect(isMixRouterError(error)).toBe(false);
    }
  });

  it('a custom fetch that never answers and ignores its signal still ends promptly (generateText + timeout)', async () => {
    const ignoresSignal = (() => new Promise<Response>(() => {})) as unknown as typeof fetch;
    const provider = testProvider({ fetch: ignoresSignal });
    const started = performance.now();
    const errors = await Promise.all([
      errorOf(() =>
        generateText({
          model: provider.chat('gpt-4o'),
          prompt: 'hi',
          abortSignal: AbortSignal.timeout(50),
        }),
      ),
      errorOf(() =>
        provider
          .image('gpt-image-1')
          .doGenerate({ ...IMAGE_CALL, abortSignal: AbortSignal.timeout(50) }),
      ),
      errorOf(() =>
        provider
          .messages('claude-sonnet-4-5')
          .doGenerate({ prompt: USER_PROMPT, abortSignal: AbortSignal.timeout(50) }),
      ),
    ]);
    expect(performance.now() - started).toBeLessThan(1000);
    for (const error of errors) {
      expect(isAbortError(error), String(error)).toBe(true);
      expect((error as Error).name).toBe('TimeoutError');
    }
  });
});
