import { createTestServer } from '@ai-sdk/test-server/with-vitest';
import { createProviderRegistry, generateText } from 'ai';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MixRouterChatLanguageModel } from './chat/mixrouter-chat-language-model';
import { createMixRouter, mixrouter } from './mixrouter-main';
import { MIXROUTER_DEFAULT_BASE_URL } from './mixrouter-provider';
import {
  CHAT_URL,
  callOptions,
  createTestProvider,
  jsonResponse,
  messageResponse,
} from './test-utils/chat';

const server = createTestServer({ [CHAT_URL]: {} });

afterEach(() => {
  vi.restoreAllMocks();
});

describe('createMixRouter', () => {
  it('is callable and implements ProviderV4', () => {
    const provider = createTestProvider();
    expect(provider.specificationVersion).toBe('v4');
    const model = provider('gpt-4o');
    expect(model).toBeInstanceOf(MixRouterChatLanguageModel);
    expect(model).toMatchObject({
      specificationVersion: 'v4',
      provider: 'mixrouter.chat',
      modelId: 'gpt-4o',
    });
    expect(provider.languageModel('claude-sonnet-4-5-20250929').modelId).toBe(
      'claude-sonnet-4-5-20250929',
    );
    expect(provider.chat('any-unlisted-model').modelId).toBe('any-unlisted-model');
  });

  it('cannot be called with new', () => {
    const provider = createTestProvider() as unknown as new (id: string) => unknown;
    expect(() => new provider('gpt-4o')).toThrow(/cannot be called with `new`/);
  });

  it('chat(id) posts to {baseURL}/chat/completions', async () => {
    server.urls[CHAT_URL].response = jsonResponse(messageResponse({ content: 'Hi' }));
    await createTestProvider().chat('gpt-4o').doGenerate(callOptions());
    expect(server.calls[0].requestUrl).toBe(CHAT_URL);
    expect(server.calls[0].requestMethod).toBe('POST');
  });

  it('passes provider headers and generateId through', async () => {
    server.urls[CHAT_URL].response = jsonResponse(
      messageResponse(
        { content: null, tool_calls: [{ function: { name: 'f', arguments: '{}' } }] },
        'tool_calls',
      ),
    );
    const result = await createMixRouter({
      apiKey: 'sk-test',
      baseURL: 'https://api.mixrouter.test/v1',
      headers: { 'X-Title': 'my-app' },
      generateId: () => 'fixed-id',
    })('gpt-4o').doGenerate(callOptions());
    expect(server.calls[0].requestHeaders['x-title']).toBe('my-app');
    expect(result.content).toMatchObject([{ type: 'tool-call', toolCallId: 'fixed-id' }]);
  });

  it('exports a default instance that does not need a key until called', () => {
    expect(MIXROUTER_DEFAULT_BASE_URL).toBe('https://api.mixrouter.com/v1');
    expect(mixrouter('gpt-4o').provider).toBe('mixrouter.chat');
  });
});

describe('inside the ai package', () => {
  it('works in createProviderRegistry with "mixrouter:gpt-4o" and logs no warning', async () => {
    const warn = vi.spyOn(console, 'warn');
    server.urls[CHAT_URL].response = jsonResponse(
      messageResponse({ content: 'Hello from the registry' }),
    );
    const registry = createProviderRegistry({ mixrouter: createTestProvider() });
    const model = registry.languageModel('mixrouter:gpt-4o');
    expect(model.specificationVersion).toBe('v4');
    const result = await generateText({ model, prompt: 'Hi' });
    expect(result.text).toBe('Hello from the registry');
    expect((await server.calls[0].requestBodyJson).model).toBe('gpt-4o');
    expect(warn).not.toHaveBeenCalled();
  });
});
