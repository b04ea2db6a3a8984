import { APICallError } from '@ai-sdk/provider';
import { createTestServer } from '@ai-sdk/test-server/with-vitest';
import { describe, expect, it } from 'vitest';
import { isMixRouterError, type MixRouterAPIError } from '../mixrouter-error';
import { CHAT_URL, callOptions, errorResponse, jsonResponse, testModel } from '../test-utils/chat';

const server = createTestServer({ [CHAT_URL]: {} });

const REQUEST_ID = '20260101120000123456789AbCdEfGh';

function gatewayError(message: string, code = '', type = 'new_api_error') {
  return { error: { message, type, param: '', code } };
}

async function generateError(modelId = 'gpt-4o'): Promise<MixRouterAPIError> {
  try {
    await testModel(modelId).doGenerate(callOptions());
  } catch (error) {
    return error as MixRouterAPIError;
  }
  throw new Error('doGenerate did not throw');
}

async function streamError(modelId = 'gpt-4o'): Promise<MixRouterAPIError> {
  try {
    await testModel(modelId).doStream(callOptions());
  } catch (error) {
    return error as MixRouterAPIError;
  }
  throw new Error('doStream did not throw');
}

describe('gateway error bodies', () => {
  it('becomes an APICallError and a MixRouterAPIError with the gateway message and request id', async () => {
    server.urls[CHAT_URL].response = errorResponse(
      401,
      gatewayError(`Invalid token (request id: ${REQUEST_ID})`),
      { 'x-oneapi-request-id': REQUEST_ID },
    );
    for (const error of [await generateError(), await streamError()]) {
      expect(APICallError.isInstance(error)).toBe(true);
      expect(isMixRouterError(error)).toBe(true);
      expect(error.message).toBe(`MixRouter HTTP 401: Invalid token (request id: ${REQUEST_ID})`);
      expect(error).toMatchObject({
        statusCode: 401,
        isRetryable: false,
        kind: 'authentication',
        type: 'new_api_error',
        code: undefined,
        requestId: REQUEST_ID,
        url: CHAT_URL,
      });
      expect(error.data).toEqual({
        message: `Invalid token (request id: ${REQUEST_ID})`,
        type: 'new_api_error',
        code: undefined,
        param: undefined,
        requestId: REQUEST_ID,
      });
      expect(error.responseHeaders?.['x-oneapi-request-id']).toBe(REQUEST_ID);
      expect(error.requestBodyValues).toMatchObject({ model: 'gpt-4o' });
    }
  });

  it('adds the request id from the header when the message lacks it', async () => {
    server.urls[CHAT_URL].response = errorResponse(
      400,
      gatewayError(
        'Unsupported parameter: extra_body',
        'unsupported_parameter',
        'invalid_request_error',
      ),
      { 'x-oneapi-request-id': REQUEST_ID },
    );
    const error = await generateError();
    expect(error.message).toBe(
      `MixRouter HTTP 400: Unsupported parameter: extra_body (request id: ${REQUEST_ID})`,
    );
    expect(error).toMatchObject({ kind: 'invalid-request', code: 'unsupported_parameter' });
  });

  it('keeps a Chinese message and adds an English hint', async () => {
    server.urls[CHAT_URL].response = errorResponse(
      503,
      gatewayError(
        `分组 default 下模型 gpt-4o 无可用渠道（distributor） (request id: ${REQUEST_ID})`,
        'model_not_found',
      ),
    );
    // A listed model: likely a channel outage, so still retryable (an unlisted id is not:
    // mixrouter-model-not-found.test.ts).
    const error = await generateError('gpt-4o');
    expect(error.message).toContain('分组 default 下模型 gpt-4o 无可用渠道（distributor）');
    expect(error.message).toContain('no channel serves this model for your key group');
    expect(error).toMatchObject({ kind: 'model-not-found', statusCode: 503, isRetryable: true });
  });

  it('reads numeric upstream codes', async () => {
    server.urls[CHAT_URL].response = errorResponse(
      400,
      gatewayError('Invalid request', 1210 as unknown as string, 'upstream_error'),
    );
    expect((await generateError()).code).toBe('1210');
  });

  it.each([
    [408, '', true, 'timeout'],
    [409, '', true, 'unknown'],
    [429, '', true, 'rate-limit'],
    [500, 'do_request_failed', true, 'upstream'],
    [502, 'bad_response_body', true, 'upstream'],
    [503, 'model_not_found', true, 'model-not-found'],
    [504, '', true, 'timeout'],
    [500, 'invalid_request', false, 'invalid-request'],
    [400, '', false, 'invalid-request'],
    [401, '', false, 'authentication'],
    [403, '', false, 'permission'],
    [403, 'insufficient_user_quota', false, 'insufficient-quota'],
  ])('HTTP %i code "%s": retryable %s, kind %s', async (status, code, retryable, kind) => {
    server.urls[CHAT_URL].response = errorResponse(status, gatewayError('failure', code));
    const error = await generateError();
    expect(error).toMatchObject({ statusCode: status, isRetryable: retryable, kind });
  });

  it('treats an empty-body 429 as retryable with a readable message', async () => {
    server.urls[CHAT_URL].response = { type: 'empty', status: 429 };
    for (const error of [await generateError(), await streamError()]) {
      expect(APICallError.isInstance(error)).toBe(true);
      expect(error).toMatchObject({ statusCode: 429, isRetryable: true, kind: 'rate-limit' });
      expect(error.message).toMatch(/^MixRouter returned HTTP 429.* with an empty body$/);
    }
  });

  it('summarises an HTML 502 page with the status', async () => {
    server.urls[CHAT_URL].response = errorResponse(
      502,
      '<html><head><title>502 Bad Gateway</title><style>body{color:red}</style></head><body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>',
      { 'content-type': 'text/html' },
    );
    const error = await generateError();
    expect(error.message).toMatch(
      /^MixRouter returned HTTP 502.* with a non-JSON body: "502 Bad Gateway 502 Bad Gateway nginx"$/,
    );
    expect(error.message).not.toContain('<');
    expect(error).toMatchObject({ statusCode: 502, isRetryable: true, kind: 'upstream' });
    expect(error.responseBody).toContain('<html>');
  });

  it('reads the /v1/messages error shape and a bare string error', async () => {
    server.urls[CHAT_URL].response = errorResponse(400, {
      type: 'error',
      error: {
        type: 'invalid_request_error',
        message: 'max_tokens: must be greater than thinking.budget_tokens',
      },
    });
    expect((await generateError()).message).toBe(
      'MixRouter HTTP 400: max_tokens: must be greater than thinking.budget_tokens',
    );
    server.urls[CHAT_URL].response = errorResponse(500, { error: 'upstream exploded' });
    expect((await generateError()).message).toBe('MixRouter HTTP 500: upstream exploded');
  });
});

describe('errors inside HTTP 200 responses', () => {
  const body = gatewayError(
    `当前分组上游负载已饱和，请稍后再试 (request id: ${REQUEST_ID})`,
    'rate_limit_exceeded',
    'upstream_error',
  );

  it('raises the gateway error (generate) instead of a schema mismatch', async () => {
    server.urls[CHAT_URL].response = jsonResponse(body, { 'x-oneapi-request-id': REQUEST_ID });
    const error = await generateError();
    expect(isMixRouterError(error)).toBe(true);
    expect(error.message).toBe(
      `当前分组上游负载已饱和，请稍后再试 (request id: ${REQUEST_ID}) [rate limited by MixRouter: slow down and retry later]`,
    );
    expect(error).toMatchObject({
      statusCode: 200,
      code: 'rate_limit_exceeded',
      type: 'upstream_error',
      requestId: REQUEST_ID,
      kind: 'rate-limit',
      isRetryable: true,
    });
    expect(error.responseBody).toBe(JSON.stringify(body));
  });

  it('raises the gateway error (stream request answered with JSON)', async () => {
    server.urls[CHAT_URL].response = jsonResponse(body, { 'x-oneapi-request-id': REQUEST_ID });
    const error = await streamError();
    expect(isMixRouterError(error)).toBe(true);
    expect(error).toMatchObject({
      statusCode: 200,
      code: 'rate_limit_exceeded',
      requestId: REQUEST_ID,
    });
  });

  it('raises a task-route style error body', async () => {
    server.urls[CHAT_URL].response = jsonResponse({
      code: 'task_not_exist',
      message: 'task_not_exist',
      data: null,
    });
    expect(await generateError()).toMatchObject({ code: 'task_not_exist', statusCode: 200 });
  });

  it('gives a readable APICallError for a 200 body that is not JSON', async () => {
    server.urls[CHAT_URL].response = {
      type: 'binary',
      body: Buffer.from('<html><body>Maintenance</body></html>'),
      headers: { 'content-type': 'text/html' },
    };
    const error = await generateError();
    expect(APICallError.isInstance(error)).toBe(true);
    expect(error.message).toBe('MixRouter returned a response that is not JSON: "Maintenance"');
    expect(error.isRetryable).toBe(false);
  });

  it('gives an APICallError for a 200 body of the wrong structure', async () => {
    server.urls[CHAT_URL].response = jsonResponse({ id: 'x', choices: 'none' });
    const error = await generateError();
    expect(APICallError.isInstance(error)).toBe(true);
    expect(error.message).toMatch(/^Invalid JSON response from MixRouter/);
  });
});
