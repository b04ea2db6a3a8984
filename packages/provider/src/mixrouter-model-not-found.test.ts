import { createTestServer } from '@ai-sdk/test-server/with-vitest';
import { generateText } from 'ai';
import { describe, expect, it } from 'vitest';
import { mixrouterFailedResponseHandler } from './mixrouter-error';
import { createMixRouter } from './mixrouter-main';
import { unlistedModelNotFound } from './mixrouter-model-not-found';
import { CHAT_URL, errorResponse, TEST_BASE_URL } from './test-utils/chat';

// new-api's answer when no channel serves the model for the key's group (HTTP 503).
const MODEL_NOT_FOUND = (model: string) => ({
  error: {
    message: `分组 default 下模型 ${model} 无可用渠道（distributor） (request id: 20260101120000123456789AbCdEfGh)`,
    type: 'new_api_error',
    param: '',
    code: 'model_not_found',
  },
});

const server = createTestServer({ [CHAT_URL]: {} });

async function failure(url: string, requestBodyValues: unknown, model: string) {
  const { value } = await mixrouterFailedResponseHandler({
    response: new Response(JSON.stringify(MODEL_NOT_FOUND(model)), { status: 503 }),
    url,
    requestBodyValues,
  });
  return value;
}

describe('model_not_found', () => {
  it('for an id the catalogue does not list: not retried, names the model, points to listModels()', async () => {
    const error = await failure(CHAT_URL, { model: 'gpt-4o-typo' }, 'gpt-4o-typo');
    expect(error.isRetryable).toBe(false);
    expect(error.message).toContain("Model 'gpt-4o-typo' is not in the MixRouter model catalogue");
    expect(error.message).toContain('listModels()');
    expect(error.message).toContain('request id: 20260101120000123456789AbCdEfGh');
  });

  it('for a listed model: stays retryable (likely a channel outage)', async () => {
    const error = await failure(CHAT_URL, { model: 'gpt-4o' }, 'gpt-4o');
    expect(error.isRetryable).toBe(true);
    expect(error.message).not.toContain('listModels()');
  });

  it.each([
    [
      'chat / embeddings / images / speech (JSON body)',
      CHAT_URL,
      { model: 'qwen-maxx' },
      'qwen-maxx',
    ],
    [
      'transcriptions (form fields)',
      `${TEST_BASE_URL}/audio/transcriptions`,
      { model: 'whisper-2x' },
      'whisper-2x',
    ],
    [
      'Gemini native (model in the URL)',
      'https://api.mixrouter.test/v1beta/models/gemini-9-typo:streamGenerateContent?alt=sse',
      { contents: [] },
      'gemini-9-typo',
    ],
  ])('finds the model on every route: %s', (_, url, body, model) => {
    expect(unlistedModelNotFound({ code: 'model_not_found', url, requestBodyValues: body })).toBe(
      model,
    );
  });

  it('ignores other codes and listed models', () => {
    expect(
      unlistedModelNotFound({
        code: 'insufficient_user_quota',
        url: CHAT_URL,
        requestBodyValues: { model: 'x-typo' },
      }),
    ).toBeUndefined();
    expect(
      unlistedModelNotFound({
        code: 'model_not_found',
        url: CHAT_URL,
        requestBodyValues: { model: 'claude-sonnet-4-5-20250929' },
      }),
    ).toBeUndefined();
  });

  it('generateText makes one attempt for a mistyped id', async () => {
    const provider = createMixRouter({ apiKey: 'sk-test', baseURL: TEST_BASE_URL });
    server.urls[CHAT_URL].response = errorResponse(503, MODEL_NOT_FOUND('gpt-4o-typo'));
    await expect(generateText({ model: provider('gpt-4o-typo'), prompt: 'hi' })).rejects.toThrow(
      /gpt-4o-typo.*listModels\(\)/,
    );
    expect(server.calls).toHaveLength(1);
  });
});
