import { APICallError } from '@ai-sdk/provider';
import { lazySchema, zodSchema } from '@ai-sdk/provider-utils';
import { describe, expect, it } from 'vitest';
import { z } from 'zod/v4';
import {
  classifyMixRouterError,
  createMixRouterAPIError,
  createMixRouterJsonResponseHandler,
  extractMixRouterErrorFields,
  formatMixRouterErrorMessage,
  getRequestId,
  isMixRouterError,
  isMixRouterErrorRetryable,
  MixRouterAPIError,
  mixrouterFailedResponseHandler,
  summariseNonJsonBody,
} from './mixrouter-error';
import { HOSTILE_INPUTS } from './test-utils/hostile-inputs';

const URL_ = 'https://api.mixrouter.test/v1/chat/completions';
const RID = '20260101120000123456789AbCdEfGh';

function response(
  status: number,
  body: string,
  headers: Record<string, string> = {},
  statusText = '',
) {
  return new Response(body.length > 0 ? body : null, { status, headers, statusText });
}

describe('extractMixRouterErrorFields', () => {
  it.each([
    [
      'OpenAI-route shape',
      {
        error: {
          message: `Invalid token (request id: ${RID})`,
          type: 'new_api_error',
          param: '',
          code: '',
        },
      },
      {
        message: `Invalid token (request id: ${RID})`,
        type: 'new_api_error',
        code: undefined,
        param: undefined,
      },
    ],
    [
      'numeric upstream code',
      { error: { message: 'bad', type: 'upstream_error', code: 1210 } },
      { message: 'bad', type: 'upstream_error', code: '1210', param: undefined },
    ],
    [
      '/v1/messages shape (code in error.type)',
      { type: 'error', error: { type: 'model_not_found', message: 'no channel' } },
      { message: 'no channel', type: 'model_not_found', code: 'model_not_found', param: undefined },
    ],
    [
      'msg instead of message',
      { error: { msg: 'oops', code: 'x' } },
      { message: 'oops', code: 'x', type: undefined, param: undefined },
    ],
    ['bare string error', { error: 'upstream exploded' }, { message: 'upstream exploded' }],
    [
      'task-route shape',
      { code: 'task_not_exist', message: 'task_not_exist', data: null },
      { message: 'task_not_exist', code: 'task_not_exist' },
    ],
    [
      'MiniMax 200 with base_resp (choices null)',
      {
        id: '',
        choices: null,
        object: 'chat.completion',
        usage: { total_tokens: 0, prompt_tokens: 0, completion_tokens: 0 },
        base_resp: {
          status_code: 2013,
          status_msg: 'invalid params, temperature must be in (0, 1]',
        },
      },
      {
        message: 'MiniMax error 2013: invalid params, temperature must be in (0, 1]',
        code: 'invalid_request',
      },
    ],
    [
      'MiniMax rate limit in base_resp',
      { choices: null, base_resp: { status_code: 1002, status_msg: 'rate limit exceeded(RPM)' } },
      { message: 'MiniMax error 1002: rate limit exceeded(RPM)', code: 'rate_limit_exceeded' },
    ],
  ])('reads the %s', (_, body, expected) => {
    expect(extractMixRouterErrorFields(body)).toEqual(expected);
  });

  it.each([
    ['a chat completion', { id: 'x', object: 'chat.completion', choices: [] }],
    [
      'a MiniMax answer with base_resp success',
      { choices: [{ index: 0 }], base_resp: { status_code: 0, status_msg: '' } },
    ],
    ['a success envelope', { code: 'success', message: '', data: {} }],
    ['a chunk with code/message and choices', { code: 0, message: 'ok', choices: [] }],
    ['an empty error object', { error: {} }],
    ['error: null', { error: null }],
    ['an empty error string', { error: '' }],
    ['an array', [{ error: 'x' }]],
    ['a string', 'error'],
    ['null', null],
  ])('returns undefined for %s', (_, value) => {
    expect(extractMixRouterErrorFields(value)).toBeUndefined();
  });
});

describe('classification and retries', () => {
  it.each([
    [401, undefined, 'authentication', false],
    [402, undefined, 'insufficient-quota', false],
    [403, undefined, 'permission', false],
    [403, 'insufficient_user_quota', 'insufficient-quota', false],
    [403, 'pre_consume_token_quota_failed', 'insufficient-quota', false],
    [404, undefined, 'invalid-request', false],
    [400, undefined, 'invalid-request', false],
    [413, 'read_request_body_failed', 'invalid-request', false],
    [408, undefined, 'timeout', true],
    [409, undefined, 'unknown', true],
    [429, undefined, 'rate-limit', true],
    [500, 'invalid_request', 'invalid-request', false],
    [500, 'do_request_failed', 'upstream', true],
    // deterministic gateway codes (new-api types/error.go): never retried, whatever the status
    [500, 'sensitive_words_detected', 'invalid-request', false],
    [200, 'sensitive_words_detected', 'invalid-request', false],
    [500, 'prompt_blocked', 'invalid-request', false],
    [403, 'violation_fee.grok.csam', 'invalid-request', false],
    [500, 'count_token_failed', 'invalid-request', false],
    [400, 'model_price_error', 'invalid-request', false],
    [500, 'convert_request_failed', 'invalid-request', false],
    [500, 'json_marshal_failed', 'invalid-request', false],
    [500, 'invalid_api_type', 'invalid-request', false],
    [400, 'bad_request_body', 'invalid-request', false],
    [500, 'channel:param_override_invalid', 'invalid-request', false],
    [500, 'channel:model_mapped_error', 'invalid-request', false],
    [403, 'access_denied', 'permission', false],
    [403, 'entitlement_required', 'permission', false],
    [429, 'entitlement_daily_limit_exceeded', 'insufficient-quota', false],
    [403, 'entitlement_total_limit_exceeded', 'insufficient-quota', false],
    // transient: another attempt may reach another channel
    [500, 'bad_response_body', 'upstream', true],
    [500, 'empty_response', 'upstream', true],
    [500, 'channel:response_time_exceeded', 'upstream', true],
    [500, 'channel:no_available_key', 'upstream', true],
    [429, 'token_concurrency_limit_reached', 'rate-limit', true],
    [200, 'token_concurrency_unavailable', 'rate-limit', true],
    [502, undefined, 'upstream', true],
    [503, 'model_not_found', 'model-not-found', true],
    [504, undefined, 'timeout', true],
    [524, undefined, 'timeout', true],
    [200, 'rate_limit_exceeded', 'rate-limit', true],
    [200, 'some_other_code', 'unknown', false],
    [undefined, undefined, 'unknown', false],
  ] as const)('HTTP %s code %s → %s, retryable %s', (status, code, kind, retryable) => {
    expect(classifyMixRouterError(status, code)).toBe(kind);
    expect(isMixRouterErrorRetryable(status, code)).toBe(retryable);
  });
});

describe('formatMixRouterErrorMessage', () => {
  it('keeps the message, adds the request id once and the HTTP status once', () => {
    expect(
      formatMixRouterErrorMessage({
        message: 'Invalid token',
        statusCode: 401,
        kind: 'authentication',
        requestId: RID,
      }),
    ).toBe(`MixRouter HTTP 401: Invalid token (request id: ${RID})`);
    expect(
      formatMixRouterErrorMessage({
        message: `Invalid token (request id: ${RID})`,
        statusCode: 401,
        kind: 'authentication',
        requestId: RID,
      }),
    ).toBe(`MixRouter HTTP 401: Invalid token (request id: ${RID})`);
    expect(
      formatMixRouterErrorMessage({
        message: 'MixRouter returned HTTP 502 with an empty body',
        statusCode: 502,
        kind: 'upstream',
        requestId: undefined,
      }),
    ).toBe('MixRouter returned HTTP 502 with an empty body');
  });

  it('adds an English hint to Chinese messages of known kinds', () => {
    expect(
      formatMixRouterErrorMessage({
        message: '无效的令牌',
        statusCode: 401,
        kind: 'authentication',
        requestId: undefined,
      }),
    ).toBe(
      'MixRouter HTTP 401: 无效的令牌 [authentication failed: check the MixRouter API key (MIXROUTER_API_KEY)]',
    );
    expect(
      formatMixRouterErrorMessage({
        message: '用户额度不足, 剩余额度: ＄0.000000',
        statusCode: 403,
        kind: 'insufficient-quota',
        requestId: undefined,
      }),
    ).toContain('[the MixRouter account balance or key quota is exhausted]');
    expect(
      formatMixRouterErrorMessage({
        message: '您已达到请求数限制：1分钟内最多请求60次',
        statusCode: 429,
        kind: 'rate-limit',
        requestId: undefined,
      }),
    ).toContain('[rate limited by MixRouter: slow down and retry later]');
  });

  it('adds no hint to English messages and no status for HTTP 200', () => {
    expect(
      formatMixRouterErrorMessage({
        message: 'Invalid token',
        statusCode: 200,
        kind: 'authentication',
        requestId: undefined,
      }),
    ).toBe('Invalid token');
  });

  it('reads the request id from x-oneapi-request-id, then x-request-id', () => {
    expect(getRequestId({ 'x-oneapi-request-id': 'a', 'x-request-id': 'b' })).toBe('a');
    expect(getRequestId({ 'x-request-id': 'b' })).toBe('b');
    expect(getRequestId(undefined)).toBeUndefined();
  });
});

describe('MixRouterAPIError', () => {
  const error = createMixRouterAPIError({
    fields: { message: 'slow down', code: 'rate_limit', type: 'upstream_error' },
    statusCode: 429,
    url: URL_,
    requestBodyValues: { model: 'gpt-4o' },
    responseHeaders: { 'x-oneapi-request-id': RID },
    responseBody: '{}',
  });

  it('is an APICallError with the gateway fields', () => {
    expect(error).toBeInstanceOf(APICallError);
    expect(APICallError.isInstance(error)).toBe(true);
    expect(isMixRouterError(error)).toBe(true);
    expect(MixRouterAPIError.isMixRouterError(error)).toBe(true);
    expect(error).toMatchObject({
      message: `MixRouter HTTP 429: slow down (request id: ${RID})`,
      statusCode: 429,
      isRetryable: true,
      kind: 'rate-limit',
      code: 'rate_limit',
      type: 'upstream_error',
      requestId: RID,
      data: { message: 'slow down', code: 'rate_limit', type: 'upstream_error', requestId: RID },
    });
  });

  it('isMixRouterError is false for other values', () => {
    const plain = new APICallError({ message: 'x', url: URL_, requestBodyValues: {} });
    for (const value of [plain, new Error('x'), null, undefined, 'x', {}]) {
      expect(isMixRouterError(value)).toBe(false);
      expect(value instanceof MixRouterAPIError).toBe(false);
    }
  });

  it('instanceof recognises an error made by another copy of the class (the other entry)', () => {
    // What the `/core` build's copy of the class leaves on its errors: the same global marker.
    const fromOtherBuild = new APICallError({ message: 'x', url: URL_, requestBodyValues: {} });
    Object.defineProperty(fromOtherBuild, Symbol.for('mixrouter.ai-sdk-provider.error'), {
      value: true,
    });
    expect(fromOtherBuild instanceof MixRouterAPIError).toBe(true);
    expect(error instanceof MixRouterAPIError).toBe(true);
  });
});

describe('mixrouterFailedResponseHandler', () => {
  const handle = (res: Response) =>
    mixrouterFailedResponseHandler({
      response: res,
      url: URL_,
      // A listed model: its model_not_found stays retryable (mixrouter-model-not-found.test.ts).
      requestBodyValues: { model: 'gpt-4o' },
    });

  it('reads a JSON error body', async () => {
    const { value } = await handle(
      response(503, JSON.stringify({ error: { message: '无可用渠道', code: 'model_not_found' } }), {
        'x-oneapi-request-id': RID,
      }),
    );
    expect(value.message).toBe(
      `MixRouter HTTP 503: 无可用渠道 (request id: ${RID}) [no channel serves this model for your key group: check the model id]`,
    );
    expect(value).toMatchObject({
      statusCode: 503,
      isRetryable: true,
      responseBody: expect.any(String),
    });
  });

  it('summarises HTML and reports empty bodies, with status text', async () => {
    const html = await handle(
      response(502, '<html><script>x()</script><h1>Bad   Gateway</h1></html>', {}, 'Bad Gateway'),
    );
    expect(html.value.message).toBe(
      'MixRouter returned HTTP 502 Bad Gateway with a non-JSON body: "Bad Gateway"',
    );
    const empty = await handle(response(429, ''));
    expect(empty.value.message).toBe('MixRouter returned HTTP 429 with an empty body');
    expect(empty.value.isRetryable).toBe(true);
  });

  it('treats JSON without error fields like a non-JSON body', async () => {
    const { value } = await handle(response(500, '{"ok":false}'));
    expect(value.message).toBe('MixRouter returned HTTP 500 with a non-JSON body: "{"ok":false}"');
  });

  it('truncates very long bodies', async () => {
    const { value } = await handle(response(500, 'x'.repeat(1000)));
    expect(value.message.length).toBeLessThan(300);
    expect(value.message.endsWith('…"')).toBe(true);
  });
});

describe('createMixRouterJsonResponseHandler', () => {
  const handler = createMixRouterJsonResponseHandler(
    lazySchema(() => zodSchema(z.looseObject({ id: z.string() }))),
  );
  const handle = (res: Response) => handler({ response: res, url: URL_, requestBodyValues: {} });

  it('returns the parsed value and the raw value', async () => {
    const result = await handle(
      response(200, '{"id":"x","extra":1}', { 'content-type': 'application/json' }),
    );
    expect(result.value).toEqual({ id: 'x', extra: 1 });
    expect(result.rawValue).toEqual({ id: 'x', extra: 1 });
  });

  it('raises the gateway error carried by an HTTP 200', async () => {
    await expect(
      handle(response(200, '{"error":{"message":"quota","code":"insufficient_user_quota"}}')),
    ).rejects.toMatchObject({
      message: 'quota',
      kind: 'insufficient-quota',
      statusCode: 200,
      isRetryable: false,
    });
  });

  it('raises readable errors for non-JSON and mismatched bodies', async () => {
    await expect(handle(response(200, 'not json'))).rejects.toThrow(
      'MixRouter returned a response that is not JSON: "not json"',
    );
    await expect(handle(response(200, '{"id":1}'))).rejects.toThrow(
      /^Invalid JSON response from MixRouter/,
    );
  });

  it('rejects prototype-polluting bodies', async () => {
    await expect(
      handle(response(200, '{"id":"x","__proto__":{"polluted":true}}')),
    ).rejects.toBeInstanceOf(APICallError);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('summariseNonJsonBody', () => {
  it.each([
    [
      '<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>',
      '502 Bad Gateway 502 Bad Gateway nginx',
    ],
    ['<STYLE type="text/css">h1{color:red}</STYLE><Script>if (a<b) x()</SCRIPT>ok', 'ok'],
    ['<scripts>kept</scripts> <styles>too</styles>', 'kept too'],
    ['plain   text\r\n\twith\u000bspaces', 'plain text with spaces'],
    ['a < b and c', 'a < b and c'],
    ['x <b>y</b> and 1 < 2', 'x y and 1 < 2'],
    ['<p>open <b>tag', 'open tag'],
    ['<script>never closed', ''],
    ['', ''],
  ])('%j → %j', (body, summary) => {
    expect(summariseNonJsonBody(body)).toBe(summary);
  });

  it('cuts at 200 characters with an ellipsis', () => {
    expect(summariseNonJsonBody(`<p>${'word '.repeat(100)}</p>`)).toBe(
      `${'word '.repeat(40).slice(0, 200)}…`,
    );
  });

  it('reads only a bounded prefix: text after 16 KB of markup is not reached', () => {
    expect(summariseNonJsonBody(`${'<br>'.repeat(5000)}late text`)).toBe('');
    expect(summariseNonJsonBody(`${'<br>'.repeat(3000)}early text`)).toBe('early text');
  });

  it.each(HOSTILE_INPUTS.filter((input) => input.kind === 'error-body'))(
    'hostile 1 MB body $name: a short summary through the failed-response handler',
    async ({ build }) => {
      const body = build(1_000_000);
      const { value } = await mixrouterFailedResponseHandler({
        url: URL_,
        requestBodyValues: {},
        response: new Response(body, { status: 502, headers: { 'content-type': 'text/html' } }),
      });
      expect(value.statusCode).toBe(502);
      expect(value.responseBody).toBe(body);
      const summary = /non-JSON body: "(.*)"$/s.exec(value.message)?.[1];
      expect(summary).toBeDefined();
      expect(summary!.length).toBeLessThanOrEqual(201);
      expect(summary).toBe(summariseNonJsonBody(body.slice(0, 16 * 1024)));
    },
  );
});
