import { LoadAPIKeyError } from '@ai-sdk/provider';
import { createTestServer } from '@ai-sdk/test-server/with-vitest';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createMixRouter } from './mixrouter-main';
import { MIXROUTER_DEFAULT_BASE_URL } from './mixrouter-provider';
import {
  CHAT_URL,
  callOptions,
  jsonResponse,
  messageResponse,
  TEST_BASE_URL,
} from './test-utils/chat';

const server = createTestServer({ [CHAT_URL]: {} });

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('empty settings and environment variables', () => {
  it('MIXROUTER_API_KEY= (empty) is reported as empty, not as a key with bad characters', async () => {
    vi.stubEnv('MIXROUTER_API_KEY', '');
    const model = createMixRouter({ baseURL: TEST_BASE_URL }).chat('gpt-4o');
    const attempt = model.doGenerate(callOptions());
    await expect(attempt).rejects.toThrow(LoadAPIKeyError);
    await expect(model.doGenerate(callOptions())).rejects.toThrow(
      /MIXROUTER_API_KEY is set but empty/,
    );
    expect(server.calls).toHaveLength(0);
  });

  it('an empty apiKey setting says so', async () => {
    const model = createMixRouter({ apiKey: '  ', baseURL: TEST_BASE_URL }).chat('gpt-4o');
    await expect(model.doGenerate(callOptions())).rejects.toThrow(
      /apiKey setting is an empty string/,
    );
  });

  it('MIXROUTER_BASE_URL= (empty) is treated as unset', async () => {
    vi.stubEnv('MIXROUTER_BASE_URL', '');
    let requested = '';
    const recording = createMixRouter({
      apiKey: 'sk-test',
      fetch: async (input) => {
        requested = String(input instanceof Request ? input.url : input);
        return new Response(JSON.stringify(messageResponse({ content: 'Hi' })), {
          headers: { 'content-type': 'application/json' },
        });
      },
    });
    await recording.chat('gpt-4o').doGenerate(callOptions());
    expect(requested).toBe(`${MIXROUTER_DEFAULT_BASE_URL}/chat/completions`);
  });

  it('an empty or blank baseURL setting is treated as unset too; a real one is used as is', async () => {
    vi.stubEnv('MIXROUTER_BASE_URL', `${TEST_BASE_URL}/`);
    server.urls[CHAT_URL].response = jsonResponse(messageResponse({ content: 'Hi' }));
    await createMixRouter({ apiKey: 'sk-test', baseURL: ' ' })
      .chat('gpt-4o')
      .doGenerate(callOptions());
    expect(server.calls[0]!.requestUrl).toBe(CHAT_URL);
  });
});
