import { InvalidArgumentError, LoadAPIKeyError } from '@ai-sdk/provider';
import { createTestServer } from '@ai-sdk/test-server/with-vitest';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  CHAT_URL,
  callOptions,
  createTestProvider,
  jsonResponse,
  messageResponse,
  TEST_PROMPT,
  testModel,
} from '../test-utils/chat';
import { readJsonFixture } from '../test-utils/sse';

const server = createTestServer({ [CHAT_URL]: {} });

function respondWith(name: string, headers?: Record<string, string>) {
  server.urls[CHAT_URL].response = jsonResponse(readJsonFixture(name), headers);
}

describe('doGenerate: seed responses', () => {
  it('maps the gemini-2.0-flash seed body (full new-api usage object)', async () => {
    respondWith('gemini-2.0-flash', { 'x-oneapi-request-id': '20251226074613833316175pDor54M8' });
    const result = await testModel('gemini-2.0-flash').doGenerate(callOptions());

    expect(result.content).toMatchInlineSnapshot(`
      [
        {
          "text": "The image depicts two people in an office setting. A woman stands to the left, holding a tablet, while a man sits at a desk to the right, working on a laptop. Both individuals have green location pin icons above their heads. A Wi-Fi symbol is visible in the upper right corner. The background includes a window, a bookshelf, and abstract shapes. The color scheme is predominantly blue and white.",
          "type": "text",
        },
      ]
    `);
    expect(result.finishReason).toEqual({ unified: 'stop', raw: 'stop' });
    expect(result.usage).toMatchInlineSnapshot(`
      {
        "inputTokens": {
          "cacheRead": 0,
          "cacheWrite": undefined,
          "noCache": 1986,
          "total": 1986,
        },
        "outputTokens": {
          "reasoning": 0,
          "text": 83,
          "total": 83,
        },
        "raw": {
          "claude_cache_creation_1_h_tokens": 0,
          "claude_cache_creation_5_m_tokens": 0,
          "completion_tokens": 83,
          "completion_tokens_details": {
            "audio_tokens": 0,
            "reasoning_tokens": 0,
            "text_tokens": 0,
          },
          "input_tokens": 0,
          "input_tokens_details": null,
          "output_tokens": 0,
          "output_tokens_details": {
            "audio_tokens": 0,
            "reasoning_tokens": 0,
            "text_tokens": 0,
          },
          "prompt_tokens": 1986,
          "prompt_tokens_details": {
            "audio_tokens": 175,
            "cached_tokens": 0,
            "image_tokens": 0,
            "text_tokens": 5,
          },
          "total_tokens": 2069,
        },
      }
    `);
    expect(result.response).toMatchObject({
      id: 'chatcmpl-toio20251226074613833316175pDor54M8',
      modelId: 'gemini-2.0-flash',
      timestamp: new Date(1766735188 * 1000),
    });
    expect(result.response?.headers).toMatchObject({
      'x-oneapi-request-id': '20251226074613833316175pDor54M8',
    });
    expect(result.response?.body).toEqual(readJsonFixture('gemini-2.0-flash'));
    expect(result.providerMetadata).toEqual({
      mixrouter: {
        requestId: '20251226074613833316175pDor54M8',
        upstreamModel: 'gemini-2.0-flash',
      },
    });
    expect(result.warnings).toEqual([]);
  });

  it('maps the qwen3-max seed body (DashScope usage without details)', async () => {
    respondWith('qwen3-max');
    const result = await testModel('qwen3-max').doGenerate(callOptions());
    expect(result.content).toHaveLength(1);
    expect(result.content[0]).toMatchObject({ type: 'text' });
    expect((result.content[0] as { text: string }).text).toContain(
      '**1 + 2 + 3 + … + 100 = 5050**',
    );
    expect(result.usage).toMatchInlineSnapshot(`
      {
        "inputTokens": {
          "cacheRead": 0,
          "cacheWrite": undefined,
          "noCache": 22,
          "total": 22,
        },
        "outputTokens": {
          "reasoning": undefined,
          "text": 176,
          "total": 176,
        },
        "raw": {
          "completion_tokens": 176,
          "prompt_tokens": 22,
          "prompt_tokens_details": {
            "cached_tokens": 0,
          },
          "total_tokens": 198,
        },
      }
    `);
    expect(result.response).toMatchObject({
      id: 'chatcmpl-7c273072-cc0d-4d23-883a-1a3f99ad295a',
      modelId: 'qwen3-max',
    });
  });

  it('survives the placeholder doc example (unknown finish reason, created 0, role "string")', async () => {
    respondWith('qwen2.5-vl-72b-instruct-doc-example');
    const result = await testModel('qwen2.5-vl-72b-instruct').doGenerate(callOptions());
    expect(result.content).toEqual([
      { type: 'reasoning', text: 'string' },
      { type: 'text', text: 'string' },
    ]);
    expect(result.finishReason).toEqual({ unified: 'other', raw: 'string' });
    expect(result.response?.timestamp).toBeUndefined();
    expect(result.response?.modelId).toBe('string');
  });
});

describe('doGenerate: request', () => {
  it('posts the converted prompt and returns it as request.body', async () => {
    server.urls[CHAT_URL].response = jsonResponse(messageResponse({ content: 'Hi' }));
    const result = await testModel('gpt-4o').doGenerate(
      callOptions({
        prompt: [
          { role: 'system', content: 'Be terse.' },
          ...TEST_PROMPT,
          { role: 'assistant', content: [{ type: 'text', text: 'Hi!' }] },
          { role: 'user', content: [{ type: 'text', text: 'Sum 1..100?' }] },
        ],
        maxOutputTokens: 300,
        temperature: 0.5,
        topP: 0.9,
        stopSequences: ['END'],
        seed: 42,
        presencePenalty: 0.1,
        frequencyPenalty: 0.2,
      }),
    );
    const body = await server.calls[0].requestBodyJson;
    expect(body).toMatchInlineSnapshot(`
      {
        "frequency_penalty": 0.2,
        "max_tokens": 300,
        "messages": [
          {
            "content": "Be terse.",
            "role": "system",
          },
          {
            "content": "Hello",
            "role": "user",
          },
          {
            "content": "Hi!",
            "role": "assistant",
          },
          {
            "content": "Sum 1..100?",
            "role": "user",
          },
        ],
        "model": "gpt-4o",
        "presence_penalty": 0.1,
        "seed": 42,
        "stop": [
          "END",
        ],
        "temperature": 0.5,
        "top_p": 0.9,
      }
    `);
    expect(result.request?.body).toEqual(body);
    expect(server.calls[0].requestUrl).toBe(CHAT_URL);
    expect(server.calls[0].requestMethod).toBe('POST');
  });

  it('passes abortSignal to fetch', async () => {
    server.urls[CHAT_URL].response = jsonResponse(messageResponse({ content: 'Hi' }));
    const controller = new AbortController();
    controller.abort();
    await expect(
      testModel('gpt-4o').doGenerate(callOptions({ abortSignal: controller.signal })),
    ).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('rejects maxOutputTokens >= 2^30 before any request', async () => {
    const model = testModel('gpt-4o');
    await expect(model.doGenerate(callOptions({ maxOutputTokens: 2 ** 30 }))).rejects.toSatisfy(
      InvalidArgumentError.isInstance,
    );
    await expect(model.doStream(callOptions({ maxOutputTokens: 2 ** 31 }))).rejects.toSatisfy(
      InvalidArgumentError.isInstance,
    );
    await expect(model.doGenerate(callOptions({ maxOutputTokens: 0 }))).rejects.toThrow(
      /maxOutputTokens must be a positive integer below 2\^30/,
    );
    expect(server.calls).toHaveLength(0);
  });

  it.each([
    ['an unknown key', { reasoningEfort: 'high' }],
    ['a wrong type', { user: 42 }],
    ['a wrong enum value', { reasoningEffort: 'extreme' }],
    ['a negative thinking budget', { thinkingBudget: -1 }],
  ])('rejects providerOptions with %s before any request', async (_, mixrouter) => {
    await expect(
      testModel('gpt-4o').doGenerate(callOptions({ providerOptions: { mixrouter } })),
    ).rejects.toSatisfy(InvalidArgumentError.isInstance);
    expect(server.calls).toHaveLength(0);
  });

  it('ignores provider options of other providers', async () => {
    server.urls[CHAT_URL].response = jsonResponse(messageResponse({ content: 'Hi' }));
    await testModel('gpt-4o').doGenerate(
      callOptions({ providerOptions: { openai: { reasoningEffort: 'high', anything: 1 } } }),
    );
    expect(await server.calls[0].requestBodyJson).toEqual({
      model: 'gpt-4o',
      messages: [{ role: 'user', content: 'Hello' }],
    });
  });
});

describe('headers and credentials', () => {
  const originalKey = process.env.MIXROUTER_API_KEY;
  const originalBaseURL = process.env.MIXROUTER_BASE_URL;
  afterEach(() => {
    if (originalKey === undefined) delete process.env.MIXROUTER_API_KEY;
    else process.env.MIXROUTER_API_KEY = originalKey;
    if (originalBaseURL === undefined) delete process.env.MIXROUTER_BASE_URL;
    else process.env.MIXROUTER_BASE_URL = originalBaseURL;
  });

  it('sends the key, provider and call headers, and our user-agent after ai’s', async () => {
    server.urls[CHAT_URL].response = jsonResponse(messageResponse({ content: 'Hi' }));
    const provider = createTestProvider({ headers: { 'X-Provider': 'p', 'X-Both': 'provider' } });
    await provider('gpt-4o').doGenerate(
      callOptions({
        headers: {
          'user-agent': 'ai/7.0.0',
          'X-Call': 'c',
          'X-Both': 'call',
          'X-Unset': undefined,
        },
      }),
    );
    const headers = server.calls[0].requestHeaders;
    expect(headers.authorization).toBe('Bearer sk-test');
    expect(headers['content-type']).toBe('application/json');
    expect(headers).toMatchObject({ 'x-provider': 'p', 'x-call': 'c', 'x-both': 'call' });
    expect(headers).not.toHaveProperty('x-unset');
    const ua = server.calls[0].requestUserAgent;
    expect(ua).toContain('ai/7.0.0');
    expect(ua).toMatch(/ai-sdk-mixrouter\/\S+/);
  });

  it('adds the user-agent token when the call has no headers (stream too)', async () => {
    server.urls[CHAT_URL].response = {
      type: 'stream-chunks',
      chunks: ['data: [DONE]\n\n'],
    };
    await testModel('gpt-4o').doStream(callOptions());
    expect(server.calls[0].requestUserAgent).toContain('ai-sdk-mixrouter/');
    expect(server.calls[0].requestHeaders.authorization).toBe('Bearer sk-test');
  });

  it('reads MIXROUTER_API_KEY at call time and names it when missing', async () => {
    delete process.env.MIXROUTER_API_KEY;
    const provider = createTestProvider({ apiKey: undefined });
    const model = provider('gpt-4o'); // creating the model must not throw
    await expect(model.doGenerate(callOptions())).rejects.toSatisfy(
      (error: unknown) =>
        LoadAPIKeyError.isInstance(error) && error.message.includes('MIXROUTER_API_KEY'),
    );
    expect(server.calls).toHaveLength(0);

    process.env.MIXROUTER_API_KEY = 'sk-from-env';
    server.urls[CHAT_URL].response = jsonResponse(messageResponse({ content: 'Hi' }));
    await model.doGenerate(callOptions());
    expect(server.calls[0].requestHeaders.authorization).toBe('Bearer sk-from-env');
  });

  it('tolerates a trailing slash in baseURL', async () => {
    server.urls[CHAT_URL].response = jsonResponse(messageResponse({ content: 'Hi' }));
    await createTestProvider({ baseURL: 'https://api.mixrouter.test/v1/' })('gpt-4o').doGenerate(
      callOptions(),
    );
    expect(server.calls[0].requestUrl).toBe(CHAT_URL);
  });

  it('respects MIXROUTER_BASE_URL', async () => {
    process.env.MIXROUTER_BASE_URL = 'https://api.mixrouter.test/v1/';
    server.urls[CHAT_URL].response = jsonResponse(messageResponse({ content: 'Hi' }));
    await createTestProvider({ baseURL: undefined })('gpt-4o').doGenerate(callOptions());
    expect(server.calls[0].requestUrl).toBe(CHAT_URL);
  });

  it('uses a custom fetch', async () => {
    server.urls[CHAT_URL].response = jsonResponse(messageResponse({ content: 'Hi' }));
    const fetch = vi.fn(globalThis.fetch);
    await createTestProvider({ fetch })('gpt-4o').doGenerate(callOptions());
    expect(fetch).toHaveBeenCalledOnce();
    expect(fetch.mock.calls[0]![0]).toBe(CHAT_URL);
  });
});

describe('doGenerate: response shapes', () => {
  it('keeps a Claude tool-call answer with content "" as tool calls only', async () => {
    respondWith('claude-sonnet-4-5-tool-calls');
    const result = await testModel('claude-sonnet-4-5-20250929').doGenerate(callOptions());
    expect(result.content).toMatchInlineSnapshot(`
      [
        {
          "input": "{"city":"Paris"}",
          "toolCallId": "toolu_01A09q90qw90lq917835lq9",
          "toolName": "get_weather",
          "type": "tool-call",
        },
        {
          "input": "{"zone":"Europe/Paris"}",
          "toolCallId": "toolu_01B7hSZxR1mKyQ8vWc3nGp2",
          "toolName": "get_time",
          "type": "tool-call",
        },
      ]
    `);
    expect(result.finishReason).toEqual({ unified: 'tool-calls', raw: 'tool_calls' });
    expect(result.response?.id).toBe('msg_01XFDUDYJgAACzvnptvVoYEL');
    // Claude prompt_tokens exclude cache reads and writes (no usage_semantic): V4 wants the total.
    expect(result.usage.inputTokens).toEqual({
      total: 2512,
      noCache: 412,
      cacheRead: 1800,
      cacheWrite: 300,
    });
  });

  it.each([
    ['stop', 'stop'],
    [null, undefined],
  ])('reports tool-calls when tool calls come with finish_reason %s', async (raw, expected) => {
    const body = readJsonFixture('kimi-k2-tool-call-stop') as {
      choices: [{ finish_reason: unknown }];
    };
    body.choices[0].finish_reason = raw;
    server.urls[CHAT_URL].response = jsonResponse(body);
    const result = await testModel('kimi-k2-0905').doGenerate(callOptions());
    expect(result.finishReason).toEqual({ unified: 'tool-calls', raw: expected });
    expect(result.content).toEqual([
      { type: 'text', text: 'Let me check.' },
      {
        type: 'tool-call',
        toolCallId: 'get_weather:0',
        toolName: 'get_weather',
        input: '{"city": "Paris"}',
      },
    ]);
  });

  it.each([
    ['a string', 'Hi there', [{ type: 'text', text: 'Hi there' }]],
    ['null', null, []],
    ['an empty string', '', []],
    [
      'an array of text parts',
      [
        { type: 'text', text: 'Hi ' },
        { type: 'text', text: 'there' },
      ],
      [{ type: 'text', text: 'Hi there' }],
    ],
    ['a number (wrong type)', 42, []],
  ])('accepts content as %s', async (_, content, expected) => {
    server.urls[CHAT_URL].response = jsonResponse(messageResponse({ content }));
    const result = await testModel('gpt-4o').doGenerate(callOptions());
    expect(result.content).toEqual(expected);
  });

  it('reads `reasoning` (OpenRouter/vLLM style) as reasoning content', async () => {
    server.urls[CHAT_URL].response = jsonResponse(
      messageResponse({ content: 'Answer', reasoning: 'Because.' }),
    );
    const result = await testModel('qwen3-235b-a22b').doGenerate(callOptions());
    expect(result.content).toEqual([
      { type: 'reasoning', text: 'Because.' },
      { type: 'text', text: 'Answer' },
    ]);
  });

  it('accepts a body without total_tokens, usage, created or choices', async () => {
    server.urls[CHAT_URL].response = jsonResponse({
      id: 'x',
      model: 'm',
      choices: [{ message: { content: 'ok' }, finish_reason: 'length' }],
      usage: { prompt_tokens: 3, completion_tokens: 2 },
    });
    const result = await testModel('gpt-4o').doGenerate(callOptions());
    expect(result.finishReason).toEqual({ unified: 'length', raw: 'length' });
    expect(result.usage.inputTokens.total).toBe(3);
    expect(result.usage.outputTokens.total).toBe(2);

    server.urls[CHAT_URL].response = jsonResponse({ id: 'y', choices: null });
    const empty = await testModel('gpt-4o').doGenerate(callOptions());
    expect(empty.content).toEqual([]);
    expect(empty.finishReason).toEqual({ unified: 'other', raw: undefined });
    expect(empty.usage.inputTokens.total).toBeUndefined();
  });

  it('maps refusals to text and keeps upstream cost in provider metadata', async () => {
    server.urls[CHAT_URL].response = jsonResponse(
      messageResponse({ content: null, refusal: 'I cannot help with that.' }, 'content_filter', {
        usage: { prompt_tokens: 5, completion_tokens: 3, total_tokens: 8, cost: 0.0012 },
      }),
    );
    const result = await testModel('gpt-4o').doGenerate(callOptions());
    expect(result.content).toEqual([{ type: 'text', text: 'I cannot help with that.' }]);
    expect(result.finishReason).toEqual({ unified: 'content-filter', raw: 'content_filter' });
    expect(result.providerMetadata?.mixrouter).toMatchObject({ cost: 0.0012 });
  });

  it('maps url_citation annotations to deduplicated source parts', async () => {
    respondWith('gpt-4o-annotations');
    const result = await testModel('gpt-4o').doGenerate(callOptions());
    expect(result.content).toMatchInlineSnapshot(`
      [
        {
          "text": "The AI SDK 7 release notes are on the Vercel blog.",
          "type": "text",
        },
        {
          "id": "id-0",
          "sourceType": "url",
          "title": "AI SDK 7",
          "type": "source",
          "url": "https://vercel.com/blog/ai-sdk-7",
        },
        {
          "id": "id-1",
          "sourceType": "url",
          "type": "source",
          "url": "https://ai-sdk.dev/docs",
        },
      ]
    `);
  });

  it('generates tool-call ids when the upstream sends none', async () => {
    server.urls[CHAT_URL].response = jsonResponse(
      messageResponse(
        {
          content: null,
          tool_calls: [
            { type: 'function', function: { name: 'a', arguments: '{}' } },
            { id: '', type: 'function', function: { name: 'b', arguments: { x: 1 } } },
          ],
        },
        'tool_calls',
      ),
    );
    const result = await testModel('gpt-4o').doGenerate(callOptions());
    expect(result.content).toEqual([
      { type: 'tool-call', toolCallId: 'id-0', toolName: 'a', input: '{}' },
      { type: 'tool-call', toolCallId: 'id-1', toolName: 'b', input: '{"x":1}' },
    ]);
  });
});
