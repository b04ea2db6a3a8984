import { createAnthropic } from '@ai-sdk/anthropic';
import { createOpenAI } from '@ai-sdk/openai';
import { NoSuchModelError, UnsupportedFunctionalityError } from '@ai-sdk/provider';
import { createTestServer } from '@ai-sdk/test-server/with-vitest';
import { describe, expect, it, vi } from 'vitest';
import { MixRouterChatLanguageModel } from './chat/mixrouter-chat-language-model';
import { createMixRouter as createCoreMixRouter } from './mixrouter-core';
import { createMixRouter } from './mixrouter-main';
import { mixrouterMediaModels } from './mixrouter-media-models';
import { MixRouterNativeLanguageModel } from './native/mixrouter-native-language-model';
import { callOptions, TEST_BASE_URL } from './test-utils/chat';

const RESPONSES_URL = `${TEST_BASE_URL}/responses`;

// The shape the OpenAI Responses API returns (platform.openai.com/docs/api-reference/responses/object).
const responsesBody = {
  id: 'resp_1',
  object: 'response',
  created_at: 1767268800,
  status: 'completed',
  model: 'gpt-5.1-codex',
  output: [
    {
      type: 'message',
      id: 'msg_1',
      role: 'assistant',
      status: 'completed',
      content: [{ type: 'output_text', text: 'from responses', annotations: [] }],
    },
  ],
  incomplete_details: null,
  usage: {
    input_tokens: 3,
    output_tokens: 2,
    input_tokens_details: { cached_tokens: 0 },
    output_tokens_details: { reasoning_tokens: 0 },
  },
};

const server = createTestServer({ [RESPONSES_URL]: {} });

const settings = { apiKey: 'sk-test', baseURL: TEST_BASE_URL };

describe('createMixRouter from /core', () => {
  it('creates chat models like the main entry', () => {
    const model = createCoreMixRouter(settings)('gpt-4o');
    expect(model).toBeInstanceOf(MixRouterChatLanguageModel);
  });

  it.each([
    [
      'responses() without openai',
      (p: ReturnType<typeof createCoreMixRouter>) => p.responses('gpt-5'),
      /@ai-sdk\/openai.*native: \{ openai: createOpenAI \}/,
    ],
    [
      'catalogue routing of a responses-only model',
      (p: ReturnType<typeof createCoreMixRouter>) => p('gpt-5.1-codex'),
      /'gpt-5\.1-codex' uses MixRouter's \/responses route/,
    ],
    [
      'messages() without anthropic',
      (p: ReturnType<typeof createCoreMixRouter>) => p.messages('claude-sonnet-4-5'),
      /native: \{ anthropic: createAnthropic \}/,
    ],
    [
      'gemini() without google',
      (p: ReturnType<typeof createCoreMixRouter>) => p.gemini('gemini-2.5-pro'),
      /native: \{ google: createGoogle \}/,
    ],
  ])('%s fails when the model is created, naming what to pass', (_, create, message) => {
    const provider = createCoreMixRouter(settings);
    expect(() => create(provider)).toThrow(UnsupportedFunctionalityError);
    expect(() => create(provider)).toThrow(message);
  });

  it('uses the official factory passed in `native`', async () => {
    server.urls[RESPONSES_URL].response = { type: 'json-value', body: responsesBody };
    const provider = createCoreMixRouter({ ...settings, native: { openai: createOpenAI } });
    const model = provider('gpt-5.1-codex');
    expect(model).toBeInstanceOf(MixRouterNativeLanguageModel);
    const result = await model.doGenerate(callOptions());
    expect(result.content).toEqual([
      expect.objectContaining({ type: 'text', text: 'from responses' }),
    ]);
    expect(server.calls[0].requestHeaders.authorization).toBe('Bearer sk-test');
  });

  it('routes Claude to /messages only with routing and the anthropic factory', () => {
    const provider = createCoreMixRouter({
      ...settings,
      routing: { anthropic: 'messages' },
      native: { anthropic: createAnthropic },
    });
    expect(provider('claude-sonnet-4-5')).toBeInstanceOf(MixRouterNativeLanguageModel);
  });
});

describe('media models on /core', () => {
  it.each([
    [
      'embedding',
      (p: ReturnType<typeof createCoreMixRouter>) => p.embedding('text-embedding-3-small'),
    ],
    ['image', (p: ReturnType<typeof createCoreMixRouter>) => p.image('gpt-image-1')],
    ['speech', (p: ReturnType<typeof createCoreMixRouter>) => p.speech('tts-1')],
    ['transcription', (p: ReturnType<typeof createCoreMixRouter>) => p.transcription('whisper-1')],
    ['video', (p: ReturnType<typeof createCoreMixRouter>) => p.video('veo-3.1-generate-preview')],
    ['reranking', (p: ReturnType<typeof createCoreMixRouter>) => p.reranking('bge-reranker-v2-m3')],
  ])('%s: a clear error without `media`, a model with it', (kind, create) => {
    expect(() => create(createCoreMixRouter(settings))).toThrow(NoSuchModelError);
    expect(() => create(createCoreMixRouter(settings))).toThrow(
      new RegExp(
        `${kind} models are not part of '@mixrouter/ai-sdk-provider/core'.*media: mixrouterMediaModels`,
      ),
    );
    const model = create(createCoreMixRouter({ ...settings, media: mixrouterMediaModels }));
    expect(model.provider).toBe(`mixrouter.${kind}`);
  });

  it('the main entry always has them', () => {
    expect(createMixRouter(settings).image('gpt-image-1').provider).toBe('mixrouter.image');
  });
});

describe('createMixRouter from the main entry', () => {
  it('prefers a factory passed in `native` over the bundled one', async () => {
    server.urls[RESPONSES_URL].response = { type: 'json-value', body: responsesBody };
    const factory = vi.fn(createOpenAI);
    const model = createMixRouter({ ...settings, native: { openai: factory } }).responses('gpt-5');
    await model.doGenerate(callOptions());
    expect(factory).toHaveBeenCalledOnce();
  });

  it('loads the native providers by itself', async () => {
    server.urls[RESPONSES_URL].response = { type: 'json-value', body: responsesBody };
    const result = await createMixRouter(settings).responses('gpt-5').doGenerate(callOptions());
    expect(result.content[0]).toMatchObject({ type: 'text', text: 'from responses' });
  });
});
